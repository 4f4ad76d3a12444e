// The image ↔ weights check. `cog build` writes /.cog/weights.json (names, targets, set
// digests from weights.lock) into the image, and Cog's runtime refuses to start when it does
// not match the weights it is given. So before the index ties an image to weights, read that
// file from the image's layers — smallest first, streamed, never pulling the whole image — and
// compare it with the lockfile.

import { parseJsonObject } from '../oci/manifest-json.js';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { TargetError } from '../oci/target.js';
import { BODY_LIMIT, BodyTooLargeError, readLimited } from '../util/http.js';
import type { ImageSource } from './copy.js';
import type { Lockfile } from '../weights/lockfile.js';
import type { Descriptor } from '../oci/target.js';
import type { Platform } from '../oci/index.js';

export interface ImageWeights {
  /** The path it was found at, in the image. */
  readonly path: string;
  readonly weights: readonly { name: string; target: string; setDigest: string }[];
}

/** `text` as JSON, or an error naming what it was and where. */
function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TargetError(`${what} is not JSON: ${(e as Error).message}`);
  }
}

/** A blob that must be a JSON object (an image config), read up to BODY_LIMIT.file. */
async function blobObject<T>(source: ImageSource, digest: string, what: string): Promise<T> {
  const bytes = await readLimited(source.openBlob(digest), BODY_LIMIT.file, what).catch((e) => {
    throw e instanceof BodyTooLargeError ? new TargetError(e.message) : e;
  });
  return parseJsonObject<T>(bytes, what);
}

/** What one layer says of a path: its bytes, that it deletes it (a whiteout), or a link. */
type LayerFinding =
  | { readonly kind: 'file'; readonly bytes: Buffer }
  | { readonly kind: 'whiteout' }
  | { readonly kind: 'link'; readonly target: string };

/** The names a layer deletes `name` with: its own whiteout, an ancestor's, an opaque parent. */
function whiteoutsOf(name: string): { hides: Set<string>; opaque: Set<string> } {
  const hides = new Set<string>();
  const opaque = new Set<string>();
  const parts = name.split('/');
  for (let i = 0; i < parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    hides.add(path.posix.join(dir, `.wh.${parts[i]}`));
    if (i < parts.length - 1) opaque.add(path.posix.join(dir, parts[i]!, '.wh..wh..opq'));
  }
  return { hides, opaque };
}

/** The layer's tar stream, decompressed as its media type says (gzip, zstd, or plain). */
function layerStream(source: ImageSource, layer: Descriptor): { stream: Readable; stop(): void } {
  const raw = Readable.from(source.openBlob(layer.digest));
  const type = layer.mediaType ?? '';
  if (type.endsWith('gzip')) return { stream: raw.pipe(createGunzip()), stop: () => raw.destroy() };
  if (type.endsWith('zstd')) {
    // Node 20's zlib has no zstd: the zstd program does it (on GitHub's runners, and a test peer).
    const child = spawn('zstd', ['-d', '-c', '-q'], { stdio: ['pipe', 'pipe', 'ignore'] });
    raw.on('error', (e) => child.stdout.destroy(e));
    child.on('error', (e) => child.stdout.destroy(new Error(`zstd could not run: ${e.message}`)));
    child.stdin.on('error', () => undefined);
    raw.pipe(child.stdin);
    return { stream: child.stdout, stop: () => (raw.destroy(), child.kill()) };
  }
  return { stream: raw, stop: () => raw.destroy() };
}

