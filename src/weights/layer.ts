// A layer is a plan replayed from files on demand. `readTar` walks the tar segments and reads
// file contents into caller-supplied buffers; `layerStream` turns that into the blob bytes
// (for upload and for tests), `digestLayer` into every digest packing needs, in one read.

import { open } from 'node:fs/promises';
import { SLOT_SIZE, type HashPool, type PooledHash } from '../util/hashpool.js';
import { GzipEncoder } from './gzip.js';
import { skipBytes } from '../util/bytes.js';
import { allSettledOrThrow } from '../util/limit.js';
import type { LayerPlan, PlannedFile } from './plan.js';
import { tarSegments } from './tar.js';

/** Bytes read from a file per chunk (the pool's shared slots are this size). */
export const READ_CHUNK = SLOT_SIZE;
const EMPTY_SHA256 = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export class PackError extends Error {
  override name = 'PackError';
}

interface TarChunk {
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

const freshBuffers: BufferSource = {
  acquire: async () => new Uint8Array(READ_CHUNK),
  release: () => undefined,
};

/**
 * Walk the tar of `plan` from byte `start`, reading file contents into buffers from `buffers`.
 * Whole segments before `start` are skipped without reading; a file is read from the offset
 * inside it. A file whose size no longer matches the plan fails the walk: its bytes would not
 * match the digests.
 */
export async function* readTar(
  plan: LayerPlan,
  buffers: BufferSource,
  start = 0,
): AsyncGenerator<TarChunk> {
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
    let handle;
    try {
      handle = await open(file.source, 'r');
    } catch (e) {
      throw new PackError(`cannot read ${file.source}: ${(e as Error).message}`);
    }
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
        if (bytesRead === 0) {
          throw new PackError(
            `${file.source} changed while packing: expected ${file.size} bytes, found ${done}`,
          );
        }
        done += bytesRead;
        yield { data: buffer.subarray(0, bytesRead), file, buffer };
      }
      const { size } = await handle.stat();
      if (size !== file.size) {
        throw new PackError(
          `${file.source} changed while packing: expected ${file.size} bytes, found ${size}`,
        );
      }
    } finally {
      await handle.close();
    }
  }
}

/**
 * The blob bytes of a layer from byte `offset` on (gzip applied when its media type says so),
 * streamed. A plain tar seeks to the offset; a gzip stream is recompressed from the start and
 * its first `offset` bytes dropped, since deflate cannot start mid-stream.
 */
export async function* layerStream(plan: LayerPlan, offset = 0): AsyncGenerator<Uint8Array> {
  if (plan.gzipLevel === null) {
    for await (const chunk of readTar(plan, freshBuffers, offset)) yield chunk.data;
    return;
  }
  yield* skipBytes(gzipStream(plan, plan.gzipLevel), offset);
}

async function* gzipStream(plan: LayerPlan, level: 6 | 9): AsyncGenerator<Uint8Array> {
  const gzip = new GzipEncoder(level);
  for await (const chunk of readTar(plan, freshBuffers)) yield* gzip.push(chunk.data);
  yield* gzip.finish();
}

export interface FileDigest {
  readonly path: string;
  readonly size: number;
  readonly digest: string;
}

export interface LayerDigests {
  readonly mediaType: LayerPlan['mediaType'];
  /** Blob digest and size (the gzip stream for tar+gzip layers). */
  readonly digest: string;
  readonly size: number;
  /** The uncompressed tar. */
  readonly tarDigest: string;
  readonly tarSize: number;
  readonly sizeUncompressed: number;
  /** Files in tar order, with the digest of each one's bytes. */
  readonly files: readonly FileDigest[];
}

/**
 * Every digest of one layer from a single read of its files: each file's digest, the tar
 * digest, and the blob digest. Hashing runs on the pool's workers while the next chunk is read.
 */
export async function digestLayer(plan: LayerPlan, pool: HashPool): Promise<LayerDigests> {
  const ring = pool.slots;
  // Every hash made here, so a failed pass can free the workers' state of all of them.
  const made: PooledHash[] = [];
  const hash = () => {
    const h = pool.create();
    made.push(h);
    return h;
  };
  const tarHash = hash();
  const gzip = plan.gzipLevel === null ? null : new GzipEncoder(plan.gzipLevel);
  const blobHash = gzip ? hash() : tarHash;
  let blobSize = 0;
  let tarBytes = 0;
  const pending = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p)).catch(() => undefined);
  };
  const files = new Map<
    PlannedFile,
    { hash: PooledHash; seen: number; digest?: Promise<string> }
  >();

  try {
    for await (const chunk of readTar(plan, ring)) {
      tarBytes += chunk.data.length;
      const updates: Promise<void>[] = [tarHash.update(chunk.data)];
      if (chunk.file) {
        let state = files.get(chunk.file);
        if (!state) files.set(chunk.file, (state = { hash: hash(), seen: 0 }));
        updates.push(state.hash.update(chunk.data));
        state.seen += chunk.data.length;
        if (state.seen === chunk.file.size) {
          state.digest = state.hash.digest();
          state.digest.catch(() => undefined); // awaited below; a failed pass never gets there
        }
      }
      if (gzip) {
        // Compression runs here, on the main thread, while the workers hash.
        for (const out of gzip.push(chunk.data)) {
          blobSize += out.length;
          updates.push(blobHash.update(out));
        }
      }
      // The slot goes back to the ring only once no worker reads it any more.
      const all = allSettledOrThrow(updates);
      if (chunk.buffer) {
        const slot = chunk.buffer;
        void all.finally(() => ring.release(slot)).catch(() => undefined);
      }
      track(all);
    }
    if (gzip) {
      for (const out of gzip.finish()) {
        blobSize += out.length;
        track(blobHash.update(out));
      }
    }
    await Promise.all(pending);
    const tarDigest = await tarHash.digest();
    const fileDigests = await Promise.all(
      plan.files.map(async (f) => ({
        path: f.path,
        size: f.size,
        digest: f.size === 0 ? EMPTY_SHA256 : await files.get(f)!.digest!,
      })),
    );
    return {
      mediaType: plan.mediaType,
      digest: gzip ? await blobHash.digest() : tarDigest,
      size: gzip ? blobSize : tarBytes,
      tarDigest,
      tarSize: tarBytes,
      sizeUncompressed: plan.sizeUncompressed,
      files: fileDigests,
    };
  } catch (e) {
    // Let in-flight updates settle, then free what the workers hold for this pass.
    await Promise.allSettled([...pending]);
    await Promise.allSettled(made.map((h) => h.dispose()));
    throw e;
  }
}
