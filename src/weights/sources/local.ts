// A weight's files from its local sources: each source inventoried and filtered on its own,
// merged in declaration order (a later source's file replaces an earlier one at the same path),
// and each source's fingerprint — Cog's set-digest rule over the source's whole, unfiltered
// inventory, so editing even an excluded file changes it.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { CogConfig, WeightSpec } from '../../cog/config.js';
import { setDigest } from '../artifact.js';
import { noSurvivorsMessage, pathFilter } from '../filter.js';
import { inventoryDirectory } from '../inventory.js';
import type { PlannedFile } from '../plan.js';
import { isLocalSource, localSourceDir } from './file.js';
import { SourceError } from './uri.js';

export interface SourcedFiles {
  /** The merged, filtered files of the weight. */
  readonly files: PlannedFile[];
  /** Per source, in order: its unfiltered inventory (for its fingerprint). */
  readonly inventories: PlannedFile[][];
}

export async function localWeightFiles(
  config: CogConfig,
  weight: WeightSpec,
  log: (m: string) => void,
): Promise<SourcedFiles> {
  const merged = new Map<string, { file: PlannedFile; source: number }>();
  const inventories: PlannedFile[][] = [];
  for (const [i, source] of weight.sources.entries()) {
    if (!isLocalSource(source.uri)) {
      throw new SourceError(
        `weight "${weight.name}": source ${source.uri} cannot be read in this version (local directories only)`,
      );
    }
    const all = await inventoryDirectory(localSourceDir(source, config.projectDir));
    inventories.push(all);
    const keep = pathFilter(source.include, source.exclude);
    const kept = all.filter((f) => keep(f.path));
    if (kept.length === 0)
      throw new SourceError(
        `weight "${weight.name}": ${noSurvivorsMessage(all.length, source.include, source.exclude)}`,
      );
    for (const file of kept) {
      const earlier = merged.get(file.path);
      if (earlier)
        log(
          `weight ${weight.name}: ${file.path} from source[${i}] replaces the one from source[${earlier.source}]`,
        );
      merged.set(file.path, { file, source: i });
    }
  }
  return { files: [...merged.values()].map((m) => m.file), inventories };
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 4 << 20 }))
    hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

/** Each source's fingerprint; `known` digests (from packing) spare re-reading those files. */
export async function localFingerprints(
  inventories: readonly PlannedFile[][],
  known: ReadonlyMap<string, string>,
): Promise<string[]> {
  const out: string[] = [];
  for (const inventory of inventories) {
    const files = [];
    for (const f of inventory)
      files.push({ path: f.path, digest: known.get(f.source) ?? (await sha256File(f.source)) });
    out.push(setDigest(files));
  }
  return out;
}
