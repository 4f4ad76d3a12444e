// Every action input, parsed and validated once into one typed object (as actions/attest and
// docker/build-push-action do), so the rest of the code takes plain values and tests pass
// plain objects instead of mocking @actions/core.

import path from 'node:path';
import type { ModelRefEnv } from '../cog/modelref.js';
import { parsePlatform, type Platform } from '../oci/index.js';
import { BUILDERS, type BuilderName, type VerifyMode } from './choices.js';
import type { RuntimeEnv } from './env.js';
import { ListInputError, parseAnnotations, parseTags, type TagEntry } from './lists.js';
import { InputError, type InputReader } from './input-error.js';
import { userTagProblem } from '../cog/tags.js';
import { parseBuildOptions, type BuildOptions } from './build-options.js';

export { InputError, type InputReader };

export interface Inputs {
  /** Absolute project directory (cog.yaml's folder). */
  readonly workingDirectory: string;
  /** cog.yaml's name relative to workingDirectory. */
  readonly config: string;
  /** The COG_MODEL* knobs: an input, when given, replaces its environment variable. */
  readonly modelRef: ModelRefEnv;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly replicateToken: string | undefined;
  readonly build: BuilderName | 'none';
  /** A prebuilt image: registry ref, `oci-layout:DIR[:tag]` or `docker-archive:FILE`. */
  readonly image: string | undefined;
  readonly platform: Platform;
  /** The `platform` input was set (else the default, linux/amd64, stood in for it). */
  readonly platformGiven: boolean;
  /** Where everything goes: a repository, `oci-layout:DIR`, or undefined for the model's own. */
  readonly to: string | undefined;
  readonly importWeights: boolean;
  readonly concurrency: number;
  /** Parallel Range requests for one large source file, and at once over the run. */
  readonly downloadConnections: number;
  readonly dryRun: boolean;
  readonly summary: boolean;
  readonly insecureRegistries: readonly string[];
  /** Read the published index back and check everything it names: by digest and size, or
   * (`full`) by reading back and hashing every blob. */
  readonly verify: 'off' | VerifyMode;
  /** Carry the local weight store between runs in the Actions cache. */
  readonly cache: boolean;
  /** Weights larger than this (bytes) are not cached. */
  readonly cacheMaxSize: number;
  /** More tags for the index (`tags`); the first is the model tag when `tag` is not set. */
  readonly tags: readonly TagEntry[];
  /** OCI annotations of the model index (`annotations`). */
  readonly annotations: Readonly<Record<string, string>>;
  /** A docker-archive image's plain tar layers go up gzip-compressed (`compress-layers`). */
  readonly compressLayers: boolean;
  /** secrets, no-cache, build-args and the rest, checked against `build`. */
  readonly buildOptions: BuildOptions;
}

/**
 * The largest weight cached by default. GitHub keeps 10 GB of cache per repository and evicts
 * the least recently used entries past it: a weight of at most 2 GB leaves room for the
 * repository's other caches (dependencies, builds) and a few more weights.
 */
export const DEFAULT_CACHE_MAX_SIZE = '2GB';

export const MODEL_REF_INPUTS = {
  model: 'COG_MODEL',
  registry: 'COG_MODEL_REGISTRY',
  repository: 'COG_MODEL_REPO',
  tag: 'COG_MODEL_TAG',
} as const;

function bool(read: InputReader, name: string, fallback: boolean): boolean {
  const v = read(name).toLowerCase();
  if (v === '') return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError(`input '${name}' must be true or false, got "${read(name)}"`);
}

const UNITS: Record<string, number> = {
  '': 1,
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KIB: 1024,
  MIB: 1024 ** 2,
  GIB: 1024 ** 3,
  TIB: 1024 ** 4,
};

/** `10GB`, `500MiB`, `1048576`: a size in bytes. */
function byteSize(read: InputReader, name: string, fallback: string): number {
  const text = read(name) || fallback;
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? UNITS[m[2]!.toUpperCase()] : undefined;
  if (!m || unit === undefined) {
    throw new InputError(
      `input '${name}' must be a size such as 10GB, 500MiB or 1048576; got "${text}"`,
    );
  }
  return Math.floor(Number(m[1]) * unit);
}

/** `true` (digests and sizes), `false`, or `full` (every blob read back and hashed). */
function verifyMode(read: InputReader): Inputs['verify'] {
  const v = read('verify').toLowerCase();
  if (v === 'full') return 'full';
  if (v === '' || v === 'true') return 'digests';
  if (v === 'false') return 'off';
  throw new InputError(`input 'verify' must be true, false or full, got "${read('verify')}"`);
}

