// The slots of a download: each arriving chunk is copied once into a slot of the hash pool's
// shared ring, written from there at its offset to the partial file, and hashed on the pool's
// workers (the file's sha256, and its own plain tar layer's when it gets one, whose blob an
// OCI layout may take as it arrives). A range window, already in shared memory, is taken as it
// is: no copy at all.

import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { RestartBlobError, type BlobWriter } from '../../oci/target.js';
import type { HashPool, PooledHash, SlotRing } from '../../util/hashpool.js';
import { allSettledOrThrow } from '../../util/limit.js';
import { copyIntoShared } from '../../util/shared-copy.js';
import { getsPlainTarLayer } from '../layers.js';
import { soloTarFraming } from '../tar.js';
import { SourceError } from './uri.js';

/** Where a file's own plain tar layer is written as it arrives (a target's blob writer). */
export type LayerBlobs = (() => Promise<BlobWriter | undefined>) | undefined;

/** A downloaded file's own plain tar layer, as the download took it. */
export interface ArrivedLayer {
  readonly digest: string;
  readonly size: number;
}

/** A head stream took what it was to take; the request stops there (not a failure). */
export class HeadDone extends Error {
  override name = 'HeadDone';
}

/** A write to the partial file failed: the disk, not the network; not worth a retry. */
export class WriteError extends SourceError {}

/**
 * The early blob of a file's layer must start over (its session is gone, or the target took
 * no chunks): the file starts over from byte 0. Other failures of the blob are the target's,
 * already retried by its own policy, and end the download as they are.
 */
export class LayerBlobError extends Error {
  override name = 'LayerBlobError';
}

const restartable = (e: Error): Error =>
  e instanceof RestartBlobError ? new LayerBlobError(e.message, { cause: e }) : e;

/**
 * Takes a response body into slots of the ring; each full slot is written at its offset and
 * hashed while the next one fills. `settle()` flushes the last partial slot and waits for
 * every write and hash, so what it returns is what the file holds (a retry resumes there).
 */
export class SlotSink {
  private slot: Uint8Array | undefined;
  private fill = 0;
  private dispatched: number;
  /** The file's bytes handed to this sink so far (taken, or waiting their turn). */
  queued: number;
  private readonly inflight = new Set<Promise<void>>();
  /** Chunks are taken one after another; a slot may have to be waited for. */
  private taking: Promise<void>;
  /** Told the file's byte count after each chunk is taken (progress lines). */
  onTaken: ((bytes: number) => void) | undefined;
  /** The first write or hash that failed: the body stops being taken (no use reading on). */
  private failure: unknown;

  constructor(
    /** The local copy, when this download keeps one (read at each write: it may restart). */
    private readonly file: { readonly file: FileHandle | undefined; readonly path: string },
    start: number,
    private readonly hashes: Arrival,
    private readonly slots: SlotRing,
    ready: Promise<void>,
  ) {
    this.dispatched = start;
    this.queued = start;
    this.taking = ready;
  }

  /**
   * A response body's writer. With `until`, it takes bytes only up to that offset of the file
   * and then fails with HeadDone, which stops the request: the rest comes in ranges.
   */
  writable(until?: number): Writable {
    return new Writable({
      highWaterMark: 1 << 20,
      write: (chunk: Buffer, _encoding, done) => {
        const room = until === undefined ? chunk.length : until - this.queued;
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        const full = until !== undefined && this.queued + part.length >= until;
        this.push(part).then(() => done(full ? new HeadDone() : undefined), done);
      },
    });
  }

  /** Take `chunk` after everything taken before it; it is copied, so the caller may reuse it. */
  push(chunk: Uint8Array): Promise<void> {
    this.queued += chunk.length;
    this.taking = this.taking.then(() => this.take(chunk));
    return this.taking;
  }

