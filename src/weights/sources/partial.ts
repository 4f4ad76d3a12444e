// The local copy of a file being downloaded, when there is one. A file whose bytes stream into
// the destination as they arrive (its own plain tar layer, taken as an early blob) is kept
// only when the store's disk has room for it beside what is already being written: weights
// larger than the disk then pass through without touching it. Every other file is kept.

import { tempName } from '../../util/files.js';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { WeightStore } from '../store.js';

export class PartialFile {
  private handle: FileHandle | undefined;
  private room: { release(): void } | undefined;

  private constructor(
    private readonly store: WeightStore,
    readonly path: string,
    private readonly keepMax: number,
  ) {}

  /** `keepMax`: a streamed file larger than this gets no copy (the cache could not hold it). */
  static async create(store: WeightStore, keepMax = Infinity): Promise<PartialFile> {
    const dir = path.join(store.root, 'tmp');
    await mkdir(dir, { recursive: true });
    const name = `${tempName('', 'part')}.part`;
    return new PartialFile(store, path.join(dir, name), keepMax);
  }

  /** The open file, when this download keeps a copy. */
  get file(): FileHandle | undefined {
    return this.handle;
  }

  /**
   * Start from byte 0: keep a copy unless `streamed` says the bytes also go to the
   * destination, in which case only when `size` fits on the store's disk (and in the cache).
   */
  async restart(streamed: boolean, size: number | undefined): Promise<void> {
    const keep = !streamed || (await this.reserve(size));
    if (!keep) return this.drop();
    if (this.handle) await this.handle.truncate(0);
    else this.handle = await open(this.path, 'w');
  }

  private async reserve(size: number | undefined): Promise<boolean> {
    if (this.room) return true;
    if (size === undefined || size > this.keepMax) return false;
    this.room = await this.store.reserve(size);
    return this.room !== undefined;
  }

  private async drop(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    this.room?.release();
    this.room = undefined;
    await handle?.close();
    await rm(this.path, { force: true });
  }

  /** Move the copy (if any) to `final`; whether there was one. */
  async keepAs(final: string): Promise<boolean> {
    if (!this.handle) return false;
    await this.handle.close();
    this.handle = undefined;
    await mkdir(path.dirname(final), { recursive: true });
    await rename(this.path, final);
    // On disk now, where the next reservation sees it as used space.
    this.room?.release();
    this.room = undefined;
    return true;
  }

  async dispose(): Promise<void> {
    await this.drop().catch(() => undefined);
  }
}
