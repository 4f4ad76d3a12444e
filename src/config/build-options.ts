// The build options a user of `cog build` or docker/build-push-action expects, as inputs:
// parsed and checked once, against the builder they are for. Lists are one item a line, as
// build-push-action reads build-args, labels, secrets and caches (a value may hold commas).
// An option the chosen builder cannot take is refused in one line naming it, never dropped.
// A secret is named by where its value is (a file, a variable), never by the value: nothing
// of it reaches argv, the log or the summary.

import type { BuilderName } from './choices.js';
import { InputError, type InputReader } from './input-error.js';

export interface BuildSecret {
  readonly id: string;
  /** A file holding the value (relative to the project directory). */
  readonly src?: string | undefined;
  /** A variable of the builder's environment holding the value. */
  readonly env?: string | undefined;
}

export interface BuildOptions {
  readonly secrets: readonly BuildSecret[];
  readonly noCache: boolean;
  /** `NAME=value` each. */
  readonly buildArgs: readonly string[];
  readonly target: string | undefined;
  /** `key=value` each. */
  readonly labels: readonly string[];
  /** The Dockerfile, relative to the project directory (Cog: its `--dockerfile`). */
  readonly file: string | undefined;
  readonly network: 'host' | 'none' | 'default' | undefined;
  readonly cacheFrom: readonly string[];
  readonly cacheTo: readonly string[];
  readonly progress: 'auto' | 'plain' | 'tty' | undefined;
  /** Cog's `--use-cuda-base-image`. */
  readonly useCudaBaseImage: 'true' | 'false' | 'auto' | undefined;
  /** Cog's `--use-cog-base-image`. */
  readonly useCogBaseImage: boolean | undefined;
  /** Cog's `--openapi-schema`: a file, relative to the project directory. */
  readonly openapiSchema: string | undefined;
}

export const NO_BUILD_OPTIONS: BuildOptions = {
  secrets: [],
  noCache: false,
  buildArgs: [],
  target: undefined,
  labels: [],
  file: undefined,
  network: undefined,
  cacheFrom: [],
  cacheTo: [],
  progress: undefined,
  useCudaBaseImage: undefined,
  useCogBaseImage: undefined,
  openapiSchema: undefined,
};

type Builder = BuilderName | 'none';

/** Each option's input, and the builders that take it (with why the others do not). */
const APPLIES: Record<string, { builders: readonly BuilderName[]; why: string }> = {
  secrets: { builders: ['cog', 'docker', 'buildah'], why: '' },
  'no-cache': { builders: ['cog', 'docker', 'buildah'], why: '' },
  'build-args': {
    builders: ['docker', 'buildah'],
    why: 'Cog builds from cog.yaml, which takes no build args',
  },
  target: { builders: ['docker', 'buildah'], why: 'Cog generates a Dockerfile of one stage' },
  labels: { builders: ['docker', 'buildah'], why: 'Cog sets its own labels' },
  file: { builders: ['cog', 'docker', 'buildah'], why: '' },
  network: { builders: ['docker', 'buildah'], why: '`cog build` has no network flag' },
  'cache-from': {
    builders: ['docker'],
    why: "only docker (buildx, or an image with inline cache) takes a cache source; `build: cog` has Cog's inline cache only",
  },
  'cache-to': {
    builders: ['docker'],
    why: "only docker buildx exports a build cache; `build: cog` has Cog's inline cache only",
  },
  progress: { builders: ['cog', 'docker'], why: 'buildah has no --progress' },
  'use-cuda-base-image': { builders: ['cog'], why: 'it is a flag of `cog build`' },
  'use-cog-base-image': { builders: ['cog'], why: 'it is a flag of `cog build`' },
  'openapi-schema': { builders: ['cog'], why: 'it is a flag of `cog build`' },
};

/** The names of the build-option inputs. */
export const BUILD_OPTION_INPUTS = Object.keys(APPLIES);

/** One item a line; blank lines dropped. */
function lines(read: InputReader, name: string): string[] {
  return read(name)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function oneOf<T extends string>(
  read: InputReader,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const v = read(name);
  if (v === '') return undefined;
  if (!(allowed as readonly string[]).includes(v))
    throw new InputError(`input '${name}' must be one of ${allowed.join(', ')}; got "${v}"`);
  return v as T;
}

/** `id=NAME,src=FILE` or `id=NAME,env=VAR`, as buildx and Cog take `--secret`. */
export function parseSecret(item: string): BuildSecret {
  const fields = new Map<string, string>();
  for (const part of item.split(',')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? '' : part.slice(0, eq).trim();
    // Only a key is ever shown: a part without one may be the value itself.
    if (!['id', 'src', 'env'].includes(key) || fields.has(key))
      throw new InputError(
        `input 'secrets': each line is id=NAME,src=FILE or id=NAME,env=VARIABLE; got a line with ${key ? JSON.stringify(key.slice(0, 40)) : 'a part that is not key=value'}`,
      );
    fields.set(key, part.slice(eq + 1).trim());
  }
  const id = fields.get('id');
  if (!id || !/^[A-Za-z0-9_.-]+$/.test(id))
    throw new InputError("input 'secrets': each line needs id=NAME (letters, digits, _ . -)");
  const src = fields.get('src');
  const env = fields.get('env');
  if ((src === undefined) === (env === undefined) || src === '' || env === '')
    throw new InputError(`input 'secrets': secret "${id}" needs one of src=FILE or env=VARIABLE`);
  if (env !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(env))
    throw new InputError(`input 'secrets': secret "${id}": env=${env} is not a variable name`);
  return { id, src, env };
}

function pairs(read: InputReader, name: string, what: string): string[] {
  const items = lines(read, name);
  for (const item of items)
    if (!/^[^=\s]+=/.test(item))
      throw new InputError(`input '${name}': each line is ${what}; got "${item.split('=')[0]}"`);
  return items;
}

/** Every build-option input, checked against `builder`. */
export function parseBuildOptions(read: InputReader, builder: Builder): BuildOptions {
  for (const [name, rule] of Object.entries(APPLIES)) {
    if (read(name) === '') continue;
    if (builder === 'none')
      throw new InputError(
        `input '${name}' is a build option, but nothing is built: 'image' is a prebuilt image (build: none)`,
      );
    if (!rule.builders.includes(builder))
      throw new InputError(`input '${name}' does not apply to build: ${builder} (${rule.why})`);
  }
  const bool = (name: string): boolean | undefined => {
    const v = oneOf(read, name, ['true', 'false'] as const);
    return v === undefined ? undefined : v === 'true';
  };
  return {
    secrets: lines(read, 'secrets').map(parseSecret),
    noCache: bool('no-cache') ?? false,
    buildArgs: pairs(read, 'build-args', 'NAME=value'),
    target: read('target') || undefined,
    labels: pairs(read, 'labels', 'key=value'),
    file: read('file') || undefined,
    network: oneOf(read, 'network', ['host', 'none', 'default'] as const),
    cacheFrom: lines(read, 'cache-from'),
    cacheTo: lines(read, 'cache-to'),
    progress: oneOf(read, 'progress', ['auto', 'plain', 'tty'] as const),
    useCudaBaseImage: oneOf(read, 'use-cuda-base-image', ['true', 'false', 'auto'] as const),
    useCogBaseImage: bool('use-cog-base-image'),
    openapiSchema: read('openapi-schema') || undefined,
  };
}
