// What every `cog-push` command shares: its streams, its log, the environment read once, and
// the flags that become the action's inputs through the action's own parser.

import { boundedLog, type Log } from '../util/log.js';
import type { RuntimeEnv } from '../config/env.js';
import { parseInputs } from '../config/inputs.js';

export class UsageError extends Error {}

/** Where a command reads and writes: the process's own streams, or a test's. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Read only by --password-stdin. */
  readonly stdin: AsyncIterable<Uint8Array | string>;
  /** Where the command runs: relative paths and the workspace start here. */
  readonly cwd: string;
}

/** What every command is given: its streams, its log, and the environment read once. */
export interface Cli {
  readonly io: CliIo;
  readonly log: Log;
  readonly runtime: RuntimeEnv;
  /** A path argument, from where the command runs. */
  resolve(p: string): string;
}

/** The publish log on a terminal: everything on stderr, stdout kept for results. */
export function cliLog(stderr: CliIo['stderr']): Log {
  return boundedLog({
    info: (m) => void stderr.write(m + '\n'),
    warning: (m) => void stderr.write(`warning: ${m}\n`),
    notice: (m) => void stderr.write(`notice: ${m}\n`),
    group: async (name, fn) => {
      stderr.write(`${name}\n`);
      return fn();
    },
  });
}

export function byteOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(value))
    throw new UsageError(`${flag} must be a positive number of bytes`);
  return Number(value);
}

/** Registry flags of every command that pushes: they are the action's inputs of that name. */
export const REGISTRY_OPTIONS = {
  username: { type: 'string' as const },
  'password-stdin': { type: 'boolean' as const, default: false },
  'insecure-registry': {
    type: 'string' as const,
    multiple: true as const,
    default: [] as string[],
  },
};

export async function registryInputs(
  values: {
    username?: string | undefined;
    'password-stdin'?: boolean | undefined;
    'insecure-registry'?: string[] | undefined;
  },
  cli: Cli,
): Promise<Record<string, string | undefined>> {
  if (values['password-stdin'] && !values.username)
    throw new UsageError('--password-stdin needs --username');
  return {
    username: values.username,
    password: values['password-stdin'] ? await readStdin(cli.io.stdin) : undefined,
    'insecure-registries': (values['insecure-registry'] ?? []).join(','),
  };
}

/** The action's inputs from CLI flags named like them, through the action's own parser. */
export function inputsFrom(flags: Record<string, string | undefined>, cli: Cli) {
  return parseInputs((name) => flags[name] ?? '', cli.runtime);
}

async function readStdin(stdin: CliIo['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
