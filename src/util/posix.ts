// Go's filepath.Clean for the slash-separated paths of containers and weight sources.

import path from 'node:path';

export function cleanPosix(p: string): string {
  if (p === '') return '.';
  const normalized = path.posix.normalize(p);
  return normalized.length > 1 ? normalized.replace(/\/+$/, '') : normalized;
}
