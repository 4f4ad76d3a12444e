// The CLI from source as a child process, for the few tests that need a process of its own.
import path from 'node:path';
import { REPO_ROOT } from './conformance.js';
import { cleanEnv, type Run } from './cli.js';

/**
 * The CLI from source as a child process: for what only a process has, such as
 * NODE_EXTRA_CA_CERTS (read by Node at start) or the signals its door handles.
 */
export async function cliProcess(
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
