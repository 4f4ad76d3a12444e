// Session: the resources of one publish or import, opened once and closed once — the
// destination Target, the packing tools (hash pool, pack cache, store, download limit), and the
// one place registry options (credentials, progress lines, insecure hosts) are made.

import { termination } from '../util/termination.js';
import type { RuntimeEnv } from '../config/env.js';
import { openTarget } from '../oci/open.js';
import type { RegistryOptions } from '../oci/registry/client.js';
import { replicateUsername } from '../oci/registry/replicate.js';
import type { Target } from '../oci/target.js';
import { progressLines, type Progress, type ProgressLines } from '../util/progress.js';
import { HashPool } from '../util/hashpool.js';
import { Limiter } from '../util/limit.js';
import type { Log } from '../util/log.js';
import type { WeightCache } from '../cache/weights.js';
import { PackCache } from '../weights/packcache.js';
import type { SourceDownloads } from '../weights/sources/index.js';
import { WindowPool } from '../weights/sources/ranges.js';
import { WeightStore } from '../weights/store.js';
import type { Login, TransferPlan } from './plan.js';
import { PushLedger } from './ledger.js';

/** What packing weights needs, shared by the import and the push of one run. */
export interface Packing {
  readonly pool: HashPool;
  readonly packCache: PackCache;
  readonly store: WeightStore;
  /** Downloads in flight, over every source of every weight: the `concurrency` input. */
  readonly downloads: Limiter;
  /** Range requests in flight, over every large file: the `download-connections` input. */
  readonly rangeRequests: Limiter;
  /** Their window buffers, download-connections + 2 of them, whatever the number of files. */
  readonly rangeWindows: WindowPool;
  readonly hub: RuntimeEnv['hub'];
}

export interface Session {
  readonly target: Target;
  /** `registry/repository` or `oci-layout:DIR`: what pinned refs start with. */
  readonly repositoryRef: string;
  readonly packing: Packing;
  /** The weight store as the Actions cache sees it. */
  readonly cache: WeightCache;
  /** What the build half reads of the environment; no stage is given all of RuntimeEnv. */
  readonly builds: BuildEnv;
  readonly log: Log;
  /** What this run has put in the destination so far (the summary of a failed publish). */
  readonly ledger: PushLedger;
  /** Registry options for another registry (a prebuilt image's), with this login (if any). */
  registryOptions(login: Login | undefined): RegistryOptions;
  /** Where downloads go, for reading weight sources. */
  sourceDownloads(earlyBlobs: Target | undefined): SourceDownloads;
  /** Fires when the publish is cancelled: every request and download of the session stops. */
  readonly signal: AbortSignal;
  /** Cancel the session's work (the other half of the publish failed with `why`). */
  cancel(why: Error): void;
  close(): Promise<void>;
}

/** The environment a build runs in: its scratch space, its variables, the user's Docker config. */
export type BuildEnv = Pick<
  RuntimeEnv,
  'scratchRoot' | 'childEnv' | 'dockerConfigDir' | 'progressIntervalMs'
>;

/** Registry knobs a command may set beyond the plan (`weights push`'s chunking flags). */
export type RegistryTuning = Pick<RegistryOptions, 'chunkThreshold' | 'chunkSize'>;

/** What a caller may bring to a session: registry knobs, and the ledger it will read. */
export interface SessionExtras {
  readonly tuning?: RegistryTuning;
  readonly ledger?: PushLedger;
}

/**
 * Open the session's resources once. A signal at the door (the step cancelled, `termination`)
 * stops the session as a failed half does.
 */
