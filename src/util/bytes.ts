// Byte-stream slicing shared by resumable uploads and replays.

/** The stream without its first `offset` bytes. */
export async function* skipBytes(
  source: AsyncIterable<Uint8Array>,
  offset: number,
): AsyncGenerator<Uint8Array> {
  let left = offset;
  for await (const chunk of source) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

/** The first `n` bytes of the stream. */
export async function* takeBytes(
  source: AsyncIterable<Uint8Array>,
  n: number,
): AsyncGenerator<Uint8Array> {
  let left = n;
  if (left <= 0) return;
  for await (const chunk of source) {
    if (chunk.length >= left) {
      yield chunk.subarray(0, left);
      return;
    }
    yield chunk;
    left -= chunk.length;
  }
}
