// weights.lock (version 1), as Cog reads and writes it (spec/lockfile.md): parse and validate,
// serialise byte-for-byte as Go's json.MarshalIndent, and compare with cog.yaml (drift).

import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { cleanPosix } from '../util/posix.js';
import { shown } from '../util/format.js';
import { readSmallFile } from '../util/files.js';
import { compareUtf8, goMap, goMarshal, type GoJson } from '../util/gojson.js';
import { sha256 } from '../util/hashpool.js';
import { pathProblem } from './paths.js';
import { isDigest } from '../oci/digest.js';

export const LOCKFILE_NAME = 'weights.lock';

/** Cog's packing envelope for the default parameters (revision 1). */
export const ENVELOPE = {
  bundleFileMax: 67108864,
  bundleSizeMax: 268435456,
  gzipLevelBundle: 9,
  gzipLevelLarge: -1,
  incompressibleExts: ['.bin', '.gguf', '.onnx', '.parquet', '.pt', '.pth', '.safetensors'],
  mediaTypeCompressed: 'application/vnd.oci.image.layer.v1.tar+gzip',
  mediaTypeRaw: 'application/vnd.oci.image.layer.v1.tar',
  revision: 1,
} as const;
export const COG_ENVELOPE_FORMAT = sha256(goMarshal(ENVELOPE));

/** The deflate implementation whose bytes our gzip layers are (pinned in package-lock). */
export const COMPRESSOR = 'pako@2.1.0';

/**
 * Our gzip bytes are not Go's: a lockfile recording any gzip layer we compressed carries the
 * envelope with a `compressor` key, so Cog recomputes rather than trusting digests it cannot
 * reproduce (spec/lockfile.md, interop rule).
 */
export const OUR_ENVELOPE_FORMAT = sha256(
  goMarshal(goMap({ ...ENVELOPE, compressor: COMPRESSOR })),
);

/**
 * The envelope a lockfile with these entries must carry: ours as soon as one gzip layer is our
 * compressor's. `cogGzip` says which entries hold Cog's own gzip digests (kept unchanged from a
 * lockfile Cog wrote); every other entry's gzip layers are ours.
 */
export function envelopeFor(
  weights: readonly LockEntry[],
  cogGzip: (entry: LockEntry) => boolean = () => false,
): string {
  const ours = weights.some(
    (w) => !cogGzip(w) && w.layers.some((l) => l.mediaType === ENVELOPE.mediaTypeCompressed),
  );
  return ours ? OUR_ENVELOPE_FORMAT : COG_ENVELOPE_FORMAT;
}

export interface LockSource {
  readonly uri: string;
  readonly fingerprint: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export interface LockedFile {
  readonly path: string;
  readonly size: number;
  readonly digest: string;
  readonly layer: string;
}

export interface LockLayer {
  readonly digest: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sizeUncompressed: number;
}

export interface LockEntry {
  readonly name: string;
  readonly target: string;
  readonly sources: readonly LockSource[];
  readonly importedAt: string;
  /** The weight manifest digest. */
  readonly digest: string;
  readonly setDigest: string;
  readonly size: number;
  readonly sizeCompressed: number;
  readonly files: readonly LockedFile[];
  readonly layers: readonly LockLayer[];
}

export interface Lockfile {
  readonly version: 1;
  readonly envelopeFormat: string;
  readonly weights: readonly LockEntry[];
}

export class LockfileError extends Error {
  override name = 'LockfileError';
}

function fail(file: string, field: string, message: string): never {
  throw new LockfileError(`${file}: ${field}: ${message}`);
}

function str(v: unknown, file: string, field: string): string {
  if (typeof v !== 'string')
    fail(file, field, `must be a string, got ${JSON.stringify(v) ?? 'nothing'}`);
  return v;
}

function int(v: unknown, file: string, field: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    fail(file, field, `must be a non-negative integer, got ${JSON.stringify(v) ?? 'nothing'}`);
  }
  return v;
}

