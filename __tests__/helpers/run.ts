import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './conformance.js';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the `cog-push` CLI from source, as a child process. */
export function cli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Run {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli.ts'), ...args],
    {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...cleanEnv(), ...options.env },
      encoding: 'utf8',
      timeout: 60_000,
      input: options.input,
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The environment without the variables that steer model resolution or the action. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('COG_') || key.startsWith('INPUT_') || key.startsWith('GITHUB_')) {
      delete env[key];
    }
  }
  // Keep the pack cache of test runs out of the user's ~/.cache.
  env['COG_PUSH_CACHE_DIR'] = path.join(os.tmpdir(), 'cog-push-test-cache');
  return env;
}

/** `cli`, without blocking this process: for tests whose servers share its event loop. */
export async function cliAsync(
  args: string[],
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  const { spawn } = await import('node:child_process');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli.ts'), ...args],
    {
      cwd: REPO_ROOT,
      env: { ...cleanEnv(), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const status = await new Promise<number | null>((resolve) =>
    child.on('exit', (code) => resolve(code)),
  );
  return { status, stdout, stderr };
}
