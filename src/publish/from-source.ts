// A weight packed from its sources (filtered and merged): downloads go to the store, and to
// the destination as they arrive when it takes early blobs (an OCI layout). Shared by the
// import (which needs the sources' fingerprints) and the weights stage (a weight the store
// and the cache could not give).

import { rm } from 'node:fs/promises';
import type { CogConfig } from '../cog/config.js';
import type { Target } from '../oci/target.js';
import type { Log } from '../util/log.js';
import { CorruptFileError, packWeight } from '../weights/pack.js';
import { localFingerprints, localWeightFiles } from '../weights/sources/index.js';
import type { WeightStore } from '../weights/store.js';
import type { Session } from './session.js';
import { PublishError, type SourcePacked } from './types.js';

export interface FromSource extends SourcePacked {
  /** Each source's fingerprint, for weights.lock (computed on demand: it may read files). */
  fingerprints(): Promise<string[]>;
}

/**
 * Pack weight `name` from its sources. `earlyBlobs` takes downloaded layers as they arrive
 * (undefined in a dry run). A store file reused for a download whose bytes are not its digest
 * is dropped and fetched again, once; a corrupt file anywhere else is the error it says.
 */
export async function packFromSource(
  session: Session,
  config: CogConfig,
  name: string,
  earlyBlobs: Target | undefined,
): Promise<FromSource> {
  try {
    return await packOnce(session, config, name, earlyBlobs);
  } catch (e) {
    if (!(e instanceof CorruptFileError)) throw e;
    if (!(await dropCorruptStoreFiles(e, session.packing.store, session.log))) throw e;
    return packOnce(session, config, name, earlyBlobs);
  }
}

/** Remove the store files a CorruptFileError names; false when some were not store files. */
export async function dropCorruptStoreFiles(
  e: CorruptFileError,
  store: WeightStore,
  log: Log,
): Promise<boolean> {
  if (!e.files.every((f) => f.source === store.path(f.known))) return false;
  for (const f of e.files) await rm(f.source, { force: true });
  log.warning(`${e.message}; removed from the local store, fetching again`);
  return true;
}

async function packOnce(
  session: Session,
  config: CogConfig,
  name: string,
  earlyBlobs: Target | undefined,
): Promise<FromSource> {
  const { pool, packCache } = session.packing;
  const spec = config.weights.find((w) => w.name === name);
  if (!spec) throw new PublishError(`weight "${name}" is not in ${config.file}`);
  const sourced = await localWeightFiles(
    config,
    spec,
    (m) => session.log.info(m),
    session.sourceDownloads(earlyBlobs),
  );
  const packed = await packWeight({
    name,
    target: spec.target,
    files: sourced.files,
    pool,
    cache: packCache,
    arrived: sourced.arrived,
  });
  // Digests packing already took spare the fingerprints a second read.
  const known = new Map(
    packed.layers.flatMap((l) =>
      l.files.map((f, k) => [l.plan.files[k]!.source, f.digest] as const),
    ),
  );
  for (const [k, v] of sourced.arrived) known.set(k, v.digest);
  return { packed, fingerprints: () => localFingerprints(sourced, known) };
}
