// `cog-push`: the same code as the action, from a shell (local runs, the README demo, tests).

import { boundedLog, logSafe, type Log } from '../util/log.js';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readRuntimeEnv, type RuntimeEnv } from '../config/env.js';
import { useProxies } from '../util/net.js';
import { parseInputs } from '../config/inputs.js';
import { loadCogConfig, WEIGHT_NAME_PATTERN } from '../cog/config.js';
import { lockfilePath, readLockfile } from '../weights/lockfile.js';
import { loadProject } from '../project.js';
import { importToTarget, publish } from '../publish/flow.js';
import { lockFindings } from '../publish/lock-gate.js';
import { planTransfer } from '../publish/plan.js';
import { refTreeText } from '../report/publish.js';
import { inventoryDirectory } from '../weights/inventory.js';
import { packWeight } from '../weights/pack.js';
import { packJson, packTable } from '../report/pack.js';
import { formatBytes, shown } from '../util/format.js';
import { pushJson, pushTable } from '../report/push.js';
import { openSession } from '../publish/session.js';
import { referenceString } from '../oci/reference.js';
import { pushWeight } from '../weights/push.js';
import { PackCache } from '../weights/packcache.js';

const USAGE = `usage:
  cog-push publish [--project DIR] [--config FILE] [--model REF] [--registry HOST]
                   [--repository PATH] [--tag TAG] [--build cog|docker|buildah|none]
                   [--image REF|oci-layout:DIR[:TAG]] [--platform OS/ARCH] [--to REPO|oci-layout:DIR]
                   [--import-weights] [--dry-run] [--verify[=full] | --no-verify] [--username USER --password-stdin]
      the action's job from a shell: weights, image, index, and Cog's ref tree
  cog-push resolve [--project DIR] [--config FILE]
      print the model reference a publish would land at, as JSON
  cog-push weights pack <dir> --name NAME --target /abs/path
                        [--bundle-file-max BYTES] [--bundle-size-max BYTES] [--json]
      pack a directory as a Cog weight and print its layers, digests and manifest
  cog-push weights push <dir> --name NAME --target /abs/path --to REGISTRY/REPO|oci-layout:DIR
                        [--mount-from REPO] [--username USER --password-stdin]
                        [--insecure-registry HOST]... [--concurrency N] [--no-pack-cache] [--json]
                        [--bundle-file-max BYTES] [--bundle-size-max BYTES]
      pack and push a weight (layers, config, manifest at cog-weight.<name>.<short>)
  cog-push weights import [--project DIR] [--config FILE] [--to REPO|oci-layout:DIR]
                          [--username USER --password-stdin] [--insecure-registry HOST]...
                          [--concurrency N]
      pack every weight from its sources, push what the target lacks, write weights.lock
  cog-push weights verify [--project DIR] [--config FILE]
      offline: check weights.lock against itself and against cog.yaml; exit 0 only when all is well
`;

class UsageError extends Error {}

/** The publish log on a terminal: everything on stderr, stdout kept for results. */
const cliLog: Log = boundedLog({
  info: (m) => void process.stderr.write(m + '\n'),
  warning: (m) => void process.stderr.write(`warning: ${m}\n`),
  notice: (m) => void process.stderr.write(`notice: ${m}\n`),
  group: async (name, fn) => {
    process.stderr.write(`${name}\n`);
    return fn();
  },
});

function byteOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(value))
    throw new UsageError(`${flag} must be a positive number of bytes`);
  return Number(value);
}

