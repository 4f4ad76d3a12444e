// Running a builder's plan (build-plan.ts): each command in a process group of its own, its
// output in lines, a failure named with its last lines, a cancel that stops the whole group.
// Credentials reach builders only through a temporary Docker config file that is deleted
// afterwards: never argv, never the log.

import { removeOnSignal, stopOnSignal } from '../util/termination.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { access, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { builderDockerConfig, type RegistryLogin } from './docker-config.js';
import {
  BuildError,
  cogVersionProblem,
  describeCommand,
  type BuildPlan,
  type Command,
} from './build-plan.js';
import type { BuildSecret } from '../config/build-options.js';

export * from './build-plan.js';

export type { RegistryLogin } from './docker-config.js';

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
  let forget: () => void = () => undefined;
  if (options.login) {
    const made = await builderDockerConfig(options.workDir, options.login, options.dockerConfigDir);
    configDir = made.dir;
    forget = removeOnSignal(made.dir);
    env['DOCKER_CONFIG'] = made.dir;
    if (made.binDir) env['PATH'] = [made.binDir, env['PATH']].filter(Boolean).join(path.delimiter);
  }
  try {
    for (const c of plan.commands) {
      options.signal?.throwIfAborted();
      options.log(`$ ${describeCommand(c)}`);
      await runCommand(c, { ...env, ...c.env }, options);
    }
  } finally {
    if (configDir) await rm(configDir, { recursive: true, force: true });
    forget();
  }
}

/** How long output pipes may stay open after the builder exits (a child it left behind). */
const PIPE_GRACE_MS = 2_000;

/** Signal the builder's whole process group (it runs detached, as the group's leader). */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

/**
 * One command, in a process group of its own so that stopping it stops everything it started
 * (`docker buildx` and its plugins, cog and its docker); its output split into lines. Fails
 * naming it, with its last lines.
 */
async function runCommand(c: Command, env: Record<string, string>, options: BuildRun) {
  const tail: string[] = [];
  // The first line that says what went wrong: a CLI's usage text after it can push it out of
  // the tail (docker 20.10 prints twenty lines of --help after "unknown flag").
  let firstError: string | undefined;
  const line = (l: string) => {
    tail.push(l);
    if (tail.length > TAIL_LINES) tail.shift();
    if (firstError === undefined && ERROR_LINE.test(l)) firstError = l;
    options.output(l);
  };
  const child = spawn(c.tool, [...c.args], {
    cwd: c.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // A signal that ends the run stops the whole group, not only this process.
  const forgetGroup = stopOnSignal(child.pid);
  // A pipe let go of below ends its reader early: that is not an error of the build.
  const output = Promise.all(
    [child.stdout, child.stderr].map((p) => lines(p, line).catch(() => undefined)),
  );
  let killer: NodeJS.Timeout | undefined;
  const stop = () => {
    signalGroup(child.pid, 'SIGTERM');
    killer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS);
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const code = await exitOf(child, c);
    await outputDrained(child, output);
    if (options.signal?.aborted) throw new BuildError(`\`${c.tool}\` was stopped`);
    if (code !== 0) throw failure(c, code, tail, firstError);
  } finally {
    forgetGroup();
    options.signal?.removeEventListener('abort', stop);
    if (killer) clearTimeout(killer);
  }
}

/** A line that says what went wrong, in the words of docker, buildah, BuildKit and Cog. */
const ERROR_LINE =
  /^(unknown (shorthand )?flag|error[: ]|ERROR[: ]|Error response|failed to solve|ⅹ)/i;

/** A failed command: its status, the line that said why, the fix when we know it, its tail. */
function failure(
  c: Command,
  code: number | string,
  tail: string[],
  firstError?: string,
): BuildError {
  const status = typeof code === 'number' ? `exit code ${code}` : code;
  const why = firstError && !tail.includes(firstError) ? `: ${firstError}` : '';
  const flag = /unknown (shorthand )?flag:? '?(--?[\w-]+)/.exec(firstError ?? '')?.[2];
  const hint =
    c.tool === 'docker' && flag
      ? `. This docker has no ${flag}: it is older than BuildKit's flags; install buildx (docker/setup-buildx-action) or a newer docker`
      : '';
  const last = tail.length > 0 ? `; its last lines:\n${tail.join('\n')}` : '';
  return new BuildError(`\`${commandName(c)}\` failed with ${status}${why}${hint}${last}`);
}

/** The exit status, or the signal that ended it; a tool that cannot start is a BuildError. */
function exitOf(child: ChildProcess, c: Command): Promise<number | string> {
  return new Promise<number | string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (status, signal) => resolve(status ?? signal ?? -1));
  }).catch((e: Error) => {
    throw new BuildError(
      `${c.tool} could not be started in ${c.cwd}: ${e.message}; is it installed?`,
    );
  });
}

