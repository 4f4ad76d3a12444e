// Weight push against the real distribution registry (no auth, htpasswd, Bearer tokens),
// through a fault-injecting proxy, read back with skopeo.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OciLayoutTarget } from '../src/oci/layout.js';
import { openTarget } from '../src/oci/open.js';
import { RegistryTarget, type RegistryOptions } from '../src/oci/registry/client.js';
import { inventoryDirectory } from '../src/weights/inventory.js';
import { packWeight, type PackedWeight } from '../src/weights/pack.js';
import { pushWeight } from '../src/weights/push.js';
import {
  PASSWORD,
  USER,
  freePort,
  skopeoCopy,
  skopeoRaw,
  startFaultProxy,
  startRegistry,
  startTokenServer,
  type Fault,
  type Registry,
  type TokenServer,
} from './helpers/registry.js';
import { cli } from './helpers/cli.js';
import { pseudoRandom, tempDir, writeTree } from './helpers/tmp.js';

const root = tempDir('registry-');
const CREDS = `${USER}:${PASSWORD}`;
const FAST_RETRY = { attempts: 4, baseDelayMs: 20, maxDelayMs: 200 };
// Small thresholds so the 300 KB layer goes up in chunks.
const CHUNKS = { chunkThreshold: 64 * 1024, chunkSize: 100 * 1000 };

let weight: PackedWeight;
let expectedBlobs: string[];
/** What the registry's blob store holds after a push: the blobs and the manifest itself. */
let storedBlobs: string[];

beforeAll(async () => {
  const dir = writeTree(path.join(root, 'weight'), {
    'model.safetensors': pseudoRandom(300_000, 11),
    'config.json': '{"hidden": 64}',
    'tokenizer.json': JSON.stringify({ vocab: Array.from({ length: 3000 }, (_, i) => `tok${i}`) }),
  });
  weight = await packWeight({
    name: 'demo',
    target: '/src/weights/demo',
    files: await inventoryDirectory(dir),
    options: { bundleFileMax: 100_000 },
  });
  expectedBlobs = [...weight.layers.map((l) => l.digest), weight.artifact.configDigest].sort();
  storedBlobs = [...expectedBlobs, weight.artifact.manifestDigest].sort();
});

function target(host: string, repo: string, options: RegistryOptions = {}) {
  return new RegistryTarget(host, repo, { retry: FAST_RETRY, ...CHUNKS, ...options });
}

async function push(t: RegistryTarget | OciLayoutTarget, options = {}) {
  try {
    return await pushWeight(weight, t, options);
  } finally {
    if (t instanceof RegistryTarget) await t.close();
  }
}

const sha = (file: string) =>
  'sha256:' + createHash('sha256').update(readFileSync(file)).digest('hex');

/** skopeo reads back the exact manifest and every blob with matching digests. */
async function expectReadBack(ref: string, creds?: string) {
  const raw = await skopeoRaw(`${ref}:${weight.artifact.tag}`, creds);
  expect(raw.toString('utf8')).toBe(weight.artifact.manifest);
  const blobs = await skopeoCopy(
    `${ref}:${weight.artifact.tag}`,
    path.join(root, `copy-${Math.random()}`),
    creds,
  );
  for (const digest of expectedBlobs) expect(sha(blobs.get(digest)!)).toBe(digest);
}

