// PublishPlan: everything a publish will do, decided once from (Inputs, Project, RuntimeEnv)
// before anything touches the network or the disk. Pure, and table-tested as
// docker/build-push-action tests its getArgs: where everything goes, which image, with which
// credentials, under which tags.

import path from 'node:path';
import { assertPushable } from '../cog/modelref.js';
import { imageTag } from '../cog/tags.js';
import type { Inputs } from '../config/inputs.js';
import type { RuntimeEnv } from '../config/env.js';
import type { BuildOptions } from '../config/build-options.js';
import { parsePrebuilt, type PrebuiltSpec } from '../image/image-spec.js';
import type { BuilderName } from '../image/builders.js';
import type { Platform } from '../oci/index.js';
import { OCI_LAYOUT_PREFIX } from '../oci/open.js';
import {
  parseReference,
  parseRepository,
  repositoryName,
  type Reference,
} from '../oci/reference.js';
import type { Project } from '../cog/project.js';
import type { VerifyMode } from './verify.js';
import { lockfilePath } from '../weights/lockfile.js';
import { PublishError } from './types.js';

/** Explicit credentials, bound to the one host they belong to. */
export interface Login {
  readonly host: string;
  readonly username: string;
  readonly password: string;
}

export type Destination =
  /** `ref` is `oci-layout:<absolute dir>`. */
  | { readonly kind: 'layout'; readonly ref: string; readonly dir: string }
  /** `ref` is `registry/repository`. */
  | { readonly kind: 'registry'; readonly ref: string; readonly host: string };

export type ImageSpec =
  /** Build with a builder, which tags `imageRef` (and pushes it, unless buildah). */
  | {
      readonly kind: 'build';
      readonly builder: BuilderName;
      readonly imageRef: string;
      readonly options: BuildOptions;
    }
  /** docker-archive:, its plain tar layers uploaded gzip-compressed unless `compress` is off. */
  | (Extract<PrebuiltSpec, { kind: 'docker-archive' }> & { readonly compress: boolean })
  /** oci-layout:, oci-archive: (image/image-spec.ts). */
  | Extract<PrebuiltSpec, { kind: 'oci-layout' | 'oci-archive' }>
  | {
      readonly kind: 'registry';
      readonly spec: string;
      /** `registry/repository` of the source. */
      readonly repository: string;
      readonly reference: string;
      /** Same registry as the destination: mount its blobs instead of copying them. */
      readonly mountFrom: string | undefined;
      /** The destination's login, still bound to the destination's host: the source gets it
       * only when it is that host; any other host, its own Docker config login or none. */
      readonly login: Login | undefined;
    };

/** Where bytes go and how: what a session needs (a publish, an import, a weight push). */
export interface TransferPlan {
  readonly destination: Destination;
  /** The `username`/`password` inputs, bound to the destination's host (none for a layout). */
  readonly login: Login | undefined;
  /** Replicate's API token, when the destination is Replicate's registry (and no login is given). */
  readonly replicateToken: string | undefined;
  readonly concurrency: number;
  /** Range requests per large source file, and at once over the run. */
  readonly downloadConnections: number;
  readonly dryRun: boolean;
  readonly insecureRegistries: readonly string[];
  readonly cache: {
    readonly enabled: boolean;
    readonly maxSize: number;
    /** Why the cache is off though the input asked for it (a notice, not an error). */
    readonly off?: string | undefined;
  };
}

export interface PublishPlan extends TransferPlan {
  /** `bundle`: weights, image and index; `image`: a legacy `image:` project, the image alone. */
  readonly format: 'bundle' | 'image';
  readonly projectDir: string;
  /** The config file's name in projectDir (what `cog build -f` is given). */
  readonly configName: string;
  readonly image: ImageSpec;
  /** The model tag (the index's; the image's own for a legacy project). */
  readonly tag: string;
  /** Every tag the index goes up at: `tag` first, then the rest of the `tags` input. */
  readonly tags: readonly string[];
  /** OCI annotations of the index (the `annotations` input). */
  readonly annotations: Readonly<Record<string, string>>;
  /** Where the image goes: `cog-image.<tag>`, or the tag itself for a legacy project. */
  readonly imageTag: string;
  readonly platform: Platform;
  /** The platform was asked for: an image of another platform is refused, not renamed. */
  readonly platformGiven: boolean;
  readonly lockPath: string;
  readonly importWeights: boolean;
  readonly verify: 'off' | VerifyMode;
}

/**
 * Destination, credentials and limits. `modelRef` is where a publish lands without `to` (a
 * project's model); without one, `to` must be set.
 */
export function planTransfer(
  inputs: Inputs,
  modelRef: Reference | undefined,
  env: Pick<RuntimeEnv, 'replicateRegistryHost' | 'platform'>,
): TransferPlan {
  const destination = planDestination(inputs, modelRef);
  const registryHost = destination.kind === 'registry' ? destination.host : undefined;
  const login =
    inputs.username && inputs.password && registryHost
      ? { host: registryHost, username: inputs.username, password: inputs.password }
      : undefined;
  return {
    destination,
    login,
    replicateToken:
      !login && registryHost === env.replicateRegistryHost ? inputs.replicateToken : undefined,
    concurrency: inputs.concurrency,
    downloadConnections: inputs.downloadConnections,
    dryRun: inputs.dryRun,
    insecureRegistries: inputs.insecureRegistries,
    cache: planCache(inputs, env.platform),
  };
}

