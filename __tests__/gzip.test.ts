import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GZIP_BLOCK, GzipEncoder } from '../src/weights/gzip.js';

// A fixed, compressible input: the gzip bytes of it are pinned below, so a change of
// compressor, version or block size (which would change every gzip layer digest, manifest
// digest and weights.lock entry we ever wrote) fails here first.
const input = new Uint8Array(300_000);
let x = 1;
for (let i = 0; i < input.length; i++) {
  x = (x * 1103515245 + 12345) >>> 0;
  input[i] = 97 + ((x >>> 16) % 7);
}

function gzip(level: 6 | 9, cuts: number[]): Buffer {
  const g = new GzipEncoder(level);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const cut of [...cuts, input.length]) {
    out.push(...g.push(input.subarray(at, cut)));
    at = cut;
  }
  out.push(...g.finish());
  return Buffer.concat(out);
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('deterministic gzip', () => {
  it.each([
    [6, '7ac4e501ec7f0772ec754f9d94dd420b252783ffb7a8d1e620db703ed3ca4cb4', '1f8b0800000000000003'],
    [9, '4967dcb17f5c9caa9dda81e0fa6beeff9bafe60e44fd66137fc22f68a418c77c', '1f8b0800000000000203'],
  ] as const)(
    'level %i gives pinned bytes whatever the input chunking',
    (level, digest, header) => {
      for (const cuts of [[], [1000], [1, GZIP_BLOCK, GZIP_BLOCK + 7, 200_000]]) {
        const out = gzip(level, cuts);
        expect(sha(out)).toBe(digest);
        expect(out.subarray(0, 10).toString('hex')).toBe(header);
        expect(Buffer.compare(gunzipSync(out), Buffer.from(input))).toBe(0);
      }
    },
  );

  it('compresses empty input to a valid stream', () => {
    const g = new GzipEncoder(6);
    const out = Buffer.concat(g.finish());
    expect(gunzipSync(out).length).toBe(0);
  });
});
