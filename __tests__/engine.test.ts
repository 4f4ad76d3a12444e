// The build half against a real Docker engine (the run's own dockerd, started by the global
// setup): images built by `docker build`, pushed by the engine, saved with `docker save`, and
// by Cog (a stand-in that finds its config as Cog does and builds on the engine), each read
// back by pulling what the outputs name and running it.

import { cpSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionRunner, errorLines, EXAMPLE } from './helpers/action.js';
import { REPO_ROOT } from './helpers/conformance.js';
import { writeCogStandIn } from './helpers/cog-standin.js';
import { BASE_IMAGE, docker, engineEnv, type Engine } from './helpers/engine.js';
import {
  expectNoManifest,
  skopeoCopy,
  skopeoRaw,
  startFaultProxy,
  startRegistry,
  type FaultProxy,
  type Registry,
} from './helpers/registry.js';
import { tempDir, writeTree } from './helpers/tmp.js';

const root = tempDir('engine-');
const { runAction, exampleCopy } = actionRunner(root);
const info = inject('engine');

const lock = JSON.parse(readFileSync(path.join(EXAMPLE, 'weights.lock'), 'utf8')) as {
  weights: { name: string; target: string; setDigest: string; digest: string }[];
};
/** What `cog build` writes from the example's weights.lock (Go's MarshalIndent, two spaces). */
const WEIGHTS_JSON = JSON.stringify(
  {
    weights: lock.weights.map((w) => ({ name: w.name, target: w.target, setDigest: w.setDigest })),
  },
  null,
  2,
);

/** Processes whose command line holds `text` (a builder still running for that image). */
function processesWith(text: string): number[] {
  const pids: number[] = [];
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p) || Number(p) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(text)) pids.push(Number(p));
    } catch {
      // Gone while we looked.
    }
  }
  return pids;
}

const suite = info.ok ? describe : describe.skip;
const title = info.ok ? 'a real Docker engine' : `a real Docker engine (skipped: ${info.reason})`;

