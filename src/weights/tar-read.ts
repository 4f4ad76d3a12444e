// Reading a layer's tar: its segments walked in order, file contents read into buffers the
// caller supplies. Small files are read ahead, several at once, so a bundle of thousands of
// them costs the disk's parallelism, not one open/read/stat/close round trip after another;
// what is read ahead is bounded in files and bytes, never proportional to the file count.

import { readFile } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { SLOT_SIZE } from '../util/hashpool.js';
import type { LayerPlan, PlannedFile } from './layers.js';
import { tarSegments } from './tar.js';

/** Bytes read from a file per chunk (the pool's shared slots are this size). */
export const READ_CHUNK = SLOT_SIZE;
/** Files up to this size are read whole, ahead of the consumer. */
export const SMALL_READ = 256 * 1024;
/** Read-ahead bounds: files in flight, and their bytes. */
const AHEAD_FILES = 32;
const AHEAD_BYTES = 4 * 1024 * 1024;

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
 * A small file read whole; its size must still be the planned one. (The callback readFile:
 * one native read loop, a fraction of the cost of a FileHandle's open/read/stat/close.)
 */
function readWhole(file: PlannedFile): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    readFile(file.source, (e, data) => {
      if (e) reject(new PackError(`cannot read ${file.source}: ${e.message}`));
      else if (data.length !== file.size) reject(changed(file, data.length));
      else resolve(data);
    });
  });
}

/**
 * Reads of the small files among `segments`, started ahead of the walk: `take(file)` returns
 * the read of that file (started now if it was not yet), and keeps up to AHEAD_FILES /
 * AHEAD_BYTES of the next ones in flight.
 */
class ReadAhead {
  private readonly upcoming: Iterator<PlannedFile>;
  private bytes = 0;
  private readonly started = new Map<PlannedFile, Promise<Uint8Array>>();

  constructor(files: readonly PlannedFile[]) {
    this.upcoming = files.filter((f) => f.size > 0 && f.size <= SMALL_READ).values();
  }

  take(file: PlannedFile): Promise<Uint8Array> {
    let read = this.started.get(file);
    if (read) {
      this.started.delete(file);
      this.bytes -= file.size;
    } else {
      // Not read ahead (the walk began inside the layer): skip the queue up to it.
      read = readWhole(file);
      for (let f = this.upcoming.next(); !f.done && f.value !== file; f = this.upcoming.next());
    }
    this.fill();
    return read;
  }

  private fill(): void {
    while (this.started.size < AHEAD_FILES && this.bytes < AHEAD_BYTES) {
      const next = this.upcoming.next();
      if (next.done) return;
      const file = next.value;
      const read = readWhole(file);
      read.catch(() => undefined); // taken (and awaited) in order, or dropped with the walk
      this.started.set(file, read);
      this.bytes += file.size;
    }
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
  const ahead = new ReadAhead(plan.files);
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
      const data = await ahead.take(file);
      if (data.length > skip) yield { data: data.subarray(skip), file, buffer: null };
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
