// The publish, as design.md draws it: project → plan → lock gate → session → import →
// weights → image → model index → result. This module only calls the stages.

import { referenceString } from '../oci/reference.js';
import type { Inputs } from '../config/inputs.js';
import type { RuntimeEnv } from '../config/env.js';
import { loadProject, type Project } from '../cog/project.js';
import type { Log } from '../util/log.js';
import {
  COG_ENVELOPE_FORMAT,
  COMPRESSOR,
  readLockfile,
  writeLockfile,
  type Lockfile,
} from '../weights/lockfile.js';
import { checkImage, publishImage } from './image.js';
import { importWeights, type Imported } from './import.js';
import { lockGate } from './lock-gate.js';
import { publishHalves } from './halves.js';
import { publishModelIndex } from './model-index.js';
import { planPublish, planTransfer, type PublishPlan } from './plan.js';
import { openSession, type Session } from './session.js';
import { PushLedger } from './ledger.js';
import { PublishError, type ImportedWeight, type PublishResult } from './types.js';
import { publishWeights } from './weights.js';

const EMPTY_LOCK: Lockfile = { version: 1, envelopeFormat: COG_ENVELOPE_FORMAT, weights: [] };

const readProject = (inputs: Inputs): Promise<Project> =>
  loadProject({ dir: inputs.workingDirectory, configName: inputs.config, env: inputs.modelRef });

/**
 * Publish the project. `ledger` is the caller's record of what went up, to read should the
 * publish throw (the summary of a failed run).
 */
export async function publish(
  inputs: Inputs,
  runtime: RuntimeEnv,
  log: Log,
  ledger = new PushLedger(),
): Promise<PublishResult> {
  const project = await readProject(inputs);
  const plan = planPublish(inputs, project, runtime);
  const open = () => openSession(plan, runtime, log, { ledger });
  if (plan.format === 'image') return publishLegacyImage(plan, project, open);
  const { config } = project;
  const committed = await lockGate(config, plan.lockPath, plan.importWeights);
  const session = await open();
  const weights = config.weights.map((w) => `weight ${w.name}`);
  ledger.plan({
    repository: session.repositoryRef,
    tags: plan.tags,
    artifacts: [...weights, 'image', 'model index'],
  });
  try {
    // Before anything is fetched or pushed: what the image stage would trip on.
    await checkImage(plan, session);
    // The import opens the destination first: a weight whose sources and manifest are
    // unchanged there is kept without fetching anything (the fast path).
    const imported: Imported | undefined = plan.importWeights
      ? await log.group('Import weights', () =>
          importWeights(session, config, committed, plan.dryRun),
        )
      : undefined;
    const lock = imported?.lock ?? committed ?? EMPTY_LOCK;
    log.info(`Pushing to ${session.repositoryRef}:${plan.tag}...`);
    const halves = await publishHalves(plan, session, {
      config,
      lock,
      imported: imported?.packed,
    });
    const made = { ...halves, imported, declared: config.weights.length > 0 };
    if (plan.dryRun) return result(plan, session.repositoryRef, made);
    const { image, weights } = halves;
    const indexDigest = await publishModelIndex(plan, session, { image, weights, lock });
    const lockfileChanged = plan.importWeights
      ? (await writeLockfile(config.projectDir, lock)).changed
      : false;
    return result(plan, session.repositoryRef, { ...made, indexDigest, lockfileChanged });
  } finally {
    await session.close();
  }
}

/** The result a bundle publish returns, from what its stages made. */
function result(
  plan: PublishPlan,
  repository: string,
  made: Pick<PublishResult, 'image' | 'weights' | 'cache'> & {
    imageReport: PublishResult['imageReport'];
    imported: Imported | undefined;
    /** cog.yaml declares weights. */
    declared: boolean;
    indexDigest?: string;
    lockfileChanged?: boolean;
  },
): PublishResult {
  return {
    format: 'bundle',
    dryRun: plan.dryRun,
    repository,
    tag: plan.tag,
    tags: plan.tags,
    indexDigest: made.indexDigest,
    image: made.image,
    imageReport: made.imageReport,
    weights: made.weights,
    lockfile: made.declared || plan.importWeights ? plan.lockPath : undefined,
    lockfileChanged: made.lockfileChanged ?? false,
    imported: made.imported?.imported,
    cache: made.cache,
  };
}