describe('registry without auth', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'plain'));
  });
  afterAll(() => registry.stop());

  it('pushes every blob and the manifest at its tag; skopeo reads them back', async () => {
    const result = await push(target(registry.host, 'acct/model'));
    expect(result.digest).toBe(weight.artifact.manifestDigest);
    expect(result.bytesSkipped).toBe(0);
    expect(result.bytesUploaded).toBe(
      weight.layers.reduce((n, l) => n + l.size, 0) + weight.artifact.config.length,
    );
    await expectReadBack(`${registry.host}/acct/model`);
    expect(registry.blobDigests()).toEqual(storedBlobs);
  });

  it('a second push uploads zero bytes', async () => {
    const first = await push(target(registry.host, 'acct/twice'));
    expect(first.bytesUploaded).toBeGreaterThan(0);
    const result = await push(target(registry.host, 'acct/twice'));
    expect(result.bytesUploaded).toBe(0);
    expect(result.blobs.every((b) => b.outcome === 'present')).toBe(true);
  });

  it('mounts blobs from another repository instead of uploading', async () => {
    await push(target(registry.host, 'acct/mount-source'));
    const result = await push(target(registry.host, 'acct/other'), {
      mountFrom: 'acct/mount-source',
    });
    expect(result.bytesUploaded).toBe(0);
    expect(result.blobs.map((b) => b.outcome)).toEqual(expectedBlobs.map(() => 'mounted'));
    await expectReadBack(`${registry.host}/acct/other`);
  });

  it('uploads when the registry answers a mount with a plain upload session', async () => {
    const proxy = await startFaultProxy(registry.host, (req) =>
      req.method === 'POST' && req.url!.includes('mount=')
        ? { kind: 'status', status: 202 }
        : { kind: 'pass' },
    );
    try {
      const result = await push(target(proxy.host, 'acct/no-mount'), { mountFrom: 'acct/model' });
      expect(result.blobs.map((b) => b.outcome)).toEqual(expectedBlobs.map(() => 'uploaded'));
    } finally {
      await proxy.stop();
    }
    await expectReadBack(`${registry.host}/acct/no-mount`);
  });

  it('asks for each blob once: one HEAD, then the upload', async () => {
    const proxy = await startFaultProxy(registry.host, () => ({ kind: 'pass' }));
    try {
      const result = await push(target(proxy.host, 'heads/once'));
      expect(result.blobs.map((b) => b.outcome)).toEqual(expectedBlobs.map(() => 'uploaded'));
      for (const b of result.blobs)
        expect(
          proxy.seen.filter((s) => s === `HEAD /v2/heads/once/blobs/${b.digest}`),
        ).toHaveLength(1);
    } finally {
      await proxy.stop();
    }
    await expectReadBack(`${registry.host}/heads/once`);
  });

  it('uploads large blobs in chunks and small ones in one request', async () => {
    const proxy = await startFaultProxy(registry.host, () => ({ kind: 'pass' }));
    try {
      await push(target(proxy.host, 'chunks/a'));
      const patches = proxy.seen.filter((s) => s.startsWith('PATCH'));
      const big = weight.layers.find((l) => l.size > CHUNKS.chunkThreshold)!;
      expect(patches).toHaveLength(Math.ceil(big.size / CHUNKS.chunkSize));
      await expectReadBack(`${registry.host}/chunks/a`);
    } finally {
      await proxy.stop();
    }
  });

  describe('through a faulty network', () => {
    async function pushThrough(
      repo: string,
      decide: (method: string, path: string, n: number) => Fault,
      log?: string[],
    ) {
      const counts = new Map<string, number>();
      const proxy = await startFaultProxy(registry.host, (req) => {
        const key = `${req.method} ${new URL(req.url!, 'http://x').pathname.replace(/[0-9a-f-]{36}/, 'ID')}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return decide(req.method!, new URL(req.url!, 'http://x').pathname, counts.get(key)!);
      });
      try {
        return await push(target(proxy.host, repo, { log: (m) => log?.push(m) }));
      } finally {
        await proxy.stop();
      }
    }

    const resumedAt = (log: string[]) =>
      log
        .map((m) => /resuming .* at byte (\d+)/.exec(m)?.[1])
        .filter(Boolean)
        .map(Number);

    it('resumes a chunked upload from the session Range after a dropped connection', async () => {
      const log: string[] = [];
      const result = await pushThrough(
        'faults/drop-between',
        (method, _p, n) =>
          method === 'PATCH' && n === 2 ? { kind: 'drop', afterBytes: 0 } : { kind: 'pass' },
        log,
      );
      expect(result.digest).toBe(weight.artifact.manifestDigest);
      // The session kept the first chunk: the upload went on from its end, not from zero.
      expect(resumedAt(log)).toEqual([CHUNKS.chunkSize]);
      await expectReadBack(`${registry.host}/faults/drop-between`);
      expect(registry.blobDigests()).toEqual(storedBlobs);
    });

    it('recovers when the connection drops in the middle of a chunk', async () => {
      const log: string[] = [];
      const result = await pushThrough(
        'faults/drop-mid',
        (method, _p, n) =>
          method === 'PATCH' && n === 2 ? { kind: 'drop', afterBytes: 30_000 } : { kind: 'pass' },
        log,
      );
      expect(result.digest).toBe(weight.artifact.manifestDigest);
      // distribution 2.8 invalidates a session whose size no longer matches its state token
      // (part of the chunk was written): the client starts that blob over, once.
      expect(log.filter((m) => /starting over/.test(m))).toHaveLength(1);
      await expectReadBack(`${registry.host}/faults/drop-mid`);
      expect(registry.blobDigests()).toEqual(storedBlobs);
    });

    it('retries 500 and 503 answers', async () => {
      const result = await pushThrough('faults/5xx', (method, _p, n) => {
        if (method === 'PATCH' && n === 1) return { kind: 'status', status: 500 };
        if (method === 'PUT' && n === 1) return { kind: 'status', status: 503 };
        return { kind: 'pass' };
      });
      expect(result.digest).toBe(weight.artifact.manifestDigest);
      await expectReadBack(`${registry.host}/faults/5xx`);
      expect(registry.blobDigests()).toEqual(storedBlobs);
    });

    it('honours Retry-After on 429', async () => {
      const log: string[] = [];
      await pushThrough(
        'faults/429',
        (method, _p, n) =>
          method === 'HEAD' && n === 1
            ? { kind: 'status', status: 429, headers: { 'retry-after': '1' } }
            : { kind: 'pass' },
        log,
      );
      expect(log.some((m) => m.startsWith('retrying in 1.0 s'))).toBe(true);
      await expectReadBack(`${registry.host}/faults/429`);
    });

    it('falls back to one-request uploads when the registry refuses chunks', async () => {
      const log: string[] = [];
      const result = await pushThrough(
        'faults/no-chunks',
        (method) => (method === 'PATCH' ? { kind: 'status', status: 405 } : { kind: 'pass' }),
        log,
      );
      expect(result.digest).toBe(weight.artifact.manifestDigest);
      expect(
        log.some((m) => /refused a chunked upload; sending blobs in one request/.test(m)),
      ).toBe(true);
      await expectReadBack(`${registry.host}/faults/no-chunks`);
    });

    it('a permanent failure ends with a clear error and no manifest', async () => {
      await expect(
        pushThrough('faults/dead', (method) =>
          method === 'PATCH' || method === 'PUT'
            ? { kind: 'status', status: 500 }
            : { kind: 'pass' },
        ),
      ).rejects.toThrow(/answered 500|failed after retries/);
      const t = target(registry.host, 'faults/dead');
      expect(await t.hasManifest(weight.artifact.tag)).toBeNull();
      await t.close();
    });

    it('rejects a wrong Docker-Content-Digest on the manifest', async () => {
      const wrong = 'sha256:' + 'f'.repeat(64);
      await expect(
        pushThrough('faults/digest', (method, p) =>
          method === 'PUT' && p.includes('/manifests/')
            ? { kind: 'rewrite', header: 'docker-content-digest', value: wrong }
            : { kind: 'pass' },
        ),
      ).rejects.toThrow(/registry stored manifest cog-weight\.demo\.[0-9a-f]{12} as sha256:f{64}/);
    });
  });

  it('names an unreachable registry and a malformed reference', async () => {
    const port = await freePort();
    await expect(
      push(target(`127.0.0.1:${port}`, 'a/b', { retry: { attempts: 1 } })),
    ).rejects.toThrow(
      new RegExp(
        `cannot reach registry 127\\.0\\.0\\.1:${port} \\(http://127\\.0\\.0\\.1:${port}\\)`,
      ),
    );
    expect(() => openTarget('Not A/Repo')).toThrow(/--to "Not A\/Repo" is not a repository/);
  });
});