async function resolveCommand(args: string[], runtime: RuntimeEnv): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { project: { type: 'string', default: '.' }, config: { type: 'string' } },
  });
  const { target } = await loadProject({
    dir: path.resolve(values.project!),
    configName: values.config,
    env: runtime.modelRef,
  });
  const ref = target.ref;
  const out = {
    ref: referenceString(ref),
    registry: ref.registry,
    repository: ref.repository,
    tag: ref.tag,
    digest: ref.digest,
    format: target.format,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

/** Registry flags of every command that pushes: they are the action's inputs of that name. */
const REGISTRY_OPTIONS = {
  username: { type: 'string' as const },
  'password-stdin': { type: 'boolean' as const, default: false },
  'insecure-registry': {
    type: 'string' as const,
    multiple: true as const,
    default: [] as string[],
  },
};

async function registryInputs(values: {
  username?: string | undefined;
  'password-stdin'?: boolean | undefined;
  'insecure-registry'?: string[] | undefined;
}): Promise<Record<string, string | undefined>> {
  if (values['password-stdin'] && !values.username)
    throw new UsageError('--password-stdin needs --username');
  return {
    username: values.username,
    password: values['password-stdin'] ? await readStdin() : undefined,
    'insecure-registries': (values['insecure-registry'] ?? []).join(','),
  };
}

/** The action's inputs from CLI flags named like them, through the action's own parser. */
function inputsFrom(flags: Record<string, string | undefined>, runtime: RuntimeEnv) {
  return parseInputs((name) => flags[name] ?? '', runtime);
}

async function publishCommand(args: string[], runtime: RuntimeEnv): Promise<void> {
  const { values } = parseArgs({
    // A bare --verify is the default mode; --verify=full names the thorough one.
    args: args.map((a) => (a === '--verify' ? '--verify=true' : a)),
    options: {
      project: { type: 'string', default: '.' },
      config: { type: 'string' },
      model: { type: 'string' },
      registry: { type: 'string' },
      repository: { type: 'string' },
      tag: { type: 'string' },
      build: { type: 'string' },
      image: { type: 'string' },
      platform: { type: 'string' },
      to: { type: 'string' },
      'import-weights': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      verify: { type: 'string' },
      'no-verify': { type: 'boolean', default: false },
      concurrency: { type: 'string' },
      ...REGISTRY_OPTIONS,
    },
  });
  const {
    'password-stdin': _passwordStdin,
    'insecure-registry': _insecure,
    'no-verify': noVerify,
    verify,
    ...strings
  } = values;
  const inputs = inputsFrom(
    {
      ...strings,
      ...(await registryInputs(values)),
      'working-directory': values.project,
      'import-weights': String(values['import-weights']),
      'dry-run': String(values['dry-run']),
      // --verify (on, the default), --verify=full, --no-verify: as the action's true, full, false.
      verify: noVerify ? 'false' : (verify ?? 'true'),
    },
    runtime,
  );
  const result = await publish(inputs, runtime, cliLog);
  process.stdout.write('\n' + refTreeText(result) + '\n');
}

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
  command: string,
  cache?: PackCache,
) {
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
    cliLog.warning(
      `${nameProblem} to be published (cog.yaml, weights push); packed as the reference packer would, for comparison only`,
    );
  if (!values.target?.startsWith('/')) throw new UsageError('--target must be an absolute path');
  // Every flag is checked before the directory is read: a usage error never waits on I/O.
  const options = {
    bundleFileMax: byteOption(values['bundle-file-max'], '--bundle-file-max'),
    bundleSizeMax: byteOption(values['bundle-size-max'], '--bundle-size-max'),
  };
  return packWeight({
    name: values.name,
    target: values.target,
    files: await inventoryDirectory(positionals[0]!),
    options,
    cache,
  });
}

