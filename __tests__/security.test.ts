// Credentials stay home: explicit `username`/`password` belong to the destination registry
// alone. A prebuilt image on another registry gets what the Docker config has for that host,
// else nothing, whether it answers with Basic or with a Bearer token realm.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { actionRunner, errorLines, EXAMPLE, PREBUILT } from './helpers/action.js';
import {
  PASSWORD,
  USER,
  expectNoManifest,
  skopeoRaw,
  startFaultProxy,
  startRegistry,
  startTokenServer,
  type FaultProxy,
  type Registry,
  type TokenServer,
} from './helpers/registry.js';
import { tempDir } from './helpers/tmp.js';

const root = tempDir('security-');
const { runAction } = actionRunner(root);
const lock = JSON.parse(readFileSync(path.join(EXAMPLE, 'weights.lock'), 'utf8'));

/** The destination's own password: it must never reach the image's registry. */
const DEST_PASSWORD = 'destination-only-password';
const basic = (user: string, pass: string) =>
  'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');

describe('explicit credentials go to the destination registry only', () => {
  let destination: Registry;
  beforeAll(async () => {
    destination = await startRegistry(path.join(root, 'dest'), {
      htpasswd: true,
      password: DEST_PASSWORD,
    });
  }, 30_000);
  afterAll(() => destination.stop());

  const publishFrom = (image: string, env: NodeJS.ProcessEnv = {}) =>
    runAction(
      {
        'working-directory': 'examples/hello',
        registry: destination.host,
        repository: 'dest/model',
        tag: 'v1',
        username: USER,
        password: DEST_PASSWORD,
        build: 'none',
        image,
      },
      env,
    );

  describe.each(['basic', 'bearer'] as const)('a source registry with %s auth', (mode) => {
    let tokens: TokenServer | undefined;
    let source: Registry;
    let spy: FaultProxy;
    const seen: (string | undefined)[] = [];
    const dockerConfig = path.join(root, `docker-config-${mode}`);
    /** Every Authorization the source side received: registry (through the spy) and realm. */
    const offered = () => [...seen, ...(tokens?.requests.map((t) => t.authorization) ?? [])];
    beforeAll(async () => {
      if (mode === 'bearer') tokens = await startTokenServer(path.join(root, 'token'));
      source = await startRegistry(
        path.join(root, `source-${mode}`),
        tokens ? { token: tokens } : { htpasswd: true },
      );
      spy = await startFaultProxy(source.host, (req) => {
        seen.push(req.headers.authorization);
        return { kind: 'pass' };
      });
      // The image to copy: the example's, published into the source registry with its login.
      const seed = await runAction({
        'working-directory': 'examples/hello',
        registry: source.host,
        repository: 'seed/model',
        tag: 'v1',
        username: USER,
        password: PASSWORD,
        ...PREBUILT,
      });
      expect(seed.status).toBe(0);
      // The source's own login, as `docker login` leaves it.
      mkdirSync(dockerConfig, { recursive: true });
      writeFileSync(
        path.join(dockerConfig, 'config.json'),
        JSON.stringify({
          auths: { [spy.host]: { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') } },
        }),
      );
    }, 60_000);
    afterAll(async () => {
      await spy.stop();
      await source.stop();
      await tokens?.stop();
    });

    it("gets the Docker config's login for its host, never the destination's", async () => {
      seen.length = 0;
      tokens?.requests.splice(0);
      const r = await publishFrom(`${spy.host}/seed/model:cog-image.v1`, {
        DOCKER_CONFIG: dockerConfig,
      });
      expect(errorLines(r)).toEqual([]);
      expect(r.status).toBe(0);
      expect(seen.length).toBeGreaterThan(0);
      expect(offered()).not.toContain(basic(USER, DEST_PASSWORD));
      expect(offered()).toContain(basic(USER, PASSWORD));
      // The destination got its own login: the index is there, behind it.
      const raw = await skopeoRaw(`${destination.host}/dest/model:v1`, `${USER}:${DEST_PASSWORD}`);
      expect(raw.length).toBeGreaterThan(0);
    });

    it('without a login for its host it is asked anonymously, and its refusal names it', async () => {
      seen.length = 0;
      tokens?.requests.splice(0);
      const r = await publishFrom(`${spy.host}/seed/model:cog-image.v1`, {
        DOCKER_CONFIG: path.join(root, 'no-docker-config'),
      });
      expect(r.status).toBe(1);
      expect(errorLines(r)).toHaveLength(1);
      expect(errorLines(r)[0]).toContain(spy.host);
      expect(seen.length).toBeGreaterThan(0);
      expect(offered().filter((h) => h !== undefined && !h.startsWith('Bearer '))).toEqual([]);
    });
  });
});

describe('verification cannot be lied to', () => {
  let registry: Registry;
  let proxy: FaultProxy;
  /** What the proxy says to a HEAD of the deleted blob: null = pass it on. */
  let lie: null | 'with-size' | 'no-size' = null;
  const layer = lock.weights[1].layers[0];
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'liar'));
    proxy = await startFaultProxy(registry.host, (req) => {
      if (lie && req.method === 'HEAD' && req.url?.endsWith(`/blobs/${layer.digest}`)) {
        const headers: Record<string, string> =
          lie === 'with-size'
            ? { 'content-length': String(layer.size), 'docker-content-digest': layer.digest }
            : { 'transfer-encoding': 'chunked', 'docker-content-digest': layer.digest };
        return { kind: 'status', status: 200, headers, body: '' };
      }
      return { kind: 'pass' };
    });
    // A model published whole, then one weight layer deleted behind the registry's back.
    const first = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'liar/model',
      tag: 'v1',
      ...PREBUILT,
    });
    expect(first.status).toBe(0);
    const deleted = await fetch(`http://${registry.host}/v2/liar/model/blobs/${layer.digest}`, {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(202);
  }, 60_000);
  afterAll(async () => {
    await proxy.stop();
    await registry.stop();
  });

  const publish = (tag: string, verify: string) =>
    runAction({
      'working-directory': 'examples/hello',
      registry: proxy.host,
      repository: 'liar/model',
      tag,
      verify,
      ...PREBUILT,
    });

  it('a HEAD 200 with no size is read back, found missing, and nothing is tagged', async () => {
    lie = 'no-size';
    const r = await publish('no-size', 'true');
    expect(r.status).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      new RegExp(`weight encoder layer blob ${layer.digest} cannot be read back: .*404`),
    );
    await expectNoManifest(`${registry.host}/liar/model:no-size`);
  });

  it('verify: full reads every blob back and catches a HEAD that lies with a size', async () => {
    lie = 'with-size';
    const r = await publish('full', 'full');
    expect(r.status).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      new RegExp(`weight encoder layer blob ${layer.digest} cannot be read back: .*404`),
    );
    await expectNoManifest(`${registry.host}/liar/model:full`);
  });

  it('a whole model passes full verification, every blob read back and hashed', async () => {
    lie = null;
    const repair = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'liar/fixed',
      tag: 'v1',
      verify: 'full',
      ...PREBUILT,
    });
    expect(errorLines(repair)).toEqual([]);
    expect(repair.stdout).toMatch(
      /verified 4 manifest\(s\) and (\d+) blob\(s\) by digest in \d+\.\d\d s \(\1 read back and hashed\)/,
    );
  });
});

