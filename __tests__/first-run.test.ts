// The mistakes a new user makes on a first run, each answered in one line that names the thing
// at fault and the fix. Each line is asserted whole.
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCogConfig } from '../src/cog/config.js';
import { parseInputs } from '../src/config/inputs.js';
import { RegistryTarget } from '../src/oci/registry/client.js';
import {
  PASSWORD,
  startFaultProxy,
  startRegistry,
  USER,
  type FaultProxy,
  type Registry,
} from './helpers/registry.js';
import { tempDir, writeTree } from './helpers/tmp.js';
import { actionRunner, errorLines, EXAMPLE } from './helpers/action.js';
import { REPO_ROOT } from './helpers/conformance.js';
import { buildPlan, runBuild } from '../src/image/builders.js';
import { startFileServer } from './helpers/file-server.js';
import { writeProject } from './helpers/project.js';
import { cli } from './helpers/cli.js';
import { writeCogStandIn } from './helpers/cog-standin.js';

const root = tempDir('first-run-');

const configError = (yaml: string): string => {
  try {
    parseCogConfig(yaml, 'cog.yaml', '/p');
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe("a new user's first mistakes, one line each", () => {
  it.each([
    [
      'a misspelled top-level key',
      'model: r.example.com/a/b\nweigths:\n  - name: w\n',
      "cog.yaml: weigths: unknown key — did you mean 'weights'? (cog.yaml's keys are build, concurrency, environment, image, model, predict, run, tests, train, weights)",
    ],
    [
      'one tab: one line, its position once',
      'model: r.example.com/a/b\nweights:\n  - name: w\n\t  target: /w\n',
      'cog.yaml: line 4, column 1: Tabs are not allowed as indentation (indent with spaces)',
    ],
    [
      'weights without model (and no image either)',
      'weights:\n  - name: w\n    target: /w\n    source: { uri: ./w }\n',
      "cog.yaml: model: weights require 'model' in cog.yaml: add `model: REGISTRY/OWNER/NAME` (where the model is published)",
    ],
  ])('%s', (_, yaml, line) => {
    expect(configError(yaml)).toBe(line);
  });

  it('a reserved tag names the input it came from, not COG_MODEL_TAG', () => {
    expect(() =>
      parseInputs((n) => ({ tag: 'cog-v1' })[n] ?? '', { workspace: '/w', modelRef: {} }),
    ).toThrow(/^input 'tag': "cog-v1": "cog-" is a reserved prefix — choose a different tag$/);
  });
});

describe('a registry that says no', () => {
  let registry: Registry;
  let proxy: FaultProxy;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'registry'), { htpasswd: true });
    proxy = await startFaultProxy(registry.host, (req) =>
      req.method === 'PUT' || req.method === 'POST'
        ? {
            kind: 'status',
            status: 403,
            headers: { 'content-type': 'application/json' },
            body: '{"errors":[{"code":"DENIED","message":"permission_denied: write_package"}]}',
          }
        : { kind: 'pass' },
    );
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
  });

  it('a refused write says what a push needs', async () => {
    const t = new RegistryTarget(proxy.host, 'acme/model', {
      credentials: { explicit: { host: proxy.host, username: USER, password: PASSWORD } },
    });
    try {
      const bytes = new TextEncoder().encode('{}');
      await expect(
        t.putManifest(bytes, 'application/vnd.oci.image.manifest.v1+json', 'v1'),
      ).rejects.toThrow(
        `${proxy.host}: PUT /v2/acme/model/manifests/v1 answered 403 (DENIED: permission_denied: write_package): the credentials may read this repository but not write it; use a login with push access`,
      );
    } finally {
      await t.close();
    }
  });

  it('a login kept under another form of the host: the error says where it looked and what it found', async () => {
    const port = registry.host.split(':')[1]!;
    const dockerConfigDir = writeTree(path.join(root, 'docker'), {
      'config.json': JSON.stringify({ auths: { [`localhost:${port}`]: { auth: 'Y29nOng=' } } }),
    });
    const t = new RegistryTarget(registry.host, 'acme/model', { credentials: { dockerConfigDir } });
    try {
      await expect(t.hasManifest('v1')).rejects.toThrow(
        `anonymous (no login for ${registry.host}: looked in ${dockerConfigDir}/config.json (logins for localhost:${port}))`,
      );
    } finally {
      await t.close();
    }
  });
});

