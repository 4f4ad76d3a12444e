// Deterministic gzip for tar+gzip layers. The bytes are part of each layer's identity (layer
// digest → manifest digest → weights.lock), so they must not move with the Node runtime's
// zlib: the compressor is pako (a port of zlib 1.2, pinned in package-lock), and its input is
// always fed in the same fixed blocks so that no consumer's read sizes can reach the output.
// (fflate 0.8.3 was tried first: its streaming level-9 output does not inflate.)

import { Deflate } from 'pako';

/** Input block size fed to the compressor. */
export const GZIP_BLOCK = 64 * 1024;

export class GzipEncoder {
  private readonly deflate: Deflate;
  private readonly block = new Uint8Array(GZIP_BLOCK);
  private filled = 0;
  private out: Uint8Array[] = [];

  constructor(level: 6 | 9) {
    // No header options: mtime 0, no name, OS byte 3, XFL 2 at level 9 and 0 at level 6.
    this.deflate = new Deflate({ level, gzip: true, chunkSize: GZIP_BLOCK });
    this.deflate.onData = (chunk) => {
      this.out.push(chunk as Uint8Array);
    };
  }

  /** Compress `data`; returns the compressed bytes that became ready (possibly none). */
  push(data: Uint8Array): Uint8Array[] {
    let at = 0;
    while (at < data.length) {
      const n = Math.min(GZIP_BLOCK - this.filled, data.length - at);
      this.block.set(data.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === GZIP_BLOCK) {
        // pako reads the block during push and keeps no reference, so it can be refilled.
        this.deflate.push(this.block, false);
        this.filled = 0;
      }
    }
    return this.take();
  }

  /** End the stream; returns the last compressed bytes, trailer included. */
  finish(): Uint8Array[] {
    this.deflate.push(this.block.subarray(0, this.filled), true);
    this.filled = 0;
    if (this.deflate.err) throw new Error(`gzip failed: ${this.deflate.msg}`);
    return this.take();
  }

  private take(): Uint8Array[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}
