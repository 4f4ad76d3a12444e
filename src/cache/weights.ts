// One Actions cache entry per weight, keyed by its set digest: immutable content never needs
// an overwrite, matrix jobs that share a weight share its entry, and changing one weight never
// invalidates another. The entry holds the weight's files as they sit in the local store, so
// the same paths (and so the same cache version) come out of the lockfile on every run.
// Cache trouble never fails a publish: it is one warning, and the bytes come from the source.

import * as cache from '@actions/cache';
import type { WeightStore } from '../weights/store.js';
import { withTarGuard } from './targuard.js';

export interface CachedWeight {
  readonly name: string;
  readonly setDigest: string;
  readonly files: readonly { path: string; size: number; digest: string }[];
}

/** Is the Actions cache service configured for this process? */
export function cacheAvailable(): boolean {
  return cache.isFeatureAvailable();
}

export function weightCacheKey(setDigest: string, platform: string = process.platform): string {
  return `cog-weights-${platform}-${setDigest.slice(setDigest.indexOf(':') + 1)}`;
}

/** The store paths of a weight's files: unique and sorted, so save and restore agree. */
export function weightCachePaths(weight: CachedWeight, store: WeightStore): string[] {
  return [...new Set(weight.files.map((f) => store.path(f.digest)))].sort();
}

export interface CacheLog {
  info(message: string): void;
  warning(message: string): void;
  notice(message: string): void;
}

export type RestoreOutcome = 'hit' | 'miss' | 'corrupt' | 'unavailable' | 'error';

/** Restore a weight's files into the store and verify every one of them. */
export async function restoreWeight(
  weight: CachedWeight,
  store: WeightStore,
  log: CacheLog,
): Promise<RestoreOutcome> {
  if (!cache.isFeatureAvailable()) return 'unavailable';
  const key = weightCacheKey(weight.setDigest);
  let matched: string | undefined;
  try {
    matched = await withTarGuard(store.root, () =>
      cache.restoreCache(weightCachePaths(weight, store), key),
    );
  } catch (e) {
    log.warning(
      `weight ${weight.name}: cache restore failed (${(e as Error).message}); using its source`,
    );
    return 'error';
  }
  if (matched !== key) return 'miss';
  const bad: string[] = [];
  for (const f of weight.files) {
    if (!(await store.has(f.digest, f.size)) || !(await store.verify(f.digest))) bad.push(f.path);
  }
  if (bad.length > 0) {
    log.warning(
      `weight ${weight.name}: cache entry ${key} is corrupt (${bad.length} file(s) do not match, e.g. ${bad[0]}); dropped, using its source`,
    );
    return 'corrupt';
  }
  log.info(`weight ${weight.name}: restored from cache (${key})`);
  return 'hit';
}

export type SaveOutcome = 'saved' | 'exists' | 'too-large' | 'unavailable' | 'error';

/** Save a weight whose files are all in the store (and verified). Never throws. */
export async function saveWeight(
  weight: CachedWeight,
  store: WeightStore,
  maxSize: number,
  log: CacheLog,
): Promise<SaveOutcome> {
  if (!cache.isFeatureAvailable()) return 'unavailable';
  const key = weightCacheKey(weight.setDigest);
  const size = weight.files.reduce((n, f) => n + f.size, 0);
  if (size > maxSize) {
    log.notice(
      `weight ${weight.name}: ${size} bytes is over cache-max-size (${maxSize}); not cached`,
    );
    return 'too-large';
  }
  try {
    const id = await cache.saveCache(weightCachePaths(weight, store), key);
    return id > 0 ? 'saved' : 'exists';
  } catch (e) {
    log.warning(`weight ${weight.name}: cache save failed (${(e as Error).message})`);
    return 'error';
  }
}