describe('registry with htpasswd Basic auth', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'basic'), { htpasswd: true });
  });
  afterAll(() => registry.stop());

  it('pushes with explicit credentials', async () => {
    const explicit = { host: registry.host, username: USER, password: PASSWORD };
    await push(target(registry.host, 'basic/x', { credentials: { explicit } }));
    await expectReadBack(`${registry.host}/basic/x`, CREDS);
  });

  it('pushes with credentials from the Docker config', async () => {
    const dir = path.join(root, 'docker-config');
    writeTree(dir, {
      'config.json': JSON.stringify({
        auths: {
          // A longer host containing this one must not match.
          [`${registry.host}.evil.example`]: { auth: Buffer.from('evil:evil').toString('base64') },
          [`http://${registry.host}`]: { auth: Buffer.from(CREDS).toString('base64') },
        },
      }),
    });
    await push(target(registry.host, 'basic/y', { credentials: { dockerConfigDir: dir } }));
    await expectReadBack(`${registry.host}/basic/y`, CREDS);
  });

  it('names the registry and the credential source on a 401', async () => {
    const explicit = { host: registry.host, username: USER, password: 'wrong' };
    await expect(
      push(target(registry.host, 'basic/z', { credentials: { explicit } })),
    ).rejects.toThrow(
      new RegExp(
        `${registry.host} refused the credentials .*credentials tried: explicit username/password`,
      ),
    );
    const empty = path.join(root, 'no-docker-config');
    await expect(
      push(target(registry.host, 'basic/z', { credentials: { dockerConfigDir: empty } })),
    ).rejects.toThrow(/asks for a username and password; anonymous/);
  });

  it('cog-push weights push takes --username and --password-stdin and prints JSON', async () => {
    const dir = path.join(root, 'weight');
    const args = ['weights', 'push', dir, '--name', 'demo', '--target', '/src/weights/demo'];
    args.push('--bundle-file-max', '100000', '--to', `${registry.host}/cli/model`, '--json');
    const r = await cli([...args, '--username', USER, '--password-stdin'], {
      input: `${PASSWORD}\n`,
    });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual([
      'ref',
      'digest',
      'tag',
      'bytesUploaded',
      'bytesSkipped',
      'layers',
    ]);
    expect(out.ref).toBe(`${registry.host}/cli/model@${weight.artifact.manifestDigest}`);
    expect(out.tag).toBe(weight.artifact.tag);
    expect(out.layers.map((l: { digest: string }) => l.digest)).toEqual(
      weight.layers.map((l) => l.digest),
    );
    expect(r.stdout).not.toContain(PASSWORD);
    await expectReadBack(`${registry.host}/cli/model`, CREDS);

    const again = JSON.parse(
      (await cli([...args, '--username', USER, '--password-stdin'], { input: PASSWORD })).stdout,
    );
    expect(again.bytesUploaded).toBe(0);
    expect(again.bytesSkipped).toBe(out.bytesUploaded);

    const denied = await cli([...args, '--username', USER, '--password-stdin'], { input: 'wrong' });
    expect(denied.status).toBe(1);
    expect(denied.stderr).toMatch(/refused the credentials .*explicit username\/password/);
    expect(denied.stderr).not.toContain('wrong');
  });

  it('never sends credentials to another origin named in a Location', async () => {
    // A spy on another port in front of the same registry, and a proxy that points every
    // upload session at the spy.
    const spySeen: (string | undefined)[] = [];
    const spy = await startFaultProxy(registry.host, (req) => {
      spySeen.push(req.headers.authorization);
      return { kind: 'pass' };
    });
    const proxy = await startFaultProxy(registry.host, (req) =>
      req.method === 'POST' ? { kind: 'rewrite-location', host: spy.host } : { kind: 'pass' },
    );
    const explicit = { host: proxy.host, username: USER, password: PASSWORD };
    try {
      await expect(
        push(target(proxy.host, 'basic/leak', { credentials: { explicit } })),
      ).rejects.toThrow();
    } finally {
      await proxy.stop();
      await spy.stop();
    }
    expect(spySeen.length).toBeGreaterThan(0);
    expect(spySeen.every((h) => h === undefined)).toBe(true);
  });

  it('uses a credential helper named in credHelpers', async () => {
    const dir = path.join(root, 'helper');
    const bin = path.join(dir, 'bin');
    writeTree(bin, {
      'docker-credential-cogtest': `#!/bin/sh\nread host\n[ "$host" = "${registry.host}" ] || { echo "credentials not found in native keychain"; exit 1; }\necho '{"ServerURL":"'$host'","Username":"${USER}","Secret":"${PASSWORD}"}'\n`,
    });
    chmodSync(path.join(bin, 'docker-credential-cogtest'), 0o755);
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ credHelpers: { [registry.host]: 'cogtest' } }),
    );
    const oldPath = process.env['PATH'];
    process.env['PATH'] = `${bin}:${oldPath}`;
    try {
      await push(target(registry.host, 'basic/helper', { credentials: { dockerConfigDir: dir } }));
    } finally {
      process.env['PATH'] = oldPath;
    }
    await expectReadBack(`${registry.host}/basic/helper`, CREDS);
  });
});

