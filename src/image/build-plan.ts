// What each builder runs: a pure plan (the commands, where each runs, what it gets), so tests
// check the exact argv without a Docker engine. The build-option inputs become each tool's
// own flags here; an option a tool cannot take was refused when the inputs were read, and
// one that only the runner's setup rules out (cache-to without buildx) is refused here.

import path from 'node:path';
import { BUILDERS, type BuilderName } from '../config/choices.js';
import { NO_BUILD_OPTIONS, type BuildOptions, type BuildSecret } from '../config/build-options.js';
import type { Platform } from '../oci/index.js';

export { BUILDERS, type BuilderName };

export class BuildError extends Error {
  override name = 'BuildError';
}

export interface Command {
  readonly tool: string;
  readonly args: readonly string[];
  /** Where it runs: Cog finds its config from here upward, docker reads its context here. */
  readonly cwd: string;
  /** Variables it gets on top of the builder's environment. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface BuildPlan {
  readonly commands: readonly Command[];
  /** Where the built image ends up: pushed to the registry, or in an OCI layout to copy. */
  readonly result:
    { kind: 'pushed'; ref: string } | { kind: 'oci-layout'; dir: string; tag: string };
}

export interface BuildRequest {
  readonly builder: BuilderName;
  /** The directory of the config file: where Cog would be run by hand. */
  readonly projectDir: string;
  /** The config file's name in projectDir (`cog.yaml` unless the `config` input says). */
  readonly configName: string;
  /** `registry/repo:cog-image.<tag>`: where docker and cog push. */
  readonly imageRef: string;
  readonly platform: Platform;
  /** Scratch directory of this run (buildah writes its OCI layout here). */
  readonly workDir: string;
  /** `docker buildx` is there (GitHub's runners); else BuildKit through `docker build`. */
  readonly buildx: boolean;
  /** The build-option inputs, already checked against the builder. */
  readonly options?: BuildOptions | undefined;
}

