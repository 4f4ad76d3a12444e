// Reading a layer's tar: its segments walked in order, file contents read into buffers the
// caller supplies. Small files are read whole and synchronously, large ones in chunks.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Yielder } from '../util/yielder.js';
import { SLOT_SIZE } from '../util/hashpool.js';
import type { LayerPlan, PlannedFile } from './layers.js';
import { tarSegments } from './tar.js';

/** Bytes read from a file per chunk (the pool's shared slots are this size). */
export const READ_CHUNK = SLOT_SIZE;
/** Files up to this size are read whole. */
export const SMALL_READ = 256 * 1024;

export class PackError extends Error {
  override name = 'PackError';
}

export interface TarChunk {
  readonly data: Uint8Array;
  /** Set when `data` is file content (not a header or padding). */
  readonly file: PlannedFile | null;
  /** The buffer `data` was read into, to hand back when the consumer is done with it. */
  readonly buffer: Uint8Array | null;
}

/** Where `readTar` gets buffers to read into; a yielded buffer is the consumer's to release. */
export interface BufferSource {
  acquire(): Promise<Uint8Array>;
  release(buffer: Uint8Array): void;
}

export const freshBuffers: BufferSource = {
  acquire: async () => new Uint8Array(READ_CHUNK),
  release: () => undefined,
};

/** A few buffers handed out again and again (a consumer done with each chunk before the next). */
export function reusedBuffers(count = 2): BufferSource {
  // Made on first use: a bundle of small files (read whole, ahead) never needs one.
  const free: Uint8Array[] = [];
  return {
    acquire: async () => free.pop() ?? new Uint8Array(READ_CHUNK),
    release: (b) => {
      if (free.length < count) free.push(b);
    },
  };
}

async function openFile(file: PlannedFile): Promise<FileHandle> {
  try {
    return await open(file.source, 'r');
  } catch (e) {
    throw new PackError(`cannot read ${file.source}: ${(e as Error).message}`);
  }
}

function changed(file: PlannedFile, found: number): PackError {
  return new PackError(
    `${file.source} changed while packing: expected ${file.size} bytes, found ${found}`,
  );
}

/**
 * A small file read whole, synchronously (util/yielder.ts): through the thread pool its open,
 * stat, read and close cost four hops, and reading 20,000 of them kept the gzip worker waiting.
 * It is opened without following a link and without blocking, and must still be a regular
 * file of the planned size (what was planned may have been replaced by a FIFO or a link to a
 * device since: never read it).
 */
function readSmall(file: PlannedFile): Uint8Array {
  let fd;
  try {
    fd = openSync(file.source, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    throw new PackError(`cannot read ${file.source}: ${(e as Error).message}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new PackError(`${file.source} is no longer a regular file`);
    if (st.size !== file.size) throw changed(file, st.size);
    const data = Buffer.allocUnsafe(file.size);
    let done = 0;
    while (done < file.size) {
      const n = readSync(fd, data, done, file.size - done, done);
      if (n === 0) throw changed(file, done);
      done += n;
    }
    // Grown while it was read: its bytes past the plan would go unseen.
    const after = fstatSync(fd).size;
    if (after !== file.size) throw changed(file, after);
    return data;
  } catch (e) {
    if (e instanceof PackError) throw e;
    throw new PackError(`cannot read ${file.source}: ${(e as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Walk the tar of `plan` from byte `start`, reading file contents into buffers from `buffers`
 * (a small file read whole comes in a buffer of its own, `buffer: null`). Whole segments
 * before `start` are skipped without reading; a file is read from the offset inside it. A file
 * whose size no longer matches the plan fails the walk: its bytes would not match the digests.
 */
export async function* readTar(
  plan: LayerPlan,
  buffers: BufferSource,
  start = 0,
): AsyncGenerator<TarChunk> {
  const yielder = new Yielder();
  let at = 0;
  for (const segment of tarSegments(plan.files)) {
    const length = segment.kind === 'bytes' ? segment.data.length : segment.file.size;
    const skip = Math.max(0, start - at);
    at += length;
    if (skip >= length) continue;
    if (segment.kind === 'bytes') {
      yield { data: segment.data.subarray(skip), file: null, buffer: null };
      continue;
    }
    const file = segment.file;
    if (file.size <= SMALL_READ) {
      const data = readSmall(file);
      if (data.length > skip) yield { data: data.subarray(skip), file, buffer: null };
      await yielder.turn();
      continue;
    }
    yield* readLarge(file, buffers, skip);
  }
}

/** A large file in chunks from `skip` on, each in a buffer from `buffers`. */
async function* readLarge(
  file: PlannedFile,
  buffers: BufferSource,
  skip: number,
): AsyncGenerator<TarChunk> {
  const handle = await openFile(file);
  try {
    let done = skip;
    while (done < file.size) {
      const buffer = await buffers.acquire();
      const want = Math.min(buffer.length, file.size - done);
      let bytesRead = 0;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, want, done));
      } finally {
        // A buffer that is not yielded is not the consumer's to release.
        if (bytesRead === 0) buffers.release(buffer);
      }
      if (bytesRead === 0) throw changed(file, done);
      done += bytesRead;
      yield { data: buffer.subarray(0, bytesRead), file, buffer };
    }
    const { size } = await handle.stat();
    if (size !== file.size) throw changed(file, size);
  } finally {
    await handle.close();
  }
}
