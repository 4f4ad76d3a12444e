// The builders' plans (pure: the commands, where each runs, what it gets) and the layer that
// gives an image /.cog/weights.json (pure bytes: the tar, the config and manifest edits).

import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extract } from 'tar-stream';
import {
  buildPlan,
  cogVersionProblem,
  describeCommand,
  type BuildRequest,
} from '../src/image/builders.js';
import { NO_BUILD_OPTIONS } from '../src/config/build-options.js';
import {
  appendLayer,
  WEIGHTS_JSON_HISTORY,
  weightsJsonBytes,
  weightsJsonLayer,
} from '../src/image/weights-layer.js';
import type { Lockfile } from '../src/weights/lockfile.js';

const request: BuildRequest = {
  builder: 'cog',
  projectDir: '/ws/models/b',
  configName: 'cog.yaml',
  imageRef: 'r.example/acct/b:cog-image.v1',
  platform: { os: 'linux', architecture: 'amd64' },
  workDir: '/tmp/cog-push-x',
  buildx: true,
};

describe('the Cog version a model project needs', () => {
  const tooOld = (v: string) =>
    `build: cog found Cog ${v}, which refuses 'model:' and 'weights:' in cog.yaml (Cog reads them from v0.20.0 on): install a newer one (replicate/setup-cog@v2 with cog-version: v0.22.0)`;
  it.each([
    ['cog version 0.9.8 (built 2024-05-01T00:00:00Z)', tooOld('0.9.8')],
    ['cog version v0.19.12 (built x)', tooOld('0.19.12')],
    ['cog version 0.20.0 (built x)', undefined],
    ['cog version 0.20.1-rc.1 (built x)', undefined],
    ['cog version 0.100.0 (built x)', undefined],
    ['cog version 1.0.0 (built x)', undefined],
    // A development build says no version: the build itself is left to say.
    ['cog version dev (built x)', undefined],
    ['', undefined],
  ])('%j', (output, problem) => {
    expect(cogVersionProblem(output)).toBe(problem);
  });
});

describe('buildPlan', () => {
  it('runs cog in the project directory, with -f only for another config name', () => {
    expect(buildPlan(request).commands).toEqual([
      { tool: 'cog', args: ['build', '-t', request.imageRef], cwd: '/ws/models/b' },
      { tool: 'docker', args: ['push', request.imageRef], cwd: '/ws/models/b' },
    ]);
    const prod = buildPlan({ ...request, configName: 'cog.prod.yaml' }).commands[0]!;
    expect(prod.args).toEqual(['build', '-t', request.imageRef, '-f', 'cog.prod.yaml']);
    expect(describeCommand(prod)).toBe(
      `cog build -t ${request.imageRef} -f cog.prod.yaml  (in /ws/models/b)`,
    );
  });

  it('builds with buildx when it is there, else BuildKit through docker build and docker push', () => {
    const buildx = buildPlan({ ...request, builder: 'docker' }).commands;
    expect(buildx).toHaveLength(1);
    expect(buildx[0]!.args.slice(0, 2)).toEqual(['buildx', 'build']);
    expect(buildx[0]!.cwd).toBe('/ws/models/b');
    const plain = buildPlan({ ...request, builder: 'docker', buildx: false }).commands;
    expect(plain).toEqual([
      {
        tool: 'docker',
        args: [
          'build',
          '--platform',
          'linux/amd64',
          '-f',
          '/ws/models/b/Dockerfile',
          '-t',
          request.imageRef,
          '/ws/models/b',
        ],
        cwd: '/ws/models/b',
        env: { DOCKER_BUILDKIT: '1' },
      },
      { tool: 'docker', args: ['push', request.imageRef], cwd: '/ws/models/b' },
    ]);
    expect(describeCommand(plain[0]!)).toMatch(/^DOCKER_BUILDKIT=1 docker build /);
  });
});