/** Parse every input; `env` gives the workspace and the COG_MODEL* variables inputs replace. */
export function parseInputs(
  read: InputReader,
  env: Pick<RuntimeEnv, 'workspace' | 'modelRef'>,
): Inputs {
  // Checked in this order, so that the first error a user sees is the same from run to run.
  const { modelRef, tags } = modelRefInputs(read, env.modelRef);
  const { build, image } = buildInputs(read);
  const platform = platformInput(read);
  const concurrency = wholeInput(read, 'concurrency', 4);
  const downloadConnections = wholeInput(read, 'download-connections', 8);
  const { username, password } = credentialInputs(read);
  return {
    workingDirectory: path.resolve(env.workspace, read('working-directory') || '.'),
    config: read('config') || 'cog.yaml',
    modelRef,
    username,
    password,
    replicateToken: read('replicate-token') || undefined,
    build,
    image,
    platform,
    platformGiven: read('platform') !== '',
    to: read('to') || undefined,
    importWeights: bool(read, 'import-weights', false),
    concurrency,
    downloadConnections,
    dryRun: bool(read, 'dry-run', false),
    summary: bool(read, 'summary', true),
    verify: verifyMode(read),
    cache: bool(read, 'cache', true),
    cacheMaxSize: byteSize(read, 'cache-max-size', DEFAULT_CACHE_MAX_SIZE),
    insecureRegistries: read('insecure-registries')
      .split(/[\s,]+/)
      .filter(Boolean),
    tags,
    annotations: listInput(() => parseAnnotations(read('annotations'))),
    compressLayers: bool(read, 'compress-layers', true),
    buildOptions: parseBuildOptions(read, build),
  };
}

/**
 * The COG_MODEL* variables as the inputs replace them (an input wins over the variable), and
 * the `tags` list, whose first tag is the model tag.
 */
function modelRefInputs(
  read: InputReader,
  variables: RuntimeEnv['modelRef'],
): Pick<Inputs, 'modelRef' | 'tags'> {
  const modelRef: Record<string, string | undefined> = {
    COG_REGISTRY_HOST: variables['COG_REGISTRY_HOST'],
  };
  for (const [input, variable] of Object.entries(MODEL_REF_INPUTS)) {
    modelRef[variable] = read(input) || variables[variable];
  }
  // The tag input is checked as itself: an error naming COG_MODEL_TAG, a variable the user
  // never set, would send them looking in the wrong place.
  const tag = read('tag');
  const tagProblem = tag ? userTagProblem(tag) : undefined;
  if (tagProblem) throw new InputError(`input 'tag': "${tag}": ${tagProblem}`);
  const repository = read('repository');
  if (repository !== repository.toLowerCase())
    throw new InputError(
      `input 'repository' must be lowercase, as OCI repository names are: got "${repository}" ` +
        '(`${{ github.repository }}` keeps the capitals of the owner and the repository: lowercase it first)',
    );
  const tags = listInput(() => parseTags(read('tags')));
  if (tags.length > 0 && read('tag'))
    throw new InputError("inputs 'tag' and 'tags' both name the model tag: set one of them");
  if (tags.length > 0) modelRef['COG_MODEL_TAG'] = tags[0]!.tag;
  return { modelRef, tags };
}

/** `build` and `image`: a builder, or none with a prebuilt image (the default when one is given). */
function buildInputs(read: InputReader): Pick<Inputs, 'build' | 'image'> {
  const image = read('image') || undefined;
  const buildInput = read('build');
  const build = (buildInput || (image ? 'none' : 'cog')) as Inputs['build'];
  if (build !== 'none' && !BUILDERS.includes(build)) {
    throw new InputError(
      `input 'build' must be one of cog, docker, buildah, none; got "${buildInput}"`,
    );
  }
  if (build !== 'none' && image) {
    throw new InputError(
      `input 'image' is a prebuilt image, so 'build' must be none (got "${build}")`,
    );
  }
  if (build === 'none' && !image) {
    throw new InputError(
      "input 'build' is none: set 'image' to a prebuilt image (registry ref, oci-layout:DIR, docker-archive:FILE)",
    );
  }
  return { build, image };
}

function platformInput(read: InputReader): Platform {
  try {
    return parsePlatform(read('platform') || 'linux/amd64');
  } catch (e) {
    throw new InputError(`input 'platform': ${(e as Error).message}`);
  }
}

/** A count input from 1 to 64 (`concurrency`, `download-connections`). */
function wholeInput(read: InputReader, name: string, fallback: number): number {
  const text = read(name) || String(fallback);
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new InputError(`input '${name}' must be a whole number from 1 to 64, got "${text}"`);
  }
  return n;
}

function credentialInputs(read: InputReader): Pick<Inputs, 'username' | 'password'> {
  const username = read('username') || undefined;
  const password = read('password') || undefined;
  if (Boolean(username) !== Boolean(password)) {
    throw new InputError("inputs 'username' and 'password' go together: set both or neither");
  }
  return { username, password };
}

/** A list input's problem as an InputError. */
function listInput<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ListInputError) throw new InputError(e.message);
    throw e;
  }
}
