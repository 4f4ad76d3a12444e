// The action as the runner runs it: `node dist/index.js` with INPUT_* variables and the
// runner's files, against the real registry; then skopeo checks that the index, image and
// weight manifests are exactly where the outputs say.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseInputs } from '../src/config/inputs.js';
import { REPO_ROOT } from './helpers/conformance.js';
import {
  PASSWORD,
  freePort,
  USER,
  expectNoManifest,
  skopeoCopy,
  skopeoRaw,
  startFaultProxy,
  startRegistry,
  type Registry,
} from './helpers/registry.js';
import { startCacheService, type CacheService } from './helpers/cache-service.js';
import {
  actionRunner,
  digestOf,
  errorLines,
  EXAMPLE,
  PREBUILT,
  type ActionRun,
} from './helpers/action.js';
import { tempDir, writeTree } from './helpers/tmp.js';
import { startFileServer } from './helpers/file-server.js';

const root = tempDir('action-');
const lock = JSON.parse(readFileSync(path.join(EXAMPLE, 'weights.lock'), 'utf8'));

const { runAction, exampleCopy } = actionRunner(root);

function spawnSyncChecked(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return r.stdout;
}

const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8'));

describe('action.yml', () => {
  it('runs dist/index.js on node24 and declares exactly the inputs the parser reads', async () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    const read: string[] = [];
    parseInputs((name) => (read.push(name), name === 'image' ? 'oci-layout:x' : ''), {
      workspace: '/w',
      modelRef: {},
    });
    expect(Object.keys(action.inputs).sort()).toEqual([...new Set(read)].sort());
  });
});

