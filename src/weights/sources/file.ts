// Local weight sources: a bare path or file:// URI, resolved against the project directory.

import path from 'node:path';
import type { WeightSourceSpec } from '../../cog/config.js';
import { normalizeFileUri } from './uri.js';

/** The directory on this machine a local source names. */
export function localSourceDir(source: WeightSourceSpec, projectDir: string): string {
  return path.resolve(projectDir, normalizeFileUri(source.uri).slice('file://'.length));
}
