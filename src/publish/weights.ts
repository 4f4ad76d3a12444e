// The weights stage: every lockfile weight made available in the destination. A weight whose
// manifest is there costs nothing; any other is packed — from the local store when it holds
// every file (restored from the Actions cache if need be, so no source is touched), else from
// its source — must reproduce the lockfile's manifest, and is pushed.

import { stat } from 'node:fs/promises';
import { restoreWeight, saveWeight, cacheAvailable } from '../cache/weights.js';
import type { CogConfig } from '../cog/config.js';
import { weightTag } from '../cog/tags.js';
import { MEDIA_TYPE } from '../oci/mediatypes.js';
import { mapLimit } from '../util/limit.js';
import { LOCKFILE_NAME, type LockEntry, type Lockfile } from '../weights/lockfile.js';
import { CorruptFileError, packWeight, type PackedWeight } from '../weights/pack.js';
import { pushWeight } from '../weights/push.js';
import { dropCorruptStoreFiles, packFromSource } from './from-source.js';
import type { TransferPlan } from './plan.js';
import type { Session } from './session.js';
import {
  PublishError,
  type CacheReport,
  type PublishedWeight,
  type SourcePacked,
  type WeightOrigin,
} from './types.js';

export interface WeightsRequest {
  readonly config: CogConfig;
  readonly lock: Lockfile;
  /** Weights an import just packed from their sources: pushed as they are, not packed again. */
  readonly imported?: ReadonlyMap<string, SourcePacked> | undefined;
}

export interface WeightsResult {
  readonly weights: PublishedWeight[];
  readonly cache: CacheReport;
}

/** One weight at a time, its blobs `concurrency` at once: the input bounds blobs in flight. */
export async function publishWeights(
  plan: TransferPlan,
  session: Session,
  request: WeightsRequest,
): Promise<WeightsResult> {
  const hits: string[] = [];
  const misses: string[] = [];
  const weights = await mapLimit(request.lock.weights, 1, async (entry) => {
    const done = await publishWeight(plan, session, request, entry);
    if (!plan.dryRun) recordWeight(session, done.weight);
    if (done.cache === 'hit') hits.push(entry.name);
    if (done.cache === 'miss') misses.push(entry.name);
    return done.weight;
  });
  return { weights, cache: { hits, misses } };
}

function recordWeight(session: Session, weight: PublishedWeight): void {
  session.ledger.record({
    what: `weight ${weight.name}`,
    digest: weight.digest,
    tag: weight.tag,
    state: weight.origin === 'registry' ? 'present' : 'pushed',
    bytesUploaded: weight.bytesUploaded,
  });
}

interface WeightDone {
  readonly weight: PublishedWeight;
  /** What the Actions cache did for it: nothing asked, a hit, or a miss. */
  readonly cache: 'none' | 'hit' | 'miss';
}

async function publishWeight(
  plan: TransferPlan,
  session: Session,
  request: WeightsRequest,
  entry: LockEntry,
): Promise<WeightDone> {
  const { target, log } = session;
  const base = {
    name: entry.name,
    target: entry.target,
    setDigest: entry.setDigest,
    digest: entry.digest,
    size: entry.size,
    tag: weightTag(entry.name, entry.setDigest),
  };
  const present = await target.hasManifest(entry.digest);
  if (present) {
    log.info(`weight ${entry.name}: in ${target.name} (${entry.digest})`);
    const weight = {
      ...base,
      manifestSize: present.size,
      manifestMediaType: present.mediaType,
      bytesUploaded: 0,
      bytesSkipped: entry.sizeCompressed,
      origin: 'registry' as const,
    };
    return { weight, cache: 'none' };
  }
  const ready = request.imported?.get(entry.name);
  const got = ready
    ? { ...ready, origin: 'source' as const, cache: 'none' as const }
    : await weightBytes(plan, session, request.config, entry);
  if (got.packed.artifact.manifestDigest !== entry.digest) {
    throw new PublishError(
      `weight "${entry.name}": its files give manifest ${got.packed.artifact.manifestDigest}, but ${LOCKFILE_NAME} says ${entry.digest}${fileChanges(entry, got.packed.files)}; ` +
        're-import the weights (`import-weights: true`, or `cog weights import`) and commit weights.lock',
    );
  }
  const manifest = {
    manifestSize: got.packed.artifact.manifestSize,
    manifestMediaType: MEDIA_TYPE.ociManifest,
  };
  if (plan.dryRun) {
    // Its layers and its config blob: what a real run's "uploaded" counts.
    const config = Buffer.byteLength(got.packed.artifact.config);
    const bytes = got.packed.layers.reduce((n, l) => n + l.size, config);
    log.info(`weight ${entry.name}: would push ${bytes} bytes to ${target.name}`);
    const weight = {
      ...base,
      ...manifest,
      bytesUploaded: bytes,
      bytesSkipped: 0,
      origin: got.origin,
    };
    return { weight, cache: got.cache };
  }
  const counts = await pushPacked(plan, session, entry, got);
  return { weight: { ...base, ...manifest, ...counts, origin: got.origin }, cache: got.cache };
}

interface WeightBytes {
  readonly packed: PackedWeight;
  readonly origin: WeightOrigin;
  readonly cache: WeightDone['cache'];
}