describe("build options in each builder's flags", () => {
  const all = {
    ...NO_BUILD_OPTIONS,
    secrets: [
      { id: 'hf', src: 'secrets/hf.txt' },
      { id: 'gh', env: 'GH_TOKEN' },
    ],
    noCache: true,
    buildArgs: ['TORCH=2.6'],
    target: 'runtime',
    labels: ['team=ml'],
    file: 'docker/Dockerfile.gpu',
    network: 'host' as const,
  };

  /** The flags docker and buildah share, for `all`. */
  const COMMON = [
    '--secret',
    'id=hf,src=secrets/hf.txt',
    '--secret',
    'id=gh,env=GH_TOKEN',
    '--no-cache',
    '--build-arg',
    'TORCH=2.6',
    '--target',
    'runtime',
    '--label',
    'team=ml',
    '--network',
    'host',
  ];

  it('docker buildx: every option, the caches as given', () => {
    const [build] = buildPlan({
      ...request,
      builder: 'docker',
      options: {
        ...all,
        progress: 'plain',
        cacheFrom: ['type=gha'],
        cacheTo: ['type=gha,mode=max'],
      },
    }).commands;
    expect(build!.args).toEqual([
      'buildx',
      'build',
      '--platform',
      'linux/amd64',
      '--push',
      '--provenance=false',
      '--sbom=false',
      ...COMMON,
      '--progress',
      'plain',
      '--cache-from',
      'type=gha',
      '--cache-to',
      'type=gha,mode=max',
      '-f',
      '/ws/models/b/docker/Dockerfile.gpu',
      '-t',
      request.imageRef,
      '/ws/models/b',
    ]);
  });

  it('docker without buildx: an image as cache source; cache-to and other cache types refused', () => {
    const [build] = buildPlan({
      ...request,
      builder: 'docker',
      buildx: false,
      options: {
        ...NO_BUILD_OPTIONS,
        cacheFrom: ['r.example/a/b:cache', 'type=registry,ref=r.example/a/b:c2'],
      },
    }).commands;
    expect(build!.args.filter((_, i, a) => a[i - 1] === '--cache-from')).toEqual([
      'r.example/a/b:cache',
      'r.example/a/b:c2',
    ]);
    const plan = (o: Partial<typeof all> & { cacheFrom?: string[]; cacheTo?: string[] }) => () =>
      buildPlan({
        ...request,
        builder: 'docker',
        buildx: false,
        options: { ...NO_BUILD_OPTIONS, ...o },
      });
    expect(plan({ cacheTo: ['type=inline'] })).toThrow(
      /^input 'cache-to' needs docker buildx, which this runner lacks/,
    );
    expect(plan({ cacheFrom: ['type=gha'] })).toThrow(
      /^input 'cache-from': "type=gha" needs docker buildx/,
    );
  });

  it('buildah: the options bud takes', () => {
    const [bud] = buildPlan({ ...request, builder: 'buildah', options: all }).commands;
    expect(bud!.args.slice(7)).toEqual([
      ...COMMON,
      '-f',
      '/ws/models/b/docker/Dockerfile.gpu',
      '-t',
      'localhost/cog-push-build:cog-push-x',
      '/ws/models/b',
    ]);
  });

  it('cog: its own flags, a bool as --flag=value (cobra takes no separate value)', () => {
    const [build] = buildPlan({
      ...request,
      options: {
        ...NO_BUILD_OPTIONS,
        secrets: [{ id: 'hf', src: 'hf.txt' }],
        noCache: true,
        file: 'Dockerfile.cog',
        progress: 'plain',
        useCudaBaseImage: 'false',
        useCogBaseImage: false,
        openapiSchema: 'openapi.json',
      },
    }).commands;
    expect(build!.args).toEqual([
      'build',
      '-t',
      request.imageRef,
      '--secret',
      'id=hf,src=hf.txt',
      '--no-cache',
      '--dockerfile',
      'Dockerfile.cog',
      '--progress',
      'plain',
      '--use-cuda-base-image',
      'false',
      '--use-cog-base-image=false',
      '--openapi-schema',
      'openapi.json',
    ]);
  });
});

const lock = {
  version: 1,
  envelopeFormat: 'sha256:x',
  weights: [
    { name: 'z-first', target: '/src/weights/z', setDigest: 'sha256:' + '1'.repeat(64) },
    { name: 'a<&>', target: '/src/weights/a', setDigest: 'sha256:' + '2'.repeat(64) },
  ],
} as unknown as Lockfile;

async function tarEntries(
  tar: Uint8Array,
): Promise<{ name: string; type: string; body: string }[]> {
  const ex = extract();
  const out: { name: string; type: string; body: string }[] = [];
  const done = (async () => {
    for await (const entry of ex) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      out.push({
        name: entry.header.name,
        type: entry.header.type ?? '',
        body: Buffer.concat(chunks).toString(),
      });
    }
  })();
  ex.end(Buffer.from(tar));
  await done;
  return out;
}

