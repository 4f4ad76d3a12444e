// The local weight store: weight files by content, `<root>/sha256/<hex>`. Files land here when
// they are downloaded or restored from the Actions cache, and are trusted only once their
// digest has been checked. The root is an absolute path that is the same on every run of a
// runner image (~/.cache/cog-push/store), because the Actions cache keys entries by path.

import { tempName } from '../util/files.js';
import { copyFile, link, lstat, mkdir, rename, rm, statfs } from 'node:fs/promises';
import path from 'node:path';
import { isDigest } from '../oci/digest.js';

/** Room a copy must leave free on the store's disk: 1 GiB, or a quarter of a small disk. */
const MARGIN = { bytes: 1024 ** 3, share: 0.25 };

export class WeightStore {
  /** Bytes promised to copies being written now (reserve()). */
  private reserved = 0;

  /** `root`: RuntimeEnv.storeDir. */
  constructor(readonly root: string) {}

  /**
   * Room for a `size`-byte copy on the store's disk, beside every copy already promised and
   * a margin for everything else the runner writes; undefined when it does not fit.
   */
  async reserve(size: number): Promise<{ release(): void } | undefined> {
    await mkdir(this.root, { recursive: true });
    const fs = await statfs(this.root);
    const free = fs.bavail * fs.bsize;
    const margin = Math.min(MARGIN.bytes, MARGIN.share * fs.blocks * fs.bsize);
    if (free - this.reserved - size < margin) return undefined;
    this.reserved += size;
    let held = true;
    return {
      release: () => {
        if (held) this.reserved -= size;
        held = false;
      },
    };
  }

  path(digest: string): string {
    if (!isDigest(digest)) throw new Error(`not a sha256 digest: ${digest}`);
    return path.join(this.root, 'sha256', digest.slice('sha256:'.length));
  }

  /** Is a regular file (not a link) of this size there? Its bytes are checked by `verify`. */
  async has(digest: string, size: number): Promise<boolean> {
    try {
      const st = await lstat(this.path(digest));
      return st.isFile() && st.size === size;
    } catch {
      return false;
    }
  }

  /**
   * Add a file whose digest is known (it was just read to compute it): a hard link when the
   * store is on the same filesystem, else a copy; written under a temporary name, then renamed.
   */
  async ingest(source: string, digest: string, size: number): Promise<void> {
    if (await this.has(digest, size)) return;
    const final = this.path(digest);
    await mkdir(path.dirname(final), { recursive: true });
    const tmp = tempName(final);
    try {
      await link(source, tmp).catch(() => copyFile(source, tmp));
      await rename(tmp, final);
    } finally {
      await rm(tmp, { force: true });
    }
  }
}
