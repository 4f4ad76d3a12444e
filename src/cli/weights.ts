// `cog-push weights …`: pack, push, import and verify a weight from a shell.

// `cog-push`: the same code as the action, from a shell (local runs, the README demo, tests).

import { parseArgs } from 'node:util';
import { logSafe } from '../util/log.js';
import { loadCogConfig, WEIGHT_NAME_PATTERN } from '../cog/config.js';
import { lockfilePath, readLockfile } from '../weights/lockfile.js';
import { importToTarget } from '../publish/flow.js';
import { lockFindings } from '../publish/lock-gate.js';
import { planTransfer } from '../publish/plan.js';
import { inventoryDirectory } from '../weights/inventory.js';
import { packWeight } from '../weights/pack.js';
import { packJson, packTable } from '../report/pack.js';
import { formatBytes, shown } from '../util/format.js';
import { pushJson, pushTable } from '../report/push.js';
import { openSession } from '../publish/session.js';
import { pushWeight } from '../weights/push.js';
import { PackCache } from '../weights/packcache.js';
import {
  byteOption,
  inputsFrom,
  REGISTRY_OPTIONS,
  registryInputs,
  UsageError,
  type Cli,
} from './common.js';

const PACK_OPTIONS = {
  name: { type: 'string' },
  target: { type: 'string' },
  'bundle-file-max': { type: 'string' },
  'bundle-size-max': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

type PackValues = {
  name?: string;
  target?: string;
  'bundle-file-max'?: string;
  'bundle-size-max'?: string;
};

/** Inventory and pack the one directory argument, as both `weights` commands do. */
async function packArgs(
  values: PackValues,
  positionals: string[],
  cli: Cli,
  options: { command: 'pack' | 'push'; cache?: PackCache | undefined },
) {
  const { command, cache } = options;
  if (positionals.length !== 1)
    throw new UsageError(`weights ${command} takes exactly one directory`);
  if (!values.name) throw new UsageError('--name is required');
  // Cog's name rule, as cog.yaml applies it. A weight that is published must follow it.
  // `weights pack` only prints digests, and packs any name as the reference packer does (the
  // conformance vectors name weights "odd/paths" and "many small"), but says the name could
  // not be published: it never differs from `weights push` in silence.
  const nameProblem = WEIGHT_NAME_PATTERN.test(values.name)
    ? undefined
    : `--name "${shown(values.name)}" must contain only lowercase alphanumeric characters, hyphens, dots, or underscores (e.g. "my-model-weights")`;
  if (nameProblem && command === 'push') throw new UsageError(nameProblem);
  if (nameProblem)
    cli.log.warning(
      `${nameProblem} to be published (cog.yaml, weights push); packed as the reference packer would, for comparison only`,
    );
  if (!values.target?.startsWith('/')) throw new UsageError('--target must be an absolute path');
  // Every flag is checked before the directory is read: a usage error never waits on I/O.
  const bundles = {
    bundleFileMax: byteOption(values['bundle-file-max'], '--bundle-file-max'),
    bundleSizeMax: byteOption(values['bundle-size-max'], '--bundle-size-max'),
  };
  return packWeight({
    name: values.name,
    target: values.target,
    files: await inventoryDirectory(cli.resolve(positionals[0]!)),
    options: bundles,
    cache,
  });
}

export async function packCommand(args: string[], cli: Cli): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: PACK_OPTIONS,
  });
  const packed = await packArgs(values, positionals, cli, { command: 'pack' });
  cli.io.stdout.write(
    (values.json ? JSON.stringify(packJson(packed), null, 2) : packTable(packed)) + '\n',
  );
}

export async function pushCommand(args: string[], cli: Cli): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...PACK_OPTIONS,
      to: { type: 'string' },
      'mount-from': { type: 'string' },
      ...REGISTRY_OPTIONS,
      concurrency: { type: 'string' },
      // Tuning knobs for tests and unusual registries; defaults are Cog's.
      'chunk-threshold': { type: 'string' },
      'chunk-size': { type: 'string' },
      'no-pack-cache': { type: 'boolean', default: false },
    },
  });
  if (!values.to) throw new UsageError('--to is required (registry/repository or oci-layout:DIR)');
  const inputs = inputsFrom(
    {
      ...(await registryInputs(values, cli)),
      to: values.to,
      concurrency: values.concurrency,
    },
    cli,
  );
  // The same plan as a publish: the login bound to the destination's host.
  const plan = planTransfer(inputs, undefined, cli.runtime);
  const cache = values['no-pack-cache'] ? undefined : new PackCache(cli.runtime.packCacheDir);
  const packed = await packArgs(values, positionals, cli, { command: 'push', cache });
  // A session as every command has: the stall bound (COG_PUSH_STALL_SECONDS), progress lines
  // and credentials are made in one place for all of them.
  const session = await openSession(plan, cli.runtime, cli.log, {
    tuning: {
      chunkThreshold: byteOption(values['chunk-threshold'], '--chunk-threshold'),
      chunkSize: byteOption(values['chunk-size'], '--chunk-size'),
    },
  });
  try {
    const result = await pushWeight(packed, session.target, {
      mountFrom: values['mount-from'],
      concurrency: inputs.concurrency,
    });
    const out = pushJson(result, session.repositoryRef, packed);
    cli.io.stdout.write((values.json ? JSON.stringify(out, null, 2) : pushTable(out)) + '\n');
  } finally {
    await session.close();
  }
}

export async function importCommand(args: string[], cli: Cli): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      project: { type: 'string', default: '.' },
      config: { type: 'string' },
      to: { type: 'string' },
      concurrency: { type: 'string' },
      'download-connections': { type: 'string' },
      ...REGISTRY_OPTIONS,
    },
  });
  const inputs = inputsFrom(
    {
      ...(await registryInputs(values, cli)),
      'working-directory': values.project,
      config: values.config,
      to: values.to,
      concurrency: values.concurrency,
      'download-connections': values['download-connections'],
    },
    cli,
  );
  const result = await importToTarget(inputs, cli.runtime, cli.log);
  for (const w of result.imported) {
    cli.io.stdout.write(`${w.name}  ${w.files} file(s)  ${formatBytes(w.bytes)}  ${w.status}\n`);
  }
}

export async function verifyCommand(args: string[], cli: Cli): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { project: { type: 'string', default: '.' }, config: { type: 'string' } },
  });
  const config = await loadCogConfig(cli.resolve(values.project!), values.config);
  const lock = await readLockfile(config.projectDir);
  const lockPath = lockfilePath(config.projectDir);
  // The publish's own lock gate, every finding listed.
  const problems = lockFindings(config, lock, lockPath).map((f) => f.message);
  if (problems.length > 0) {
    cli.io.stderr.write(logSafe(problems.join('\n')) + '\n');
    return 1;
  }
  cli.io.stdout.write(
    `${lockPath}: ${lock?.weights.length ?? 0} weight(s), consistent and matching cog.yaml\n`,
  );
  return 0;
}
