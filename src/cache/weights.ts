// One Actions cache entry per weight, keyed by its set digest: immutable content never needs
// an overwrite, matrix jobs that share a weight share its entry, and changing one weight never
// invalidates another. The entry holds the weight's files as they sit in the local store, so
// the same paths (and so the same cache version) come out of the lockfile on every run.
// Cache trouble never fails a publish: it is one warning, and the bytes come from the source.

import { rm } from 'node:fs/promises';
import type { Log } from '../util/log.js';
import type { ProgressLines } from '../util/progress.js';
import type { WeightStore } from '../weights/store.js';
import { extractWeightArchive } from './extract.js';
import { discard, withArchiveHandoff } from './handoff.js';

export interface CachedWeight {
  readonly name: string;
  readonly setDigest: string;
  readonly files: readonly { path: string; size: number; digest: string }[];
}

/**
 * @actions/cache, loaded on first use: about half the bundle, and evaluating it cost every
 * command (pack, import, a CLI run with no cache service) a tenth of a second at start.
 * Undefined when what loads lacks the functions used here (a stand-in such as
 * @github/local-action's): the cache is then unavailable, not a TypeError mid-run.
 */
type CacheLibrary = typeof import('@actions/cache');
let loaded: Promise<CacheLibrary | undefined> | undefined;
function actionsCache({
  service,
}: Pick<WeightCache, 'service'>): Promise<CacheLibrary | undefined> {
  // No service configured (a shell, a job without the cache): nothing to load it for.
  if (!service) return Promise.resolve(undefined);
  loaded ??= import('@actions/cache').then((lib) =>
    (['isFeatureAvailable', 'restoreCache', 'saveCache'] as const).every(
      (name) => typeof (lib as Partial<CacheLibrary>)[name] === 'function',
    )
      ? lib
      : undefined,
  );
  return loaded;
}

/** Is the Actions cache service configured for this process (and its library whole)? */
export async function cacheAvailable(cache: Pick<WeightCache, 'service'>): Promise<boolean> {
  return (await actionsCache(cache))?.isFeatureAvailable() ?? false;
}

export function weightCacheKey(setDigest: string, platform: string): string {
  return `cog-weights-${platform}-${setDigest.slice(setDigest.indexOf(':') + 1)}`;
}

/** The store paths of a weight's files: unique and sorted, so save and restore agree. */
export function weightCachePaths(weight: CachedWeight, store: WeightStore): string[] {
  return [...new Set(weight.files.map((f) => store.path(f.digest)))].sort();
}

/** The lines a cache restore or save writes (the run's Log, without groups). */
export type CacheLog = Pick<Log, 'info' | 'warning' | 'notice'>;

/** What a restore or save works with: the store, the runner's OS (the key), PATH for tar, the log. */
export interface WeightCache {
  /**
   * The Actions cache service is configured (RuntimeEnv.cacheService); without it the
   * library is never loaded.
   */
  readonly service: boolean;
  readonly store: WeightStore;
  readonly platform: string;
  readonly prependPath: (dir: string) => () => void;
  readonly log: CacheLog;
  /** Progress lines while a restored entry is extracted. */
  readonly progress?: ProgressLines | undefined;
}

export type RestoreOutcome = 'hit' | 'miss' | 'corrupt' | 'unavailable' | 'error';

/**
 * Restore a weight's files into the store. The library downloads the entry; our one guarded
 * pass extracts it (extract.ts), so only the weight's own files, each hashed to its name, are
 * ever written, and a restored file needs no second check.
 */
export async function restoreWeight(
  weight: CachedWeight,
  { service, store, platform, prependPath, log, progress }: WeightCache,
): Promise<RestoreOutcome> {
  const cache = await actionsCache({ service });
  if (!cache?.isFeatureAvailable()) return 'unavailable';
  const key = weightCacheKey(weight.setDigest, platform);
  const fail = (e: unknown): RestoreOutcome => {
    log.warning(
      `weight ${weight.name}: cache restore failed (${(e as Error).message}); using its source`,
    );
    return 'error';
  };
  let restored;
  try {
    restored = await withArchiveHandoff(
      () => cache.restoreCache(weightCachePaths(weight, store), key),
      prependPath,
    );
  } catch (e) {
    return fail(e);
  }
  const { result: matched, handedOff } = restored;
  if (!handedOff) return 'miss';
  let result;
  try {
    if (matched !== key) return 'miss';
    result = await extractWeightArchive({
      ...handedOff,
      storeRoot: store.root,
      expected: new Map(weight.files.map((f) => [f.digest, f.size])),
      progress: progress?.('restoring', `weight ${weight.name} from the cache`),
    });
  } catch (e) {
    return fail(e);
  } finally {
    await discard(handedOff.archive);
  }
  const missing: CachedWeight['files'][number][] = [];
  for (const f of weight.files)
    if (!result.written.includes(f.digest) && !(await store.has(f.digest, f.size))) missing.push(f);
  if (result.refused || missing.length > 0) {
    const what = result.refused
      ? `refused ${result.refused}`
      : `${missing.length} file(s) missing, e.g. ${missing[0]!.path}`;
    // A poisoned entry is dropped whole: even the files of it that verified are not kept.
    if (result.refused)
      for (const digest of result.written) await rm(store.path(digest), { force: true });
    log.warning(
      `weight ${weight.name}: cache entry ${key} is corrupt (${what}); dropped, using its source`,
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
  { service, store, platform, log }: WeightCache,
  maxSize: number,
): Promise<SaveOutcome> {
  const cache = await actionsCache({ service });
  if (!cache?.isFeatureAvailable()) return 'unavailable';
  const key = weightCacheKey(weight.setDigest, platform);
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