describe('the action against a registry', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'registry'));
  });
  afterAll(() => registry.stop());

  it('publishes weights, image and index; skopeo finds each where the outputs say', async () => {
    const r = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      tag: 'v1',
      ...PREBUILT,
    });
    expect(errorLines(r)).toEqual([]);
    expect(r.status).toBe(0);
    const o = r.outputs;
    expect(Object.keys(o).sort()).toEqual(Object.keys(action.outputs).sort());
    const repo = `${registry.host}/examples/hello`;
    expect(o['tag']).toBe('v1');
    expect(o['tagged-ref']).toBe(`${repo}:v1`);
    expect(o['ref']).toBe(`${repo}@${o['digest']}`);
    const index = JSON.parse((await skopeoRaw(`${repo}:v1`)).toString());
    expect(
      'sha256:' +
        (await import('node:crypto'))
          .createHash('sha256')
          .update(await skopeoRaw(`${repo}:v1`))
          .digest('hex'),
    ).toBe(o['digest']);
    expect(index.manifests[0].digest).toBe(o['image-digest']);
    expect(o['image-ref']).toBe(`${repo}@${o['image-digest']}`);
    const image = await skopeoRaw(`${repo}:cog-image.v1`);
    expect(digestOf(image)).toBe(o['image-digest']);
    const weights = JSON.parse(o['weights']!);
    expect(weights).toEqual(
      lock.weights.map((w: { name: string; setDigest: string; digest: string; size: number }) => ({
        name: w.name,
        setDigest: w.setDigest,
        ref: `${repo}@${w.digest}`,
        tag: `cog-weight.${w.name}.${w.setDigest.slice(7, 19)}`,
        size: w.size,
      })),
    );
    for (const w of weights) {
      const raw = await skopeoRaw(`${repo}:${w.tag}`);
      expect(`${repo}@${digestOf(raw)}`).toBe(w.ref);
    }
    expect(index.manifests.slice(1).map((m: { digest: string }) => m.digest)).toEqual(
      lock.weights.map((w: { digest: string }) => w.digest),
    );
    const metadata = JSON.parse(o['metadata']!);
    expect(metadata.weightBytesUploaded).toBeGreaterThan(0);
    expect(metadata.weightBytesSkipped).toBe(0);
    // Cog's ref tree in the log and the summary.
    const tree = [
      `  model   ${repo}@${o['digest']}`,
      `  ├─ image   ${repo}@${o['image-digest']}`,
      `  ├─ weight  tokenizer  ${weights[0].ref}`,
      `  └─ weight  encoder    ${weights[1].ref}`,
    ].join('\n');
    expect(r.stdout).toContain(tree);
    expect(r.summary).toContain(tree);
    expect(r.summary).toMatch(/\| tokenizer \| .* \| from source \|/);
    expect(r.stdout).toContain('image .cog/weights.json matches weights.lock (2 weight(s))');
  });

  it('a second run uploads zero weight bytes', async () => {
    const publish = (tag: string) =>
      runAction({
        'working-directory': 'examples/hello',
        registry: registry.host,
        repository: 'second/run',
        tag,
        ...PREBUILT,
      });
    const first = await publish('v1');
    expect(first.status).toBe(0);
    expect(JSON.parse(first.outputs['metadata']!).weightBytesUploaded).toBeGreaterThan(0);
    const r = await publish('v2');
    expect(r.status).toBe(0);
    const metadata = JSON.parse(r.outputs['metadata']!);
    expect(metadata.weightBytesUploaded).toBe(0);
    expect(metadata.weightOrigins).toEqual({ tokenizer: 'registry', encoder: 'registry' });
  });

  it('builds the image with buildah (chroot isolation, vfs storage) and publishes it', async () => {
    const r = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'built/buildah',
      tag: 'v1',
      build: 'buildah',
    });
    expect(errorLines(r)).toEqual([]);
    expect(r.status).toBe(0);
    const repo = `${registry.host}/built/buildah`;
    const image = await skopeoRaw(`${repo}:cog-image.v1`);
    expect(digestOf(image)).toBe(r.outputs['image-digest']);
    const manifest = JSON.parse(image.toString());
    // The Dockerfile's layer, and /.cog/weights.json added on top (the Dockerfile has none).
    expect(manifest.layers).toHaveLength(2);
    expect(r.stdout).toContain('image: it had no /.cog/weights.json');
    const index = JSON.parse((await skopeoRaw(`${repo}:v1`)).toString());
    expect(index.manifests[0].digest).toBe(r.outputs['image-digest']);
    expect(r.stdout).toContain(
      '$ buildah bud --storage-driver vfs --isolation chroot --platform linux/amd64',
    );
  });

  it('buildah takes file, target, build-args and labels', async () => {
    const dir = exampleCopy('buildah-options');
    writeTree(path.join(REPO_ROOT, dir), {
      'docker/Dockerfile.alt': [
        'FROM scratch AS base',
        'ARG GREETING',
        'LABEL greeting=$GREETING',
        'COPY predict.py /src/',
        'FROM base AS extra',
        'COPY cog.yaml /src/',
        '',
      ].join('\n'),
    });
    const r = await runAction({
      'working-directory': dir,
      registry: registry.host,
      repository: 'built/buildah-options',
      tag: 'v1',
      build: 'buildah',
      file: 'docker/Dockerfile.alt',
      target: 'base',
      'build-args': 'GREETING=hello, world',
      labels: 'team=ml',
    });
    expect(errorLines(r)).toEqual([]);
    const ref = `${registry.host}/built/buildah-options@${r.outputs['image-digest']}`;
    const manifest = JSON.parse((await skopeoRaw(ref)).toString());
    // The base stage's one layer (not the extra stage's), and /.cog/weights.json on top.
    expect(manifest.layers).toHaveLength(2);
    const config = JSON.parse(
      spawnSyncChecked('skopeo', ['inspect', '--tls-verify=false', '--config', `docker://${ref}`]),
    );
    expect(config.config.Labels).toMatchObject({ greeting: 'hello, world', team: 'ml' });
  });

  it('buildah takes a secret and network: host; the secret is readable in RUN and in no layer, log or summary', async () => {
    const SECRET = 'tok_buildah-5e4d3c2b1a-the-secret';
    const dir = exampleCopy('buildah-secret');
    const project = path.join(REPO_ROOT, dir);
    // No base image can be pulled here: a scratch image with a static busybox to RUN in.
    const busybox = spawnSyncChecked('sh', ['-c', 'command -v busybox']).trim();
    cpSync(busybox, path.join(project, 'busybox'));
    writeTree(project, {
      Dockerfile: [
        'FROM scratch',
        'COPY busybox /bin/busybox',
        // Keeps only the secret's SHA-256 (the RUN line itself goes into the config's history).
        'RUN --mount=type=secret,id=token ["/bin/busybox", "sh", "-c", "/bin/busybox sha256sum < /run/secrets/token > /token-sha256"]',
        '',
      ].join('\n'),
      'secrets/token.txt': SECRET,
    });
    const r = await runAction({
      'working-directory': dir,
      registry: registry.host,
      repository: 'built/buildah-secret',
      tag: 'v1',
      build: 'buildah',
      secrets: 'id=token,src=secrets/token.txt',
      network: 'host',
    });
    expect(errorLines(r)).toEqual([]);
    expect(r.stdout).toContain(`--secret id=token,src=secrets/token.txt --network host`);
    const ref = `${registry.host}/built/buildah-secret@${r.outputs['image-digest']}`;
    const blobs = await skopeoCopy(ref, path.join(root, 'buildah-secret-copy'));
    const hash = createHash('sha256').update(SECRET).digest('hex');
    let readable = false;
    for (const file of blobs.values()) {
      const bytes = readFileSync(file);
      const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
      expect(plain.includes(SECRET)).toBe(false);
      // The RUN step's layer holds /token-sha256: the secret's digest, nothing of the secret.
      readable ||= plain.includes(hash);
    }
    expect(readable).toBe(true);
    expect(r.stdout).not.toContain(SECRET);
    expect(r.summary).not.toContain(SECRET);
  });

  it('import-weights: true packs the weights and writes weights.lock', async () => {
    const dir = exampleCopy('import');
    const lockPath = path.join(REPO_ROOT, dir, 'weights.lock');
    rmSync(lockPath);
    const inputs = {
      'working-directory': dir,
      registry: registry.host,
      repository: 'imported/model',
      ...PREBUILT,
    };
    const missing = await runAction({ ...inputs, tag: 'v0' });
    expect(errorLines(missing)[0]).toMatch(
      /weights\.lock not found, but cog\.yaml declares 2 weight\(s\).*import-weights: true/,
    );
    const r = await runAction({ ...inputs, tag: 'v1', 'import-weights': 'true' });
    expect(errorLines(r)).toEqual([]);
    expect(r.outputs['lockfile']).toBe(lockPath);
    const written = JSON.parse(readFileSync(lockPath, 'utf8'));
    const strip = (l: { weights: { importedAt: string }[] }) => ({
      ...l,
      weights: l.weights.map((w) => ({ ...w, importedAt: '' })),
    });
    expect(strip(written)).toEqual(strip(lock));
    expect(JSON.parse(r.outputs['metadata']!).lockfileChanged).toBe(true);
    const statuses = (run: ActionRun) =>
      JSON.parse(run.outputs['metadata']!).imported.map(
        (i: { name: string; files: number; bytes: number; status: string }) =>
          `${i.name} ${i.files} ${i.bytes} ${i.status}`,
      );
    const sizes = lock.weights.map(
      (w: { name: string; files: unknown[]; size: number }) =>
        `${w.name} ${w.files.length} ${w.size}`,
    );
    expect(statuses(r)).toEqual(sizes.map((x: string) => `${x} new`));
    expect(r.summary).toMatch(/\| tokenizer \| .* \| from source \| new, 2 file\(s\) \|/);
    // A second import of unchanged weights rewrites nothing.
    const before = readFileSync(lockPath, 'utf8');
    const again = await runAction({ ...inputs, tag: 'v2', 'import-weights': 'true' });
    expect(JSON.parse(again.outputs['metadata']!).lockfileChanged).toBe(false);
    expect(statuses(again)).toEqual(sizes.map((x: string) => `${x} unchanged`));
    expect(readFileSync(lockPath, 'utf8')).toBe(before);
  });

  it('import-weights: true takes the fast path for unchanged URL sources: one HEAD each, no download', async () => {
    // The encoder weight from two http sources (the same two files as its directory), so the
    // prebuilt image's .cog/weights.json still matches.
    const files = path.join(EXAMPLE, 'weights/encoder');
    const served = ['model.safetensors', 'config.json'].map((name) => {
      const body = readFileSync(path.join(files, name));
      return [name, { body, etag: `"${digestOf(body)}"` }] as const;
    });
    const etags = new Map(served.map(([name, f]) => [name, f.etag]));
    const server = await startFileServer(
      Object.fromEntries(served.map(([name, f]) => [name, f.body])),
      { etag: (name) => etags.get(name) },
    );
    const seen = () => server.seen.map((r) => `${r.method} ${r.url}`);
    try {
      const dir = exampleCopy('import-http');
      const project = path.join(REPO_ROOT, dir);
      rmSync(path.join(project, 'weights.lock'));
      const origin = server.origin;
      writeFileSync(
        path.join(project, 'cog.yaml'),
        readFileSync(path.join(project, 'cog.yaml'), 'utf8').replace(
          '      uri: ./weights/encoder',
          `      - uri: ${origin}/model.safetensors\n      - uri: ${origin}/config.json`,
        ),
      );
      const inputs = {
        'working-directory': dir,
        registry: registry.host,
        repository: 'imported/http',
        'import-weights': 'true',
        ...PREBUILT,
      };
      const first = await runAction({ ...inputs, tag: 'v1' });
      expect(errorLines(first)).toEqual([]);
      expect(
        seen()
          .filter((s) => s.startsWith('GET'))
          .sort(),
      ).toEqual(['GET /config.json', 'GET /model.safetensors']);
      const written = JSON.parse(readFileSync(path.join(project, 'weights.lock'), 'utf8'));
      const encoder = written.weights.find((w: { name: string }) => w.name === 'encoder');
      const committed = lock.weights.find((w: { name: string }) => w.name === 'encoder');
      expect(encoder.digest).toBe(committed.digest);
      expect(encoder.sources.map((s: { fingerprint: string }) => s.fingerprint)).toEqual([
        `etag:"${digestOf(readFileSync(path.join(files, 'model.safetensors')))}"`,
        `etag:"${digestOf(readFileSync(path.join(files, 'config.json')))}"`,
      ]);

      const before = server.seen.length;
      const second = await runAction({ ...inputs, tag: 'v2' });
      expect(errorLines(second)).toEqual([]);
      expect(seen().slice(before).sort()).toEqual(['HEAD /config.json', 'HEAD /model.safetensors']);
      expect(second.stdout).toMatch(/weight encoder: 2 file\(s\), .*, unchanged/);
      expect(JSON.parse(second.outputs['metadata']!).lockfileChanged).toBe(false);
      expect(second.outputs['digest']).toMatch(/^sha256:/);
    } finally {
      await server.close();
    }
  });

  it('publishes a legacy image: project as the single image, as Cog does', async () => {
    const dir = exampleCopy('legacy');
    const project = path.join(REPO_ROOT, dir);
    writeFileSync(
      path.join(project, 'cog.yaml'),
      `image: ${registry.host}/legacy/app\npredict: predict.py:Predictor\n`,
    );
    const r = await runAction({ 'working-directory': dir, ...PREBUILT });
    expect(errorLines(r)).toEqual([]);
    const repo = `${registry.host}/legacy/app`;
    expect(r.outputs['tag']).toBe('latest');
    expect(r.outputs['digest']).toBe(r.outputs['image-digest']);
    expect(r.outputs['ref']).toBe(`${repo}@${r.outputs['image-digest']}`);
    expect(r.stdout).toContain(`\n  image  ${repo}@${r.outputs['image-digest']}\n`);
    const raw = await skopeoRaw(`${repo}:latest`);
    expect(digestOf(raw)).toBe(r.outputs['image-digest']);
  });

  it('copies a prebuilt registry image, mounting its blobs within the same registry', async () => {
    // The source: the example's image, published into this registry first.
    const published = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'mount/source',
      tag: 'v1',
      ...PREBUILT,
    });
    expect(published.status).toBe(0);
    const source = `${registry.host}/mount/source:cog-image.v1`;
    const r = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'mounted/model',
      tag: 'v1',
      build: 'none',
      image: source,
    });
    expect(errorLines(r)).toEqual([]);
    expect(r.stdout).toMatch(/image: sha256:[0-9a-f]{64} \(0 bytes uploaded\)/);
    const first = await skopeoRaw(source);
    expect(r.outputs['image-digest']).toBe(digestOf(first));
  });

  it.each(['legacy', 'oci'] as const)(
    'publishes a docker-archive (%s layout) read in place',
    async (style) => {
      // A `docker save` archive made from the example image: the layer and config as they are.
      const layout = JSON.parse(readFileSync(path.join(EXAMPLE, 'image/index.json'), 'utf8'));
      const blob = (d: string) =>
        readFileSync(path.join(EXAMPLE, 'image/blobs/sha256', d.slice(7)));
      const manifest = JSON.parse(blob(layout.manifests[0].digest).toString());
      const stage = path.join(root, `archive-${style}`);
      const name = (d: string, kind: 'config' | 'layer') =>
        style === 'oci'
          ? `blobs/sha256/${d.slice(7)}`
          : kind === 'config'
            ? `${d.slice(7)}.json`
            : `${d.slice(7, 19)}/layer.tar`;
      const files: Record<string, Buffer | string> = {
        [name(manifest.config.digest, 'config')]: blob(manifest.config.digest),
        [name(manifest.layers[0].digest, 'layer')]: blob(manifest.layers[0].digest),
      };
      files['manifest.json'] = JSON.stringify([
        {
          Config: name(manifest.config.digest, 'config'),
          RepoTags: ['hello:latest'],
          Layers: [name(manifest.layers[0].digest, 'layer')],
        },
      ]);
      writeTree(stage, files);
      const archive = path.join(root, `hello-${style}.tar`);
      spawnSyncChecked('tar', ['-cf', archive, '-C', stage, '.']);

      const repo = `archive/${style}`;
      const r = await runAction({
        'working-directory': 'examples/hello',
        registry: registry.host,
        repository: repo,
        tag: 'v1',
        build: 'none',
        image: `docker-archive:${archive}`,
        // The layers as the archive holds them (compressing them is the engine test's).
        'compress-layers': 'false',
      });
      expect(errorLines(r)).toEqual([]);
      const pushed = JSON.parse(
        (await skopeoRaw(`${registry.host}/${repo}:cog-image.v1`)).toString(),
      );
      expect(pushed.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
      expect(pushed.config.digest).toBe(manifest.config.digest);
      expect(
        pushed.layers.map((l: { digest: string; size: number }) => [l.digest, l.size]),
      ).toEqual([[manifest.layers[0].digest, manifest.layers[0].size]]);
      // skopeo, reading the same archive, sees the same layers.
      const seen = JSON.parse(spawnSyncChecked('skopeo', ['inspect', `docker-archive:${archive}`]));
      expect(seen.Layers).toEqual([manifest.layers[0].digest]);
    },
  );

  it('verifies what it published, and catches a blob deleted from the registry', async () => {
    const inputs = {
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'verify/model',
      ...PREBUILT,
    };
    const first = await runAction({ ...inputs, tag: 'v1' });
    expect(errorLines(first)).toEqual([]);
    expect(first.stdout).toMatch(
      /verified 4 manifest\(s\) and \d+ blob\(s\) by digest in \d+\.\d\d s/,
    );
    const layer = lock.weights[1].layers[0].digest;
    const deleted = await fetch(`http://${registry.host}/v2/verify/model/blobs/${layer}`, {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(202);
    const second = await runAction({ ...inputs, tag: 'v2' });
    expect(second.status).toBe(1);
    expect(errorLines(second)).toHaveLength(1);
    expect(errorLines(second)[0]).toMatch(
      new RegExp(
        `post-publish verification of .* failed:%0A  weight encoder layer blob ${layer} is missing`,
      ),
    );
    // The failed publish moved no tag: v2 was never tagged, v1 still names the first index.
    await expectNoManifest(`${registry.host}/verify/model:v2`);
    expect(digestOf(await skopeoRaw(`${registry.host}/verify/model:v1`))).toBe(
      first.outputs['digest'],
    );
  });

  it.each([
    ['at /', 'FROM scratch\nCOPY weights.json /.cog/weights.json\n'],
    [
      'under WORKDIR',
      'FROM scratch\nWORKDIR /src\nCOPY weights.json .cog/weights.json\nCOPY predict.py /src/\n',
    ],
  ])(
    'refuses an image whose .cog/weights.json (%s) does not match weights.lock',
    async (_, dockerfile) => {
      const dir = exampleCopy(`mismatch-${dockerfile.length}`);
      const project = path.join(REPO_ROOT, dir);
      const wrong = lock.weights.map(
        (w: { name: string; target: string; setDigest: string }, i: number) => ({
          name: w.name,
          target: w.target,
          setDigest: i === 1 ? 'sha256:' + '0'.repeat(64) : w.setDigest,
        }),
      );
      writeFileSync(
        path.join(project, 'weights.json'),
        JSON.stringify({ weights: wrong }, null, 2),
      );
      writeFileSync(path.join(project, 'Dockerfile'), dockerfile);
      const repo = `mismatch/${dockerfile.length}`;
      const r = await runAction({
        'working-directory': dir,
        registry: registry.host,
        repository: repo,
        tag: 'v1',
        build: 'buildah',
      });
      expect(r.status).toBe(1);
      expect(errorLines(r)).toHaveLength(1);
      expect(errorLines(r)[0]).toMatch(
        /the image's \.cog\/weights\.json does not match weights\.lock.*weight "encoder": setDigest sha256:0{64} in the image, sha256:[0-9a-f]{64} in weights\.lock/,
      );
      await expectNoManifest(`${registry.host}/${repo}:v1`);
    },
  );

  it('dry-run reports what it would push and writes nothing', async () => {
    const before = registry.snapshot();
    const r = await runAction(
      {
        'working-directory': 'examples/hello',
        registry: registry.host,
        repository: 'dry/run',
        tag: 'v1',
        'dry-run': 'true',
        ...PREBUILT,
      },
      { HF_TOKEN: 'hf_not_from_a_secret' },
    );
    expect(r.status).toBe(0);
    // A Hub token in the environment is masked before anything is logged.
    expect(r.stdout.split('\n')[0]).toBe('::add-mask::hf_not_from_a_secret');
    expect(r.stdout).toMatch(/weight tokenizer: would push \d+ bytes/);
    expect(r.outputs['digest']).toBe('');
    await expectNoManifest(`${registry.host}/dry/run:v1`);
    // Not one byte of the registry's storage changed.
    expect(registry.snapshot()).toEqual(before);
  });

  it('to: oci-layout writes the whole bundle to disk', async () => {
    const out = path.join(root, 'bundle-layout');
    const r = await runAction({
      'working-directory': 'examples/hello',
      tag: 'v1',
      to: `oci-layout:${out}`,
      ...PREBUILT,
    });
    expect(r.status).toBe(0);
    expect(r.outputs['ref']).toBe(`oci-layout:${out}@${r.outputs['digest']}`);
    const index = JSON.parse(
      readFileSync(path.join(out, 'blobs/sha256', r.outputs['digest']!.slice(7)), 'utf8'),
    );
    expect(index.manifests).toHaveLength(3);
  });

  describe('bad input fails with one ::error line and nothing at the model tag', () => {
    const fails = async (
      inputs: Record<string, string>,
      message: RegExp,
      repo = 'bad/input',
      env: NodeJS.ProcessEnv = {},
    ) => {
      const r = await runAction(
        { registry: registry.host, repository: repo, tag: 'v1', ...PREBUILT, ...inputs },
        env,
      );
      expect(r.status).toBe(1);
      const errors = errorLines(r);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      await expectNoManifest(`${registry.host}/${repo}:v1`);
    };

    it('missing cog.yaml', () =>
      fails({ 'working-directory': 'no/such/dir' }, /cog\.yaml: file: file not found/));

    it("malformed cog.yaml: an annotation on the file, at the parser's line and column", async () => {
      const dir = exampleCopy('bad-yaml');
      writeFileSync(path.join(REPO_ROOT, dir, 'cog.yaml'), 'model: [unclosed\n');
      await fails(
        { 'working-directory': dir },
        new RegExp(
          `^::error file=${path.resolve(REPO_ROOT, dir)}/cog\\.yaml,line=2,col=1::.*cog\\.yaml: line 2, column 1: `,
        ),
      );
    });

    it("a cog.yaml field problem: an annotation at the field's own line and column", async () => {
      const dir = exampleCopy('bad-field');
      const file = path.join(REPO_ROOT, dir, 'cog.yaml');
      // The encoder's target is not absolute. (The copy is outside the workspace: the
      // annotation names its absolute path; inside, it is relative to the workspace.)
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('/src/weights/encoder', 'src/weights/encoder'),
      );
      const line =
        readFileSync(file, 'utf8')
          .split('\n')
          .findIndex((l) => l.includes('target: src/')) + 1;
      await fails(
        { 'working-directory': dir },
        new RegExp(
          `^::error file=${path.resolve(REPO_ROOT, dir)}/cog\\.yaml,line=${line},col=13::.*weights\\[1\\]\\.target: `,
        ),
      );
    });

    it('a lockfile that drifted from cog.yaml', async () => {
      const dir = exampleCopy('drift');
      const file = path.join(REPO_ROOT, dir, 'cog.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('/src/weights/encoder', '/src/weights/enc2'),
      );
      return fails(
        { 'working-directory': dir },
        /changed: weight "encoder": target: cog.yaml "\/src\/weights\/enc2", weights.lock "\/src\/weights\/encoder"%0A.*fix: run/,
      );
    });

    it('a hand-edited lockfile', async () => {
      const dir = exampleCopy('edited-lock');
      const file = path.join(REPO_ROOT, dir, 'weights.lock');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/"size": (\d+),/, (_, n) => `"size": ${Number(n) + 1},`),
      );
      return fails(
        { 'working-directory': dir },
        /is not consistent with itself.*weight "tokenizer": size: recorded \d+, the files add up to \d+/,
      );
    });

    it('a reserved tag', () =>
      fails(
        { 'working-directory': 'examples/hello', tag: 'cog-image.x' },
        /"cog-" is a reserved prefix/,
      ));

    it('a builder that fails', async () => {
      const bin = path.join(root, 'fail-bin');
      writeTree(bin, { docker: '#!/bin/sh\necho "docker: simulated failure" >&2\nexit 3\n' });
      chmodSync(path.join(bin, 'docker'), 0o755);
      return fails(
        { 'working-directory': 'examples/hello', build: 'docker', image: '' },
        // No `buildx version` answer either: the plain `docker build` is what fails.
        /`docker build` failed with exit code 3/,
        'bad/input',
        { PATH: `${bin}:${process.env['PATH']}` },
      );
    });
  });
});