/** Push a packed weight; a weight that came from its source is cached while its blobs upload. */
async function pushPacked(
  plan: TransferPlan,
  session: Session,
  entry: LockEntry,
  got: WeightBytes,
): Promise<{ bytesUploaded: number; bytesSkipped: number }> {
  const { target, log } = session;
  // Save the cache entry while the blobs upload; its outcome never fails the publish.
  const saving =
    got.origin === 'source' && plan.cache.enabled && (await cacheAvailable(session.cache))
      ? cacheFromSource(plan, session, entry, got.packed)
      : undefined;
  const pushed = await pushWeight(got.packed, target, { concurrency: plan.concurrency });
  await saving;
  const { bytesUploaded, bytesSkipped } = pushed;
  const early = pushed.blobs.filter((b) => b.asArrived).reduce((n, b) => n + b.bytesUploaded, 0);
  log.info(
    `weight ${entry.name}: pushed ${bytesUploaded} bytes${early > 0 ? ` (${early} as they downloaded)` : ''}, skipped ${bytesSkipped} (${pushed.digest})`,
  );
  return { bytesUploaded, bytesSkipped };
}

/**
 * The bytes of a weight that must be pushed: from the local store when it holds every file
 * (restored from the Actions cache if need be, so no source is touched), else from its source.
 */
async function weightBytes(
  plan: TransferPlan,
  session: Session,
  config: CogConfig,
  entry: LockEntry,
): Promise<WeightBytes> {
  const { store } = session.packing;
  const inStore = async () =>
    (await Promise.all(entry.files.map((f) => store.has(f.digest, f.size)))).every(Boolean);
  let origin: WeightOrigin | undefined;
  let cache: WeightDone['cache'] = 'none';
  if (await inStore()) origin = 'store';
  else if (plan.cache.enabled) {
    const outcome = await restoreWeight(entry, session.cache);
    if (outcome === 'hit') origin = 'cache';
    if (outcome !== 'unavailable') cache = outcome === 'hit' ? 'hit' : 'miss';
  }
  if (origin) {
    const packed = await packFromStore(session, entry);
    if (packed) return { packed, origin, cache };
  }
  const earlyBlobs = plan.dryRun ? undefined : session.target;
  const { packed } = await packFromSource(session, config, entry.name, earlyBlobs);
  return { packed, origin: 'source', cache };
}

/** The weight packed from the store's files, if they reproduce the lockfile's manifest. */
async function packFromStore(
  session: Session,
  entry: LockEntry,
): Promise<PackedWeight | undefined> {
  const { pool, store } = session.packing;
  const files = entry.files.map((f) => ({
    path: f.path,
    size: f.size,
    source: store.path(f.digest),
    known: f.digest,
  }));
  try {
    const packed = await packWeight({ name: entry.name, target: entry.target, files, pool });
    if (packed.artifact.manifestDigest === entry.digest) return packed;
    session.log.warning(
      `weight ${entry.name}: the local store does not reproduce ${entry.digest}; packing from its source`,
    );
  } catch (e) {
    if (!(e instanceof CorruptFileError)) throw e;
    if (!(await dropCorruptStoreFiles(e, store, session.log))) throw e;
  }
  return undefined;
}

/** Put a weight packed from its source into the store (hard links when possible), then cache it. */
async function cacheFromSource(
  plan: TransferPlan,
  session: Session,
  entry: LockEntry,
  packed: PackedWeight,
): Promise<void> {
  const { store } = session.packing;
  try {
    const sources = new Map(
      packed.layers.flatMap((l) => l.plan.files.map((f) => [f.path, f.source] as const)),
    );
    // A file that streamed into the destination without a local copy (no room for one)
    // cannot be cached: the cache is only ever a bonus, never a reason to fill the disk.
    const passedThrough = [];
    for (const f of packed.files)
      if (!(await exists(sources.get(f.path)!))) passedThrough.push(f.path);
    if (passedThrough.length > 0) {
      session.log.info(
        `weight ${entry.name}: not cached: ${passedThrough.length} of its files went to ${session.target.name} without a local copy (not enough free disk), e.g. ${passedThrough[0]}`,
      );
      return;
    }
    for (const f of packed.files) await store.ingest(sources.get(f.path)!, f.digest, f.size);
  } catch (e) {
    session.log.warning(
      `weight ${entry.name}: could not put its files in the local store (${(e as Error).message}); not cached`,
    );
    return;
  }
  await saveWeight(entry, session.cache, plan.cache.maxSize);
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** Which files differ from weights.lock's: changed, added, gone; "" when none does (packing). */
function fileChanges(
  entry: LockEntry,
  files: readonly { path: string; size: number; digest: string }[],
): string {
  const locked = new Map(entry.files.map((f) => [f.path, f]));
  const now = new Map(files.map((f) => [f.path, f]));
  const changed = files
    .filter((f) => locked.has(f.path) && locked.get(f.path)!.digest !== f.digest)
    .map((f) => `${f.path} (${locked.get(f.path)!.digest} → ${f.digest})`);
  const added = files.filter((f) => !locked.has(f.path)).map((f) => f.path);
  const gone = entry.files.filter((f) => !now.has(f.path)).map((f) => f.path);
  const parts = [
    changed.length ? `changed: ${changed.join(', ')}` : '',
    added.length ? `not in ${LOCKFILE_NAME}: ${added.join(', ')}` : '',
    gone.length ? `gone: ${gone.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}