suite(title, () => {
  const engine = (info as { ok: true; engine: Engine }).engine;
  const env = () => engineEnv(engine);
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'registry'));
  });
  afterAll(() => registry?.stop());

  /** Pull `ref` by digest into the engine and run `args` in it (no network). */
  async function runIn(ref: string, args: string[]): Promise<string> {
    await docker(engine, ['pull', '-q', ref]);
    return docker(engine, ['run', '--rm', '--network', 'none', ref, ...args]);
  }

  it('builds three projects of one repository at once, each in its own directory, with cog', async () => {
    // A repository as a monorepo lays it out: a decoy cog.yaml at its root, three models
    // below, one of them configured by cog.prod.yaml beside a decoy cog.yaml of its own.
    const workspace = path.join(root, 'monorepo');
    const decoy = (name: string) =>
      `build:\n  python_version: '3.12'\npredict: predict.py:Predictor\nmodel: ${registry.host}/matrix/${name}\n`;
    writeTree(workspace, { 'cog.yaml': decoy('decoy'), 'predict.py': '# the decoy at the root\n' });
    for (const name of ['a', 'b', 'c']) {
      const dir = path.join(workspace, 'models', name);
      cpSync(EXAMPLE, dir, { recursive: true });
      rmSync(path.join(dir, 'image'), { recursive: true });
      const config = readFileSync(path.join(dir, 'cog.yaml'), 'utf8').replace(
        /^model: .*$/m,
        `model: ${registry.host}/matrix/${name}`,
      );
      writeFileSync(path.join(dir, 'predict.py'), `# model ${name}\n`);
      if (name === 'b') {
        writeFileSync(path.join(dir, 'cog.prod.yaml'), config);
        writeFileSync(path.join(dir, 'cog.yaml'), decoy('b-decoy'));
      } else writeFileSync(path.join(dir, 'cog.yaml'), config);
    }
    const bin = path.join(root, 'cog-bin');
    const log = path.join(root, 'cog-calls.log');
    writeCogStandIn(bin, log);
    const runEnv = {
      ...env(),
      GITHUB_WORKSPACE: workspace,
      PATH: `${bin}${path.delimiter}${env()['PATH']}`,
      HF_TOKEN: 'hf_the-value-itself',
    };
    // Model c with Cog's own build flags, as inputs: Cog receives them as its flags.
    const cogOptions = {
      secrets: 'id=hf,env=HF_TOKEN',
      'no-cache': 'true',
      progress: 'plain',
      'use-cuda-base-image': 'false',
      'use-cog-base-image': 'false',
      'openapi-schema': 'openapi.json',
    };
    const job = (name: string) =>
      runAction(
        {
          'working-directory': `models/${name}`,
          ...(name === 'b' ? { config: 'cog.prod.yaml' } : {}),
          ...(name === 'c' ? cogOptions : {}),
          build: 'cog',
          tag: 'v1',
        },
        runEnv,
      );

    const runs = await Promise.all(['a', 'b', 'c'].map(job));
    const all = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { cwd: string; argv: string[] });
    // Each job asks Cog its version once before it builds (a model project needs v0.20.0).
    const asked = all.filter((c) => c.argv.join(' ') === '--version');
    expect(asked.length).toBe(3);
    const calls = all.filter((c) => !asked.includes(c)).sort((x, y) => x.cwd.localeCompare(y.cwd));
    expect(calls).toEqual(
      ['a', 'b', 'c'].map((name) => ({
        cwd: path.join(workspace, 'models', name),
        argv: [
          'build',
          '-t',
          `${registry.host}/matrix/${name}:cog-image.v1`,
          ...(name === 'b' ? ['-f', 'cog.prod.yaml'] : []),
          ...(name === 'c'
            ? [
                '--secret',
                'id=hf,env=HF_TOKEN',
                '--no-cache',
                '--progress',
                'plain',
                '--use-cuda-base-image',
                'false',
                '--use-cog-base-image=false',
                '--openapi-schema',
                'openapi.json',
              ]
            : []),
        ],
      })),
    );
    // The env= secret's value is masked (the runner hides it, should a step print it), and
    // shown on no other line.
    const lines = runs[2]!.stdout.split('\n');
    expect(lines).toContain('::add-mask::hf_the-value-itself');
    expect(lines.filter((l) => !l.startsWith('::add-mask::')).join('\n')).not.toContain(
      'hf_the-value-itself',
    );
    for (const [i, name] of ['a', 'b', 'c'].entries()) {
      const r = runs[i]!;
      expect(errorLines(r)).toEqual([]);
      expect(r.status).toBe(0);
      // Cog wrote the file itself: nothing was added.
      expect(r.stdout).not.toContain('it had no /.cog/weights.json');
      const repo = `${registry.host}/matrix/${name}`;
      const index = JSON.parse((await skopeoRaw(`${repo}:v1`)).toString());
      expect(index.manifests[0].digest).toBe(r.outputs['image-digest']);
      const image = `${repo}@${r.outputs['image-digest']}`;
      // Each model's index names the image of its own project.
      expect(await runIn(image, ['cat', '/src/predict.py'])).toBe(`# model ${name}\n`);
      expect(await runIn(image, ['cat', '/.cog/weights.json'])).toBe(WEIGHTS_JSON);
    }
    // A dry run says what it would run, and where.
    const dry = await runAction(
      {
        'working-directory': 'models/b',
        config: 'cog.prod.yaml',
        build: 'cog',
        tag: 'v0',
        'dry-run': 'true',
      },
      runEnv,
    );
    expect(errorLines(dry)).toEqual([]);
    expect(dry.stdout).toContain(
      `would run: cog build -t ${registry.host}/matrix/b:cog-image.v0 -f cog.prod.yaml  (in ${path.join(workspace, 'models/b')})`,
    );
  });

  it('builds a Dockerfile with docker build (no buildx), adds /.cog/weights.json, and keeps the weights out', async () => {
    const dir = exampleCopy('docker-project');
    const abs = path.join(REPO_ROOT, dir);
    writeTree(abs, {
      Dockerfile: `FROM ${BASE_IMAGE}\nWORKDIR /src\nCOPY . /src\n`,
      // What the README tells users: weights reach the model through the registry, not the image.
      '.dockerignore': 'weights/\n.cog/\nimage/\n',
    });
    const repo = `${registry.host}/engine/docker`;
    const r = await runAction(
      {
        'working-directory': dir,
        registry: registry.host,
        repository: 'engine/docker',
        tag: 'v1',
        build: 'docker',
      },
      env(),
    );
    expect(errorLines(r)).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'docker: no buildx plugin here; building with DOCKER_BUILDKIT=1 docker build, then docker push',
    );
    expect(r.stdout).toContain('image: it had no /.cog/weights.json');
    // The summary's image row: how it was made, its size, who sent its bytes, the time.
    expect(r.summary).toMatch(
      /\n\| image \| size \| uploaded \| time \|\n\|---\|---:\|---:\|---:\|\n\| built with docker \| [\d.]+ (B|KiB|MiB) \| by the builder \| \d+\.\d s \|\n/,
    );
    const image = `${repo}@${r.outputs['image-digest']}`;
    expect(await runIn(image, ['cat', '/.cog/weights.json'])).toBe(WEIGHTS_JSON);
    expect(await runIn(image, ['ls', '/src'])).toBe(
      'Dockerfile\ncog.yaml\npredict.py\nweights.lock\n',
    );
    // The index, pulled by its digest, as a release workflow pins it.
    await docker(engine, ['pull', '-q', `${repo}@${r.outputs['digest']}`]);
    const index = JSON.parse((await skopeoRaw(`${repo}@${r.outputs['digest']}`)).toString());
    expect(index.manifests[0].digest).toBe(r.outputs['image-digest']);
  });

  it('docker build with a secret, network host, build args and labels: the secret is in no layer, log or summary', async () => {
    const SECRET = 'tok_9f8e7d6c5b4a-the-secret';
    const dir = exampleCopy('docker-options');
    const abs = path.join(REPO_ROOT, dir);
    writeTree(abs, {
      // On this engine (no bridge) a RUN step needs network: host.
      Dockerfile: [
        `FROM ${BASE_IMAGE}`,
        'ARG GREETING',
        'RUN --mount=type=secret,id=token wc -c < /run/secrets/token > /token-length && echo "$GREETING" > /greeting',
        'COPY predict.py /src/',
        '',
      ].join('\n'),
      'secrets/token.txt': SECRET,
      '.dockerignore': 'weights/\n.cog/\nimage/\nsecrets/\n',
    });
    const repo = `${registry.host}/engine/options`;
    const r = await runAction(
      {
        'working-directory': dir,
        registry: registry.host,
        repository: 'engine/options',
        tag: 'v1',
        build: 'docker',
        secrets: 'id=token,src=secrets/token.txt',
        network: 'host',
        'build-args': 'GREETING=hello, world',
        labels: 'org.example.team=ml\nnote=a, b',
        progress: 'plain',
      },
      env(),
    );
    expect(errorLines(r)).toEqual([]);
    const image = `${repo}@${r.outputs['image-digest']}`;
    expect((await runIn(image, ['cat', '/token-length'])).trim()).toBe(String(SECRET.length));
    expect(await runIn(image, ['cat', '/greeting'])).toBe('hello, world\n');
    const labels = JSON.parse(
      await docker(engine, ['image', 'inspect', image, '--format', '{{json .Config.Labels}}']),
    );
    expect(labels).toMatchObject({ 'org.example.team': 'ml', note: 'a, b' });
    // The secret: in no blob of the image (layers gunzipped), not in the log, not in the summary.
    const blobs = await skopeoCopy(image, path.join(root, 'options-copy'));
    for (const file of blobs.values()) {
      const bytes = readFileSync(file);
      const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
      expect(plain.includes(SECRET)).toBe(false);
    }
    expect(r.stdout).not.toContain(SECRET);
    expect(r.summary).not.toContain(SECRET);
    expect(r.stdout).toContain('--secret id=token,src=secrets/token.txt');

    // A missing secret file fails before the build, naming it.
    const missing = await runAction(
      {
        'working-directory': dir,
        registry: registry.host,
        repository: 'engine/options',
        tag: 'v2',
        build: 'docker',
        secrets: 'id=token,src=secrets/none.txt',
      },
      env(),
    );
    expect(errorLines(missing)).toEqual([
      expect.stringMatching(
        /input 'secrets': secret "token" reads .*secrets\/none\.txt, which is not there/,
      ),
    ]);
    expect(missing.stdout).not.toContain('$ docker build');
  });

  it('cache-from reuses the layers of an image pushed with inline cache; no-cache rebuilds; cache-to needs buildx', async () => {
    const dir = exampleCopy('docker-cache');
    writeTree(path.join(REPO_ROOT, dir), {
      Dockerfile: `FROM ${BASE_IMAGE}\nRUN cat /proc/sys/kernel/random/uuid > /stamp\nCOPY predict.py /src/\n`,
      '.dockerignore': 'weights/\n.cog/\nimage/\n',
    });
    const repo = `${registry.host}/engine/cache`;
    const publish = async (tag: string, more: Record<string, string>) => {
      const r = await runAction(
        {
          'working-directory': dir,
          registry: registry.host,
          repository: 'engine/cache',
          tag,
          build: 'docker',
          network: 'host',
          progress: 'plain',
          ...more,
        },
        env(),
      );
      expect(errorLines(r)).toEqual([]);
      const stamp = await runIn(`${repo}@${r.outputs['image-digest']}`, ['cat', '/stamp']);
      return { r, stamp };
    };
    const first = await publish('v1', { 'build-args': 'BUILDKIT_INLINE_CACHE=1' });
    // A fresh runner: no local build cache, no local images.
    await docker(engine, ['builder', 'prune', '-af']);
    const built = (await docker(engine, ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']))
      .split('\n')
      .filter((ref) => ref.startsWith(repo) && !ref.endsWith(':<none>'));
    if (built.length > 0) await docker(engine, ['image', 'rm', '-f', ...built]);
    const second = await publish('v2', { 'cache-from': `${repo}:cog-image.v1` });
    expect(second.stamp).toBe(first.stamp);
    expect(second.r.stdout).toMatch(/CACHED/);
    const rebuilt = await publish('v3', {
      'cache-from': `${repo}:cog-image.v1`,
      'no-cache': 'true',
    });
    expect(rebuilt.stamp).not.toBe(first.stamp);
    const refused = await runAction(
      {
        'working-directory': dir,
        registry: registry.host,
        repository: 'engine/cache',
        tag: 'v4',
        build: 'docker',
        'cache-to': 'type=inline',
      },
      env(),
    );
    expect(errorLines(refused)).toEqual([
      expect.stringMatching(
        /^::error::input 'cache-to' needs docker buildx, which this runner lacks/,
      ),
    ]);
  });

  it('publishes prebuilt images the engine pushed and saved', async () => {
    const ctx = writeTree(path.join(root, 'prebuilt-ctx'), {
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY hello.txt /hello.txt\n`,
      'hello.txt': 'prebuilt\n',
    });
    const source = `${registry.host}/engine/source:1`;
    await docker(engine, ['build', '-q', '-t', source, ctx]);
    await docker(engine, ['push', '-q', source]);
    const archive = path.join(root, 'saved.tar');
    await docker(engine, ['save', '-o', archive, source]);

    const uploaded: Record<string, number> = {};
    for (const [repository, image, more] of [
      ['engine/from-registry', source, {}],
      ['engine/from-save', `docker-archive:${archive}`, {}],
      ['engine/from-save-plain', `docker-archive:${archive}`, { 'compress-layers': 'false' }],
    ] as const) {
      const r = await runAction(
        {
          'working-directory': 'examples/hello',
          registry: registry.host,
          repository,
          tag: 'v1',
          build: 'none',
          image,
          ...more,
        },
        env(),
      );
      expect(errorLines(r)).toEqual([]);
      expect(r.status).toBe(0);
      const repo = `${registry.host}/${repository}`;
      await docker(engine, ['pull', '-q', `${repo}@${r.outputs['digest']}`]);
      const pinned = `${repo}@${r.outputs['image-digest']}`;
      expect(await runIn(pinned, ['cat', '/hello.txt', '/.cog/weights.json'])).toBe(
        `prebuilt\n${WEIGHTS_JSON}`,
      );
      uploaded[repository] = Number(/\((\d+) bytes uploaded\)/.exec(r.stdout)?.[1]);
      const manifest = JSON.parse((await skopeoRaw(pinned)).toString());
      const types = new Set(manifest.layers.map((l: { mediaType: string }) => l.mediaType));
      if (repository === 'engine/from-save') {
        // docker save holds plain tars: they went up gzip-compressed, as docker push sends them.
        expect(r.stdout).toMatch(
          /image: 2 uncompressed layer\(s\) of docker-archive:.* go up gzip-compressed \(.* → .*\), so the image digest is sha256:[0-9a-f]{64}, not the archive's sha256:[0-9a-f]{64}/,
        );
        expect([...types]).toEqual(['application/vnd.docker.image.rootfs.diff.tar.gzip']);
        // The summary says so too, in the image row.
        expect(r.summary).toMatch(
          /\| from docker-archive:.*saved\.tar, 2 layer\(s\) gzip-compressed on the way: the image digest is not the archive's sha256:[0-9a-f]{12}… \|/,
        );
      }
      // Kept as the archive holds them (the /.cog/weights.json layer added here is gzip).
      if (repository === 'engine/from-save-plain')
        expect(manifest.layers[0].mediaType).toBe('application/vnd.docker.image.rootfs.diff.tar');
    }
    // busybox is a static binary: it compresses to about half (a Python image, to a quarter).
    expect(uploaded['engine/from-save']).toBeLessThan(uploaded['engine/from-save-plain']! * 0.6);
  });

  describe('when the weights fail', () => {
    let proxy: FaultProxy;
    let building = '';
    let runningAtRefusal = false;
    beforeAll(async () => {
      proxy = await startFaultProxy(registry.host, (req) => {
        // The first blob upload is held until the build runs, then refused.
        if (req.method === 'POST' && (req.url ?? '').includes('/blobs/uploads/') && building)
          return {
            kind: 'hold',
            until: () => (runningAtRefusal ||= processesWith(building).length > 0),
            ms: 20_000,
            then: { kind: 'status', status: 400 },
          };
        return { kind: 'pass' };
      });
    });
    afterAll(() => proxy?.stop());

    it('a failed weight upload stops a running docker build, and no index is pushed', async () => {
      const dir = exampleCopy('docker-busy');
      const abs = path.join(REPO_ROOT, dir);
      // A large COPY keeps the build busy for seconds: 3 GiB, sparse on disk.
      writeTree(abs, {
        Dockerfile: `FROM ${BASE_IMAGE}\nCOPY big.bin /big.bin\n`,
        '.dockerignore': 'weights/\nimage/\n',
        'big.bin': '',
      });
      truncateSync(path.join(abs, 'big.bin'), 3 * 1024 ** 3);
      const ref = `${proxy.host}/engine/busy:cog-image.v1`;
      building = ref;
      const r = await runAction(
        {
          'working-directory': dir,
          registry: proxy.host,
          repository: 'engine/busy',
          tag: 'v1',
          build: 'docker',
        },
        env(),
      );
      building = '';
      expect(runningAtRefusal).toBe(true);
      expect(r.status).toBe(1);
      expect(errorLines(r)).toHaveLength(1);
      expect(errorLines(r)[0]).toMatch(/answered 400/);
      // Nothing of the build is left running, and it never finished.
      expect(processesWith(ref)).toEqual([]);
      await expect(docker(engine, ['image', 'inspect', ref])).rejects.toThrow(/No such image/);
      await expectNoManifest(`${registry.host}/engine/busy:v1`);
      await expectNoManifest(`${registry.host}/engine/busy:cog-image.v1`);
      rmSync(path.join(abs, 'big.bin'));
    });
  });
});
