// The image stage: build the image (cog, docker, buildah) or copy a prebuilt one (registry,
// OCI layout, docker-archive) into the destination at its image tag. Returns its descriptor.

import { removeOnSignal } from '../util/termination.js';
import { rm } from 'node:fs/promises';
import { DockerArchive } from '../image/archive.js';
import { OciArchive } from '../image/oci-archive.js';
import { compressLayers } from '../image/compress.js';
import { formatBytes } from '../util/format.js';
import path from 'node:path';
import {
  checkCog,
  checkDockerfile,
  dockerfilePath,
  checkSecrets,
  buildPlan,
  describeCommand,
  dockerBuildMode,
  hasBuildx,
  runBuild,
  scratchDir,
} from '../image/builders.js';
import { copyImage, type ImageDescriptor, type ImageSource } from '../image/copy.js';
import { readImageHead, readImageWeights } from '../image/weightsjson.js';
import { addWeightsJson } from '../image/weights-layer.js';
import { OciLayoutTarget } from '../oci/layout.js';
import { MEDIA_TYPE } from '../oci/mediatypes.js';
import { parseJsonObject } from '../oci/manifest-json.js';
import { openTarget } from '../oci/open.js';
import type { ImageSpec, PublishPlan } from './plan.js';
import type { Session } from './session.js';
import { PublishError, type ImageReport } from './types.js';

export type { ImageReport };
import type { Lockfile } from '../weights/lockfile.js';

type Prebuilt = Exclude<ImageSpec, { kind: 'build' }>;

export interface PublishedImage {
  readonly descriptor: ImageDescriptor;
  readonly report: ImageReport;
}

/** A stage's image: where it is, and the bytes this run sent for it (when it sent them). */
interface Made {
  readonly descriptor: ImageDescriptor;
  readonly bytesUploaded?: number | undefined;
  /** What the summary should know of how it went up (its layers compressed on the way). */
  readonly note?: string | undefined;
}

