// A weight's files from its sources: each source inventoried and filtered on its own, merged in
// declaration order (a later source's file replaces an earlier one at the same path), and each
// source's fingerprint — for a directory, Cog's set-digest rule over its whole, unfiltered
// inventory (so editing even an excluded file changes it); for a URL, its strong ETag or the
// sha256 of its body.

import type { CogConfig, WeightSourceSpec, WeightSpec } from '../../cog/config.js';
import { setDigest } from '../artifact.js';
import { noSurvivorsMessage, pathFilter } from '../filter.js';
import { inventoryDirectory } from '../inventory.js';
import type { ArrivedFile } from '../plan.js';
import type { PlannedFile } from '../plan.js';
import type { WeightStore } from '../store.js';
import { isLocalSource, localSourceDir } from './file.js';
import { httpSource, strongEtag } from './http.js';
import { hfCommit, hfSource } from './hf.js';
import { SourceError } from './uri.js';
import { mapLimit } from '../../util/limit.js';
import { sha256File } from '../../util/hashpool.js';
import type { DownloadOptions } from './download.js';

export interface SourcedFiles {
  /** The merged, filtered files of the weight. */
  readonly files: PlannedFile[];
  /** Per source, in order: its unfiltered inventory, and its fingerprint when already known. */
  readonly inventories: PlannedFile[][];
  readonly fingerprints: (string | undefined)[];
  /** Downloaded files, by path on this machine: their digests are already known. */
  readonly arrived: Map<string, ArrivedFile>;
}

export async function localWeightFiles(
  config: CogConfig,
  weight: WeightSpec,
  log: (m: string) => void,
  /** Where remote sources download to, and how. */
  downloads?: DownloadOptions & { store: WeightStore },
): Promise<SourcedFiles> {
  const store = downloads?.store;
  const merged = new Map<string, { file: PlannedFile; source: number }>();
  const inventories: PlannedFile[][] = [];
  const fingerprints: (string | undefined)[] = [];
  const arrived = new Map<string, ArrivedFile>();
  // Read every source at once (downloads overlap), then merge them in declaration order.
  const read = await mapLimit(weight.sources, 4, async (source) => {
    if (isLocalSource(source.uri)) {
      return {
        all: await inventoryDirectory(localSourceDir(source, config.projectDir)),
        remote: undefined,
      };
    }
    if (/^(hf|huggingface):\/\//.test(source.uri) && store) {
      const remote = await hfSource(source.uri, store, {
        keep: pathFilter(source.include, source.exclude),
        download: downloads,
      });
      return { all: remote.files, remote };
    }
    if (/^https?:\/\//.test(source.uri) && store) {
      const remote = await httpSource(source.uri, store, downloads);
      return { all: remote.files, remote };
    }
    throw new SourceError(
      `weight "${weight.name}": source ${source.uri} cannot be read here (unsupported scheme, or no local store)`,
    );
  });
  for (const [i, source] of weight.sources.entries()) {
    const { all, remote } = read[i]!;
    fingerprints.push(remote?.fingerprint);
    for (const [k, v] of remote?.arrived ?? []) arrived.set(k, v);
    inventories.push(all);
    const keep = pathFilter(source.include, source.exclude);
    const kept = all.filter((f) => keep(f.path));
    if (kept.length === 0) {
      throw new SourceError(
        `weight "${weight.name}": ${noSurvivorsMessage(all.length, source.include, source.exclude)}`,
      );
    }
    for (const file of kept) {
      const earlier = merged.get(file.path);
      if (earlier) {
        log(
          `weight ${weight.name}: ${file.path} from source[${i}] replaces the one from source[${earlier.source}]`,
        );
      }
      merged.set(file.path, { file, source: i });
    }
  }
  return { files: [...merged.values()].map((m) => m.file), inventories, fingerprints, arrived };
}

/** Each source's fingerprint; `known` digests (from packing) spare re-reading those files. */
export async function localFingerprints(
  sourced: Pick<SourcedFiles, 'inventories' | 'fingerprints'>,
  known: ReadonlyMap<string, string>,
): Promise<string[]> {
  const out: string[] = [];
  for (const [i, inventory] of sourced.inventories.entries()) {
    const given = sourced.fingerprints[i];
    if (given) {
      out.push(given);
      continue;
    }
    const files = [];
    for (const f of inventory)
      files.push({ path: f.path, digest: known.get(f.source) ?? (await sha256File(f.source)) });
    out.push(setDigest(files));
  }
  return out;
}

/**
 * A source's fingerprint without fetching its bytes: a directory's set digest (read locally),
 * an hf:// ref's commit (one API call), a URL's strong ETag (one HEAD). Undefined when it
 * cannot be known without downloading (a weak or missing ETag).
 */
export async function cheapFingerprint(
  config: CogConfig,
  source: WeightSourceSpec,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<string | undefined> {
  if (isLocalSource(source.uri)) {
    const all = await inventoryDirectory(localSourceDir(source, config.projectDir));
    return localFingerprints({ inventories: [all], fingerprints: [undefined] }, new Map()).then(
      (f) => f[0],
    );
  }
  if (/^(hf|huggingface):\/\//.test(source.uri)) return `commit:${await hfCommit(source.uri, env)}`;
  if (/^https?:\/\//.test(source.uri))
    return strongEtag(source.uri).then((e) => (e ? `etag:${e}` : undefined));
  return undefined;
}