describe('the action with wrong credentials', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'basic'), { htpasswd: true });
  });
  afterAll(() => registry.stop());

  it('fails naming the registry and the credential source, and masks the password', async () => {
    const r = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      tag: 'v1',
      username: USER,
      password: 'wrong-password',
      ...PREBUILT,
    });
    expect(r.status).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      new RegExp(`${registry.host} refused the credentials .*explicit username/password`),
    );
    expect(r.stdout).toContain('::add-mask::wrong-password');
    expect(r.stdout.replace('::add-mask::wrong-password', '')).not.toContain('wrong-password');
  });

  it('runs the docker and cog builders with credentials only in a temporary Docker config', async () => {
    // Stand-ins for docker and cog that record what they were run with, and (as docker
    // would) push a real image to the ref they were given, with the auth file they got.
    const bin = path.join(root, 'fake-bin');
    const log = path.join(root, 'fake-builders.log');
    const fake = `#!/bin/sh
[ "$1 $2" = "buildx version" ] && exit 0 # a docker with buildx, as on GitHub's runners
[ "$1" = "--version" ] && echo "cog version 0.22.0 (built 2026-01-01T00:00:00Z)" && exit 0 # a new Cog
echo "$(basename "$0") $*" >> "${log}"
if [ -n "$DOCKER_CONFIG" ]; then echo "DOCKER_CONFIG=$DOCKER_CONFIG $(cat "$DOCKER_CONFIG/config.json")" >> "${log}"; fi
ref=""
prev=""
for a in "$@"; do [ "$prev" = "-t" ] && ref="$a"; prev="$a"; done
[ "$1" = "push" ] && ref="$2"
case "$(basename "$0") $1" in
  "docker buildx"|"docker push")
    exec skopeo copy --quiet --preserve-digests --dest-tls-verify=false --dest-authfile "$DOCKER_CONFIG/config.json" "oci:${EXAMPLE}/image:latest" "docker://$ref" ;;
esac
exit 0
`;
    writeTree(bin, { docker: fake, cog: fake });
    chmodSync(path.join(bin, 'docker'), 0o755);
    chmodSync(path.join(bin, 'cog'), 0o755);
    // No Docker config of the user's: the builder's holds the destination login alone.
    const env = { PATH: `${bin}:${process.env['PATH']}`, DOCKER_CONFIG: path.join(root, 'none') };
    const base = {
      'working-directory': 'examples/hello',
      registry: registry.host,
      username: USER,
      password: PASSWORD,
    };

    const docker = await runAction(
      { ...base, repository: 'built/docker', tag: 'v1', build: 'docker' },
      env,
    );
    expect(errorLines(docker)).toEqual([]);
    const cog = await runAction({ ...base, repository: 'built/cog', tag: 'v1', build: 'cog' }, env);
    expect(errorLines(cog)).toEqual([]);

    // With `to`, the builder pushes to the destination repository, where the index goes.
    const elsewhere = await runAction(
      {
        ...base,
        repository: 'built/docker',
        tag: 'v2',
        build: 'docker',
        to: `${registry.host}/elsewhere/model`,
      },
      env,
    );
    expect(errorLines(elsewhere)).toEqual([]);
    expect(elsewhere.outputs['ref']).toMatch(
      new RegExp(`^${registry.host}/elsewhere/model@sha256:`),
    );

    const lines = readFileSync(log, 'utf8').trim().split('\n');
    const dockerfile = path.join(EXAMPLE, 'Dockerfile');
    expect(lines.filter((l) => !l.startsWith('DOCKER_CONFIG='))).toEqual([
      `docker buildx build --platform linux/amd64 --push --provenance=false --sbom=false -f ${dockerfile} -t ${registry.host}/built/docker:cog-image.v1 ${EXAMPLE}`,
      `cog build -t ${registry.host}/built/cog:cog-image.v1`,
      `docker push ${registry.host}/built/cog:cog-image.v1`,
      `docker buildx build --platform linux/amd64 --push --provenance=false --sbom=false -f ${dockerfile} -t ${registry.host}/elsewhere/model:cog-image.v2 ${EXAMPLE}`,
    ]);
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    const configs = lines.filter((l) => l.startsWith('DOCKER_CONFIG='));
    expect(configs).toHaveLength(4);
    for (const c of configs) {
      expect(c).toContain(`{"auths":{"${registry.host}":{"auth":"${auth}"}}}`);
      // A temp dir under RUNNER_TEMP, gone after the build.
      const dir = c.split(' ')[0]!.slice('DOCKER_CONFIG='.length);
      expect(dir.startsWith(root)).toBe(true);
      expect(() => readFileSync(path.join(dir, 'config.json'))).toThrow();
    }
    // The password never reaches argv or the log.
    expect(lines.filter((l) => !l.startsWith('DOCKER_CONFIG=')).join('\n')).not.toContain(PASSWORD);
    expect(docker.stdout.replace(`::add-mask::${PASSWORD}`, '')).not.toContain(PASSWORD);
    // The image docker pushed is the one in the index.
    expect(docker.outputs['image-digest']).toBe(
      'sha256:32770be306f2651f1a42d2c060af446089b74253d29ebd28236baa50f85d25b6',
    );
    expect(cog.outputs['image-digest']).toBe(docker.outputs['image-digest']);
  });

  it('turns replicate-token into credentials through verify-token, for Replicate only', async () => {
    // Replicate's registry stand-in: the htpasswd registry behind a proxy that answers
    // verify-token (the password is the token, as on r8.im).
    let asked = '';
    const proxy = await startFaultProxy(registry.host, (req) => {
      if (req.method === 'POST' && req.url === '/cog/v1/verify-token') {
        asked = req.headers['content-type'] ?? '';
        return { kind: 'status', status: 200, body: JSON.stringify({ username: USER }) };
      }
      return { kind: 'pass' };
    });
    try {
      const inputs = {
        'working-directory': 'examples/hello',
        registry: proxy.host,
        repository: 'replicate/model',
        tag: 'v1',
        ...PREBUILT,
      };
      const r = await runAction(
        { ...inputs, 'replicate-token': PASSWORD },
        { COG_REGISTRY_HOST: proxy.host },
      );
      expect(errorLines(r)).toEqual([]);
      expect(asked).toBe('application/x-www-form-urlencoded');
      expect(r.stdout).toContain(`::add-mask::${PASSWORD}`);
      // Another registry never sees the token.
      const other = await runAction(
        { ...inputs, tag: 'v2', 'replicate-token': PASSWORD },
        { COG_REGISTRY_HOST: 'r8.im' },
      );
      expect(errorLines(other)[0]).toMatch(/asks for a username and password; anonymous/);
    } finally {
      await proxy.stop();
    }
  });

  it('logs progress lines while blobs upload', async () => {
    const r = await runAction(
      {
        'working-directory': 'examples/hello',
        registry: registry.host,
        repository: 'progress/model',
        tag: 'v1',
        username: USER,
        password: PASSWORD,
        ...PREBUILT,
      },
      { COG_PUSH_PROGRESS_SECONDS: '0' },
    );
    expect(errorLines(r)).toEqual([]);
    expect(r.stdout).toMatch(
      /uploading sha256:[0-9a-f]{12}…  [\d.]+ [KM]?i?B \/ [\d.]+ [KM]?i?B \(100%\)/,
    );
  });

  it('publishes with the right ones', async () => {
    const r = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'authed/model',
      tag: 'v1',
      username: USER,
      password: PASSWORD,
      ...PREBUILT,
    });
    expect(errorLines(r)).toEqual([]);
    expect(r.status).toBe(0);
    // The index is at the tag, behind the same login, and is the digest the outputs pin.
    const raw = await skopeoRaw(`${registry.host}/authed/model:v1`, `${USER}:${PASSWORD}`);
    expect(digestOf(raw)).toBe(r.outputs['digest']);
    expect(r.outputs['ref']).toBe(`${registry.host}/authed/model@${r.outputs['digest']}`);
  });
});

