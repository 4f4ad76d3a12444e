// The publish, as data flowing through it (design.md): read the project, check the lockfile,
// make every weight available in the target (pushing only what is missing), build or copy the
// image to cog-image.<tag>, then push the index at the model tag — last, and only after every
// child it names is verified in the target.

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { assertPushable, type ModelTarget } from './cog/modelref.js';
import type { CogConfig } from './cog/config.js';
import { imageTag, weightTag } from './cog/tags.js';
import { buildPlan, runBuild, scratchDir, type RegistryLogin } from './image/builders.js';
import { copyImage, type ImageDescriptor, type ImageSource } from './image/copy.js';
import { DockerArchive } from './image/archive.js';
import type { Inputs } from './inputs.js';
import { buildModelIndex } from './oci/index.js';
import { OciLayoutTarget } from './oci/layout.js';
import { MEDIA_TYPE } from './oci/mediatypes.js';
import { OCI_LAYOUT_PREFIX, openTarget, type OpenedTarget } from './oci/open.js';
import { parseReference, referenceString, repositoryName } from './oci/reference.js';
import type { RegistryOptions } from './oci/registry/client.js';
import { TargetError, type Target } from './oci/target.js';
import { loadProject } from './project.js';
import {
  checkDrift,
  driftMessage,
  lockEntry,
  LOCKFILE_NAME,
  readLockfile,
  writeLockfile,
  COG_ENVELOPE_FORMAT,
  COMPRESSOR,
  OUR_ENVELOPE_FORMAT,
  envelopeFor,
  type LockEntry,
  type Lockfile,
} from './weights/lockfile.js';
import { CorruptFileError, packWeight, type PackedWeight } from './weights/pack.js';
import { PackCache } from './weights/packcache.js';
import { WeightStore } from './weights/store.js';
import { checkEntry, checkLockfile, integrityMessage } from './weights/integrity.js';
import { verifyPublished } from './verify.js';
import { compareImageWeights, readImageWeights } from './image/weightsjson.js';
import { cacheAvailable, restoreWeight, saveWeight } from './cache/weights.js';
import { pushWeight } from './weights/push.js';
import { normalizeSourceUri } from './weights/sources/uri.js';
import { cheapFingerprint, localFingerprints, localWeightFiles } from './weights/sources/local.js';
import { HashPool, sha256 } from './util/hashpool.js';
import { Limiter, mapLimit } from './util/limit.js';
import { formatBytes } from './util/format.js';
import { isReplicateRegistry, replicateUsername } from './oci/registry/replicate.js';

const DOCKER_ARCHIVE_PREFIX = 'docker-archive:';