  private async take(chunk: Uint8Array): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    for (let at = 0; at < chunk.length;) {
      this.slot ??= await this.slots.acquire();
      const n = Math.min(chunk.length - at, this.slot.length - this.fill);
      copyIntoShared(this.slot, chunk.subarray(at, at + n), this.fill);
      this.fill += n;
      at += n;
      if (this.fill === this.slot.length) this.dispatch();
    }
    this.onTaken?.(this.dispatched + this.fill);
  }

  /**
   * Take `data` as it is, without a copy (a range window, in shared memory the hash workers
   * read directly): it must stay untouched until `release` is called, which happens once every
   * write and hash has read it — or at once, if the sink has failed before taking it.
   */
  adopt(data: Uint8Array, release: () => void): Promise<void> {
    this.queued += data.length;
    let handed = false;
    this.taking = this.taking.then(() => {
      if (this.failure !== undefined) throw this.failure;
      // What the slot holds comes first: the bytes go on in file order.
      if (this.fill > 0) this.dispatch();
      handed = true;
      this.send(data, release);
      this.onTaken?.(this.dispatched);
    });
    this.taking.catch(() => {
      if (!handed) release();
    });
    return this.taking;
  }

  private dispatch(): void {
    const buffer = this.slot!;
    const data = buffer.subarray(0, this.fill);
    this.slot = undefined;
    this.fill = 0;
    // The slot goes back to the ring only once nothing reads it any more.
    this.send(data, () => this.slots.release(buffer));
  }

  /** Write `data` at its offset and hash it; `release` once nothing reads it any more. */
  private send(data: Uint8Array, release: () => void): void {
    const at = this.dispatched;
    this.dispatched += data.length;
    const work = allSettledOrThrow([
      this.file.file?.write(data, 0, data.length, at).catch((e: NodeJS.ErrnoException) => {
        const full =
          e.code === 'ENOSPC'
            ? "; the weight store's disk is full: free space, or set COG_PUSH_STORE_DIR to a larger disk"
            : '';
        throw new WriteError(`cannot write ${this.file.path}: ${e.message}${full}`);
      }),
      ...this.hashes.update(data, at),
    ]);
    const tracked: Promise<void> = work.finally(() => {
      release();
      this.inflight.delete(tracked);
    });
    tracked.catch((e: unknown) => (this.failure ??= e));
    this.inflight.add(tracked);
  }

  async settle(): Promise<number> {
    let failure: unknown;
    await this.taking.catch((e: unknown) => (failure = e));
    if (this.fill > 0) this.dispatch();
    else if (this.slot) this.slots.release(this.slot);
    this.slot = undefined;
    await allSettledOrThrow([...this.inflight]);
    if (failure !== undefined) throw failure;
    return this.dispatched;
  }
}

/**
 * What each slot of an arriving file feeds: the file's hash, and when the file gets a plain tar
 * layer of its own, that layer's hash and (if the target takes early blobs) its blob.
 */
export class Arrival {
  private file: PooledHash | undefined;
  private layer:
    | {
        hash: PooledHash;
        blob: BlobWriter | undefined;
        /** Where the file's bytes start in the layer, and what follows them. */
        offset: number;
        after: Uint8Array;
        size: number;
        framing: Promise<unknown>;
        digest: string | undefined;
      }
    | undefined;

  constructor(
    private readonly pool: HashPool,
    private readonly layerBlobs: LayerBlobs,
  ) {}

  /**
   * Start over (byte 0 of a `size`-byte file at `weightPath`). True when the file's layer goes
   * to the target as it arrives (its bytes then need no local copy).
   */
  async begin(size: number | undefined, weightPath: string | undefined): Promise<boolean> {
    await this.dispose();
    this.file = this.pool.create();
    if (size === undefined || !weightPath || !getsPlainTarLayer(weightPath, size)) return false;
    const { before, after } = soloTarFraming(weightPath, size);
    const hash = this.pool.create();
    const blob = await this.layerBlobs?.();
    const framing = Promise.all([hash.update(before), blobWrite(blob, before, 0)]);
    framing.catch(() => undefined); // awaited in finish(); a failed download never gets there
    this.layer = {
      hash,
      blob,
      offset: before.length,
      after,
      size: before.length + size + after.length,
      framing,
      digest: undefined,
    };
    return blob !== undefined;
  }

  /** Feed `data`, which sits at `position` of the file. */
  update(data: Uint8Array, position: number): (Promise<unknown> | undefined)[] {
    const layer = this.layer;
    return [
      this.file!.update(data),
      ...(layer
        ? [layer.hash.update(data), blobWrite(layer.blob, data, layer.offset + position)]
        : []),
    ];
  }

  /** The digests, once every byte is in. Nothing is cleared: dispose() still aborts the blob. */
  async finish(): Promise<{ digest: string; layer: ArrivedLayer | undefined }> {
    const layer = this.layer;
    const digest = await this.file!.digest();
    if (!layer) return { digest, layer: undefined };
    await layer.framing;
    const end = layer.size - layer.after.length;
    await Promise.all([layer.hash.update(layer.after), blobWrite(layer.blob, layer.after, end)]);
    layer.digest = await layer.hash.digest();
    return { digest, layer: { digest: layer.digest, size: layer.size } };
  }

  /** Keep the layer blob in the target: only once the file is verified. */
  async commit(): Promise<void> {
    const layer = this.layer;
    if (layer?.blob && layer.digest)
      await layer.blob.commit(layer.digest, layer.size).catch((e: Error) => {
        throw restartable(e);
      });
  }

  async dispose(): Promise<void> {
    const { file, layer } = this;
    this.file = undefined;
    this.layer = undefined;
    await file?.dispose();
    await layer?.hash.dispose();
    await layer?.framing.catch(() => undefined);
    await layer?.blob?.abort();
  }
}

/** A write to an early blob; a restart of it is a LayerBlobError (the file starts over). */
function blobWrite(
  blob: BlobWriter | undefined,
  data: Uint8Array,
  position: number,
): Promise<void> | undefined {
  return blob?.write(data, position).catch((e: Error) => {
    throw restartable(e);
  });
}