describe('the action with the Actions cache', () => {
  let registry: Registry;
  let service: CacheService;
  const store = path.join(root, 'cache-store');
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'cache-registry'));
    service = await startCacheService();
  }, 30_000);
  afterAll(async () => {
    await registry.stop();
    await service.stop();
  });
  const keys = lock.weights.map(
    (w: { setDigest: string }) => `cog-weights-linux-${w.setDigest.slice(7)}`,
  );
  const run = (dir: string, repository: string, env: NodeJS.ProcessEnv = {}) =>
    runAction(
      { 'working-directory': dir, registry: registry.host, repository, tag: 'v1', ...PREBUILT },
      { ...service.env, COG_PUSH_STORE_DIR: store, ...env },
    );

  it('saves each weight on the first run, and the second restores them with the source gone', async () => {
    const first = await run('examples/hello', 'cached/one');
    expect(errorLines(first)).toEqual([]);
    expect(JSON.parse(first.outputs['cache-misses']!)).toEqual(['tokenizer', 'encoder']);
    expect(JSON.parse(first.outputs['cache-hits']!)).toEqual([]);
    expect(service.keys().sort()).toEqual([...keys].sort());

    // A fresh runner: empty store, and the weights' source directories removed.
    rmSync(store, { recursive: true, force: true });
    const dir = exampleCopy('cache-no-source');
    rmSync(path.join(REPO_ROOT, dir, 'weights'), { recursive: true });
    const second = await run(dir, 'cached/two');
    expect(errorLines(second)).toEqual([]);
    expect(JSON.parse(second.outputs['cache-hits']!)).toEqual(['tokenizer', 'encoder']);
    expect(second.summary).toMatch(/\| tokenizer \| .* \| from cache \|/);
    const index = JSON.parse((await skopeoRaw(`${registry.host}/cached/two:v1`)).toString());
    expect(index.manifests.slice(1).map((m: { digest: string }) => m.digest)).toEqual(
      lock.weights.map((w: { digest: string }) => w.digest),
    );
  });

  it('two publishes of the same weights at once both succeed (one saves, one finds it saved)', async () => {
    const own = await startCacheService();
    try {
      const runs = await Promise.all(
        ['a', 'b'].map((n) =>
          runAction(
            {
              'working-directory': 'examples/hello',
              registry: registry.host,
              repository: `concurrent/${n}`,
              tag: 'v1',
              ...PREBUILT,
            },
            // One store path, as on two runners of one image (the cache version hashes it),
            // and a cache with no entries yet.
            { ...own.env, COG_PUSH_STORE_DIR: path.join(root, 'store-concurrent') },
          ),
        ),
      );
      for (const r of runs) {
        expect(errorLines(r)).toEqual([]);
        expect(r.status).toBe(0);
      }
      expect(own.keys().sort()).toEqual([...keys].sort());
      // Each weight saved exactly once. A run may also find the other's files already in the
      // shared store and not try at all, so the attempts number 2 to 4 (the extra ones got 409).
      const creates = own.calls.filter((c) => c.method === 'CreateCacheEntry');
      expect(creates.length).toBeGreaterThanOrEqual(2);
      expect(creates.length).toBeLessThanOrEqual(4);
    } finally {
      await own.stop();
    }
  });

  it('restores nothing when the registry already has every weight', async () => {
    const first = await run('examples/hello', 'cached/full');
    expect(first.status).toBe(0);
    rmSync(store, { recursive: true, force: true });
    const before = service.calls.length;
    const r = await run('examples/hello', 'cached/full');
    expect(errorLines(r)).toEqual([]);
    expect(service.calls.slice(before)).toEqual([]);
    expect(JSON.parse(r.outputs['metadata']!).weightOrigins).toEqual({
      tokenizer: 'registry',
      encoder: 'registry',
    });
  });

  it('publishes from source with one warning when the cache service is down', async () => {
    rmSync(store, { recursive: true, force: true });
    const r = await run('examples/hello', 'cached/three', {
      ACTIONS_RESULTS_URL: `http://127.0.0.1:${await freePort()}/`,
    });
    expect(errorLines(r)).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/::warning::/);
    expect(JSON.parse(r.outputs['metadata']!).weightOrigins).toEqual({
      tokenizer: 'source',
      encoder: 'source',
    });
  });
});