/** A legacy `image:` project: the single image at its own tag, as Cog publishes it. */
async function publishLegacyImage(
  plan: PublishPlan,
  project: Project,
  open: () => Promise<Session>,
): Promise<PublishResult> {
  if (project.config.weights.length > 0)
    throw new PublishError("managed weights need 'model' in cog.yaml, not 'image'");
  const session = await open();
  session.ledger.plan({ repository: session.repositoryRef, tags: plan.tags, artifacts: ['image'] });
  try {
    await checkImage(plan, session);
    session.log.info(`Pushing to ${referenceString(project.target.ref)}...`);
    const { descriptor: image, report } = await publishImage(plan, session, undefined);
    if (!plan.dryRun) await tagImage(session, image.digest, plan.tags.slice(1));
    return {
      format: 'image',
      dryRun: plan.dryRun,
      repository: session.repositoryRef,
      tag: plan.tag,
      tags: plan.tags,
      indexDigest: undefined,
      image,
      imageReport: report,
      weights: [],
      lockfile: undefined,
      lockfileChanged: false,
      imported: undefined,
      cache: { hits: [], misses: [] },
    };
  } finally {
    await session.close();
  }
}

/** The legacy image at its other tags. */
async function tagImage(session: Session, digest: string, tags: readonly string[]) {
  if (tags.length === 0) return;
  const manifest = await session.target.getManifest(digest);
  if (!manifest) throw new PublishError(`image ${digest} is not in ${session.target.name}`);
  for (const tag of tags) {
    await session.target.putManifest(manifest.bytes, manifest.mediaType, tag);
    // Should a later tag fail, the summary says which ones moved.
    session.ledger.record({ what: 'image', digest, tag, state: 'pushed', bytesUploaded: 0 });
  }
}

export interface ImportResult {
  readonly lockPath: string;
  readonly changed: boolean;
  readonly imported: ImportedWeight[];
  readonly envelope: string;
}

/**
 * `cog-push weights import`: pack every weight from its sources, push what the target lacks,
 * and write weights.lock (only when it changed). The action's `import-weights: true` shares
 * the stages.
 */
export async function importToTarget(
  inputs: Inputs,
  runtime: RuntimeEnv,
  log: Log,
): Promise<ImportResult> {
  const project = await readProject(inputs);
  const { config } = project;
  if (config.weights.length === 0) throw new PublishError(`${config.file} declares no weights`);
  const plan = planTransfer(inputs, project.target.ref, runtime);
  const previous = await readLockfile(config.projectDir);
  const session = await openSession(plan, runtime, log);
  let imported: Imported;
  try {
    imported = await importWeights(session, config, previous, plan.dryRun);
    await publishWeights(plan, session, {
      config,
      lock: imported.lock,
      imported: imported.packed,
    });
  } finally {
    await session.close();
  }
  const { lock } = imported;
  const written = await writeLockfile(config.projectDir, lock);
  const why =
    lock.envelopeFormat === COG_ENVELOPE_FORMAT
      ? "Cog's envelope: every layer is plain tar, byte-identical to Cog's"
      : `our envelope (compressor ${COMPRESSOR}): some layers are gzip we compressed, so Cog will recompute them`;
  log.info(`${written.changed ? 'wrote' : 'unchanged'} ${written.path} with ${why}`);
  return {
    lockPath: written.path,
    changed: written.changed,
    imported: imported.imported,
    envelope: lock.envelopeFormat,
  };
}
