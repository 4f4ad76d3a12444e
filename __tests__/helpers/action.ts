// The action as the runner runs it: `node dist/index.js` with INPUT_* variables and the
// runner's files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, GITHUB_WORKSPACE).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './conformance.js';
import { cleanEnv } from './cli.js';

export const EXAMPLE = path.join(REPO_ROOT, 'examples/hello');

/** The example's prebuilt image, as inputs. */
export const PREBUILT = { build: 'none', image: 'oci-layout:image' };

export interface ActionRun {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

export const digestOf = (bytes: Uint8Array) =>
  'sha256:' + createHash('sha256').update(bytes).digest('hex');

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]!] = m[3]!;
  return out;
}

export const errorLines = (r: ActionRun) =>
  r.stdout.split('\n').filter((l) => l.startsWith('::error'));

/** Action runs whose runner files live under `root` (a test's temp directory). */
export function actionRunner(root: string) {
  /** Run the action as a child process, asynchronously: test servers share this event loop. */
  async function runAction(
    inputs: Record<string, string>,
    env: NodeJS.ProcessEnv = {},
    /** Told of the action's process once it is started (to signal it, say). */
    started?: (child: ChildProcess) => void,
  ): Promise<ActionRun> {
    const id = Math.random().toString(36).slice(2);
    const output = path.join(root, `output-${id}`);
    const summary = path.join(root, `summary-${id}`);
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const inputEnv = Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
    );
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/index.js')], {
      env: {
        ...cleanEnv(),
        GITHUB_WORKSPACE: REPO_ROOT,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: root,
        COG_PUSH_STORE_DIR: path.join(root, 'store'),
        ...inputEnv,
        ...env,
      },
      // The runner starts a step in the workspace.
      cwd: env['GITHUB_WORKSPACE'] ?? REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started?.(child);
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    const [status] = (await once(child, 'exit')) as [number | null];
    clearTimeout(timer);
    return {
      status,
      stdout,
      outputs: parseOutputs(readFileSync(output, 'utf8')),
      summary: readFileSync(summary, 'utf8'),
    };
  }

  /** A copy of the example project to change, as a path relative to the workspace. */
  function exampleCopy(name: string): string {
    const dir = path.join(root, name);
    cpSync(EXAMPLE, dir, { recursive: true });
    return path.relative(REPO_ROOT, dir);
  }

  return { runAction, exampleCopy };
}
