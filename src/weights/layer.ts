// A layer is a plan replayed from files on demand. `readTar` walks the tar segments and reads
// file contents into caller-supplied buffers; `layerStream` turns that into the blob bytes
// (for upload and for tests), `digestLayer` into every digest packing needs, in one read.

import { open } from 'node:fs/promises';
import type { HashPool, PooledHash } from '../util/hashpool.js';
import { GzipEncoder } from './gzip.js';
import type { LayerPlan, PlannedFile } from './plan.js';
import { tarSegments } from './tar.js';

/** Bytes read from a file per chunk. */
export const READ_CHUNK = 4 * 1024 * 1024;
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

/**
 * Walk the tar of `plan`, reading file contents into buffers from `acquire`. A file whose size
 * no longer matches the plan fails the walk: its bytes would not match the digests.
 */
export async function* readTar(
  plan: LayerPlan,
  acquire: () => Promise<Uint8Array>,
): AsyncGenerator<TarChunk> {
  for (const segment of tarSegments(plan.files)) {
    if (segment.kind === 'bytes') {
      yield { data: segment.data, file: null, buffer: null };
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
      let done = 0;
      while (done < file.size) {
        const buffer = await acquire();
        const want = Math.min(buffer.length, file.size - done);
        const { bytesRead } = await handle.read(buffer, 0, want, done);
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

/** The blob bytes of a layer (gzip applied when its media type says so), streamed. */
export async function* layerStream(plan: LayerPlan): AsyncGenerator<Uint8Array> {
  const gzip = plan.gzipLevel === null ? null : new GzipEncoder(plan.gzipLevel);
  const fresh = async () => new Uint8Array(READ_CHUNK);
  for await (const chunk of readTar(plan, fresh)) {
    if (gzip) yield* gzip.push(chunk.data);
    else yield chunk.data;
  }
  if (gzip) yield* gzip.finish();
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

/** Fixed pool of shared read buffers: a slot is reused only after every hash consumed it. */
class SlotRing {
  private readonly free: Uint8Array[] = [];
  private readonly waiters: ((slot: Uint8Array) => void)[] = [];

  constructor(slots: number, slotSize: number) {
    const sab = new SharedArrayBuffer(slots * slotSize);
    for (let i = 0; i < slots; i++) this.free.push(new Uint8Array(sab, i * slotSize, slotSize));
  }

  acquire = (): Promise<Uint8Array> => {
    const slot = this.free.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve) => this.waiters.push(resolve));
  };

  release(slot: Uint8Array): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(slot);
    else this.free.push(slot);
  }
}

const RING_SLOTS = 4;

/**
 * Every digest of one layer from a single read of its files: each file's digest, the tar
 * digest, and the blob digest. Hashing runs on the pool's workers while the next chunk is read.
 */
export async function digestLayer(plan: LayerPlan, pool: HashPool): Promise<LayerDigests> {
  const ring = new SlotRing(RING_SLOTS, READ_CHUNK);
  const tarHash = pool.create();
  const gzip = plan.gzipLevel === null ? null : new GzipEncoder(plan.gzipLevel);
  const blobHash = gzip ? pool.create() : tarHash;
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
    for await (const chunk of readTar(plan, ring.acquire)) {
      tarBytes += chunk.data.length;
      const updates: Promise<void>[] = [tarHash.update(chunk.data)];
      if (chunk.file) {
        let state = files.get(chunk.file);
        if (!state) files.set(chunk.file, (state = { hash: pool.create(), seen: 0 }));
        updates.push(state.hash.update(chunk.data));
        state.seen += chunk.data.length;
        if (state.seen === chunk.file.size) state.digest = state.hash.digest();
      }
      if (gzip) {
        // Compression runs here, on the main thread, while the workers hash.
        for (const out of gzip.push(chunk.data)) {
          blobSize += out.length;
          updates.push(blobHash.update(out));
        }
      }
      const all = Promise.all(updates).then(() => undefined);
      if (chunk.buffer) {
        const slot = chunk.buffer;
        void all.then(
          () => ring.release(slot),
          () => undefined,
        );
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
  } finally {
    // On failure, let in-flight updates settle before the caller closes the pool.
    await Promise.allSettled([...pending]);
  }
}