/**
 * Wait for the builder's output to end. A child the builder left behind may hold its pipes
 * open: it gets a moment to finish writing, then the group is stopped and the pipes let go.
 */
async function outputDrained(child: ChildProcess, output: Promise<unknown>): Promise<void> {
  let grace: NodeJS.Timeout | undefined;
  await Promise.race([
    output,
    new Promise<void>((resolve) => {
      grace = setTimeout(() => {
        signalGroup(child.pid, 'SIGKILL');
        child.stdout?.destroy();
        child.stderr?.destroy();
        resolve();
      }, PIPE_GRACE_MS);
    }),
  ]).finally(() => clearTimeout(grace));
}

/** `docker buildx build`, `docker push`, `cog build`: the tool and its subcommand words. */
function commandName(c: Command): string {
  const words: string[] = [];
  for (const a of c.args) {
    if (a.startsWith('-') || words.length === 2) break;
    words.push(a);
  }
  return [c.tool, ...words].join(' ');
}

/** What a quick question to a tool got; `missing` when the tool is not on PATH. */
type ToolAnswer = { readonly code: number | null; readonly stdout: string } | 'missing' | undefined;

/**
 * Ask `tool` something quick (its version): at most 15 s, and only the first 4 KiB of what it
 * prints is kept (a line is all that is read of it). Undefined when it could not be started.
 */
function ask(
  tool: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<ToolAnswer> {
  return new Promise((resolve) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < 4096) stdout += d.slice(0, 4096 - stdout.length);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(e.code === 'ENOENT' ? 'missing' : undefined);
    });
    child.once('close', (code) => (clearTimeout(timer), resolve({ code, stdout })));
  });
}

/**
 * `cog` is installed and new enough for a project with `model:` (asked with `cog --version`),
 * before a build starts and in a dry run: an old Cog would otherwise fail minutes in, naming a
 * field of cog.yaml rather than its own version.
 */
export async function checkCog(env: Readonly<Record<string, string>>): Promise<void> {
  const answer = await ask('cog', ['--version'], env);
  if (answer === 'missing')
    throw new BuildError(
      'build: cog needs the cog command, which is not on PATH: add a replicate/setup-cog@v2 step (cog-version: v0.22.0) before this one, or choose another build',
    );
  const problem = answer && cogVersionProblem(answer.stdout);
  if (problem) throw new BuildError(problem);
}

/** Whether `docker buildx` answers (GitHub's runners, docker/setup-buildx-action). */
export async function hasBuildx(env: Readonly<Record<string, string>>): Promise<boolean> {
  const answer = await ask('docker', ['buildx', 'version'], env);
  return typeof answer === 'object' && answer.code === 0;
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

/**
 * Every secret's value is where it says, before a build starts: a missing file or variable
 * would otherwise surface minutes later, as the builder's own error in the middle of its log.
 */
export async function checkSecrets(
  secrets: readonly BuildSecret[],
  projectDir: string,
  env: Readonly<Record<string, string>>,
): Promise<void> {
  for (const s of secrets) {
    if (s.env !== undefined && env[s.env] === undefined)
      throw new BuildError(
        `input 'secrets': secret "${s.id}" reads the variable ${s.env}, which is not set in the step's environment`,
      );
    if (s.src !== undefined)
      await access(path.resolve(projectDir, s.src)).catch(() => {
        throw new BuildError(
          `input 'secrets': secret "${s.id}" reads ${path.resolve(projectDir, s.src!)}, which is not there (src= is relative to working-directory)`,
        );
      });
  }
}

/**
 * docker and buildah build a Dockerfile: a missing one is named before anything runs (a dry
 * run too), not met as BuildKit's "failed to read dockerfile" from inside a mount.
 */
export async function checkDockerfile(dockerfile: string, builder: string): Promise<void> {
  await access(dockerfile).catch(() => {
    throw new BuildError(
      `build: ${builder} builds ${dockerfile}, which is not there: add it, set the 'file' input to yours, or use build: cog (Cog writes its own)`,
    );
  });
}
