// Post-publish verification: read the index back by digest and walk everything it names —
// every child manifest by digest, every blob with its size, and the weight annotations against
// the lockfile — so a release that pins the index digest pins something whole.

import { createHash } from 'node:crypto';
import { ANNOTATION } from './oci/mediatypes.js';
import type { Target } from './oci/target.js';
import type { Lockfile } from './weights/lockfile.js';
import type { Descriptor } from './oci/target.js';

export class VerifyError extends Error {
  override name = 'VerifyError';
}

export interface VerifyReport {
  readonly seconds: number;
  readonly manifests: number;
  readonly blobs: number;
  /** Blobs read back and hashed (all of them in full mode; else those whose size was unsure). */
  readonly hashed: number;
}

/**
 * `digests`: every blob by HEAD with its size; a blob whose size the target does not say is
 * read back and hashed. `full`: every blob read back and hashed. A target whose reads are local
 * (an OCI layout, `localReads`) always gets `full`: its blobs are trusted by size when a push
 * skips them, so this is where a same-size corrupt file is caught.
 */
export type VerifyMode = 'digests' | 'full';

interface ManifestJson {
  manifests?: Descriptor[];
  config?: Descriptor;
  layers?: Descriptor[];
  annotations?: Record<string, string>;
}

export async function verifyPublished(
  target: Target,
  indexDigest: string,
  lock: Lockfile,
  mode: VerifyMode = 'digests',
): Promise<VerifyReport> {
  const start = process.hrtime.bigint();
  const problems: string[] = [];
  const full = mode === 'full' || target.localReads === true;
  let manifests = 0;
  let blobs = 0;
  let hashed = 0;
  /** Read the blob back, hashing it: its digest and size, or why it could not be read. */
  const readBack = async (d: Descriptor): Promise<string | undefined> => {
    hashed++;
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of target.openBlob(d.digest)) {
        hash.update(chunk);
        size += chunk.length;
        // A blob longer than its descriptor says is wrong already: stop reading it.
        if (size > d.size) return `has more than the ${d.size} bytes the manifest says`;
      }
    } catch (e) {
      return `cannot be read back: ${(e as Error).message}`;
    }
    const digest = `sha256:${hash.digest('hex')}`;
    if (size !== d.size) return `has ${size} bytes read back, the manifest says ${d.size}`;
    if (digest !== d.digest) return `reads back as ${digest}`;
    return undefined;
  };
  const read = async (digest: string, what: string): Promise<ManifestJson | undefined> => {
    const m = await target.getManifest(digest);
    manifests++;
    if (!m) {
      problems.push(`${what} manifest ${digest} is missing`);
      return undefined;
    }
    return JSON.parse(Buffer.from(m.bytes).toString('utf8')) as ManifestJson;
  };
  const blob = async (d: Descriptor, what: string) => {
    blobs++;
    const size = await target.hasBlob(d.digest);
    if (size === null) return problems.push(`${what} blob ${d.digest} is missing`);
    if (size >= 0 && size !== d.size)
      return problems.push(
        `${what} blob ${d.digest} has ${size} bytes, the manifest says ${d.size}`,
      );
    // A size the target did not say is not a confirmed blob: read it back.
    if (full || size < 0) {
      const wrong = await readBack(d);
      if (wrong) problems.push(`${what} blob ${d.digest} ${wrong}`);
    }
  };

  const index = await read(indexDigest, 'index');
  const children = index?.manifests ?? [];
  const [image, ...weights] = children;
  if (index && !image) problems.push(`index ${indexDigest} names no image`);
  if (image) {
    const m = await read(image.digest, 'image');
    if (m?.config) await blob(m.config, 'image config');
    for (const l of m?.layers ?? []) await blob(l, 'image layer');
  }
  if (index && weights.length !== lock.weights.length) {
    problems.push(`index names ${weights.length} weight(s), weights.lock ${lock.weights.length}`);
  }
  for (const [i, d] of weights.entries()) {
    const entry = lock.weights[i];
    const name = d.annotations?.[ANNOTATION.weightName] ?? `#${i + 1}`;
    if (entry) {
      const want: Record<string, string> = {
        [ANNOTATION.weightName]: entry.name,
        [ANNOTATION.weightSetDigest]: entry.setDigest,
        [ANNOTATION.weightSizeUncompressed]: String(entry.size),
      };
      for (const [key, value] of Object.entries(want)) {
        if (d.annotations?.[key] !== value)
          problems.push(
            `weight ${name}: index annotation ${key} is ${d.annotations?.[key] ?? 'missing'}, weights.lock says ${value}`,
          );
      }
      if (d.digest !== entry.digest)
        problems.push(`weight ${name}: index names ${d.digest}, weights.lock ${entry.digest}`);
    }
    const m = await read(d.digest, `weight ${name}`);
    if (!m) continue;
    if (entry && m.annotations?.[ANNOTATION.weightTarget] !== entry.target) {
      problems.push(
        `weight ${name}: manifest target ${m.annotations?.[ANNOTATION.weightTarget]}, weights.lock ${entry.target}`,
      );
    }
    if (m.config) await blob(m.config, `weight ${name} config`);
    for (const l of m.layers ?? []) await blob(l, `weight ${name} layer`);
  }
  if (problems.length > 0) {
    throw new VerifyError(
      `post-publish verification of ${target.name}@${indexDigest} failed:\n  ${problems.join('\n  ')}`,
    );
  }
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, manifests, blobs, hashed };
}
