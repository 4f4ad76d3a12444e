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
import { freshBuffers, PackError, readTar, reusedBuffers } from './tar-read.js';
import { tarSegments } from './tar.js';

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
 * (gzip-worker.ts) while this one reads the files (small ones whole), makes the tar
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
 * A plain tar layer (a large file): two digests of the same bytes, the file's and the tar's,
 * each taken by a hash worker that reads the file itself. The second read comes from the page
 * cache, and no thread hands bytes to another: on two cores this runs at about one openssl
 * pass, where one reader feeding two workers through shared slots took 1.3–1.6 of them.
 */
async function digestPlainLayer(plan: LayerPlan, pool: HashPool): Promise<LayerDigests> {
  const tarHash = pool.create();
  const fileHashes = plan.files.map((f) => (f.size === 0 ? undefined : pool.create()));
  const made = [tarHash, ...fileHashes.filter((h): h is PooledHash => h !== undefined)];
  const tar = (async () => {
    let size = 0;
    for (const segment of tarSegments(plan.files)) {
      if (segment.kind === 'bytes') await tarHash.update(segment.data);
      else await fromFile(tarHash, segment.file);
      size += segment.kind === 'bytes' ? segment.data.length : segment.file.size;
    }
    return { digest: await tarHash.digest(), size };
  })();
  const files = Promise.all(
    plan.files.map(async (f, i) => {
      const hash = fileHashes[i];
      if (!hash) return { path: f.path, size: f.size, digest: EMPTY_SHA256 };
      await fromFile(hash, f);
      return { path: f.path, size: f.size, digest: await hash.digest() };
    }),
  );
  try {
    await allSettledOrThrow([tar, files]);
  } catch (e) {
    // Free what the workers hold for this pass (a digested hash ignores it).
    await Promise.allSettled(made.map((h) => h.dispose()));
    throw e;
  }
  const { digest, size } = await tar;
  return {
    mediaType: plan.mediaType,
    digest,
    size,
    tarDigest: digest,
    tarSize: size,
    sizeUncompressed: plan.sizeUncompressed,
    files: await files,
  };
}

/** A file's bytes into `hash`, read by its worker; a file that changed is a PackError. */
async function fromFile(hash: PooledHash, file: PlannedFile): Promise<void> {
  await hash.updateFromFile(file.source, file.size).catch((e: Error) => {
    throw new PackError(e.message);
  });
}