describe('a same-size corrupt blob in a destination layout', () => {
  it('is caught by the verification (always full for a layout), and no tag moves', async () => {
    const out = path.join(root, 'corrupt-layout');
    const publish = (tag: string) =>
      runAction({
        'working-directory': 'examples/hello',
        tag,
        to: `oci-layout:${out}`,
        ...PREBUILT,
      });
    const first = await publish('v1');
    expect(errorLines(first)).toEqual([]);
    expect(first.stdout).toMatch(/\((\d+) read back and hashed\)/);
    // One byte flipped in a weight layer: same size, so a push that skips it by size cannot tell.
    const layer = lock.weights[0].layers[0];
    const file = path.join(out, 'blobs/sha256', layer.digest.slice(7));
    const bytes = readFileSync(file);
    bytes[bytes.length - 1024]! ^= 0xff;
    writeFileSync(file, bytes);
    const second = await publish('v2');
    expect(second.status).toBe(1);
    expect(errorLines(second)).toHaveLength(1);
    expect(errorLines(second)[0]).toMatch(
      new RegExp(`weight tokenizer layer blob ${layer.digest} reads back as sha256:[0-9a-f]{64}`),
    );
    const tags = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8')).manifests.map(
      (m: { annotations: Record<string, string> }) =>
        m.annotations['org.opencontainers.image.ref.name'],
    );
    expect(tags).not.toContain('v2');
    expect(tags).toContain('v1');
  });
});

describe('a same-size corrupt file in the local weight store', () => {
  it('is dropped when packing hashes it, and the weight comes from its source', async () => {
    const store = path.join(root, 'corrupt-store');
    const publish = (repo: string) =>
      runAction(
        {
          'working-directory': 'examples/hello',
          tag: 'v1',
          to: `oci-layout:${path.join(root, repo)}`,
          cache: 'false',
          ...PREBUILT,
        },
        { COG_PUSH_STORE_DIR: store },
      );
    // The store as an earlier run left it: every weight file under its digest.
    mkdirSync(path.join(store, 'sha256'), { recursive: true });
    for (const w of lock.weights)
      for (const f of w.files)
        copyFileSync(
          path.join(EXAMPLE, 'weights', w.name, f.path),
          path.join(store, 'sha256', f.digest.slice(7)),
        );
    const first = await publish('store-a');
    expect(first.status).toBe(0);
    expect(JSON.parse(first.outputs['metadata']!).weightOrigins).toEqual({
      tokenizer: 'store',
      encoder: 'store',
    });
    const file = lock.weights[1].files[0];
    const stored = path.join(store, 'sha256', file.digest.slice(7));
    const bytes = readFileSync(stored);
    bytes[0]! ^= 0xff;
    writeFileSync(stored, bytes);
    const second = await publish('store-b');
    expect(errorLines(second)).toEqual([]);
    expect(second.stdout).toMatch(
      new RegExp(
        `::warning::weight "encoder": 1 file\\(s\\) do not hash .* is sha256:[0-9a-f]{64}, not ${file.digest}; removed from the local store`,
      ),
    );
    expect(JSON.parse(second.outputs['metadata']!).weightOrigins).toEqual({
      tokenizer: 'store',
      encoder: 'source',
    });
    expect(second.outputs['digest']).toBe(first.outputs['digest']);
  });
});
