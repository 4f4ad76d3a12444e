// Local weight sources: a bare path or file:// URI, resolved as Cog's NormalizeURI does
// (relative to the project directory, never escaping it).

import path from 'node:path';
import { cleanPosix, type WeightSourceSpec } from '../../cog/config.js';

export class SourceError extends Error {
  override name = 'SourceError';
}

export function isLocalSource(uri: string): boolean {
  return !uri.includes('://') || uri.startsWith('file://');
}

/** The normalized URI Cog records (`file://./weights`, `file:///abs`). */
export function normalizeFileUri(uri: string): string {
  const raw = uri.startsWith('file://') ? uri.slice('file://'.length) : uri;
  const clean = cleanPosix(raw);
  if (clean.startsWith('/')) return `file://${clean}`;
  if (clean === '.') throw new SourceError('weight source cannot be the project directory itself');
  if (clean.startsWith('..'))
    throw new SourceError(`weight source "${uri}" escapes the project directory`);
  return `file://./${clean}`;
}

/** The directory on this machine a local source names. */
export function localSourceDir(source: WeightSourceSpec, projectDir: string): string {
  const normalized = normalizeFileUri(source.uri);
  return path.resolve(projectDir, normalized.slice('file://'.length));
}
