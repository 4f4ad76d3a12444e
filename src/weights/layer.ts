// A layer is a plan replayed from files on demand. `readTar` (tar-read.ts) walks the tar
// segments and reads file contents into caller-supplied buffers; `layerStream` turns that
// into the blob bytes
// (for upload and for tests), `digestLayer` into every digest packing needs, in one read.

import { createHash, type Hash } from 'node:crypto';
import type { HashPool, PooledHash } from '../util/hashpool.js';
import { GzipEncoder } from './gzip.js';
import { GzipDigest } from './gzip-worker.js';
import { skipBytes } from '../util/bytes.js';
import { allSettledOrThrow } from '../util/limit.js';
import type { LayerPlan, PlannedFile } from './layers.js';
import { freshBuffers, readTar, reusedBuffers, type TarChunk } from './tar-read.js';

const EMPTY_SHA256 = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

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
 * digest, and the blob digest.
 */
export function digestLayer(plan: LayerPlan, pool: HashPool): Promise<LayerDigests> {
  return plan.gzipLevel === null ? digestPlainLayer(plan, pool) : digestGzipLayer(plan);
}

/**
 * A gzip layer: deflate, a hundred times slower than SHA-256, runs on a thread of its own
 * (gzip-worker.ts) while this one reads the files (small ones read ahead), makes the tar
 * headers and hashes the tar and each file itself: handing those chunks to hash workers would
 * only add round trips, thousands of them for a bundle of small files.
 */
async function digestGzipLayer(plan: LayerPlan): Promise<LayerDigests> {
  const gzip = new GzipDigest(plan.gzipLevel!);
  try {
    const tarHash = createHash('sha256');
    // Files arrive one after another: one running hash at a time, digested when its bytes end.
    const digests = new Map<PlannedFile, string>();
    let current: { file: PlannedFile; hash: Hash; seen: number } | undefined;
    let tarBytes = 0;
    const buffers = reusedBuffers();
    for await (const chunk of readTar(plan, buffers)) {
      tarBytes += chunk.data.length;
      tarHash.update(chunk.data);
      if (chunk.file) {
        if (current?.file !== chunk.file)
          current = { file: chunk.file, hash: createHash('sha256'), seen: 0 };
        current.hash.update(chunk.data);
        current.seen += chunk.data.length;
        if (current.seen === chunk.file.size)
          digests.set(chunk.file, `sha256:${current.hash.digest('hex')}`);
      }
      await gzip.push(chunk.data);
      if (chunk.buffer) buffers.release(chunk.buffer);
    }
    const blob = await gzip.finish();
    return {
      mediaType: plan.mediaType,
      digest: blob.digest,
      size: blob.size,
      tarDigest: `sha256:${tarHash.digest('hex')}`,
      tarSize: tarBytes,
      sizeUncompressed: plan.sizeUncompressed,
      files: plan.files.map((f) => ({
        path: f.path,
        size: f.size,
        digest: f.size === 0 ? EMPTY_SHA256 : digests.get(f)!,
      })),
    };
  } finally {
    await gzip.close();
  }
}

/**
 * A plain tar layer (a large file): its bytes are read once into the pool's shared slots and
 * the file digest and the tar digest run on two workers while the next chunk is read.
 */
async function digestPlainLayer(plan: LayerPlan, pool: HashPool): Promise<LayerDigests> {
  const ring = pool.slots;
  const pass = new PlainLayerPass(pool);
  try {
    for await (const chunk of readTar(plan, ring)) {
      const all = pass.update(chunk);
      // The slot goes back to the ring only once no worker reads it any more.
      if (chunk.buffer) {
        const slot = chunk.buffer;
        void all.finally(() => ring.release(slot)).catch(() => undefined);
      }
    }
    const { tarDigest, tarBytes, files } = await pass.finish(plan);
    return {
      mediaType: plan.mediaType,
      digest: tarDigest,
      size: tarBytes,
      tarDigest,
      tarSize: tarBytes,
      sizeUncompressed: plan.sizeUncompressed,
      files,
    };
  } catch (e) {
    await pass.abandon();
    throw e;
  }
}

/** The hashes of one plain layer's pass: the tar's, and each file's as its bytes go by. */
class PlainLayerPass {
  /** Every hash made here, so a failed pass can free the workers' state of all of them. */
  private readonly made: PooledHash[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly files = new Map<
    PlannedFile,
    { hash: PooledHash; seen: number; digest?: Promise<string> }
  >();
  private readonly tarHash: PooledHash;
  private tarBytes = 0;

  constructor(private readonly pool: HashPool) {
    this.tarHash = this.hash();
  }

  /** Hash one chunk into the tar's hash and its file's; settles when no worker reads it. */
  update(chunk: TarChunk): Promise<void> {
    this.tarBytes += chunk.data.length;
    const updates: Promise<void>[] = [this.tarHash.update(chunk.data)];
    if (chunk.file) {
      let state = this.files.get(chunk.file);
      if (!state) this.files.set(chunk.file, (state = { hash: this.hash(), seen: 0 }));
      updates.push(state.hash.update(chunk.data));
      state.seen += chunk.data.length;
      if (state.seen === chunk.file.size) {
        state.digest = state.hash.digest();
        state.digest.catch(() => undefined); // awaited in finish; a failed pass never gets there
      }
    }
    const all = allSettledOrThrow(updates);
    this.pending.add(all);
    void all.finally(() => this.pending.delete(all)).catch(() => undefined);
    return all;
  }

  async finish(plan: LayerPlan) {
    await Promise.all(this.pending);
    const tarDigest = await this.tarHash.digest();
    const files = await Promise.all(
      plan.files.map(async (f) => ({
        path: f.path,
        size: f.size,
        digest: f.size === 0 ? EMPTY_SHA256 : await this.files.get(f)!.digest!,
      })),
    );
    return { tarDigest, tarBytes: this.tarBytes, files };
  }

  /** Let in-flight updates settle, then free what the workers hold for this pass. */
  async abandon(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    await Promise.allSettled(this.made.map((h) => h.dispose()));
  }

  private hash(): PooledHash {
    const h = this.pool.create();
    this.made.push(h);
    return h;
  }
}
