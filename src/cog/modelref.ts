// Where a publish lands: Cog's ResolveModelRef (pkg/model/resolve.go), as a pure function of
// the cog.yaml fields, the COG_MODEL* variables and a clock. See spec/modelref.md.

import {
  ReferenceError,
  checkRegistry,
  parseReference,
  parseRepository,
  parseTagged,
  referenceString,
  type Reference,
} from '../oci/reference.js';
import { timestampTag, userTagProblem } from './tags.js';

export const DEFAULT_MODEL_REGISTRY = 'r8.im';

export interface ModelRefEnv {
  readonly COG_MODEL?: string | undefined;
  readonly COG_MODEL_REGISTRY?: string | undefined;
  readonly COG_MODEL_REPO?: string | undefined;
  readonly COG_MODEL_TAG?: string | undefined;
  /** Cog reads it once at start-up to replace r8.im as the default registry. */
  readonly COG_REGISTRY_HOST?: string | undefined;
}

export interface ModelFields {
  readonly model?: string | undefined;
  readonly image?: string | undefined;
}

/** A model bundle (OCI index) destination, or the legacy single image of `image:`. */
export type ModelTarget =
  | { readonly format: 'bundle'; readonly ref: Reference }
  | { readonly format: 'image'; readonly ref: Reference };

export class ModelRefError extends Error {
  override name = 'ModelRefError';
}

export const NO_MODEL_REF = "no model ref — set 'model' in cog.yaml or COG_MODEL";

const IMAGE_ENV_CONFLICT = [
  "'image' in cog.yaml cannot be combined with COG_MODEL* env vars",
  "  remove 'image' from cog.yaml (use 'model' instead), or",
  '  unset COG_MODEL, COG_MODEL_REGISTRY, COG_MODEL_REPO, COG_MODEL_TAG',
].join('\n');

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}

/**
 * Resolve the model reference. `now` is read at most once: the timestamp tag it yields is the
 * publish's tag everywhere (model tag, cog-image.<tag>).
 */
export function resolveModelRef(
  fields: ModelFields,
  env: ModelRefEnv,
  now: () => Date,
): ModelTarget {
  const image = nonEmpty(fields.image);
  const ref = resolveBundleRef(nonEmpty(fields.model), env, now);
  if (ref) {
    if (image) throw new ModelRefError(IMAGE_ENV_CONFLICT);
    return { format: 'bundle', ref };
  }
  if (image) {
    try {
      return { format: 'image', ref: parseReference(image) };
    } catch (e) {
      throw new ModelRefError(`invalid 'image' in cog.yaml: ${(e as Error).message}`);
    }
  }
  throw new ModelRefError(NO_MODEL_REF);
}

/** COG_MODEL_REGISTRY: a bare host (no path, tag, or digest). */
function envRegistryOf(env: ModelRefEnv): string | undefined {
  const value = nonEmpty(env.COG_MODEL_REGISTRY);
  if (value === undefined) return undefined;
  let ok = !value.includes('/') && !value.includes('@');
  try {
    if (ok) checkRegistry(value);
  } catch {
    ok = false;
  }
  if (!ok)
    throw new ModelRefError(
      `invalid COG_MODEL_REGISTRY "${value}": must be a bare host (no path, tag, or digest)`,
    );
  return value;
}

/** COG_MODEL_REPO: validated as a repository, but used as the bare path the user wrote. */
function envRepoOf(env: ModelRefEnv): string | undefined {
  const value = nonEmpty(env.COG_MODEL_REPO);
  if (value === undefined) return undefined;
  const bad = `invalid COG_MODEL_REPO "${value}": must be a bare repository path (no host, tag, or digest)`;
  if (value.includes(':') || value.includes('@')) throw new ModelRefError(bad);
  try {
    parseRepository(value);
  } catch (e) {
    throw new ModelRefError(`${bad}: ${(e as Error).message}`);
  }
  return value;
}

/** COG_MODEL_TAG: a tag a user may set (not one of Cog's reserved `cog-` tags). */
function envTagOf(env: ModelRefEnv): string | undefined {
  const value = nonEmpty(env.COG_MODEL_TAG);
  if (value === undefined) return undefined;
  const problem = userTagProblem(value);
  if (problem) throw new ModelRefError(`invalid COG_MODEL_TAG "${value}": ${problem}`);
  return value;
}

function resolveBundleRef(
  model: string | undefined,
  env: ModelRefEnv,
  now: () => Date,
): Reference | undefined {
  const whole = nonEmpty(env.COG_MODEL);
  if (whole) {
    // COG_MODEL wins outright: the other variables are not even validated.
    try {
      return parseReference(whole, timestampTag(now()));
    } catch (e) {
      throw new ModelRefError(`invalid COG_MODEL value: ${(e as Error).message}`);
    }
  }

  // Validated even when cog.yaml's model would make them moot: a bad value is always an error.
  const envRegistry = envRegistryOf(env);
  const envRepoPath = envRepoOf(env);
  const envTag = envTagOf(env);

  let baseRegistry: string | undefined;
  let baseRepo: string | undefined;
  if (model) {
    try {
      const parsed = parseRepository(model);
      baseRegistry = parsed.registry;
      baseRepo = parsed.repository;
    } catch (e) {
      throw new ModelRefError(`invalid 'model' in cog.yaml: ${(e as Error).message}`);
    }
  }

  const registry =
    envRegistry ?? baseRegistry ?? nonEmpty(env.COG_REGISTRY_HOST) ?? DEFAULT_MODEL_REGISTRY;
  const repository = envRepoPath ?? baseRepo;
  if (!repository) return undefined;
  const tag = envTag ?? timestampTag(now());
  const composed = `${registry}/${repository}:${tag}`;
  try {
    return parseTagged(composed, tag);
  } catch (e) {
    if (e instanceof ReferenceError) {
      throw new ModelRefError(`invalid model reference "${composed}": ${e.message}`);
    }
    throw e;
  }
}

/** A digest reference describes a published model; it cannot be pushed to. */
export function assertPushable(ref: Reference): asserts ref is Reference & { tag: string } {
  if (ref.tag === null) {
    throw new ModelRefError(
      `cannot push to digest-pinned ref "${referenceString(ref)}": model push requires a tag`,
    );
  }
}