const sha = (b: Uint8Array) => 'sha256:' + createHash('sha256').update(b).digest('hex');

describe('/.cog/weights.json as a layer', () => {
  it('holds the bytes cog build writes: lockfile order, two-space indent, Go escaping, no newline', () => {
    expect(Buffer.from(weightsJsonBytes(lock)).toString()).toBe(
      '{\n  "weights": [\n    {\n      "name": "z-first",\n      "target": "/src/weights/z",\n' +
        `      "setDigest": "sha256:${'1'.repeat(64)}"\n    },\n    {\n` +
        '      "name": "a\\u003c\\u0026\\u003e",\n      "target": "/src/weights/a",\n' +
        `      "setDigest": "sha256:${'2'.repeat(64)}"\n    }\n  ]\n}`,
    );
  });

  it('is a gzip tar of .cog/ and .cog/weights.json, named by its digests', async () => {
    const json = weightsJsonBytes(lock);
    const layer = weightsJsonLayer(json);
    const tar = gunzipSync(layer.blob);
    expect(layer.digest).toBe(sha(layer.blob));
    expect(layer.diffId).toBe(sha(tar));
    expect(await tarEntries(tar)).toEqual([
      { name: '.cog/', type: 'directory', body: '' },
      { name: '.cog/weights.json', type: 'file', body: Buffer.from(json).toString() },
    ]);
    // The same lockfile gives the same layer.
    expect(weightsJsonLayer(json).digest).toBe(layer.digest);
  });

  const layer = weightsJsonLayer(weightsJsonBytes(lock));
  const config = {
    architecture: 'amd64',
    os: 'linux',
    created: '2026-01-01T00:00:00Z',
    config: { Env: ['PATH=/bin'], WorkingDir: '/src' },
    rootfs: { type: 'layers', diff_ids: ['sha256:' + 'a'.repeat(64)] },
    history: [{ created_by: 'COPY . /src' }],
  };
  const manifest = (mediaType: string, layerType: string) => ({
    schemaVersion: 2,
    mediaType,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: 'sha256:c', size: 1 },
    layers: [{ mediaType: layerType, digest: 'sha256:' + 'b'.repeat(64), size: 10 }],
    annotations: { keep: 'me' },
  });
  const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

  it('goes on top of an OCI image: diff_id, history, config and manifest rewritten, the rest kept', () => {
    const m = manifest(
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.oci.image.layer.v1.tar+gzip',
    );
    const out = appendLayer(enc(m), m.mediaType, enc(config), layer, 'img');
    const newConfig = JSON.parse(Buffer.from(out.config).toString());
    expect(newConfig).toEqual({
      ...config,
      rootfs: { type: 'layers', diff_ids: [...config.rootfs.diff_ids, layer.diffId] },
      history: [
        ...config.history,
        { created_by: WEIGHTS_JSON_HISTORY, created: '2026-01-01T00:00:00Z' },
      ],
    });
    expect(JSON.parse(Buffer.from(out.manifest).toString())).toEqual({
      ...m,
      config: { ...m.config, digest: sha(out.config), size: out.config.length },
      layers: [
        ...m.layers,
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: layer.digest,
          size: layer.blob.length,
        },
      ],
    });
  });

  it('takes the Docker layer media type in a Docker manifest', () => {
    const m = manifest(
      'application/vnd.docker.distribution.manifest.v2+json',
      'application/vnd.docker.image.rootfs.diff.tar.gzip',
    );
    const out = JSON.parse(
      Buffer.from(appendLayer(enc(m), m.mediaType, enc(config), layer, 'img').manifest).toString(),
    );
    expect(out.layers[1].mediaType).toBe('application/vnd.docker.image.rootfs.diff.tar.gzip');
  });

  it('refuses an image whose config and layers disagree, naming it', () => {
    const m = manifest(
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.oci.image.layer.v1.tar+gzip',
    );
    const bad = { ...config, rootfs: { type: 'layers', diff_ids: [] } };
    expect(() => appendLayer(enc(m), m.mediaType, enc(bad), layer, 'r/x@sha256:1')).toThrow(
      'r/x@sha256:1: the image config lists 0 diff_ids for 1 layers',
    );
    expect(() => appendLayer(enc(m), m.mediaType, enc(null), layer, 'r/x@sha256:1')).toThrow(
      'r/x@sha256:1: image config is not a JSON object',
    );
  });
});
