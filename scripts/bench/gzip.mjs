// The pinned compressor (pako) beside node:zlib on the same compressible text, per level.
import { gzipSync } from 'node:zlib';
import { GzipEncoder } from '../../src/weights/gzip.ts';
import { MiB } from './lib.mjs';

export function gzipBench() {
  const size = 32 * MiB;
  // Tokenizer-like JSON: `"<random word>": <id>,` lines, compressible as real vocab files are.
  const text = Buffer.alloc(size);
  let x = 1;
  const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8;
  for (let i = 0, id = 0; i < size; id++) {
    let word = '';
    for (let n = 3 + (rand() % 8); n > 0; n--) word += String.fromCharCode(97 + (rand() % 26));
    i += text.write(`    "${word}": ${id},\n`, i);
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