/** Where a build's output goes, and what stops it. */
export interface BuildIo {
  /** Each line the builder writes (default: the log). */
  readonly output?: ((line: string) => void) | undefined;
  /** Stops the builder: the other half of the publish failed. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * The image at its tag in the destination. With managed weights (`lock` has any), it carries
 * /.cog/weights.json: an image that lacks it gets it added (weights-layer.ts says why).
 */
export async function publishImage(
  plan: PublishPlan,
  session: Session,
  lock: Lockfile | undefined,
  io: BuildIo = {},
): Promise<PublishedImage> {
  const started = Date.now();
  const made =
    plan.image.kind === 'build'
      ? await buildImage(plan, session, plan.image, io)
      : await copyPrebuilt(plan, session, plan.image);
  const descriptor =
    plan.dryRun || !lock || lock.weights.length === 0
      ? made.descriptor
      : await withWeightsJson(plan, session, made.descriptor, lock);
  const how =
    (plan.image.kind === 'build' ? `built with ${plan.image.builder}` : `from ${plan.image.spec}`) +
    (made.note ? `, ${made.note}` : '');
  const report: ImageReport = {
    how,
    size: plan.dryRun ? undefined : await imageSize(session, descriptor.digest),
    bytesUploaded: made.bytesUploaded,
    seconds: (Date.now() - started) / 1000,
  };
  if (!plan.dryRun)
    session.ledger.record({
      what: 'image',
      digest: descriptor.digest,
      tag: plan.imageTag,
      state: 'pushed',
      bytesUploaded: made.bytesUploaded,
    });
  return { descriptor, report };
}

/** The image's size: its config and layers, as its manifest in the destination says. */
async function imageSize(session: Session, digest: string): Promise<number | undefined> {
  const m = await session.target.getManifest(digest).catch(() => null);
  if (!m) return undefined;
  try {
    const json = parseJsonObject(m.bytes, `${session.target.name}: image manifest ${digest}`);
    return (json.layers ?? []).reduce((n, l) => n + (l.size ?? 0), json.config?.size ?? 0);
  } catch {
    return undefined;
  }
}

/** The image, with /.cog/weights.json added when it has none. */
async function withWeightsJson(
  plan: PublishPlan,
  session: Session,
  image: ImageDescriptor,
  lock: Lockfile,
): Promise<ImageDescriptor> {
  const head = await readImageHead(session.target, image.digest);
  // Not an image manifest we can read: the model index stage says so.
  if (!head || (await readImageWeights(session.target, head))) return image;
  const added = await addWeightsJson(session.target, image, plan.imageTag, lock);
  session.log.info(
    `image: it had no /.cog/weights.json, which Cog's runtime needs to use managed weights; ` +
      `added it from weights.lock as one more layer (${image.digest} -> ${added.digest})`,
  );
  return added;
}

/** The prebuilt image as a source to copy from, and how to let go of it. */
async function openPrebuilt(
  session: Session,
  spec: Prebuilt,
): Promise<{ source: ImageSource; reference: string; close(): Promise<void> }> {
  const none = async () => undefined;
  switch (spec.kind) {
    case 'docker-archive':
      return { source: await DockerArchive.open(spec.file), reference: 'archive', close: none };
    case 'oci-layout': {
      const layout = new OciLayoutTarget(spec.path);
      const reference = spec.reference ?? (await layout.defaultReference());
      return { source: layout, reference, close: none };
    }
    case 'oci-archive': {
      const archive = await OciArchive.open(spec.path);
      const reference = spec.reference ?? archive.defaultReference();
      return { source: archive, reference, close: none };
    }
    case 'registry': {
      const opened = openTarget(spec.repository, session.registryOptions(spec.login));
      return { source: opened.target, reference: spec.reference, close: opened.close };
    }
  }
}

async function copyPrebuilt(plan: PublishPlan, session: Session, spec: Prebuilt): Promise<Made> {
  const opened = await openPrebuilt(session, spec);
  const { reference, close } = opened;
  try {
    const { source, note } = await compressedIfPlain(plan, session, spec, opened);
    if (plan.dryRun) {
      const m = await source.hasManifest(reference);
      if (!m) throw new PublishError(`image ${spec.spec} not found`);
      return { descriptor: { mediaType: m.mediaType, size: m.size, digest: m.digest } };
    }
    const copied = await copyImage(source, reference, session.target, plan.imageTag, {
      platform: plan.platform,
      mountFrom: spec.kind === 'registry' ? spec.mountFrom : undefined,
      concurrency: plan.concurrency,
    });
    session.log.info(`image: ${copied.descriptor.digest} (${copied.bytesUploaded} bytes uploaded)`);
    return { ...copied, note };
  } finally {
    await close();
  }
}

/**
 * A docker archive's plain tar layers, seen gzip-compressed (image/compress.ts) unless the
 * `compress-layers` input is off; the log says the image digest therefore changes.
 */
async function compressedIfPlain(
  plan: PublishPlan,
  session: Session,
  spec: Prebuilt,
  opened: { source: ImageSource; reference: string },
): Promise<{ source: ImageSource; note?: string }> {
  if (spec.kind !== 'docker-archive' || !spec.compress) return { source: opened.source };
  const done = await compressLayers(opened.source, opened.reference, {
    cacheDir: path.join(session.packing.packCache.dir, 'gzip-layers'),
    concurrency: plan.concurrency,
  });
  if (!done) return { source: opened.source };
  session.log.info(
    `image: ${done.layers} uncompressed layer(s) of ${spec.spec} go up gzip-compressed (${formatBytes(done.bytesBefore)} → ${formatBytes(done.bytesAfter)}), so the image digest is ${done.to}, not the archive's ${done.from} (compress-layers: false keeps them as they are)`,
  );
  return {
    source: done.source,
    note: `${done.layers} layer(s) gzip-compressed on the way: the image digest is not the archive's ${done.from.slice(0, 19)}…`,
  };
}

/**
 * What the image stage would trip on, found before anything is pushed (and in a dry run): a
 * build's secrets, Cog's version, its Dockerfile; a prebuilt image that is not where it says
 * (a layout of several manifests and no tag, a missing tag, an archive that is not one). The
 * callers run it before either half starts, so a mistake here pushes no weight first.
 */
export async function checkImage(plan: PublishPlan, session: Session): Promise<void> {
  const spec = plan.image;
  if (spec.kind !== 'build') {
    const opened = await openPrebuilt(session, spec);
    try {
      if (!(await opened.source.hasManifest(opened.reference)))
        throw new PublishError(`image ${spec.spec} not found`);
    } finally {
      await opened.close();
    }
    return;
  }
  await checkSecrets(spec.options.secrets, plan.projectDir, session.builds.childEnv);
  // A legacy `image:` project builds with any Cog; `model:` needs a new one.
  if (spec.builder === 'cog' && plan.format === 'bundle') await checkCog(session.builds.childEnv);
  if (spec.builder !== 'cog')
    await checkDockerfile(dockerfilePath(plan.projectDir, spec.options), spec.builder);
}

async function buildImage(
  plan: PublishPlan,
  session: Session,
  spec: Extract<ImageSpec, { kind: 'build' }>,
  io: BuildIo,
): Promise<Made> {
  const workDir = await scratchDir(session.builds.scratchRoot);
  // It holds the builder's Docker config (the password): gone even if a signal ends the run.
  const forget = removeOnSignal(workDir);
  try {
    const buildx = spec.builder === 'docker' && (await hasBuildx(session.builds.childEnv));
    if (spec.builder === 'docker') session.log.info(dockerBuildMode(buildx));
    const build = buildPlan({
      builder: spec.builder,
      projectDir: plan.projectDir,
      configName: plan.configName,
      imageRef: spec.imageRef,
      platform: plan.platform,
      workDir,
      buildx,
      options: spec.options,
    });
    if (plan.dryRun) {
      for (const c of build.commands) session.log.info(`would run: ${describeCommand(c)}`);
      return { descriptor: { mediaType: MEDIA_TYPE.ociManifest, size: 0, digest: '' } };
    }
    // The builder gets the destination's login only (the plan bound it to that host).
    await runBuild(build, {
      login: plan.login,
      dockerConfigDir: session.builds.dockerConfigDir,
      workDir,
      env: session.builds.childEnv,
      log: (m) => session.log.info(m),
      output: io.output ?? ((line) => session.log.info(line)),
      signal: io.signal,
    });
    if (build.result.kind === 'oci-layout') {
      const copied = await copyImage(
        new OciLayoutTarget(build.result.dir),
        build.result.tag,
        session.target,
        plan.imageTag,
        { platform: plan.platform, concurrency: plan.concurrency },
      );
      return copied;
    }
    const pushed = await session.target.hasManifest(plan.imageTag);
    if (!pushed)
      throw new PublishError(
        `${spec.builder} reported success, but ${spec.imageRef} is not in the registry`,
      );
    return { descriptor: pushed };
  } finally {
    await rm(workDir, { recursive: true, force: true });
    forget();
  }
}
