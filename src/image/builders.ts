// Building the model image. Each builder is a pure plan (the commands it runs, with their
// environment) and one runner, so tests check the exact commands without a Docker engine.
// Credentials reach builders only through a temporary Docker config file that is deleted
// afterwards: never argv, never the log.

import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Platform } from '../oci/index.js';
import { builderDockerConfig, type RegistryLogin } from './docker-config.js';

export type BuilderName = 'cog' | 'docker' | 'buildah';
export const BUILDERS: readonly BuilderName[] = ['cog', 'docker', 'buildah'];

export interface Command {
  readonly tool: string;
  readonly args: readonly string[];
}

export interface BuildPlan {
  readonly commands: readonly Command[];
  /** Where the built image ends up: pushed to the registry, or in an OCI layout to copy. */
  readonly result:
    { kind: 'pushed'; ref: string } | { kind: 'oci-layout'; dir: string; tag: string };
}

export interface BuildRequest {
  readonly builder: BuilderName;
  readonly projectDir: string;
  /** `registry/repo:cog-image.<tag>`: where docker and cog push. */
  readonly imageRef: string;
  readonly platform: Platform;
  /** Scratch directory of this run (buildah writes its OCI layout here). */
  readonly workDir: string;
}

export function platformString(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/** The commands a builder runs. Pure. */
export function buildPlan(r: BuildRequest): BuildPlan {
  const platform = platformString(r.platform);
  const dockerfile = path.join(r.projectDir, 'Dockerfile');
  switch (r.builder) {
    case 'cog':
      return {
        commands: [
          { tool: 'cog', args: ['build', '-t', r.imageRef] },
          { tool: 'docker', args: ['push', r.imageRef] },
        ],
        result: { kind: 'pushed', ref: r.imageRef },
      };
    case 'docker':
      return {
        commands: [
          {
            tool: 'docker',
            args: [
              'buildx',
              'build',
              '--platform',
              platform,
              '--push',
              // A plain image manifest: attestations would turn it into an index.
              '--provenance=false',
              '--sbom=false',
              '-f',
              dockerfile,
              '-t',
              r.imageRef,
              r.projectDir,
            ],
          },
        ],
        result: { kind: 'pushed', ref: r.imageRef },
      };
    case 'buildah': {
      // Daemonless and rootless-friendly; the image goes to an OCI layout and our own client
      // pushes it, so buildah never needs registry credentials.
      const storage = ['--storage-driver', 'vfs'];
      const local = `localhost/cog-push-build:${path.basename(r.workDir)}`;
      const dir = path.join(r.workDir, 'image');
      return {
        commands: [
          {
            tool: 'buildah',
            args: [
              'bud',
              ...storage,
              '--isolation',
              'chroot',
              '--platform',
              platform,
              '-f',
              dockerfile,
              '-t',
              local,
              r.projectDir,
            ],
          },
          { tool: 'buildah', args: ['push', ...storage, local, `oci:${dir}:latest`] },
          { tool: 'buildah', args: ['rmi', ...storage, local] },
        ],
        result: { kind: 'oci-layout', dir, tag: 'latest' },
      };
    }
  }
}

export type { RegistryLogin } from './docker-config.js';

export class BuildError extends Error {
  override name = 'BuildError';
}

/** Lines of the builder's output kept for the error message when it fails. */
const TAIL_LINES = 20;
/** How long a cancelled builder has to stop after SIGTERM before it is killed. */
const KILL_GRACE_MS = 10_000;

export interface BuildRun {
  login?: RegistryLogin | undefined;
  /** The user's Docker config directory (RuntimeEnv.dockerConfigDir): the builder keeps it. */
  dockerConfigDir?: string | undefined;
  workDir: string;
  /** The environment the builder runs with (RuntimeEnv.childEnv). */
  env: Readonly<Record<string, string>>;
  log: (m: string) => void;
  /** Every line the builder writes (stdout and stderr), as it comes. */
  output: (line: string) => void;
  /** Stops the builder (SIGTERM, then SIGKILL): the other half of the publish failed. */
  signal?: AbortSignal | undefined;
}

/** Run a plan's commands in order; the first failure stops the build and names the command. */
export async function runBuild(plan: BuildPlan, options: BuildRun): Promise<void> {
  const env: Record<string, string> = { ...options.env };
  let configDir: string | undefined;
  if (options.login) {
    const made = await builderDockerConfig(options.workDir, options.login, options.dockerConfigDir);
    configDir = made.dir;
    env['DOCKER_CONFIG'] = made.dir;
    if (made.binDir) env['PATH'] = [made.binDir, env['PATH']].filter(Boolean).join(path.delimiter);
  }
  try {
    for (const c of plan.commands) {
      options.signal?.throwIfAborted();
      options.log(`$ ${c.tool} ${c.args.join(' ')}`);
      await runCommand(c, env, options);
    }
  } finally {
    if (configDir) await rm(configDir, { recursive: true, force: true });
  }
}

/** One command, its output split into lines; fails naming it, with its last lines. */
async function runCommand(c: Command, env: Record<string, string>, options: BuildRun) {
  const tail: string[] = [];
  const line = (l: string) => {
    tail.push(l);
    if (tail.length > TAIL_LINES) tail.shift();
    options.output(l);
  };
  const child = spawn(c.tool, [...c.args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = lines(child.stdout, line).then(() => undefined);
  const doneErr = lines(child.stderr, line).then(() => undefined);
  let killer: NodeJS.Timeout | undefined;
  const stop = () => {
    child.kill('SIGTERM');
    killer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const code = await new Promise<number | string>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (status, signal) => resolve(status ?? signal ?? -1));
    }).catch((e: Error) => {
      throw new BuildError(`${c.tool} could not be started: ${e.message}; is it installed?`);
    });
    await Promise.all([done, doneErr]);
    if (options.signal?.aborted) throw new BuildError(`\`${c.tool}\` was stopped`);
    if (code !== 0) {
      const last = tail.length > 0 ? `; its last lines:\n${tail.join('\n')}` : '';
      throw new BuildError(
        `\`${c.tool} ${c.args.slice(0, 2).join(' ')}\` failed with ${typeof code === 'number' ? `exit code ${code}` : code}${last}`,
      );
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
    if (killer) clearTimeout(killer);
  }
}

/** Each line of a stream (a last line without a newline included). */
async function lines(stream: NodeJS.ReadableStream, each: (line: string) => void): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const text = rest + decoder.write(chunk as Buffer);
    const parts = text.split(/\r\n|\n|\r/);
    rest = parts.pop()!;
    for (const p of parts) each(p);
    // A progress bar that never ends its line is shown in pieces, not held without bound.
    if (rest.length > 64 * 1024) {
      each(rest);
      rest = '';
    }
  }
  rest += decoder.end();
  if (rest) each(rest);
}

/** A fresh scratch directory under `root` (RuntimeEnv.scratchRoot); the caller removes it. */
export function scratchDir(root: string): Promise<string> {
  return mkdtemp(path.join(root, 'cog-push-'));
}
