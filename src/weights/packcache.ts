// Packing results kept on disk, keyed by what the files are on this machine (path, inode,
// size, mtime and ctime in nanoseconds: git's index rule) plus the packing inputs. A re-run
// over unchanged files then knows every digest without reading a byte, so a second push of a
// weight costs a few HEAD requests, not a hashing pass over gigabytes.

import { JsonFiles } from '../util/json-files.js';
import { sha256 } from '../util/hashpool.js';
import type { LayerDigests } from './layer.js';
import type { LayerPlan, PackOptions, PlannedFile } from './layers.js';

/** Bump when anything that shapes packed bytes changes (tar writer, compressor, plan). */
const CACHE_VERSION = 1;

export class PackCache {
  private readonly files: JsonFiles;

  /** `dir`: RuntimeEnv.packCacheDir. */
  constructor(readonly dir: string) {
    this.files = new JsonFiles(dir);
  }

  /** The key of a pack, or undefined when some file has no stamp (not a local file). */
  key(
    name: string,
    target: string,
    files: readonly PlannedFile[],
    options: PackOptions,
  ): string | undefined {
    if (files.some((f) => !f.stamp)) return undefined;
    const identity = [
      CACHE_VERSION,
      name,
      target,
      options.bundleFileMax ?? 0,
      options.bundleSizeMax ?? 0,
      [...files].map((f) => [f.path, f.source, f.stamp]).sort(),
    ];
    return sha256(JSON.stringify(identity)).slice('sha256:'.length);
  }

  /** Digests of `plans` from a previous pack, if every layer matches file for file. */
  async load(key: string, plans: readonly LayerPlan[]): Promise<LayerDigests[] | undefined> {
    const stored = (await this.files.get(key)) as LayerDigests[] | undefined;
    if (!Array.isArray(stored) || stored.length !== plans.length) return undefined;
    const same = plans.every(
      (p, i) =>
        stored[i]!.mediaType === p.mediaType &&
        stored[i]!.files.length === p.files.length &&
        stored[i]!.files.every(
          (f, j) => f.path === p.files[j]!.path && f.size === p.files[j]!.size,
        ),
    );
    return same ? stored : undefined;
  }

  /** Best effort: a cache that cannot be written only costs the next run a hashing pass. */
  async save(key: string, layers: readonly LayerDigests[]): Promise<void> {
    await this.files.set(key, layers);
  }
}
