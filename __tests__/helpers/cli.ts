// `cog-push` in this process: what every CLI test but the smoke test uses. No peer starts here,
// so the unit tier may import it.
import { Readable } from 'node:stream';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';
import { REPO_ROOT } from './conformance.js';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `cog-push` in this process, with streams of its own: all of `dist/cli.js` but the door
 * (signals, process.exit). The environment is only what is given here, on top of a clean one.
 */
export async function cli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(
    args,
    { ...cleanEnv(), ...options.env },
    {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      stdin: Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]),
      cwd: options.cwd ?? REPO_ROOT,
    },
  );
  return { status, stdout, stderr };
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
