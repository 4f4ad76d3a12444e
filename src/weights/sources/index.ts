// A weight's files from its sources: each source inventoried and filtered on its own, merged in
// declaration order (a later source's file replaces an earlier one at the same path), and each
// source's fingerprint — for a directory, Cog's set-digest rule over its whole, unfiltered
// inventory (so editing even an excluded file changes it); for a URL, its strong ETag or the
// sha256 of its body.

import type { CogConfig, WeightSourceSpec, WeightSpec } from '../../cog/config.js';
import { setDigest } from '../artifact.js';
import { noSurvivorsMessage, pathFilter } from '../filter.js';
import { inventoryDirectory } from '../inventory.js';
import type { ArrivedFile } from '../layers.js';
import type { PlannedFile } from '../layers.js';
import type { WeightStore } from '../store.js';
import { localSourceDir } from './file.js';
import { httpSource, strongEtag, type RemoteSource } from './http.js';
import { hfCommit, hfSource } from './hf.js';
import { sourceKind, SourceError, type SourceKind } from './uri.js';
import { mapLimit } from '../../util/limit.js';
import { sha256File } from '../../util/hashpool.js';
import type { DownloadOptions } from './download.js';
import type { HubConfig } from '../../config/env.js';

export interface SourcedFiles {
  /** The merged, filtered files of the weight. */
  readonly files: PlannedFile[];
  /** Per source, in order: its unfiltered inventory, and its fingerprint when already known. */
  readonly inventories: PlannedFile[][];
  readonly fingerprints: (string | undefined)[];
  /** Downloaded files, by path on this machine: their digests are already known. */
  readonly arrived: Map<string, ArrivedFile>;
}

/** Where remote sources download to, and how. */
export type SourceDownloads = DownloadOptions & { store: WeightStore; hub: HubConfig };

interface Read {
  readonly all: PlannedFile[];
  readonly remote?: RemoteSource | undefined;
}

/** One row per kind of source (cog/source-uri.ts): how its files are read, and its fingerprint had cheaply. */
interface SourceReader {
  read(
    source: WeightSourceSpec,
    projectDir: string,
    downloads: SourceDownloads | undefined,
  ): Promise<Read | undefined>;
  cheapFingerprint(
    source: WeightSourceSpec,
    projectDir: string,
    hub: HubConfig,
  ): Promise<string | undefined>;
}

const READERS: Readonly<Record<SourceKind, SourceReader>> = {
  file: {
    read: async (source, projectDir) => ({
      all: await inventoryDirectory(localSourceDir(source, projectDir)),
    }),
    cheapFingerprint: async (source, projectDir) => {
      const all = await inventoryDirectory(localSourceDir(source, projectDir));
      return (
        await localFingerprints({ inventories: [all], fingerprints: [undefined] }, new Map())
      )[0];
    },
  },
  hf: {
    read: async (source, _, downloads) => {
      if (!downloads) return undefined;
      const remote = await hfSource(source.uri, downloads.store, {
        hub: downloads.hub,
        keep: pathFilter(source.include, source.exclude),
        download: downloads,
      });
      return { all: remote.files, remote };
    },
    cheapFingerprint: async (source, _, hub) => `commit:${await hfCommit(source.uri, hub)}`,
  },
  http: {
    read: async (source, _, downloads) => {
      if (!downloads) return undefined;
      const remote = await httpSource(source.uri, downloads.store, downloads);
      return { all: remote.files, remote };
    },
    cheapFingerprint: (source) => strongEtag(source.uri).then((e) => (e ? `etag:${e}` : undefined)),
  },
};

/** The reader of the kind of source `uri` names; undefined for a scheme Cog does not take. */
const readerOf = (uri: string): SourceReader | undefined => {
  try {
    return READERS[sourceKind(uri)];
  } catch {
    return undefined;
  }
};

export async function localWeightFiles(
  config: CogConfig,
  weight: WeightSpec,
  log: (m: string) => void,
  downloads?: SourceDownloads,
): Promise<SourcedFiles> {
  const merged = new Map<string, { file: PlannedFile; source: number }>();
  const inventories: PlannedFile[][] = [];
  const fingerprints: (string | undefined)[] = [];
  const arrived = new Map<string, ArrivedFile>();
  // Read every source at once (downloads overlap), then merge them in declaration order.
  const read = await mapLimit(weight.sources, 4, async (source) => {
    const got = await readerOf(source.uri)?.read(source, config.projectDir, downloads);
    if (got) return got;
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
  hub: HubConfig,
): Promise<string | undefined> {
  return readerOf(source.uri)?.cheapFingerprint(source, config.projectDir, hub);
}
