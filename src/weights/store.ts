// The local weight store: weight files by content, `<root>/sha256/<hex>`. Files land here when
// they are downloaded or restored from the Actions cache, and are trusted only once their
// digest has been checked. The root is an absolute path that is the same on every run of a
// runner image (~/.cache/cog-push/store), because the Actions cache keys entries by path.

import { copyFile, link, lstat, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { isDigest } from '../oci/digest.js';

export class WeightStore {
  /** `root`: RuntimeEnv.storeDir. */
  constructor(readonly root: string) {}

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
    const tmp = `${final}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      await link(source, tmp).catch(() => copyFile(source, tmp));
      await rename(tmp, final);
    } finally {
      await rm(tmp, { force: true });
    }
  }
}