/** What a layer says of one of `names`, as the image spec applies layers. Streams it once. */
async function findInLayer(
  source: ImageSource,
  layer: Descriptor,
  names: ReadonlySet<string>,
): Promise<LayerFinding | undefined> {
  const where = `${source.name}: image layer ${layer.digest}`;
  const ex = extract();
  let found: LayerFinding | undefined;
  const deletes = [...names].map(whiteoutsOf);
  // Every stream's error ends the read here, named, instead of as an unhandled 'error' event
  // (a cut connection, bad gzip, a bad tar).
  const { stream, stop } = layerStream(source, layer);
  stream.on('error', (e: Error) => ex.destroy(e));
  stream.pipe(ex);
  try {
    for await (const entry of ex) {
      const name = entry.header.name.replace(/^\.?\//, '').replace(/\/$/, '');
      if (names.has(name) && entry.header.type === 'file') {
        const bytes = await readLimited(
          entry as AsyncIterable<Uint8Array>,
          BODY_LIMIT.file,
          `${where}: ${name}`,
        );
        found = { kind: 'file', bytes };
        continue;
      }
      if (names.has(name) && entry.header.type === 'symlink' && entry.header.linkname) {
        const target = entry.header.linkname.startsWith('/')
          ? entry.header.linkname
          : path.posix.join(path.posix.dirname(name), entry.header.linkname);
        found = { kind: 'link', target: path.posix.normalize(target).replace(/^\/+/, '') };
      } else if (deletes.some((d) => d.hides.has(name) || d.opaque.has(name))) {
        // An opaque directory hides what lower layers hold, not what this layer adds.
        if (!found || deletes.some((d) => d.hides.has(name))) found = { kind: 'whiteout' };
      }
      entry.resume();
    }
  } catch (e) {
    if (e instanceof BodyTooLargeError) throw new TargetError(e.message);
    throw new TargetError(`${where} cannot be read: ${(e as Error).message}`);
  } finally {
    stop();
  }
  return found;
}

/** An image manifest's layers and its config, read once for every check of the image. */
export interface ImageHead {
  readonly layers: readonly Descriptor[];
  readonly config: {
    readonly os?: unknown;
    readonly architecture?: unknown;
    readonly variant?: unknown;
    readonly config?: { readonly WorkingDir?: unknown } | null;
  } | null;
}

/** The image manifest and its config; undefined when it is not an image manifest. */
export async function readImageHead(
  source: ImageSource,
  manifestDigest: string,
): Promise<ImageHead | undefined> {
  const m = await source.getManifest(manifestDigest);
  if (!m) return undefined;
  const manifest = parseJson(
    Buffer.from(m.bytes).toString('utf8'),
    `${source.name}: image manifest ${manifestDigest}`,
  ) as { config?: Descriptor; layers?: Descriptor[] } | null;
  if (!manifest?.config || !Array.isArray(manifest.layers)) return undefined;
  const what = `${source.name}: image config ${manifest.config.digest}`;
  // The image spec's config is an object (architecture, os, rootfs): `null` or a list is not
  // an image, whatever its manifest says.
  const config = await blobObject<ImageHead['config']>(source, manifest.config.digest, what);
  return { layers: manifest.layers, config };
}

/** An image's platform, as its config says it; undefined when the config does not say. */
export function platformOf(head: ImageHead): Platform | undefined {
  const { os, architecture, variant } = head.config ?? {};
  if (typeof os !== 'string' || typeof architecture !== 'string' || !os || !architecture)
    return undefined;
  return {
    os,
    architecture,
    variant: typeof variant === 'string' && variant ? variant : undefined,
  };
}

/**
 * The topmost layer's word on `names`: smallest layers first, and once layer i has spoken only
 * the layers above it still can. A whiteout deletes the file; a symlink is followed inside
 * the image (8 hops at most).
 */
async function findTopmost(
  source: ImageSource,
  head: ImageHead,
  names: ReadonlySet<string>,
  hops = 0,
): Promise<{ bytes: Buffer } | undefined> {
  const order = head.layers.map((l, i) => ({ l, i })).sort((a, b) => a.l.size - b.l.size);
  let top: { index: number; finding: LayerFinding } | undefined;
  for (const { l, i } of order) {
    if (top && i < top.index) continue;
    const finding = await findInLayer(source, l, names);
    if (finding) top = { index: i, finding };
  }
  if (!top || top.finding.kind === 'whiteout') return undefined;
  if (top.finding.kind === 'file') return { bytes: top.finding.bytes };
  if (hops >= 8) throw new TargetError(`${source.name}: ${[...names][0]} links round in circles`);
  return findTopmost(source, head, new Set([top.finding.target]), hops + 1);
}

/** Read `.cog/weights.json` (at / or under the image's working directory) from an image. */
export async function readImageWeights(
  source: ImageSource,
  head: ImageHead,
): Promise<ImageWeights | undefined> {
  const dir = head.config?.config?.WorkingDir;
  const workdir = (typeof dir === 'string' ? dir : '').replace(/^\/+|\/+$/g, '');
  const names = new Set([
    '.cog/weights.json',
    ...(workdir ? [`${workdir}/.cog/weights.json`] : []),
  ]);

  const found = await findTopmost(source, head, names);
  if (!found) return undefined;
  const what = `${source.name}: the image's ${[...names].join(' or ')}`;
  const parsed = parseJson(found.bytes.toString('utf8'), what) as { weights?: unknown } | null;
  const weights = parsed?.weights ?? [];
  if (
    !Array.isArray(weights) ||
    !weights.every(
      (w) =>
        typeof w === 'object' &&
        w !== null &&
        ['name', 'target', 'setDigest'].every(
          (k) => typeof (w as Record<string, unknown>)[k] === 'string',
        ),
    )
  )
    throw new TargetError(`${what}: "weights" is not a list of {name, target, setDigest}`);
  return { path: [...names].join(' or '), weights: weights as ImageWeights['weights'] };
}

/** Differences between the image's weights.json and the lockfile, as readable lines. */
export function compareImageWeights(image: ImageWeights, lock: Lockfile): string[] {
  const problems: string[] = [];
  const byName = new Map(image.weights.map((w) => [w.name, w]));
  for (const e of lock.weights) {
    const w = byName.get(e.name);
    if (!w) {
      problems.push(`weight "${e.name}" is in weights.lock but not in the image`);
      continue;
    }
    if (w.target !== e.target)
      problems.push(
        `weight "${e.name}": target ${w.target} in the image, ${e.target} in weights.lock`,
      );
    if (w.setDigest !== e.setDigest)
      problems.push(
        `weight "${e.name}": setDigest ${w.setDigest} in the image, ${e.setDigest} in weights.lock`,
      );
  }
  const locked = new Set(lock.weights.map((e) => e.name));
  for (const w of image.weights)
    if (!locked.has(w.name))
      problems.push(`weight "${w.name}" is in the image but not in weights.lock`);
  return problems;
}