function digest(v: unknown, file: string, field: string): string {
  const s = str(v, file, field);
  if (!isDigest(s)) fail(file, field, `must be sha256:<64 hex>, got "${s}"`);
  return s;
}

function list(v: unknown, file: string, field: string): unknown[] {
  if (!Array.isArray(v)) fail(file, field, 'must be a list');
  return v;
}

function patterns(v: unknown, file: string, field: string): string[] {
  if (v === null || v === undefined) return [];
  return list(v, file, field).map((p, i) => str(p, file, `${field}[${i}]`));
}

/** Parse and validate weights.lock text. `file` names it in errors. */
export function parseLockfile(text: string, file = LOCKFILE_NAME): Lockfile {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new LockfileError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    fail(file, '(root)', 'must be an object');
  if (raw['version'] !== 1) {
    fail(
      file,
      'version',
      `unsupported weights.lock version ${JSON.stringify(raw['version']) ?? 0} (want 1)`,
    );
  }
  const envelopeFormat =
    raw['envelopeFormat'] === undefined ? '' : str(raw['envelopeFormat'], file, 'envelopeFormat');
  // Names and targets are each the key of one weight.
  const seen = { names: new Set<string>(), targets: new Set<string>() };
  const weights = list(raw['weights'] ?? [], file, 'weights').map((w, i) =>
    parseEntry(w, file, `weights[${i}]`, seen),
  );
  return { version: 1, envelopeFormat, weights };
}

/** A JSON object, or the error naming where one was wanted. */
function object(v: unknown, file: string, at: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null) fail(file, at, 'must be an object');
  return v as Record<string, unknown>;
}

function parseEntry(
  w: unknown,
  file: string,
  at: string,
  seen: { names: Set<string>; targets: Set<string> },
): LockEntry {
  const e = object(w, file, at);
  const name = str(e['name'], file, `${at}.name`);
  if (seen.names.has(name)) fail(file, `${at}.name`, `duplicate weight name "${shown(name)}"`);
  seen.names.add(name);
  const target = str(e['target'], file, `${at}.target`);
  const clean = cleanPosix(target);
  if (target !== '' && seen.targets.has(clean))
    fail(file, `${at}.target`, `duplicate weight target "${clean}"`);
  seen.targets.add(clean);
  return {
    name,
    target,
    sources: list(e['sources'] ?? [], file, `${at}.sources`).map((s, j) => {
      const src = (s ?? {}) as Record<string, unknown>;
      const sat = `${at}.sources[${j}]`;
      return {
        uri: str(src['uri'], file, `${sat}.uri`),
        fingerprint: str(src['fingerprint'] ?? '', file, `${sat}.fingerprint`),
        include: patterns(src['include'], file, `${sat}.include`),
        exclude: patterns(src['exclude'], file, `${sat}.exclude`),
      };
    }),
    importedAt: str(e['importedAt'] ?? '', file, `${at}.importedAt`),
    digest: digest(e['digest'], file, `${at}.digest`),
    setDigest: digest(e['setDigest'], file, `${at}.setDigest`),
    size: int(e['size'], file, `${at}.size`),
    sizeCompressed: int(e['sizeCompressed'], file, `${at}.sizeCompressed`),
    files: list(e['files'] ?? [], file, `${at}.files`).map((f, j) =>
      parseFile(f, file, `${at}.files[${j}]`),
    ),
    layers: list(e['layers'] ?? [], file, `${at}.layers`).map((l, j) => {
      const x = (l ?? {}) as Record<string, unknown>;
      const lat = `${at}.layers[${j}]`;
      return {
        digest: digest(x['digest'], file, `${lat}.digest`),
        mediaType: str(x['mediaType'], file, `${lat}.mediaType`),
        size: int(x['size'], file, `${lat}.size`),
        sizeUncompressed: int(x['sizeUncompressed'], file, `${lat}.sizeUncompressed`),
      };
    }),
  };
}