export async function openSession(
  plan: TransferPlan,
  runtime: RuntimeEnv,
  log: Log,
  { tuning = {}, ledger = new PushLedger() }: SessionExtras = {},
): Promise<Session> {
  if (plan.cache.off) log.notice(plan.cache.off);
  const cancelling = new AbortController();
  const signal = AbortSignal.any([cancelling.signal, termination]);
  const registryOptions = (login: Login | undefined): RegistryOptions => ({
    ...makeRegistryOptions(plan, runtime, log, login),
    ...tuning,
    signal,
  });
  const login = await destinationLogin(plan);
  const opened = openTarget(plan.destination.ref, registryOptions(login));
  const progress = progressLines((m) => log.info(m), runtime.progressIntervalMs);
  const store = new WeightStore(runtime.storeDir);
  const packing: Packing = {
    pool: new HashPool(),
    packCache: new PackCache(runtime.packCacheDir),
    store,
    downloads: new Limiter(plan.concurrency),
    rangeRequests: new Limiter(plan.downloadConnections),
    rangeWindows: new WindowPool(plan.downloadConnections + 2),
    hub: runtime.hub,
  };
  return {
    target: opened.target,
    repositoryRef: opened.repositoryRef,
    packing,
    cache: {
      service: runtime.cacheService,
      store,
      platform: runtime.platform,
      prependPath: runtime.prependPath,
      log,
      progress,
    },
    builds: buildEnv(runtime),
    log,
    ledger,
    registryOptions,
    sourceDownloads: (earlyBlobs) =>
      sourceDownloads(plan, runtime, { packing, earlyBlobs, signal, progress, log }),
    signal,
    cancel: (why) => cancelling.abort(why),
    close: async () => {
      await packing.pool.close();
      await opened.close();
    },
  };
}

/** Where a session's downloads go, and how they are bounded and told. */
function sourceDownloads(
  plan: TransferPlan,
  runtime: RuntimeEnv,
  run: {
    packing: Packing;
    earlyBlobs: Target | undefined;
    signal: AbortSignal;
    progress: ProgressLines;
    log: Log;
  },
): SourceDownloads {
  const { packing, earlyBlobs, signal, progress, log } = run;
  return {
    store: packing.store,
    hub: runtime.hub,
    pool: packing.pool,
    layerBlobs: earlyBlobs?.blobWriter?.bind(earlyBlobs),
    limit: packing.downloads,
    stall: runtime.stall,
    signal,
    progress,
    ranges: {
      threshold: runtime.rangedMin,
      connections: plan.downloadConnections,
      limit: packing.rangeRequests,
      buffers: packing.rangeWindows,
    },
    log: (m) => log.info(m),
    keepMax: streamedCopyMax(plan, runtime, earlyBlobs),
  };
}

/**
 * The largest file that streams into the destination (its own layer blob, as it arrives) and
 * still gets a copy in the local store. The copy serves only the Actions cache, so none larger
 * than it may hold, and none at all when no cache will save it: a second write of every byte
 * cost 2 CPU-seconds a GiB here, more than the upload. Into an OCI layout the file's layer
 * blob is the local copy already (its bytes at offset 1536, so no link can share them).
 */
function streamedCopyMax(
  plan: TransferPlan,
  runtime: RuntimeEnv,
  earlyBlobs: Target | undefined,
): number {
  if (earlyBlobs?.localReads || !plan.cache.enabled || !runtime.cacheService) return 0;
  return plan.cache.maxSize;
}

function buildEnv(runtime: RuntimeEnv): BuildEnv {
  const { scratchRoot, childEnv, dockerConfigDir, progressIntervalMs } = runtime;
  return { scratchRoot, childEnv, dockerConfigDir, progressIntervalMs };
}

/** The destination's login: the plan's, or a Replicate token turned into one. */
async function destinationLogin(plan: TransferPlan): Promise<Login | undefined> {
  const destination = plan.destination;
  if (plan.login) return plan.login;
  if (!plan.replicateToken || destination.kind !== 'registry') return undefined;
  return {
    host: destination.host,
    username: await replicateUsername(
      destination.host,
      plan.replicateToken,
      plan.insecureRegistries,
    ),
    password: plan.replicateToken,
  };
}

/** The one maker of registry options: credentials bound to their host, progress lines. */
function makeRegistryOptions(
  plan: TransferPlan,
  runtime: RuntimeEnv,
  log: Log,
  explicit: Login | undefined,
): RegistryOptions {
  const uploads = new Map<string, Progress>();
  const progress = progressLines((m) => log.info(m), runtime.progressIntervalMs);
  return {
    insecureRegistries: plan.insecureRegistries,
    proxy: runtime.proxy,
    credentials: {
      explicit,
      dockerConfigDir: runtime.dockerConfigDir,
      authFiles: runtime.containersAuthFiles,
    },
    stall: runtime.stall,
    log: (m) => log.info(m),
    onProgress: (digest, sent, total) => {
      let report = uploads.get(digest);
      if (!report) uploads.set(digest, (report = progress('uploading', `${digest.slice(0, 19)}…`)));
      report(sent, total);
      if (sent >= total) uploads.delete(digest);
    },
  };
}
