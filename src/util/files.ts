// Reading a small file whole (cog.yaml, weights.lock), bounded: a file that is really a
// device or a huge file (a symlink to /dev/zero) stops at the limit with a clear error
// instead of filling memory.

import { createReadStream } from 'node:fs';
import { BODY_LIMIT, readLimited } from './http.js';

/** The file's text, read up to `limit` bytes; larger is a BodyTooLargeError naming `what`. */
export async function readSmallFile(
  file: string,
  what: string,
  limit: number = BODY_LIMIT.file,
): Promise<string> {
  const stream = createReadStream(file, { highWaterMark: 64 * 1024 });
  try {
    return (await readLimited(stream, limit, what)).toString('utf8');
  } finally {
    stream.destroy();
  }
}

/**
 * A name beside `base` for a file being written, unique to this process and call:
 * `<base><kind>-<pid>-<random>`. Renamed into place when complete, or removed.
 */
export function tempName(base: string, kind = '.tmp'): string {
  return `${base}${kind}-${process.pid}-${Math.random().toString(36).slice(2)}`;
}
