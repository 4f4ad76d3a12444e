// Post-publish verification: read the index back by digest and walk everything it names —
// every child manifest by digest, every blob with its size, and the weight annotations against
// the lockfile — so a release that pins the index digest pins something whole.

import { parseJsonObject, type ManifestJson } from '../oci/manifest-json.js';
import { createHash } from 'node:crypto';
import { ANNOTATION } from '../oci/mediatypes.js';
import type { Target } from '../oci/target.js';
import type { LockEntry, Lockfile } from '../weights/lockfile.js';
import type { Descriptor } from '../oci/target.js';
import type { VerifyMode } from '../config/choices.js';

export type { VerifyMode };

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

export async function verifyPublished(
  target: Target,
  indexDigest: string,
  lock: Lockfile,
  mode: VerifyMode = 'digests',
): Promise<VerifyReport> {
  const start = process.hrtime.bigint();
  const check = new Checker(target, mode === 'full' || target.localReads === true);
  const index = await check.manifest(indexDigest, 'index');
  const [image, ...weights] = index?.manifests ?? [];
  if (index && !image) check.problems.push(`index ${indexDigest} names no image`);
  if (image) await check.children(await check.manifest(image.digest, 'image'), 'image');
  if (index && weights.length !== lock.weights.length)
    check.problems.push(
      `index names ${weights.length} weight(s), weights.lock ${lock.weights.length}`,
    );
  for (const [i, d] of weights.entries()) await check.weight(d, lock.weights[i], i);
  if (check.problems.length > 0) {
    throw new VerifyError(
      `post-publish verification of ${target.name}@${indexDigest} failed:\n  ${check.problems.join('\n  ')}`,
    );
  }
  const { manifests, blobs, hashed } = check;
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, manifests, blobs, hashed };
}

/** The checks of one verification, and what they found and counted. */
class Checker {
  readonly problems: string[] = [];
  manifests = 0;
  blobs = 0;
  hashed = 0;

  constructor(
    private readonly target: Target,
    /** Read every blob back and hash it (else only a blob whose size the target did not say). */
    private readonly full: boolean,
  ) {}

  /** A manifest by digest, parsed; undefined (and a problem) when it is missing. */
  async manifest(digest: string, what: string): Promise<ManifestJson | undefined> {
    const m = await this.target.getManifest(digest);
    this.manifests++;
    if (!m) {
      this.problems.push(`${what} manifest ${digest} is missing`);
      return undefined;
    }
    return parseJsonObject(m.bytes, `${this.target.name}: ${what} manifest ${digest}`);
  }

  /** A manifest's config and layers. */
  async children(m: ManifestJson | undefined, what: string): Promise<void> {
    if (m?.config) await this.blob(m.config, `${what} config`);
    for (const l of m?.layers ?? []) await this.blob(l, `${what} layer`);
  }

  /** One weight of the index against its lockfile entry, then its manifest and blobs. */
  async weight(d: Descriptor, entry: LockEntry | undefined, i: number): Promise<void> {
    const name = d.annotations?.[ANNOTATION.weightName] ?? `#${i + 1}`;
    if (entry) this.annotations(d, entry, name);
    const m = await this.manifest(d.digest, `weight ${name}`);
    if (!m) return;
    if (entry && m.annotations?.[ANNOTATION.weightTarget] !== entry.target) {
      this.problems.push(
        `weight ${name}: manifest target ${m.annotations?.[ANNOTATION.weightTarget]}, weights.lock ${entry.target}`,
      );
    }
    await this.children(m, `weight ${name}`);
  }

  /** The index's descriptor of a weight says what weights.lock says. */
  private annotations(d: Descriptor, entry: LockEntry, name: string): void {
    const want: Record<string, string> = {
      [ANNOTATION.weightName]: entry.name,
      [ANNOTATION.weightSetDigest]: entry.setDigest,
      [ANNOTATION.weightSizeUncompressed]: String(entry.size),
    };
    for (const [key, value] of Object.entries(want)) {
      if (d.annotations?.[key] !== value)
        this.problems.push(
          `weight ${name}: index annotation ${key} is ${d.annotations?.[key] ?? 'missing'}, weights.lock says ${value}`,
        );
    }
    if (d.digest !== entry.digest)
      this.problems.push(`weight ${name}: index names ${d.digest}, weights.lock ${entry.digest}`);
  }

  /** A blob is there with its size; read back and hashed when `full` (or its size is unknown). */
  private async blob(d: Descriptor, what: string): Promise<void> {
    this.blobs++;
    const size = await this.target.hasBlob(d.digest);
    if (size === null) return void this.problems.push(`${what} blob ${d.digest} is missing`);
    if (size >= 0 && size !== d.size)
      return void this.problems.push(
        `${what} blob ${d.digest} has ${size} bytes, the manifest says ${d.size}`,
      );
    // A size the target did not say is not a confirmed blob: read it back.
    if (this.full || size < 0) {
      const wrong = await this.readBack(d);
      if (wrong) this.problems.push(`${what} blob ${d.digest} ${wrong}`);
    }
  }

  /** Read the blob back, hashing it: why it is not what `d` says, or undefined. */
  private async readBack(d: Descriptor): Promise<string | undefined> {
    this.hashed++;
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of this.target.openBlob(d.digest)) {
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
  }
}
