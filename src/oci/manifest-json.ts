// An image manifest or index (OCI or Docker) as read from JSON. Every field is optional: what a
// peer sent is checked where it is used. One shape for every reader (copy, the weights.json
// layer, verification), and one parser that insists on a JSON object.

import type { Descriptor } from './target.js';
import { TargetError } from './target.js';
import type { Platform } from './index.js';

export interface ManifestJson {
  schemaVersion?: number;
  mediaType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: (Descriptor & { platform?: Partial<Platform> })[];
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

/** `bytes` as a JSON object, or a TargetError naming `what` (e.g. `r/x@sha256:…: image manifest`). */
export function parseJsonObject<T = ManifestJson>(bytes: Uint8Array, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    throw new TargetError(`${what} is not JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TargetError(`${what} is not a JSON object`);
  return value as T;
}