export interface Log {
  info(message: string): void;
  warning(message: string): void;
  notice(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export class PublishError extends Error {
  override name = 'PublishError';
}

/** Where a weight's bytes came from: already in the target, the local store, the Actions cache, its source. */
export type WeightOrigin = 'registry' | 'store' | 'cache' | 'source';

export interface PublishedWeight {
  readonly name: string;
  readonly target: string;
  readonly setDigest: string;
  /** Weight manifest digest, size and media type (the index descriptor). */
  readonly digest: string;
  readonly manifestSize: number;
  readonly manifestMediaType: string;
  readonly tag: string;
  readonly size: number;
  readonly bytesUploaded: number;
  readonly bytesSkipped: number;
  /** Where its bytes came from: already in the target, or packed from its source files. */
  readonly origin: WeightOrigin;
}

export interface PublishResult {
  readonly format: ModelTarget['format'];
  readonly dryRun: boolean;
  /** `registry/repo` or `oci-layout:DIR`. */
  readonly repository: string;
  readonly tag: string;
  readonly indexDigest: string | undefined;
  readonly image: ImageDescriptor | undefined;
  readonly weights: readonly PublishedWeight[];
  readonly lockfile: string | undefined;
  readonly lockfileChanged: boolean;
  /** With `import-weights: true`: per weight, its files, bytes and new / repacked / unchanged. */
  readonly imported: readonly ImportedWeight[] | undefined;
  readonly cache: CacheReport;
}

/** How often a long blob upload logs its progress. */
const PROGRESS_INTERVAL_MS = Number(process.env['COG_PUSH_PROGRESS_SECONDS'] ?? 10) * 1000;

/**
 * Options for one registry client. `explicit` is the destination's login, bound to the
 * destination's host: a client for any other host (a prebuilt image's registry) finds it does
 * not match and falls back to the Docker config for its own host, else anonymous.
 */
function registryOptions(
  inputs: Inputs,
  log: Log,
  explicit: { host: string; username: string; password: string } | undefined,
): RegistryOptions {
  const last = new Map<string, number>();
  return {
    insecureRegistries: inputs.insecureRegistries,
    credentials: { explicit },
    log: (m) => log.info(m),
    onProgress: (digest, sent, total) => {
      const now = Date.now();
      if (sent < total && now - (last.get(digest) ?? 0) < PROGRESS_INTERVAL_MS) return;
      last.set(digest, now);
      log.info(
        `uploading ${digest.slice(0, 19)}…  ${formatBytes(sent)} / ${formatBytes(total)} (${Math.floor((100 * sent) / total)}%)`,
      );
    },
  };
}

/** The `username`/`password` inputs, when both are set. */
export function explicitLogin(inputs: Inputs): { username: string; password: string } | undefined {
  return inputs.username && inputs.password
    ? { username: inputs.username, password: inputs.password }
    : undefined;
}

/** Explicit credentials, or a Replicate token turned into them for Replicate's registry. */
async function loginFor(
  inputs: Inputs,
  host: string,
): Promise<{ username: string; password: string } | undefined> {
  const explicit = explicitLogin(inputs);
  if (explicit || !inputs.replicateToken || !isReplicateRegistry(host, process.env))
    return explicit;
  const username = await replicateUsername(host, inputs.replicateToken, inputs.insecureRegistries);
  return { username, password: inputs.replicateToken };
}

/** The destination: `to`, else the model's own repository. */
async function destination(inputs: Inputs, model: ModelTarget, log: Log): Promise<OpenedTarget> {
  const to = inputs.to;
  if (to?.startsWith(OCI_LAYOUT_PREFIX)) {
    const dir = path.resolve(inputs.workingDirectory, to.slice(OCI_LAYOUT_PREFIX.length));
    return openTarget(`${OCI_LAYOUT_PREFIX}${dir}`);
  }
  const repo = to ?? repositoryName(model.ref);
  const host = parseReference(repo).registry;
  const login = await loginFor(inputs, host);
  return openTarget(repo, registryOptions(inputs, log, login && { host, ...login }));
}

/**
 * Pack a weight from its sources (filtered and merged); downloads go to the store, and to the
 * target as they arrive when it takes early blobs (an OCI layout).
 */
async function packFromSource(
  config: CogConfig,
  name: string,
  packing: Packing,
  /** Takes downloaded layers as they arrive (unless undefined, as in a dry run). */
  earlyBlobs: Target | undefined,
  log: Log,
): Promise<SourcePacked & { fingerprints: () => Promise<string[]> }> {
  try {
    return await packFromSourceOnce(config, name, packing, earlyBlobs, log);
  } catch (e) {
    // A store file reused for a download (same size) whose bytes are not its digest: drop it
    // and fetch again, once. A corrupt file anywhere else is the error it says.
    if (!(e instanceof CorruptFileError) || !(await dropCorruptStoreFiles(e, packing.store, log)))
      throw e;
    return packFromSourceOnce(config, name, packing, earlyBlobs, log);
  }
}

/** Remove the store files a CorruptFileError names; false when some were not store files. */
async function dropCorruptStoreFiles(
  e: CorruptFileError,
  store: WeightStore,
  log: Log,
): Promise<boolean> {
  if (!e.files.every((f) => f.source === store.path(f.known))) return false;
  for (const f of e.files) await rm(f.source, { force: true });
  log.warning(`${e.message}; removed from the local store, fetching again`);
  return true;
}

async function packFromSourceOnce(
  config: CogConfig,
  name: string,
  packing: Packing,
  earlyBlobs: Target | undefined,
  log: Log,
): Promise<SourcePacked & { fingerprints: () => Promise<string[]> }> {
  const { pool, packCache: cache, store, downloads } = packing;
  const spec = config.weights.find((w) => w.name === name);
  if (!spec) throw new PublishError(`weight "${name}" is not in ${config.file}`);
  const sourced = await localWeightFiles(config, spec, (m) => log.info(m), {
    store,
    pool,
    layerBlobs: earlyBlobs?.blobWriter?.bind(earlyBlobs),
    limit: downloads,
  });
  const packed = await packWeight({
    name,
    target: spec.target,
    files: sourced.files,
    pool,
    cache,
    arrived: sourced.arrived,
  });
  const known = new Map(
    packed.layers.flatMap((l) =>
      l.files.map((f, k) => [l.plan.files[k]!.source, f.digest] as const),
    ),
  );
  for (const [k, v] of sourced.arrived) known.set(k, v.digest);
  const layers = new Set(packed.layers.map((l) => l.digest));
  const written = new Set(
    [...sourced.arrived.values()]
      .filter((a) => a.layer?.written && layers.has(a.layer.digest))
      .map((a) => a.layer!.digest),
  );
  return { packed, written, fingerprints: () => localFingerprints(sourced, known) };
}

/** A weight packed from its sources, and which of its layers the download already wrote. */
interface SourcePacked {
  readonly packed: PackedWeight;
  readonly written: ReadonlySet<string>;
}

function lockEntryFor(
  config: CogConfig,
  packed: PackedWeight,
  fingerprints: readonly string[],
  previous: LockEntry | undefined,
): LockEntry {
  const spec = config.weights.find((w) => w.name === packed.artifact.name)!;
  const sources = spec.sources.map((s, i) => ({
    uri: normalizeSourceUri(s.uri),
    fingerprint: fingerprints[i]!,
    include: s.include,
    exclude: s.exclude,
  }));
  const fresh = lockEntry(packed, sources, rfc3339(new Date()));
  // An unchanged import keeps its importedAt, so it rewrites nothing.
  if (
    previous &&
    JSON.stringify({ ...previous, importedAt: '' }) === JSON.stringify({ ...fresh, importedAt: '' })
  ) {
    return previous;
  }
  return fresh;
}

/** Go's time.RFC3339Nano in UTC, as Cog writes importedAt: trailing fractional zeros dropped. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.?0+Z$/, 'Z');
}

/** Where docker and cog push the image: the destination repository (the model's for a layout). */
function imageRepository(dest: OpenedTarget, model: ModelTarget): string {
  return dest.target instanceof OciLayoutTarget ? repositoryName(model.ref) : dest.repositoryRef;
}

/** Make every lockfile weight available in the target; push what is missing. */
async function publishWeights(
  inputs: Inputs,
  config: CogConfig,
  lock: Lockfile,
  target: Target,
  log: Log,
  cacheReport: CacheReport,
  packing: Packing,
  /** Weights an import just packed from their sources: pushed as they are, not packed again. */
  imported?: ReadonlyMap<string, SourcePacked>,
): Promise<PublishedWeight[]> {
  const { store } = packing;
  // One weight at a time, its blobs `concurrency` at once: the input bounds blobs in flight.
  return mapLimit(lock.weights, 1, async (entry) => {
    const base = {
      name: entry.name,
      target: entry.target,
      setDigest: entry.setDigest,
      digest: entry.digest,
      size: entry.size,
    };
    const tag = weightTag(entry.name, entry.setDigest);
    const present = await target.hasManifest(entry.digest);
    if (present) {
      log.info(`weight ${entry.name}: in ${target.name} (${entry.digest})`);
      return {
        ...base,
        tag,
        manifestSize: present.size,
        manifestMediaType: present.mediaType,
        bytesUploaded: 0,
        bytesSkipped: entry.sizeCompressed,
        origin: 'registry' as const,
      };
    }
    const ready = imported?.get(entry.name);
    const { packed, origin, written } = ready
      ? { ...ready, origin: 'source' as const }
      : await weightBytes(inputs, config, entry, packing, target, log, cacheReport);
    if (packed.artifact.manifestDigest !== entry.digest) {
      throw new PublishError(
        `weight "${entry.name}": its files give manifest ${packed.artifact.manifestDigest}, but ${LOCKFILE_NAME} says ${entry.digest}; ` +
          're-import the weights (`import-weights: true`, or `cog weights import`) and commit weights.lock',
      );
    }
    const manifest = {
      manifestSize: packed.artifact.manifestSize,
      manifestMediaType: MEDIA_TYPE.ociManifest,
    };
    if (inputs.dryRun) {
      const bytes = packed.layers.reduce((n, l) => n + l.size, 0);
      log.info(`weight ${entry.name}: would push ${bytes} bytes to ${target.name}`);
      return {
        ...base,
        ...manifest,
        tag,
        bytesUploaded: bytes,
        bytesSkipped: 0,
        origin,
      };
    }
    // Save the cache entry while the blobs upload; its outcome never fails the publish.
    const saving =
      origin === 'source' && inputs.cache && cacheAvailable()
        ? cacheFromSource(entry, packed, store, inputs, log)
        : undefined;
    const pushed = await pushWeight(packed, target, { concurrency: inputs.concurrency });
    await saving;
    // Layers the download wrote to the target were found there, but this run wrote them.
    const early = pushed.blobs
      .filter((b) => b.outcome === 'present' && written?.has(b.digest))
      .reduce((n, b) => n + b.size, 0);
    const bytesUploaded = pushed.bytesUploaded + early;
    const bytesSkipped = pushed.bytesSkipped - early;
    log.info(
      `weight ${entry.name}: pushed ${bytesUploaded} bytes${early > 0 ? ` (${early} as they downloaded)` : ''}, skipped ${bytesSkipped} (${pushed.digest})`,
    );
    return { ...base, ...manifest, tag, bytesUploaded, bytesSkipped, origin };
  });
}

/** Which weights the cache served, and which it could not (they came from their sources). */
export interface CacheReport {
  readonly hits: string[];
  readonly misses: string[];
}

interface Packing {
  readonly pool: HashPool;
  readonly packCache: PackCache;
  readonly store: WeightStore;
  /** Downloads in flight, over every source of every weight: the `concurrency` input. */
  readonly downloads: Limiter;
}

/** What packing weights needs, made once per publish or import and shared by both (close `pool` after). */
function newPacking(inputs: Inputs): Packing {
  return {
    pool: new HashPool(),
    packCache: new PackCache(),
    store: new WeightStore(),
    downloads: new Limiter(inputs.concurrency),
  };
}

/**
 * The bytes of a weight that must be pushed: from the local store when it holds every file
 * (restored from the Actions cache if need be, so no source is touched), else from its source.
 */
async function weightBytes(
  inputs: Inputs,
  config: CogConfig,
  entry: LockEntry,
  packing: Packing,
  target: Target,
  log: Log,
  report: CacheReport,
): Promise<{ packed: PackedWeight; origin: WeightOrigin; written?: ReadonlySet<string> }> {
  const { pool, store } = packing;
  const inStore = async () =>
    (await Promise.all(entry.files.map((f) => store.has(f.digest, f.size)))).every(Boolean);
  let origin: WeightOrigin | undefined;
  if (await inStore()) origin = 'store';
  else if (inputs.cache) {
    const outcome = await restoreWeight(entry, store, log);
    if (outcome === 'hit') {
      report.hits.push(entry.name);
      origin = 'cache';
    } else if (outcome !== 'unavailable') report.misses.push(entry.name);
  }
  if (origin) {
    const files = entry.files.map((f) => ({
      path: f.path,
      size: f.size,
      source: store.path(f.digest),
      known: f.digest,
    }));
    try {
      const packed = await packWeight({ name: entry.name, target: entry.target, files, pool });
      if (packed.artifact.manifestDigest === entry.digest) return { packed, origin };
      log.warning(
        `weight ${entry.name}: the local store does not reproduce ${entry.digest}; packing from its source`,
      );
    } catch (e) {
      if (!(e instanceof CorruptFileError) || !(await dropCorruptStoreFiles(e, store, log)))
        throw e;
    }
  }
  const { packed, written } = await packFromSource(
    config,
    entry.name,
    packing,
    inputs.dryRun ? undefined : target,
    log,
  );
  return { packed, written, origin: 'source' };
}

/** Put a weight packed from its source into the store (hard links when possible), then cache it. */
async function cacheFromSource(
  entry: LockEntry,
  packed: PackedWeight,
  store: WeightStore,
  inputs: Inputs,
  log: Log,
): Promise<void> {
  try {
    const sources = new Map(
      packed.layers.flatMap((l) => l.plan.files.map((f) => [f.path, f.source] as const)),
    );
    for (const f of packed.files) await store.ingest(sources.get(f.path)!, f.digest, f.size);
  } catch (e) {
    log.warning(
      `weight ${entry.name}: could not put its files in the local store (${(e as Error).message}); not cached`,
    );
    return;
  }
  await saveWeight(entry, store, inputs.cacheMaxSize, log);
}

/** Pack every weight of cog.yaml from its files, for `import-weights: true`. */
export type ImportStatus = 'new' | 'repacked' | 'unchanged';

export interface ImportedWeight {
  readonly name: string;
  readonly files: number;
  readonly bytes: number;
  readonly status: ImportStatus;
}

/** Pack every weight of cog.yaml from its sources, for `import-weights: true` and `weights import`. */
async function importWeights(
  inputs: Inputs,
  config: CogConfig,
  previous: Lockfile | undefined,
  target: Target,
  packing: Packing,
  log: Log,
): Promise<{ lock: Lockfile; imported: ImportedWeight[]; packed: Map<string, SourcePacked> }> {
  const weights: LockEntry[] = [];
  const imported: ImportedWeight[] = [];
  const packedNow = new Map<string, SourcePacked>();
  for (const w of config.weights) {
    const previousEntry = previous?.weights.find((e) => e.name === w.name);
    const reused =
      previous && previousEntry
        ? await fastPath(config, w.name, previous, previousEntry, target)
        : undefined;
    let entry: LockEntry;
    if (reused) entry = reused;
    else {
      const { packed, written, fingerprints } = await packFromSource(
        config,
        w.name,
        packing,
        inputs.dryRun ? undefined : target,
        log,
      );
      entry = lockEntryFor(config, packed, await fingerprints(), previousEntry);
      packedNow.set(w.name, { packed, written });
    }
    const status: ImportStatus = !previousEntry
      ? 'new'
      : entry === previousEntry
        ? 'unchanged'
        : 'repacked';
    imported.push({ name: w.name, files: entry.files.length, bytes: entry.size, status });
    log.info(
      `weight ${w.name}: ${entry.files.length} file(s), ${formatBytes(entry.size)}, ${status}`,
    );
    weights.push(entry);
  }
  return {
    lock: {
      version: 1,
      // An entry kept as a lockfile with Cog's envelope recorded it still has Cog's gzip
      // digests (they are in the target, or our bytes reproduced them).
      envelopeFormat: envelopeFor(
        weights,
        (e) => previous?.envelopeFormat === COG_ENVELOPE_FORMAT && previous.weights.includes(e),
      ),
      weights,
    },
    imported,
    packed: packedNow,
  };
}

/**
 * Cog's import fast path: in a lockfile packed with our parameters (Cog's envelope, or ours
 * which only adds the compressor), an entry whose spec (target, sources, filters) and every source
 * fingerprint are unchanged, and whose manifest the target already has, is kept as it is —
 * no source bytes read, no Hub tree walked. Reusing the entry only when its manifest (and so
 * every blob, Cog's gzip ones included) is in the target keeps us from ever uploading a layer
 * under a digest our compressor would not produce.
 */
async function fastPath(
  config: CogConfig,
  name: string,
  previous: Lockfile,
  entry: LockEntry,
  target: Target,
): Promise<LockEntry | undefined> {
  // Another envelope (or none) means other packing parameters: nothing recorded can be trusted.
  if (
    previous.envelopeFormat !== COG_ENVELOPE_FORMAT &&
    previous.envelopeFormat !== OUR_ENVELOPE_FORMAT
  )
    return undefined;
  const spec = config.weights.find((w) => w.name === name)!;
  const alone = { ...config, weights: [spec] };
  if (checkDrift(alone, { ...previous, weights: [entry] }).length > 0) return undefined;
  if (checkEntry(entry).length > 0) return undefined;
  for (const [i, source] of spec.sources.entries()) {
    const now = await cheapFingerprint(config, source);
    if (!now || now !== entry.sources[i]?.fingerprint) return undefined;
  }
  return (await target.hasManifest(entry.digest)) ? entry : undefined;
}

/**
 * `cog-push weights import`: pack every weight from its sources, push what the target lacks,
 * and write weights.lock (only when it changed). The action's `import-weights: true` shares it.
 */
export async function importToTarget(
  inputs: Inputs,
  log: Log,
): Promise<{ lockPath: string; changed: boolean; imported: ImportedWeight[]; envelope: string }> {
  const { config, target: model } = await loadProject({
    dir: inputs.workingDirectory,
    configName: inputs.config,
    env: inputs.modelRef,
  });
  if (config.weights.length === 0) throw new PublishError(`${config.file} declares no weights`);
  const dest = await destination(inputs, model, log);
  const packing = newPacking(inputs);
  let lock: Lockfile;
  let imported: ImportedWeight[];
  try {
    let packed: Map<string, SourcePacked>;
    ({ lock, imported, packed } = await importWeights(
      inputs,
      config,
      await readLockfile(config.projectDir),
      dest.target,
      packing,
      log,
    ));
    const cacheReport = { hits: [], misses: [] };
    await publishWeights(inputs, config, lock, dest.target, log, cacheReport, packing, packed);
  } finally {
    await packing.pool.close();
    await dest.close();
  }
  const written = await writeLockfile(config.projectDir, lock);
  const why =
    lock.envelopeFormat === COG_ENVELOPE_FORMAT
      ? "Cog's envelope: every layer is plain tar, byte-identical to Cog's"
      : `our envelope (compressor ${COMPRESSOR}): some layers are gzip we compressed, so Cog will recompute them`;
  log.info(`${written.changed ? 'wrote' : 'unchanged'} ${written.path} with ${why}`);
  return {
    lockPath: written.path,
    changed: written.changed,
    imported,
    envelope: lock.envelopeFormat,
  };
}

/** Build or copy the image into the target at `destTag`; returns its descriptor. */
async function publishImage(
  inputs: Inputs,
  config: CogConfig,
  target: Target,
  repository: string,
  destTag: string,
  log: Log,
): Promise<ImageDescriptor> {
  const workDir = await scratchDir(process.env);
  if (inputs.build === 'none') {
    const spec = inputs.image!;
    let source: ImageSource;
    let reference: string;
    let mountFrom: string | undefined;
    let close = async () => undefined as void;
    if (spec.startsWith(DOCKER_ARCHIVE_PREFIX)) {
      source = await DockerArchive.open(
        path.resolve(config.projectDir, spec.slice(DOCKER_ARCHIVE_PREFIX.length)),
      );
      reference = 'archive';
    } else if (spec.startsWith(OCI_LAYOUT_PREFIX)) {
      const rest = spec.slice(OCI_LAYOUT_PREFIX.length);
      const colon = rest.lastIndexOf(':');
      const hasTag = colon > rest.lastIndexOf('/') && colon > 0;
      source = new OciLayoutTarget(
        path.resolve(config.projectDir, hasTag ? rest.slice(0, colon) : rest),
      );
      reference = hasTag ? rest.slice(colon + 1) : 'latest';
    } else {
      const ref = parseReference(spec);
      // The explicit login stays bound to the destination's host (none for a layout).
      const login = explicitLogin(inputs);
      const destHost = inputs.to?.startsWith(OCI_LAYOUT_PREFIX)
        ? undefined
        : parseReference(repository).registry;
      const opened = openTarget(
        repositoryName(ref),
        registryOptions(inputs, log, login && destHost ? { host: destHost, ...login } : undefined),
      );
      source = opened.target;
      close = opened.close;
      reference = ref.digest ?? ref.tag ?? 'latest';
      if (!inputs.to && ref.registry === parseReference(repository).registry)
        mountFrom = ref.repository;
    }
    try {
      if (inputs.dryRun) {
        const m = await source.hasManifest(reference);
        if (!m) throw new PublishError(`image ${spec} not found`);
        return { mediaType: m.mediaType, size: m.size, digest: m.digest };
      }
      const copied = await copyImage(source, reference, target, destTag, {
        platform: inputs.platform,
        mountFrom,
        concurrency: inputs.concurrency,
      });
      log.info(`image: ${copied.descriptor.digest} (${copied.bytesUploaded} bytes uploaded)`);
      return copied.descriptor;
    } finally {
      await close();
    }
  }

  const imageRef = `${repository}:${destTag}`;
  const plan = buildPlan({
    builder: inputs.build,
    projectDir: config.projectDir,
    imageRef,
    platform: inputs.platform,
    workDir,
  });
  if (plan.result.kind === 'pushed' && target instanceof OciLayoutTarget) {
    throw new PublishError(
      `build: ${inputs.build} pushes to a registry; use build: buildah (or a prebuilt image) with to: oci-layout:DIR`,
    );
  }
  if (inputs.dryRun) {
    for (const c of plan.commands) log.info(`would run: ${c.tool} ${c.args.join(' ')}`);
    return { mediaType: MEDIA_TYPE.ociManifest, size: 0, digest: '' };
  }
  const login: RegistryLogin | undefined =
    inputs.username && inputs.password
      ? {
          host: parseReference(imageRef).registry,
          username: inputs.username,
          password: inputs.password,
        }
      : undefined;
  await runBuild(plan, { login, workDir, log: (m) => log.info(m) });
  if (plan.result.kind === 'oci-layout') {
    const copied = await copyImage(
      new OciLayoutTarget(plan.result.dir),
      plan.result.tag,
      target,
      destTag,
      {
        platform: inputs.platform,
        concurrency: inputs.concurrency,
      },
    );
    return copied.descriptor;
  }
  const pushed = await target.hasManifest(destTag);
  if (!pushed)
    throw new PublishError(
      `${inputs.build} reported success, but ${imageRef} is not in the registry`,
    );
  return pushed;
}

/** The image's .cog/weights.json must name the lockfile's weights, or the runtime refuses to start. */
async function checkImageAgainstLock(
  target: Target,
  image: ImageDescriptor,
  lock: Lockfile,
  log: Log,
): Promise<void> {
  const found = await readImageWeights(target, image.digest);
  if (!found) {
    if (lock.weights.length > 0)
      log.info(`image ${image.digest} has no .cog/weights.json; not checked against weights.lock`);
    return;
  }
  const problems = compareImageWeights(found, lock);
  if (problems.length > 0) {
    throw new PublishError(
      `not pushing the index: the image's .cog/weights.json does not match weights.lock, and Cog's runtime would refuse to start:\n  ${problems.join('\n  ')}\nfix: rebuild the image from this weights.lock`,
    );
  }
  log.info(`image .cog/weights.json matches weights.lock (${found.weights.length} weight(s))`);
}

/** Every child the index names must be in the target before the index goes up. */
async function verifyChildren(
  target: Target,
  image: ImageDescriptor,
  weights: readonly PublishedWeight[],
): Promise<void> {
  const missing: string[] = [];
  if (!(await target.hasManifest(image.digest))) missing.push(`image ${image.digest}`);
  for (const w of weights)
    if (!(await target.hasManifest(w.digest))) missing.push(`weight ${w.name} ${w.digest}`);
  if (missing.length > 0) {
    throw new TargetError(
      `not pushing the index: ${target.name} does not have ${missing.join(', ')}`,
    );
  }
}

export async function publish(inputs: Inputs, log: Log): Promise<PublishResult> {
  const { config, target: model } = await loadProject({
    dir: inputs.workingDirectory,
    configName: inputs.config,
    env: inputs.modelRef,
  });
  if (model.format === 'image') return publishLegacyImage(inputs, config, model, log);
  assertPushable(model.ref);
  const tag = model.ref.tag;

  // Lockfile and drift: all before any network.
  let lock = await readLockfile(config.projectDir);
  const lockPath = path.join(config.projectDir, LOCKFILE_NAME);
  let lockfileChanged = false;
  if (!inputs.importWeights && config.weights.length > 0) {
    if (!lock) {
      throw new PublishError(
        `${lockPath} not found, but cog.yaml declares ${config.weights.length} weight(s); run \`cog weights import\` and commit weights.lock, or set the action input \`import-weights: true\``,
      );
    }
    const broken = checkLockfile(lock);
    if (broken.length > 0) throw new PublishError(integrityMessage(broken, lockPath));
    const drift = checkDrift(config, lock);
    if (drift.length > 0) throw new PublishError(driftMessage(drift, lockPath));
  }

  const dest = await destination(inputs, model, log);
  const repository = dest.repositoryRef;
  const packing = newPacking(inputs);
  try {
    // The import opens the destination first: a weight whose sources and manifest are
    // unchanged there is kept without fetching anything (the fast path).
    let packed: Map<string, SourcePacked> | undefined;
    let imported: ImportedWeight[] | undefined;
    if (inputs.importWeights) {
      const previous = lock;
      ({ lock, packed, imported } = await log.group('Import weights', () =>
        importWeights(inputs, config, previous, dest.target, packing, log),
      ));
    }
    lock ??= { version: 1, envelopeFormat: COG_ENVELOPE_FORMAT, weights: [] };
    log.info(`Pushing to ${repository}:${tag}...`);
    const cacheReport: CacheReport = { hits: [], misses: [] };
    const weights = await log.group('Weights', () =>
      publishWeights(inputs, config, lock!, dest.target, log, cacheReport, packing, packed),
    );
    const image = await log.group('Image', () =>
      publishImage(inputs, config, dest.target, imageRepository(dest, model), imageTag(tag), log),
    );

    let indexDigest: string | undefined;
    if (!inputs.dryRun) {
      await checkImageAgainstLock(dest.target, image, lock, log);
      await verifyChildren(dest.target, image, weights);
      const index = buildModelIndex(
        image,
        inputs.platform,
        weights.map((w) => ({
          name: w.name,
          setDigest: w.setDigest,
          size: w.size,
          manifest: { mediaType: w.manifestMediaType, size: w.manifestSize, digest: w.digest },
        })),
      );
      // The index goes up by digest, is verified, and only then moves the tag: a failed
      // verification leaves the tag where it was.
      const indexBytes = new TextEncoder().encode(index);
      indexDigest = await dest.target.putManifest(
        indexBytes,
        MEDIA_TYPE.ociIndex,
        sha256(indexBytes),
      );
      if (inputs.verify !== 'off') {
        const mode = inputs.verify;
        const report = await log.group('Verify', () =>
          verifyPublished(dest.target, indexDigest!, lock!, mode),
        );
        log.info(
          `verified ${report.manifests} manifest(s) and ${report.blobs} blob(s) by digest in ${report.seconds.toFixed(2)} s` +
            (report.hashed > 0 ? ` (${report.hashed} read back and hashed)` : ''),
        );
      }
      await dest.target.putManifest(indexBytes, MEDIA_TYPE.ociIndex, tag);
      if (inputs.importWeights) {
        const written = await writeLockfile(config.projectDir, lock);
        lockfileChanged = written.changed;
      }
    }
    return {
      format: 'bundle',
      dryRun: inputs.dryRun,
      repository,
      tag,
      indexDigest,
      image,
      weights,
      lockfile: config.weights.length > 0 || inputs.importWeights ? lockPath : undefined,
      lockfileChanged,
      imported,
      cache: cacheReport,
    };
  } finally {
    await packing.pool.close();
    await dest.close();
  }
}

async function publishLegacyImage(
  inputs: Inputs,
  config: CogConfig,
  model: ModelTarget,
  log: Log,
): Promise<PublishResult> {
  if (config.weights.length > 0)
    throw new PublishError("managed weights need 'model' in cog.yaml, not 'image'");
  const ref = model.ref;
  const dest = await destination(inputs, model, log);
  try {
    log.info(`Pushing to ${referenceString(ref)}...`);
    const image = await publishImage(
      inputs,
      config,
      dest.target,
      imageRepository(dest, model),
      ref.tag ?? 'latest',
      log,
    );
    return {
      format: 'image',
      dryRun: inputs.dryRun,
      repository: dest.repositoryRef,
      tag: ref.tag ?? 'latest',
      indexDigest: undefined,
      image,
      weights: [],
      lockfile: undefined,
      lockfileChanged: false,
      imported: undefined,
      cache: { hits: [], misses: [] },
    };
  } finally {
    await dest.close();
  }
}
