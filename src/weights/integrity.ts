// Lockfile integrity: everything a weights.lock entry claims is recomputed from the entry
// itself (spec/weights.md §5) — set digest, config blob, manifest digest, sizes, the layer of
// every file — so a hand edit, a merge accident or a stale copy is caught before it is
// trusted. A lockfile Cog wrote passes untouched.

import { compareUtf8 } from '../util/gojson.js';
import { sha256 } from '../util/hashpool.js';
import { configBlob, setDigest, weightManifest } from './artifact.js';
import type { LockEntry, Lockfile } from './lockfile.js';

export interface IntegrityFinding {
  readonly weight: string;
  readonly field: string;
  readonly message: string;
}

function sorted<T>(xs: readonly T[], key: (x: T) => string): boolean {
  return xs.every((x, i) => i === 0 || compareUtf8(key(xs[i - 1]!), key(x)) < 0);
}

export function checkEntry(entry: LockEntry): IntegrityFinding[] {
  const out: IntegrityFinding[] = [];
  const add = (field: string, message: string) => out.push({ weight: entry.name, field, message });
  const layerDigests = new Set(entry.layers.map((l) => l.digest));

  if (!sorted(entry.files, (f) => f.path))
    add('files', 'not sorted by path (Cog writes them sorted, without duplicates)');
  if (!sorted(entry.layers, (l) => l.digest))
    add('layers', 'not sorted by digest (Cog writes them sorted, without duplicates)');
  entry.files.forEach((f, i) => {
    if (!layerDigests.has(f.layer))
      add(`files[${i}].layer`, `${f.path}: ${f.layer} is not one of the listed layers`);
  });
  entry.layers.forEach((l, i) => {
    const sum = entry.files.filter((f) => f.layer === l.digest).reduce((n, f) => n + f.size, 0);
    if (sum !== l.sizeUncompressed) {
      add(
        `layers[${i}].sizeUncompressed`,
        `recorded ${l.sizeUncompressed}, its files add up to ${sum}`,
      );
    }
  });
  const size = entry.files.reduce((n, f) => n + f.size, 0);
  if (size !== entry.size) add('size', `recorded ${entry.size}, the files add up to ${size}`);
  const compressed = entry.layers.reduce((n, l) => n + l.size, 0);
  if (compressed !== entry.sizeCompressed)
    add('sizeCompressed', `recorded ${entry.sizeCompressed}, the layers add up to ${compressed}`);
  const set = setDigest(entry.files);
  if (set !== entry.setDigest)
    add('setDigest', `recorded ${entry.setDigest}, the files give ${set}`);

  // The manifest as Cog builds it from this entry; its digest must be the recorded one.
  try {
    const config = configBlob(entry.name, entry.target, entry.setDigest, entry.files);
    const manifest = weightManifest(
      entry.name,
      entry.target,
      entry.setDigest,
      config,
      entry.layers,
    );
    const digest = sha256(manifest);
    if (digest !== entry.digest)
      add('digest', `recorded ${entry.digest}, the entry's manifest is ${digest}`);
  } catch (e) {
    add('layers', (e as Error).message);
  }
  return out;
}

export function checkLockfile(lock: Lockfile): IntegrityFinding[] {
  return lock.weights.flatMap(checkEntry);
}

export function integrityMessage(findings: readonly IntegrityFinding[], lockPath: string): string {
  return [
    `${lockPath} is not consistent with itself (edited by hand, or merged wrongly?):`,
    ...findings.map((f) => `  weight "${f.weight}": ${f.field}: ${f.message}`),
    'fix: re-import the weights (`cog weights import`, or the action input `import-weights: true`) and commit weights.lock',
  ].join('\n');
}