/**
 * The weight cache runs on Linux runners only: its guarded restore stands in for the
 * library's `tar` on PATH and decompresses with the Linux tools the runner images carry.
 */
function planCache(inputs: Inputs, platform: string): TransferPlan['cache'] {
  if (!inputs.cache || platform === 'linux')
    return { enabled: inputs.cache, maxSize: inputs.cacheMaxSize };
  return {
    enabled: false,
    maxSize: inputs.cacheMaxSize,
    off: `the weight cache runs on Linux runners only; off on this ${platform} runner (weights come from the registry or their sources)`,
  };
}

export function planPublish(
  inputs: Inputs,
  project: Project,
  env: Pick<RuntimeEnv, 'replicateRegistryHost' | 'platform'>,
): PublishPlan {
  const { config, target: model } = project;
  if (model.format === 'bundle') assertPushable(model.ref);
  const tag = model.ref.tag ?? 'latest';
  const transfer = planTransfer(inputs, model.ref, env);
  const { destination, login } = transfer;
  // Builders and registry sources need the image's repository: the destination's, or the
  // model's own when the destination is a layout.
  const imageRepository =
    destination.kind === 'layout' ? repositoryName(model.ref) : destination.ref;
  const imageTagName = model.format === 'bundle' ? imageTag(tag) : tag;
  return {
    ...transfer,
    format: model.format,
    projectDir: config.projectDir,
    configName: path.basename(config.file),
    image: planImage(inputs, config.projectDir, {
      imageRef: `${imageRepository}:${imageTagName}`,
      destination,
      login,
      platform: env.platform,
    }),
    tag,
    tags: planTags(inputs, tag, destination),
    annotations: inputs.annotations,
    imageTag: imageTagName,
    platform: inputs.platform,
    platformGiven: inputs.platformGiven,
    lockPath: lockfilePath(config.projectDir),
    importWeights: inputs.importWeights,
    verify: inputs.verify,
  };
}

/**
 * The model tag, then every other tag of `tags`; a full ref must name the destination, in any
 * of its spellings (metadata-action writes Docker Hub's as `user/model` or
 * `docker.io/user/model`, which are `index.docker.io/user/model`).
 */
function planTags(inputs: Inputs, tag: string, destination: Destination): string[] {
  const canonical = (name: string): string => {
    try {
      return repositoryName(parseRepository(name));
    } catch {
      return name;
    }
  };
  const target = destination.kind === 'registry' ? canonical(destination.ref) : destination.ref;
  for (const t of inputs.tags)
    if (t.repository !== undefined && canonical(t.repository) !== target)
      throw new PublishError(
        `input 'tags': ${t.repository}:${t.tag} names ${t.repository}, but the model goes to ${destination.ref}`,
      );
  return [...new Set([tag, ...inputs.tags.map((t) => t.tag)])];
}

/** `to`, else the model's own repository. */
function planDestination(inputs: Inputs, modelRef: Reference | undefined): Destination {
  const to = inputs.to;
  if (to?.startsWith(OCI_LAYOUT_PREFIX)) {
    const named = to.slice(OCI_LAYOUT_PREFIX.length);
    // An empty path would write into the working directory itself.
    if (named.trim() === '')
      throw new PublishError('input `to`: oci-layout: needs a directory, e.g. oci-layout:./bundle');
    const dir = path.resolve(inputs.workingDirectory, named);
    return { kind: 'layout', ref: `${OCI_LAYOUT_PREFIX}${dir}`, dir };
  }
  const ref = to ?? (modelRef ? repositoryName(modelRef) : undefined);
  if (!ref)
    throw new PublishError('no destination: set `to` (registry/repository or oci-layout:DIR)');
  return { kind: 'registry', ref, host: parseReference(ref).registry };
}

function planImage(
  inputs: Inputs,
  projectDir: string,
  where: {
    imageRef: string;
    destination: Destination;
    login: Login | undefined;
    platform: string;
  },
): ImageSpec {
  if (inputs.build === 'buildah' && where.platform !== 'linux')
    throw new PublishError(
      `build: buildah runs on Linux only, and this runner is ${where.platform}: use build: docker or cog where Docker is, or a prebuilt image`,
    );
  if (inputs.build !== 'none') {
    // cog and docker push the image themselves, to a registry; a layout cannot take that.
    if (inputs.build !== 'buildah' && where.destination.kind === 'layout')
      throw new PublishError(
        `build: ${inputs.build} pushes to a registry; use build: buildah (or a prebuilt image) with to: oci-layout:DIR`,
      );
    return {
      kind: 'build',
      builder: inputs.build,
      imageRef: where.imageRef,
      options: inputs.buildOptions,
    };
  }
  const prebuilt = parsePrebuilt(inputs.image!, projectDir);
  if (prebuilt.kind === 'docker-archive') return { ...prebuilt, compress: inputs.compressLayers };
  if (prebuilt.kind !== 'registry') return prebuilt;
  const spec = prebuilt.spec;
  const ref = parseReference(prebuilt.ref);
  const sameRegistry = ref.registry === parseReference(where.imageRef).registry;
  return {
    kind: 'registry',
    spec,
    repository: repositoryName(ref),
    reference: ref.digest ?? ref.tag ?? 'latest',
    mountFrom: !inputs.to && sameRegistry ? ref.repository : undefined,
    login: where.login,
  };
}