describe('a build that cannot work', () => {
  const { runAction, exampleCopy } = actionRunner(root);
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'build-registry'));
  });
  afterAll(() => registry.stop());

  it('a missing Dockerfile is named before anything runs, in a dry run too', async () => {
    const dir = exampleCopy('no-dockerfile');
    rmSync(path.join(REPO_ROOT, dir, 'Dockerfile'));
    const r = await runAction({
      'working-directory': dir,
      to: `oci-layout:${path.join(root, 'nodf')}`,
      build: 'buildah',
      'dry-run': 'true',
    });
    expect(errorLines(r)).toEqual([
      `::error::build: buildah builds ${path.join(REPO_ROOT, dir, 'Dockerfile')}, which is not there: add it, set the 'file' input to yours, or use build: cog (Cog writes its own)`,
    ]);
  });

  it('build: cog asks Cog its version first: an old one, or none, is named in a dry run', async () => {
    const bin = path.join(root, 'cog-bin');
    writeCogStandIn(bin, path.join(root, 'cog-calls.log'));
    const inputs = {
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'first/cog',
      build: 'cog',
      'dry-run': 'true',
    };
    const path_ = `${bin}:${process.env['PATH']}`;
    const old = await runAction(inputs, { PATH: path_, COG_STANDIN_VERSION: '0.9.8' });
    expect(errorLines(old)).toEqual([
      "::error::build: cog found Cog 0.9.8, which refuses 'model:' and 'weights:' in cog.yaml (Cog reads them from v0.20.0 on): install a newer one (replicate/setup-cog@v2 with cog-version: v0.22.0)",
    ]);
    const fresh = await runAction(inputs, { PATH: path_, COG_STANDIN_VERSION: '0.20.0' });
    expect(errorLines(fresh)).toEqual([]);
    expect(fresh.stdout).toContain('would run: cog build');
    const none = await runAction(inputs, { PATH: '/usr/bin:/bin' });
    expect(errorLines(none)).toEqual([
      '::error::build: cog needs the cog command, which is not on PATH: add a replicate/setup-cog@v2 step (cog-version: v0.22.0) before this one, or choose another build',
    ]);
  });

  it('an old docker: the one useful line and the fix, not twenty lines of --help', async () => {
    const bin = writeTree(path.join(root, 'old-docker'), {
      docker: `#!/bin/sh\necho "unknown flag: --platform" >&2\necho "See 'docker build --help'." >&2\nfor i in $(seq 1 25); do echo "  --option$i   usage text" >&2; done\nexit 125\n`,
    });
    chmodSync(path.join(bin, 'docker'), 0o755);
    const plan = buildPlan({
      builder: 'docker',
      projectDir: root,
      configName: 'cog.yaml',
      imageRef: 'r.example/a/b:cog-image.v1',
      platform: { os: 'linux', architecture: 'amd64' },
      workDir: root,
      buildx: false,
    });
    const error = await runBuild(plan, {
      workDir: root,
      env: { PATH: `${bin}:${process.env['PATH']}` },
      log: () => undefined,
      output: () => undefined,
    }).catch((e: Error) => e);
    expect((error as Error).message.split('\n')[0]).toBe(
      "`docker build` failed with exit code 125: unknown flag: --platform. This docker has no --platform: it is older than BuildKit's flags; install buildx (docker/setup-buildx-action) or a newer docker; its last lines:",
    );
  });
});

describe('an import that downloads again', () => {
  it('says why: a URL source with no ETag cannot be compared without its bytes', async () => {
    const body = Buffer.from('no etag here'.repeat(1000));
    const server = await startFileServer({ 'w.bin': body }, { etag: () => undefined });
    try {
      const project = writeProject(path.join(root, 'no-etag'), {
        model: 'r.example.com/a/b',
        weights: [{ name: 'w', uri: `${server.origin}/w.bin` }],
      });
      const args = [
        'weights',
        'import',
        '--project',
        project,
        '--to',
        `oci-layout:${path.join(root, 'no-etag-out')}`,
      ];
      const env = { COG_PUSH_STORE_DIR: path.join(root, 'no-etag-store') };
      expect((await cli(args, { env })).status).toBe(0);
      const again = await cli(args, { env });
      expect(again.status).toBe(0);
      expect(again.stderr).toContain(
        `weight w: ${server.origin}/w.bin gives no strong ETag to compare (a HEAD found none), so it is downloaded again to see whether it changed\n`,
      );
    } finally {
      await server.close();
    }
  });
});

describe('a weight file changed since weights.lock', () => {
  it('is named, with both digests', async () => {
    const project = path.join(root, 'changed-weight');
    cpSync(EXAMPLE, project, { recursive: true });
    const file = path.join(project, 'weights/encoder/config.json');
    const before = readFileSync(file);
    const after = Buffer.from(before);
    after[0] = after[0]! ^ 0x20; // one byte, same size: only its digest tells
    writeFileSync(file, after);
    const sha = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
    const r = await cli([
      'publish',
      '--project',
      project,
      '--image',
      'oci-layout:image',
      '--to',
      `oci-layout:${path.join(root, 'changed-out')}`,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(
      new RegExp(
        `^cog-push: weight "encoder": its files give manifest sha256:[0-9a-f]{64}, but weights\\.lock says sha256:[0-9a-f]{64} \\(changed: config\\.json \\(${sha(before)} → ${sha(after)}\\)\\); re-import the weights`,
      ),
    );
  });
});