async function packCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: PACK_OPTIONS,
  });
  const packed = await packArgs(values, positionals, 'pack');
  process.stdout.write(
    (values.json ? JSON.stringify(packJson(packed), null, 2) : packTable(packed)) + '\n',
  );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function pushCommand(args: string[], runtime: RuntimeEnv): Promise<void> {
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
      ...(await registryInputs(values)),
      to: values.to,
      concurrency: values.concurrency,
    },
    runtime,
  );
  // The same plan as a publish: the login bound to the destination's host.
  const plan = planTransfer(inputs, undefined, runtime);
  const cache = values['no-pack-cache'] ? undefined : new PackCache(runtime.packCacheDir);
  const packed = await packArgs(values, positionals, 'push', cache);
  // A session as every command has: the stall bound (COG_PUSH_STALL_SECONDS), progress lines
  // and credentials are made in one place for all of them.
  const session = await openSession(plan, runtime, cliLog, {
    chunkThreshold: byteOption(values['chunk-threshold'], '--chunk-threshold'),
    chunkSize: byteOption(values['chunk-size'], '--chunk-size'),
  });
  try {
    const result = await pushWeight(packed, session.target, {
      mountFrom: values['mount-from'],
      concurrency: inputs.concurrency,
    });
    const out = pushJson(result, session.repositoryRef, packed);
    process.stdout.write((values.json ? JSON.stringify(out, null, 2) : pushTable(out)) + '\n');
  } finally {
    await session.close();
  }
}

async function importCommand(args: string[], runtime: RuntimeEnv): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      project: { type: 'string', default: '.' },
      config: { type: 'string' },
      to: { type: 'string' },
      concurrency: { type: 'string' },
      ...REGISTRY_OPTIONS,
    },
  });
  const inputs = inputsFrom(
    {
      ...(await registryInputs(values)),
      'working-directory': values.project,
      config: values.config,
      to: values.to,
      concurrency: values.concurrency,
    },
    runtime,
  );
  const result = await importToTarget(inputs, runtime, cliLog);
  for (const w of result.imported) {
    process.stdout.write(`${w.name}  ${w.files} file(s)  ${formatBytes(w.bytes)}  ${w.status}\n`);
  }
}

async function verifyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { project: { type: 'string', default: '.' }, config: { type: 'string' } },
  });
  const config = await loadCogConfig(path.resolve(values.project!), values.config);
  const lock = await readLockfile(config.projectDir);
  const lockPath = lockfilePath(config.projectDir);
  // The publish's own lock gate, every finding listed.
  const problems = lockFindings(config, lock, lockPath).map((f) => f.message);
  if (problems.length > 0) {
    process.stderr.write(logSafe(problems.join('\n')) + '\n');
    return 1;
  }
  process.stdout.write(
    `${lockPath}: ${lock?.weights.length ?? 0} weight(s), consistent and matching cog.yaml\n`,
  );
  return 0;
}

/** What no command caught still ends as one `cog-push:` line and exit 1, not a stack trace. */
export function uncaught(e: unknown): never {
  process.stderr.write(`cog-push: ${logSafe(e instanceof Error ? e.message : String(e))}\n`);
  process.exit(1);
}

/** `cog-push` with these arguments, in an environment read once here; returns the exit code. */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  // On a shell the workspace is where the command runs.
  const cwd = process.cwd();
  const runtime: RuntimeEnv = { ...readRuntimeEnv(env, cwd, process.platform), workspace: cwd };
  useProxies(runtime.proxy);
  const [command, ...rest] = argv;
  try {
    if (command === 'publish') await publishCommand(rest, runtime);
    else if (command === 'resolve') await resolveCommand(rest, runtime);
    else if (command === 'weights' && rest[0] === 'pack') await packCommand(rest.slice(1));
    else if (command === 'weights' && rest[0] === 'push') await pushCommand(rest.slice(1), runtime);
    else if (command === 'weights' && rest[0] === 'verify')
      return await verifyCommand(rest.slice(1));
    else if (command === 'weights' && rest[0] === 'import')
      await importCommand(rest.slice(1), runtime);
    else if (command === undefined || command === '--help' || command === '-h') {
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    } else throw new UsageError(`unknown command: ${argv.join(' ')}`);
    return 0;
  } catch (e) {
    const err = e as Error;
    const usage =
      err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`cog-push: ${logSafe(err.message)}\n${usage ? USAGE : ''}`);
    return usage ? 2 : 1;
  }
}