function parseFile(f: unknown, file: string, at: string): LockedFile {
  const x = (f ?? {}) as Record<string, unknown>;
  const p = str(x['path'], file, `${at}.path`);
  const problem = pathProblem(p);
  if (problem) fail(file, `${at}.path`, `${JSON.stringify(p)} ${problem}`);
  return {
    path: p,
    size: int(x['size'], file, `${at}.size`),
    digest: digest(x['digest'], file, `${at}.digest`),
    layer: digest(x['layer'], file, `${at}.layer`),
  };
}

/** The exact bytes Cog writes: MarshalIndent with two spaces, canonical order, no newline. */
export function serializeLockfile(lock: Lockfile): string {
  const sorted = (xs: readonly string[]) => xs.map((x) => x.trim()).sort(compareUtf8);
  const json: GoJson = {
    version: lock.version,
    envelopeFormat: lock.envelopeFormat,
    weights: lock.weights.map((w) => ({
      name: w.name,
      target: w.target,
      sources: w.sources.map((s) => ({
        uri: s.uri,
        fingerprint: s.fingerprint,
        include: sorted(s.include),
        exclude: sorted(s.exclude),
      })),
      importedAt: w.importedAt,
      digest: w.digest,
      setDigest: w.setDigest,
      size: w.size,
      sizeCompressed: w.sizeCompressed,
      files: lockedFiles(w.files),
      layers: lockedLayers(w.layers),
    })),
  };
  return goMarshal(json, '  ');
}

/**
 * Cog's canonical order of a lock entry, the one place it is written: files by path, layers by
 * digest (byte order), each with exactly the fields weights.lock holds.
 */
function lockedFiles(files: readonly LockedFile[]) {
  return [...files]
    .sort((a, b) => compareUtf8(a.path, b.path))
    .map((f) => ({ path: f.path, size: f.size, digest: f.digest, layer: f.layer }));
}

function lockedLayers(layers: readonly LockLayer[]) {
  return [...layers]
    .sort((a, b) => compareUtf8(a.digest, b.digest))
    .map((l) => ({
      digest: l.digest,
      mediaType: l.mediaType,
      size: l.size,
      sizeUncompressed: l.sizeUncompressed,
    }));
}

/** Where a project's lockfile is: `<projectDir>/weights.lock`. */
export function lockfilePath(projectDir: string): string {
  return path.join(projectDir, LOCKFILE_NAME);
}

/** Read `<projectDir>/weights.lock`; undefined when there is none. */
export async function readLockfile(projectDir: string): Promise<Lockfile | undefined> {
  const file = lockfilePath(projectDir);
  let text: string;
  try {
    text = await readSmallFile(file, 'the file');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LockfileError(`${file}: ${(e as Error).message}`);
  }
  return parseLockfile(text, file);
}

/** Write atomically (temp file in the same directory, fsync, rename); unchanged bytes are not rewritten. */
export async function writeLockfile(
  projectDir: string,
  lock: Lockfile,
): Promise<{ path: string; changed: boolean }> {
  const file = lockfilePath(projectDir);
  const text = serializeLockfile(lock);
  const old = await readFile(file, 'utf8').catch(() => undefined);
  if (old === text) return { path: file, changed: false };
  const tmp = path.join(projectDir, `.weights-${process.pid}-${Date.now()}.lock.tmp`);
  try {
    const handle = await open(tmp, 'w', 0o644);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return { path: file, changed: true };
}

export function lockEntry(
  packed: {
    artifact: WeightArtifactLike;
    files: readonly LockedFile[];
    layers: readonly LockLayer[];
  },
  sources: readonly LockSource[],
  importedAt: string,
): LockEntry {
  const a = packed.artifact;
  return {
    name: a.name,
    target: a.target,
    sources,
    importedAt,
    digest: a.manifestDigest,
    setDigest: a.setDigest,
    size: a.sizeUncompressed,
    sizeCompressed: packed.layers.reduce((n, l) => n + l.size, 0),
    files: lockedFiles(packed.files),
    layers: lockedLayers(packed.layers),
  };
}

interface WeightArtifactLike {
  readonly name: string;
  readonly target: string;
  readonly manifestDigest: string;
  readonly setDigest: string;
  readonly sizeUncompressed: number;
}
