// Copying into shared memory (range windows, hash slots: SharedArrayBuffers the hash workers
// read). V8 copies into a SharedArrayBuffer with relaxed atomics: word by word when the source
// and the destination addresses agree modulo 8, byte by byte when they do not. A socket's
// chunks come in any length, so most copies into a window were misaligned: 0.3–0.8 s a GiB
// against 0.07–0.1 (measured on this machine), 1.6 CPU-s of a 2 GiB import. A misaligned
// chunk goes through a scratch buffer of ordinary memory first, placed so that the second
// copy is aligned: two fast copies cost less than one slow one.

const WORD = 8;
/** Below this a copy is cheap whichever way it goes. */
const ALIGN_MIN = 1024;
const scratch = new Uint8Array(256 * 1024 + WORD);

/** `target.set(source, offset)`, aligned for a target in shared memory. */
export function copyIntoShared(target: Uint8Array, source: Uint8Array, offset: number): void {
  const to = target.byteOffset + offset;
  if (source.length < ALIGN_MIN || ((to - source.byteOffset) & (WORD - 1)) === 0) {
    target.set(source, offset);
    return;
  }
  // Synchronous, on one thread: the scratch is free whenever this runs.
  const shift = to & (WORD - 1);
  const piece = scratch.length - WORD;
  for (let at = 0; at < source.length; at += piece) {
    const part = source.subarray(at, at + piece);
    scratch.set(part, shift);
    target.set(scratch.subarray(shift, shift + part.length), offset + at);
  }
}
