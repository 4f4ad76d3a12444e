// `cog-push`: the same code as the action, from a shell (local runs, the README demo, tests).

import path from 'node:path';
import { parseArgs } from 'node:util';
import { logSafe } from '../util/log.js';
import { readRuntimeEnv, type RuntimeEnv } from '../config/env.js';
import { useProxies } from '../util/net.js';
import { loadProject } from '../cog/project.js';
import { publish } from '../publish/flow.js';
import { refTreeText } from '../report/publish.js';
import { referenceString } from '../oci/reference.js';
import {
  cliLog,
  inputsFrom,
  REGISTRY_OPTIONS,
  registryInputs,
  UsageError,
  type Cli,
  type CliIo,
} from './common.js';
import { importCommand, packCommand, pushCommand, verifyCommand } from './weights.js';

export type { CliIo } from './common.js';

const USAGE = `usage:
  cog-push publish [--project DIR] [--config FILE] [--model REF] [--registry HOST]
                   [--repository PATH] [--tag TAG] [--build cog|docker|buildah|none]
                   [--image REF|oci-layout:DIR[:TAG]|oci-archive:FILE[:TAG]|docker-archive:FILE] [--platform OS/ARCH] [--to REPO|oci-layout:DIR]
                   [--import-weights] [--dry-run] [--verify[=full] | --no-verify] [--username USER --password-stdin]
                   [--concurrency N] [--download-connections N]
                   [--secret id=ID,src=FILE|env=VAR]... [--no-cache] [--build-arg K=V]... [--target T]
                   [--label K=V]... [--file DOCKERFILE] [--network host|none|default]
                   [--cache-from SPEC]... [--cache-to SPEC]... [--progress auto|plain|tty]
                   [--use-cuda-base-image true|false|auto] [--use-cog-base-image true|false]
                   [--openapi-schema FILE]
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
                          [--concurrency N] [--download-connections N]
      pack every weight from its sources, push what the target lacks, write weights.lock
  cog-push weights verify [--project DIR] [--config FILE]
      offline: check weights.lock against itself and against cog.yaml; exit 0 only when all is well
`;

async function resolveCommand(args: string[], cli: Cli): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { project: { type: 'string', default: '.' }, config: { type: 'string' } },
  });
  const { target } = await loadProject({
    dir: cli.resolve(values.project!),
    configName: values.config,
    env: cli.runtime.modelRef,
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
  cli.io.stdout.write(JSON.stringify(out) + '\n');
}

async function publishCommand(args: string[], cli: Cli): Promise<void> {
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
      'download-connections': { type: 'string' },
      ...REGISTRY_OPTIONS,
      ...BUILD_FLAGS,
    },
  });
  const {
    'password-stdin': _passwordStdin,
    'insecure-registry': _insecure,
    'no-verify': noVerify,
    verify,
    'no-cache': noCache,
    secret,
    'build-arg': buildArg,
    label,
    'cache-from': cacheFrom,
    'cache-to': cacheTo,
    ...strings
  } = values;
  const inputs = inputsFrom(
    {
      ...strings,
      ...(await registryInputs(values, cli)),
      'working-directory': values.project,
      'import-weights': String(values['import-weights']),
      'dry-run': String(values['dry-run']),
      // --verify (on, the default), --verify=full, --no-verify: as the action's true, full, false.
      verify: noVerify ? 'false' : (verify ?? 'true'),
      // Repeated flags are the inputs' lines.
      secrets: secret?.join('\n'),
      'build-args': buildArg?.join('\n'),
      labels: label?.join('\n'),
      'cache-from': cacheFrom?.join('\n'),
      'cache-to': cacheTo?.join('\n'),
      'no-cache': noCache ? 'true' : undefined,
    },
    cli,
  );
  const result = await publish(inputs, cli.runtime, cli.log);
  cli.io.stdout.write('\n' + refTreeText(result) + '\n');
}

/** The build options, flags named like the action's inputs (a list input's flag repeats). */
const BUILD_FLAGS = {
  secret: { type: 'string', multiple: true },
  'no-cache': { type: 'boolean' },
  'build-arg': { type: 'string', multiple: true },
  target: { type: 'string' },
  label: { type: 'string', multiple: true },
  file: { type: 'string' },
  network: { type: 'string' },
  'cache-from': { type: 'string', multiple: true },
  'cache-to': { type: 'string', multiple: true },
  progress: { type: 'string' },
  'use-cuda-base-image': { type: 'string' },
  'use-cog-base-image': { type: 'string' },
  'openapi-schema': { type: 'string' },
} as const;

/** What no command caught still ends as one `cog-push:` line and exit 1, not a stack trace. */
export function uncaught(e: unknown): never {
  process.stderr.write(`cog-push: ${logSafe(e instanceof Error ? e.message : String(e))}\n`);
  process.exit(1);
}

/**
 * `cog-push` with these arguments, in an environment read once here, writing to `io`; returns
 * the exit code. The door (`cli.ts`) gives it the process's streams; tests give it their own.
 */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CliIo,
): Promise<number> {
  // On a shell the workspace is where the command runs.
  const runtime: RuntimeEnv = {
    ...readRuntimeEnv(env, io.cwd, process.platform),
    workspace: io.cwd,
  };
  const cli: Cli = {
    io,
    log: cliLog(io.stderr),
    runtime,
    resolve: (p) => path.resolve(io.cwd, p),
  };
  const restoreProxies = await useProxies(runtime.proxy);
  try {
    return await runCommand(argv, cli);
  } catch (e) {
    const err = e as Error;
    const usage =
      err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr.write(`cog-push: ${logSafe(err.message)}\n${usage ? USAGE : ''}`);
    return usage ? 2 : 1;
  } finally {
    restoreProxies();
  }
}

async function runCommand(argv: string[], cli: Cli): Promise<number> {
  const [command, ...rest] = argv;
  const sub = command === 'weights' ? rest[0] : undefined;
  if (command === 'publish') await publishCommand(rest, cli);
  else if (command === 'resolve') await resolveCommand(rest, cli);
  else if (sub === 'pack') await packCommand(rest.slice(1), cli);
  else if (sub === 'push') await pushCommand(rest.slice(1), cli);
  else if (sub === 'verify') return verifyCommand(rest.slice(1), cli);
  else if (sub === 'import') await importCommand(rest.slice(1), cli);
  else if (command === undefined || command === '--help' || command === '-h') {
    cli.io.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  } else throw new UsageError(`unknown command: ${argv.join(' ')}`);
  return 0;
}
