// The pinned compressor (pako) beside node:zlib on the same compressible text, per level.
import { gzipSync } from 'node:zlib';
import { GzipEncoder } from '../../src/weights/gzip.ts';
import { MiB } from './lib.mjs';

export function gzipBench() {
  const size = 32 * MiB;
  const text = Buffer.alloc(size);
  let x = 1;
  const words = ['"tok', 'en": ', '12', '345', ', ', '\n', 'weight', '_decay', '0.0', '1e-5'];
  for (let i = 0; i < size;) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    i += text.write(words[x >>> 28 >= words.length ? 0 : x >>> 28], i);
  }
  const rows = [];
  for (const level of [6, 9]) {
    let t = process.hrtime.bigint();
    const enc = new GzipEncoder(level);
    let out = 0;
    for (let at = 0; at < size; at += 4 * MiB)
      for (const c of enc.push(text.subarray(at, at + 4 * MiB))) out += c.length;
    for (const c of enc.finish()) out += c.length;
    const pako = Number(process.hrtime.bigint() - t) / 1e9;
    t = process.hrtime.bigint();
    const z = gzipSync(text, { level }).length;
    const zlib = Number(process.hrtime.bigint() - t) / 1e9;
    rows.push([`level ${level}`, size / pako / 1e6, out, size / zlib / 1e6, z]);
  }
  return rows;
}
