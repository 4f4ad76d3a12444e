// parseInputs, table-tested as docker/build-push-action tests its getArgs: each input, its
// default, and every way it can be wrong.
import path from 'node:path';
import { NO_BUILD_OPTIONS } from '../src/config/build-options.js';
import { describe, expect, it } from 'vitest';
import { readRuntimeEnv } from '../src/config/env.js';
import { InputError, parseInputs, type Inputs } from '../src/config/inputs.js';

const WORKSPACE = '/home/runner/work/repo/repo';

/** parseInputs over a plain map, read as @actions/core reads: trimmed, "" when unset. */
function parse(inputs: Record<string, string>, env: Record<string, string> = {}): Inputs {
  return parseInputs((name) => (inputs[name] ?? '').trim(), runtime(env));
}

/** The RuntimeEnv the door would read from these variables. */
const runtime = (env: Record<string, string>) =>
  readRuntimeEnv({ GITHUB_WORKSPACE: WORKSPACE, ...env }, '/elsewhere', 'linux');

const failsWith = (inputs: Record<string, string>, message: string) => {
  let caught: unknown;
  try {
    parse(inputs);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(InputError);
  expect((caught as Error).message).toBe(message);
};

describe('parseInputs', () => {
  it('has these defaults when nothing is set', () => {
    expect(parse({})).toEqual({
      workingDirectory: WORKSPACE,
      config: 'cog.yaml',
      modelRef: {
        COG_REGISTRY_HOST: undefined,
        COG_MODEL: undefined,
        COG_MODEL_REGISTRY: undefined,
        COG_MODEL_REPO: undefined,
        COG_MODEL_TAG: undefined,
      },
      username: undefined,
      password: undefined,
      replicateToken: undefined,
      build: 'cog',
      image: undefined,
      platform: { os: 'linux', architecture: 'amd64', variant: undefined },
      platformGiven: false,
      to: undefined,
      importWeights: false,
      concurrency: 4,
      downloadConnections: 8,
      dryRun: false,
      summary: true,
      verify: 'digests',
      cache: true,
      cacheMaxSize: 2e9,
      insecureRegistries: [],
      tags: [],
      annotations: {},
      compressLayers: true,
      buildOptions: NO_BUILD_OPTIONS,
    } satisfies Inputs);
  });

  it('reads every input into its field', () => {
    const inputs = parse({
      'working-directory': 'models/flux',
      config: 'cog.gpu.yaml',
      model: 'ghcr.io/acme/flux:v1',
      registry: 'ghcr.io',
      repository: 'acme/flux',
      tag: 'v1',
      username: 'bot',
      password: 's3cret',
      'replicate-token': 'r8_abc',
      build: 'none',
      image: 'oci-layout:image',
      platform: 'linux/arm64/v8',
      to: 'oci-layout:/tmp/out',
      'import-weights': 'true',
      concurrency: '16',
      'download-connections': '3',
      'compress-layers': 'false',
      'dry-run': 'TRUE',
      summary: 'false',
      verify: 'False',
      cache: 'false',
      'cache-max-size': '500MiB',
      'insecure-registries': 'localhost:5000, 127.0.0.1:5001\nregistry.local',
      annotations:
        'org.opencontainers.image.title=flux\nindex:a=1\nmanifest:b=x=y\nindex:org.opencontainers.image.description=Fast, small, and exact',
    });
    expect(inputs).toEqual({
      workingDirectory: path.join(WORKSPACE, 'models/flux'),
      config: 'cog.gpu.yaml',
      modelRef: {
        COG_REGISTRY_HOST: undefined,
        COG_MODEL: 'ghcr.io/acme/flux:v1',
        COG_MODEL_REGISTRY: 'ghcr.io',
        COG_MODEL_REPO: 'acme/flux',
        COG_MODEL_TAG: 'v1',
      },
      username: 'bot',
      password: 's3cret',
      replicateToken: 'r8_abc',
      build: 'none',
      image: 'oci-layout:image',
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      platformGiven: true,
      to: 'oci-layout:/tmp/out',
      importWeights: true,
      concurrency: 16,
      downloadConnections: 3,
      dryRun: true,
      summary: false,
      verify: 'off',
      cache: false,
      cacheMaxSize: 500 * 1024 ** 2,
      insecureRegistries: ['localhost:5000', '127.0.0.1:5001', 'registry.local'],
      tags: [],
      // Newlines only, like build-push-action: a description keeps its commas.
      annotations: {
        'org.opencontainers.image.title': 'flux',
        a: '1',
        b: 'x=y',
        'org.opencontainers.image.description': 'Fast, small, and exact',
      },
      compressLayers: false,
      buildOptions: NO_BUILD_OPTIONS,
    } satisfies Inputs);
  });

  it('an input replaces its COG_MODEL* variable; an unset one leaves the variable', () => {
    const env = {
      COG_MODEL_TAG: 'from-env',
      COG_MODEL_REPO: 'env/repo',
      COG_REGISTRY_HOST: 'r8.example',
    };
    const inputs = parseInputs((n) => (n === 'tag' ? 'from-input' : ''), runtime(env));
    expect(inputs.modelRef).toEqual({
      COG_REGISTRY_HOST: 'r8.example',
      COG_MODEL: undefined,
      COG_MODEL_REGISTRY: undefined,
      COG_MODEL_REPO: 'env/repo',
      COG_MODEL_TAG: 'from-input',
    });
  });

  it('tags: bare or full refs (docker/metadata-action), newline or comma; the first is the model tag', () => {
    const inputs = parse({
      tags: 'ghcr.io/acme/flux:v1.2.0\nghcr.io/acme/flux:v1.2, latest\n\nlatest',
    });
    expect(inputs.tags).toEqual([
      { tag: 'v1.2.0', repository: 'ghcr.io/acme/flux' },
      { tag: 'v1.2', repository: 'ghcr.io/acme/flux' },
      { tag: 'latest' },
    ]);
    expect(inputs.modelRef.COG_MODEL_TAG).toBe('v1.2.0');
  });

  it.each([
    [{ repository: 'Acme/Flux' }, /input 'repository' must be lowercase.*"Acme\/Flux"/],
    [{ tag: 'v1', tags: 'v2' }, /inputs 'tag' and 'tags' both name the model tag/],
    [{ tags: 'ghcr.io/acme/flux@sha256:abc' }, /input 'tags': .* is a digest reference/],
    [{ tags: 'cog-image.v1' }, /input 'tags': "cog-image.v1": "cog-" is a reserved prefix/],
    [{ tags: 'ghcr.io/acme/flux' }, /input 'tags': .* names a repository but no tag/],
    [{ annotations: 'no-equals' }, /input 'annotations': "no-equals" must be key=value/],
    [{ annotations: 'index-descriptor:a=b' }, /input 'annotations': "index-descriptor:a=b"/],
  ])('refuses %j', (given, message) => {
    expect(() => parse(given)).toThrow(message);
  });

  it.each([
    ['true', 'digests'],
    ['full', 'full'],
    ['FULL', 'full'],
    ['false', 'off'],
  ])('verify %s is %s', (text, mode) => {
    expect(parse({ verify: text }).verify).toBe(mode);
  });

  it('an absolute working-directory stays as it is', () => {
    expect(parse({ 'working-directory': '/srv/model' }).workingDirectory).toBe('/srv/model');
  });

  it.each([
    ['cog', {}, 'cog'],
    ['docker', { build: 'docker' }, 'docker'],
    ['buildah', { build: 'buildah' }, 'buildah'],
    ['none when an image is given', { image: 'ghcr.io/acme/app:v1' }, 'none'],
  ] as const)('build defaults and choices: %s', (_, inputs, build) => {
    expect(parse(inputs).build).toBe(build);
  });

  it.each([
    ['10GB', 10e9],
    ['1048576', 1048576],
    ['2GiB', 2 * 1024 ** 3],
    ['1.5 GB', 1.5e9],
    ['300kb', 300e3],
    ['1TiB', 1024 ** 4],
    ['7B', 7],
  ])('cache-max-size %s is %d bytes', (text, bytes) => {
    expect(parse({ 'cache-max-size': text }).cacheMaxSize).toBe(bytes);
  });

  it.each([
    [{ build: 'kaniko' }, `input 'build' must be one of cog, docker, buildah, none; got "kaniko"`],
    [
      { build: 'docker', image: 'ghcr.io/a/b:c' },
      `input 'image' is a prebuilt image, so 'build' must be none (got "docker")`,
    ],
    [
      { build: 'none' },
      "input 'build' is none: set 'image' to a prebuilt image (registry ref, oci-layout:DIR, docker-archive:FILE)",
    ],
    [
      { platform: 'amd64' },
      `input 'platform': platform "amd64" must be os/arch or os/arch/variant, e.g. linux/amd64`,
    ],
    [
      { platform: 'Linux/AMD64' },
      `input 'platform': platform "Linux/AMD64" must be os/arch or os/arch/variant, e.g. linux/amd64`,
    ],
    [{ concurrency: '0' }, `input 'concurrency' must be a whole number from 1 to 64, got "0"`],
    [
      { 'download-connections': '0' },
      `input 'download-connections' must be a whole number from 1 to 64, got "0"`,
    ],
    [{ concurrency: '65' }, `input 'concurrency' must be a whole number from 1 to 64, got "65"`],
    [{ concurrency: '2.5' }, `input 'concurrency' must be a whole number from 1 to 64, got "2.5"`],
    [
      { concurrency: 'four' },
      `input 'concurrency' must be a whole number from 1 to 64, got "four"`,
    ],
    [{ username: 'bot' }, "inputs 'username' and 'password' go together: set both or neither"],
    [{ password: 'x' }, "inputs 'username' and 'password' go together: set both or neither"],
    [{ 'dry-run': 'yes' }, `input 'dry-run' must be true or false, got "yes"`],
    [{ 'import-weights': '1' }, `input 'import-weights' must be true or false, got "1"`],
    [{ summary: 'on' }, `input 'summary' must be true or false, got "on"`],
    [{ verify: 'full?' }, `input 'verify' must be true, false or full, got "full?"`],
    [{ cache: 'no' }, `input 'cache' must be true or false, got "no"`],
    [
      { 'cache-max-size': '10 apples' },
      `input 'cache-max-size' must be a size such as 10GB, 500MiB or 1048576; got "10 apples"`,
    ],
    [
      { 'cache-max-size': '-1GB' },
      `input 'cache-max-size' must be a size such as 10GB, 500MiB or 1048576; got "-1GB"`,
    ],
  ])('refuses %j', (inputs, message) => failsWith(inputs, message));
});

describe('build options', () => {
  it('reads each option for the builder it applies to, one item a line', () => {
    expect(
      parse({
        build: 'docker',
        secrets: 'id=hf,src=secrets/hf.txt\nid=gh, env=GH_TOKEN',
        'no-cache': 'true',
        'build-args': 'TORCH=2.6\nEXTRAS=a,b',
        target: 'runtime',
        labels: 'org.example.team=ml\nnote=a, b',
        file: 'docker/Dockerfile.gpu',
        network: 'host',
        'cache-from': 'type=gha\ntype=registry,ref=r.example/a/b:cache',
        'cache-to': 'type=gha,mode=max',
        progress: 'plain',
      }).buildOptions,
    ).toEqual({
      ...NO_BUILD_OPTIONS,
      secrets: [
        { id: 'hf', src: 'secrets/hf.txt', env: undefined },
        { id: 'gh', src: undefined, env: 'GH_TOKEN' },
      ],
      noCache: true,
      buildArgs: ['TORCH=2.6', 'EXTRAS=a,b'],
      target: 'runtime',
      labels: ['org.example.team=ml', 'note=a, b'],
      file: 'docker/Dockerfile.gpu',
      network: 'host',
      cacheFrom: ['type=gha', 'type=registry,ref=r.example/a/b:cache'],
      cacheTo: ['type=gha,mode=max'],
      progress: 'plain',
    });
    expect(
      parse({
        'use-cuda-base-image': 'false',
        'use-cog-base-image': 'false',
        'openapi-schema': 'openapi.json',
        file: 'Dockerfile.cog',
        'no-cache': 'true',
      }).buildOptions,
    ).toEqual({
      ...NO_BUILD_OPTIONS,
      useCudaBaseImage: 'false',
      useCogBaseImage: false,
      openapiSchema: 'openapi.json',
      file: 'Dockerfile.cog',
      noCache: true,
    });
  });

  it.each([
    [
      { 'build-args': 'A=1' },
      "input 'build-args' does not apply to build: cog (Cog builds from cog.yaml, which takes no build args)",
    ],
    [
      { network: 'host' },
      "input 'network' does not apply to build: cog (`cog build` has no network flag)",
    ],
    [
      { build: 'docker', 'use-cog-base-image': 'false' },
      "input 'use-cog-base-image' does not apply to build: docker (it is a flag of `cog build`)",
    ],
    [
      { build: 'buildah', 'cache-to': 'type=gha' },
      "input 'cache-to' does not apply to build: buildah (only docker buildx exports a build cache; `build: cog` has Cog's inline cache only)",
    ],
    [
      { image: 'oci-layout:image', 'no-cache': 'true' },
      "input 'no-cache' is a build option, but nothing is built: 'image' is a prebuilt image (build: none)",
    ],
    [{ secrets: 'id=x' }, `input 'secrets': secret "x" needs one of src=FILE or env=VARIABLE`],
    [
      { secrets: 'id=x,src=a,env=B' },
      `input 'secrets': secret "x" needs one of src=FILE or env=VARIABLE`,
    ],
    [{ secrets: 'src=a' }, "input 'secrets': each line needs id=NAME (letters, digits, _ . -)"],
    [
      { secrets: 'id=x,value=hunter2' },
      `input 'secrets': each line is id=NAME,src=FILE or id=NAME,env=VARIABLE; got a line with "value"`,
    ],
    [{ secrets: 'id=x,env=1BAD' }, `input 'secrets': secret "x": env=1BAD is not a variable name`],
    [
      { build: 'docker', 'build-args': 'JUSTANAME' },
      'input \'build-args\': each line is NAME=value; got "JUSTANAME"',
    ],
    [
      { build: 'docker', network: 'bridge' },
      `input 'network' must be one of host, none, default; got "bridge"`,
    ],
    [
      { 'use-cuda-base-image': 'yes' },
      `input 'use-cuda-base-image' must be one of true, false, auto; got "yes"`,
    ],
  ])('refuses %j in one line', (given, message) => {
    failsWith(given as Record<string, string>, message);
  });

  it("never shows a secret's value: an unreadable line names its key only", () => {
    let message = '';
    try {
      parse({ secrets: 'id=x,token=hunter2-very-secret' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/"token"/);
    expect(message).not.toContain('hunter2');
    try {
      parse({ secrets: 'id=x,hunter2-very-secret' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/a part that is not key=value$/);
    expect(message).not.toContain('hunter2');
  });
});
