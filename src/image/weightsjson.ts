// The image ↔ weights check. `cog build` writes /.cog/weights.json (names, targets, set
// digests from weights.lock) into the image, and Cog's runtime refuses to start when it does
// not match the weights it is given. So before the index ties an image to weights, read that
// file from the image's layers — smallest first, streamed, never pulling the whole image — and
// compare it with the lockfile.

import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import type { ImageSource } from './copy.js';
import type { Lockfile } from '../weights/lockfile.js';
import type { Descriptor } from '../oci/target.js';

export interface ImageWeights {
  /** The path it was found at, in the image. */
  readonly path: string;
  readonly weights: readonly { name: string; target: string; setDigest: string }[];
}

async function blobJson(source: ImageSource, digest: string): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const c of source.openBlob(digest)) parts.push(Buffer.from(c));
  return JSON.parse(Buffer.concat(parts).toString('utf8'));
}

/** Find one of `names` in a layer; the content if found. Streams the layer once. */
async function findInLayer(
  source: ImageSource,
  layer: Descriptor,
  names: ReadonlySet<string>,
): Promise<Buffer | undefined> {
  const raw = Readable.from(source.openBlob(layer.digest));
  const gzip = (layer.mediaType ?? '').endsWith('gzip');
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  const ex = extract();
  let found: Buffer | undefined;
  ex.on('entry', (header, body, next) => {
    const name = header.name.replace(/^\.?\//, '');
    if (header.type === 'file' && names.has(name)) {
      const parts: Buffer[] = [];
      body.on('data', (d: unknown) => parts.push(d as Buffer));
      body.on('end', () => {
        found = Buffer.concat(parts);
        next();
      });
    } else {
      body.on('end', next);
      body.resume();
    }
  });
  await new Promise<void>((resolve, reject) => {
    ex.on('finish', resolve);
    ex.on('error', reject);
    stream.on('error', reject);
    stream.pipe(ex);
  });
  return found;
}

/** Read `.cog/weights.json` (at / or under the image's working directory) from an image manifest. */
export async function readImageWeights(
  source: ImageSource,
  manifestDigest: string,
): Promise<ImageWeights | undefined> {
  const m = await source.getManifest(manifestDigest);
  if (!m) return undefined;
  const manifest = JSON.parse(Buffer.from(m.bytes).toString('utf8')) as {
    config?: Descriptor;
    layers?: Descriptor[];
  };
  if (!manifest.config || !manifest.layers) return undefined;
  const config = (await blobJson(source, manifest.config.digest)) as {
    config?: { WorkingDir?: string };
  };
  const workdir = (config.config?.WorkingDir ?? '').replace(/^\/+|\/+$/g, '');
  const names = new Set([
    '.cog/weights.json',
    ...(workdir ? [`${workdir}/.cog/weights.json`] : []),
  ]);

  // Smallest layers first; a file found in layer i hides any copy in the layers below it, so
  // only layers above i still need a look.
  const order = manifest.layers.map((l, i) => ({ l, i })).sort((a, b) => a.l.size - b.l.size);
  let found: { index: number; bytes: Buffer } | undefined;
  for (const { l, i } of order) {
    if (found && i < found.index) continue;
    const bytes = await findInLayer(source, l, names);
    if (bytes) found = { index: i, bytes };
  }
  if (!found) return undefined;
  const parsed = JSON.parse(found.bytes.toString('utf8')) as { weights?: ImageWeights['weights'] };
  return { path: [...names].join(' or '), weights: parsed.weights ?? [] };
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