describe('registry with Bearer token auth', () => {
  let tokens: TokenServer;
  let registry: Registry;
  const explicit = () => ({ host: registry.host, username: USER, password: PASSWORD });
  beforeAll(async () => {
    tokens = await startTokenServer(path.join(root, 'token'));
    registry = await startRegistry(path.join(root, 'bearer'), { token: tokens });
  });
  afterAll(async () => {
    await registry.stop();
    await tokens.stop();
  });

  it('gets a token for exactly the scopes it needs, and pushes', async () => {
    const logged: string[] = [];
    await push(
      target(registry.host, 'tok/model', {
        credentials: { explicit: explicit() },
        log: (m) => logged.push(m),
      }),
    );
    expect(tokens.requests.flatMap((r) => r.scope)).toContain('repository:tok/model:pull,push');
    expect(tokens.requests.every((r) => r.authorized)).toBe(true);
    expect(logged.join('\n')).not.toContain(PASSWORD);
    await expectReadBack(`${registry.host}/tok/model`, CREDS);
  });

  it('asks for pull on the source repository when mounting', async () => {
    await push(target(registry.host, 'tok/source', { credentials: { explicit: explicit() } }));
    const result = await push(
      target(registry.host, 'tok/mounted', { credentials: { explicit: explicit() } }),
      {
        mountFrom: 'tok/source',
      },
    );
    expect(result.bytesUploaded).toBe(0);
    expect(tokens.requests.some((r) => r.scope.includes('repository:tok/source:pull'))).toBe(true);
  });

  it('renews an expired token mid-upload and resumes the same session', async () => {
    // The registry's own challenge, replayed by the proxy as if the token had expired.
    const probe = await fetch(`http://${registry.host}/v2/`);
    const challenge = probe.headers.get('www-authenticate')!;
    let patches = 0;
    const faulty = await startFaultProxy(registry.host, (req) => {
      if (req.method === 'PATCH' && ++patches === 2) {
        return {
          kind: 'status',
          status: 401,
          headers: { 'www-authenticate': challenge.replace(/scope="[^"]*"/, '') },
        };
      }
      return { kind: 'pass' };
    });
    const before = tokens.requests.length;
    const log: string[] = [];
    try {
      await push(
        target(faulty.host, 'tok/expiry', {
          credentials: { explicit: { ...explicit(), host: faulty.host } },
          log: (m) => log.push(m),
        }),
      );
    } finally {
      await faulty.stop();
    }
    // One token for the push, a new one after the 401; the blob was not restarted.
    expect(tokens.requests.length - before).toBeGreaterThanOrEqual(2);
    // One session per blob: the chunked one was resumed after the 401, not restarted.
    expect(faulty.seen.filter((s) => s.startsWith('POST'))).toHaveLength(expectedBlobs.length);
    expect(log.some((m) => m.includes(`at byte ${CHUNKS.chunkSize}`))).toBe(true);
    await expectReadBack(`${registry.host}/tok/expiry`, CREDS);
  });

  it('fails with the registry and credential source on wrong credentials', async () => {
    await expect(
      push(
        target(registry.host, 'tok/x', {
          credentials: { explicit: { ...explicit(), password: 'nope' } },
        }),
      ),
    ).rejects.toThrow(
      new RegExp(
        `${registry.host}: token request to .* failed with 401; credentials tried: explicit username/password`,
      ),
    );
  });
});

describe('OCI layout target', () => {
  it('writes a layout skopeo reads, and re-writes nothing', async () => {
    const dir = path.join(root, 'layout');
    const first = await push(new OciLayoutTarget(dir));
    expect(first.bytesUploaded).toBeGreaterThan(0);
    expect(execSkopeoRaw(`oci:${dir}:${weight.artifact.tag}`)).toBe(weight.artifact.manifest);
    const copied = path.join(root, 'layout-copy');
    execSkopeo(['copy', '--quiet', `oci:${dir}:${weight.artifact.tag}`, `oci:${copied}:x`]);
    for (const d of expectedBlobs)
      expect(sha(path.join(copied, 'blobs/sha256', d.slice(7)))).toBe(d);
    const second = await push(new OciLayoutTarget(dir));
    expect(second.bytesUploaded).toBe(0);
  });
});

function execSkopeo(args: string[]): Buffer {
  return execFileSync('skopeo', args);
}
function execSkopeoRaw(ref: string): string {
  return execSkopeo(['inspect', '--raw', ref]).toString('utf8');
}
