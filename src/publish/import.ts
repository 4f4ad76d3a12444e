// The import stage (`import-weights: true`, `cog-push weights import`): pack every weight of
// cog.yaml from its sources into a new lockfile, keeping an unchanged weight as it is (Cog's
// fast path). Returns the lockfile, what became of each weight, and the weights it packed.

import type { CogConfig } from '../cog/config.js';
import type { Target } from '../oci/target.js';
import { formatBytes } from '../util/format.js';
import { checkEntry } from '../weights/integrity.js';
import { checkDrift } from '../weights/drift.js';
import {
  COG_ENVELOPE_FORMAT,
  envelopeFor,
  lockEntry,
  OUR_ENVELOPE_FORMAT,
  type LockEntry,
  type Lockfile,
} from '../weights/lockfile.js';
import type { PackedWeight } from '../weights/pack.js';
import { cheapFingerprint } from '../weights/sources/index.js';
import { normalizeSourceUri } from '../weights/sources/uri.js';
import { packFromSource } from './from-source.js';
import type { Session } from './session.js';
import type { ImportedWeight, ImportStatus, SourcePacked } from './types.js';

export interface Imported {
  readonly lock: Lockfile;
  readonly imported: ImportedWeight[];
  /** The weights packed from their sources now: pushed as they are, not packed again. */
  readonly packed: ReadonlyMap<string, SourcePacked>;
}

export async function importWeights(
  session: Session,
  config: CogConfig,
  previous: Lockfile | undefined,
  dryRun: boolean,
): Promise<Imported> {
  const weights: LockEntry[] = [];
  const imported: ImportedWeight[] = [];
  const packed = new Map<string, SourcePacked>();
  for (const w of config.weights) {
    const before = previous?.weights.find((e) => e.name === w.name);
    let entry = previous && before ? await fastPath(session, config, previous, before) : undefined;
    if (!entry) {
      const got = await packFromSource(
        session,
        config,
        w.name,
        dryRun ? undefined : session.target,
      );
      entry = lockEntryFor(config, got.packed, await got.fingerprints(), before);
      packed.set(w.name, { packed: got.packed });
    }
    const status: ImportStatus = !before ? 'new' : entry === before ? 'unchanged' : 'repacked';
    imported.push({ name: w.name, files: entry.files.length, bytes: entry.size, status });
    session.log.info(
      `weight ${w.name}: ${entry.files.length} file(s), ${formatBytes(entry.size)}, ${status}`,
    );
    weights.push(entry);
  }
  // An entry kept from a lockfile with Cog's envelope still has Cog's gzip digests (they are
  // in the target, or our bytes reproduced them).
  const keptCog = (e: LockEntry) =>
    previous?.envelopeFormat === COG_ENVELOPE_FORMAT && previous.weights.includes(e);
  return {
    lock: { version: 1, envelopeFormat: envelopeFor(weights, keptCog), weights },
    imported,
    packed,
  };
}

/**
 * Cog's import fast path: in a lockfile packed with our parameters (Cog's envelope, or ours
 * which only adds the compressor), an entry whose spec (target, sources, filters) and every
 * source fingerprint are unchanged, and whose manifest the target already has, is kept as it
 * is — no source bytes read, no Hub tree walked. Reusing the entry only when its manifest (and
 * so every blob, Cog's gzip ones included) is in the target keeps us from ever uploading a
 * layer under a digest our compressor would not produce.
 */
async function fastPath(
  session: Session,
  config: CogConfig,
  previous: Lockfile,
  entry: LockEntry,
): Promise<LockEntry | undefined> {
  // Another envelope (or none) means other packing parameters: nothing recorded can be trusted.
  if (
    previous.envelopeFormat !== COG_ENVELOPE_FORMAT &&
    previous.envelopeFormat !== OUR_ENVELOPE_FORMAT
  )
    return undefined;
  const spec = config.weights.find((w) => w.name === entry.name)!;
  const alone = { ...config, weights: [spec] };
  if (checkDrift(alone, { ...previous, weights: [entry] }).length > 0) return undefined;
  if (checkEntry(entry).length > 0) return undefined;
  for (const [i, source] of spec.sources.entries()) {
    const now = await cheapFingerprint(config, source, session.packing.hub);
    if (!now)
      session.log.info(
        `weight ${entry.name}: ${source.uri} gives no strong ETag to compare (a HEAD found none), so it is downloaded again to see whether it changed`,
      );
    if (!now || now !== entry.sources[i]?.fingerprint) return undefined;
  }
  return (await hasManifest(session.target, entry.digest)) ? entry : undefined;
}

const hasManifest = async (target: Target, digest: string) =>
  (await target.hasManifest(digest)) !== null;

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