export function platformString(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/** How a command is shown in the log and in dry runs: with the directory it runs in. */
export function describeCommand(c: Command): string {
  const env = Object.entries(c.env ?? {}).map(([k, v]) => `${k}=${v} `);
  return `${env.join('')}${c.tool} ${c.args.join(' ')}  (in ${c.cwd})`;
}

/** The line that says how `build: docker` builds, for the log. */
export function dockerBuildMode(buildx: boolean): string {
  return buildx
    ? 'docker: building with docker buildx build --push'
    : 'docker: no buildx plugin here; building with DOCKER_BUILDKIT=1 docker build, then docker push';
}

/** The commands a builder runs. Pure. */
export function buildPlan(r: BuildRequest): BuildPlan {
  return PLANNERS[r.builder](r);
}

const PLANNERS: Record<BuilderName, (r: BuildRequest) => BuildPlan> = {
  cog: cogPlan,
  docker: dockerPlan,
  buildah: buildahPlan,
};

function pushOf(r: BuildRequest): Command {
  return { tool: 'docker', args: ['push', r.imageRef], cwd: r.projectDir };
}

function cogPlan(r: BuildRequest): BuildPlan {
  // Cog looks for its config from its working directory upward (`-f` names it), and builds
  // that directory: run anywhere else, it finds another project's cog.yaml or none.
  const o = r.options ?? NO_BUILD_OPTIONS;
  const config = r.configName === 'cog.yaml' ? [] : ['-f', r.configName];
  const flags = [
    ...secretArgs(o.secrets),
    ...(o.noCache ? ['--no-cache'] : []),
    ...(o.file ? ['--dockerfile', o.file] : []),
    ...(o.progress ? ['--progress', o.progress] : []),
    ...(o.useCudaBaseImage ? ['--use-cuda-base-image', o.useCudaBaseImage] : []),
    // A bool flag of cobra's: `--flag false` would be a stray argument.
    ...(o.useCogBaseImage !== undefined ? [`--use-cog-base-image=${o.useCogBaseImage}`] : []),
    ...(o.openapiSchema ? ['--openapi-schema', o.openapiSchema] : []),
  ];
  return {
    commands: [
      { tool: 'cog', args: ['build', '-t', r.imageRef, ...config, ...flags], cwd: r.projectDir },
      pushOf(r),
    ],
    result: { kind: 'pushed', ref: r.imageRef },
  };
}

/** `--secret id=…,src=…` or `id=…,env=…`: where the value is, never the value. */
function secretArgs(secrets: readonly BuildSecret[]): string[] {
  return secrets.flatMap((s) => [
    '--secret',
    s.src !== undefined ? `id=${s.id},src=${s.src}` : `id=${s.id},env=${s.env}`,
  ]);
}

/** The options docker build (buildx or not) and buildah bud share. */
function commonBuildArgs(o: BuildOptions): string[] {
  return [
    ...secretArgs(o.secrets),
    ...(o.noCache ? ['--no-cache'] : []),
    ...o.buildArgs.flatMap((a) => ['--build-arg', a]),
    ...(o.target ? ['--target', o.target] : []),
    ...o.labels.flatMap((l) => ['--label', l]),
    ...(o.network ? ['--network', o.network] : []),
  ];
}

/** The first Cog that reads `model:` and `weights:` in cog.yaml (older ones refuse them). */
export const COG_BUNDLE_VERSION = '0.20.0';

/**
 * Why the Cog whose `cog --version` printed `output` cannot build a project with `model:`, or
 * undefined when it can — or when no version can be read in it (a development build): then the
 * build is left to say.
 */
export function cogVersionProblem(output: string): string | undefined {
  const m = /cog version v?(\d+)\.(\d+)\.(\d+)/.exec(output);
  if (!m) return undefined;
  const have = m.slice(1, 4).map(Number);
  const need = COG_BUNDLE_VERSION.split('.').map(Number);
  const i = have.findIndex((n, k) => n !== need[k]);
  if (i < 0 || have[i]! > need[i]!) return undefined;
  return `build: cog found Cog ${have.join('.')}, which refuses 'model:' and 'weights:' in cog.yaml (Cog reads them from v${COG_BUNDLE_VERSION} on): install a newer one (replicate/setup-cog@v2 with cog-version: v0.22.0)`;
}

/** The Dockerfile docker and buildah build: the `file` input, else `Dockerfile`, in the project. */
export function dockerfilePath(projectDir: string, options: BuildOptions | undefined): string {
  return path.resolve(projectDir, options?.file ?? 'Dockerfile');
}

function dockerfileOf(r: BuildRequest): string {
  return dockerfilePath(r.projectDir, r.options);
}

function dockerPlan(r: BuildRequest): BuildPlan {
  const cwd = r.projectDir;
  const o = r.options ?? NO_BUILD_OPTIONS;
  if (!r.buildx && o.cacheTo.length > 0)
    throw new BuildError(
      "input 'cache-to' needs docker buildx, which this runner lacks (docker build exports no cache): install buildx (docker/setup-buildx-action), or drop cache-to and use cache-from with an image pushed with BUILDKIT_INLINE_CACHE=1",
    );
  const caches = r.buildx
    ? [
        ...o.cacheFrom.flatMap((c) => ['--cache-from', c]),
        ...o.cacheTo.flatMap((c) => ['--cache-to', c]),
      ]
    : o.cacheFrom.flatMap((c) => ['--cache-from', classicCacheSource(c)]);
  const platform = ['--platform', platformString(r.platform)];
  const args = [
    ...commonBuildArgs(o),
    ...(o.progress ? ['--progress', o.progress] : []),
    ...caches,
    '-f',
    dockerfileOf(r),
    '-t',
    r.imageRef,
    cwd,
  ];
  // buildx pushes a plain image manifest (attestations would make it an index); plain
  // `docker build` needs BuildKit asked for, and a `docker push` after it.
  const build: Command = r.buildx
    ? {
        tool: 'docker',
        args: [
          'buildx',
          'build',
          ...platform,
          '--push',
          '--provenance=false',
          '--sbom=false',
          ...args,
        ],
        cwd,
      }
    : { tool: 'docker', args: ['build', ...platform, ...args], cwd, env: { DOCKER_BUILDKIT: '1' } };
  return {
    commands: r.buildx ? [build] : [build, pushOf(r)],
    result: { kind: 'pushed', ref: r.imageRef },
  };
}

/**
 * What `docker build` without buildx takes as a cache source: an image (pushed with inline
 * cache). `type=registry,ref=R` names one; other cache types need buildx.
 */
function classicCacheSource(spec: string): string {
  if (!spec.includes('=')) return spec;
  const fields = new Map(
    spec.split(',').map((f) => [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)]),
  );
  const ref = fields.get('ref');
  if (fields.get('type') === 'registry' && ref) return ref;
  throw new BuildError(
    `input 'cache-from': "${spec}" needs docker buildx, which this runner lacks; without it only an image (or type=registry,ref=IMAGE) pushed with inline cache can be a cache source`,
  );
}

function buildahPlan(r: BuildRequest): BuildPlan {
  // Daemonless and rootless-friendly; the image goes to an OCI layout and our own client
  // pushes it, so buildah never needs registry credentials.
  const cwd = r.projectDir;
  const o = r.options ?? NO_BUILD_OPTIONS;
  const storage = ['--storage-driver', 'vfs'];
  const local = `localhost/cog-push-build:${path.basename(r.workDir)}`;
  const dir = path.join(r.workDir, 'image');
  const bud = [
    'bud',
    ...storage,
    '--isolation',
    'chroot',
    '--platform',
    platformString(r.platform),
  ];
  return {
    commands: [
      {
        tool: 'buildah',
        args: [...bud, ...commonBuildArgs(o), '-f', dockerfileOf(r), '-t', local, cwd],
        cwd,
      },
      { tool: 'buildah', args: ['push', ...storage, local, `oci:${dir}:latest`], cwd },
      { tool: 'buildah', args: ['rmi', ...storage, local], cwd },
    ],
    result: { kind: 'oci-layout', dir, tag: 'latest' },
  };
}
