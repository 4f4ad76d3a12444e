// Hostile peers: a registry (our fault proxy in front of a real one) that stalls, cuts, sends
// oversized answers; a token realm that stalls or floods; prebuilt images and project files
// that lie about their sizes. Each ends in bounded time and memory with one error that names
// what was wrong and where.
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCogConfig } from '../src/cog/config.js';
import { DockerArchive } from '../src/image/archive.js';
import { readImageHead } from '../src/image/weightsjson.js';
import { pack as tarPack } from 'tar-stream';
import { OciLayoutTarget } from '../src/oci/layout.js';
import { RegistryTarget } from '../src/oci/registry/client.js';
import { downloadToStore } from '../src/weights/sources/download.js';
import { WeightStore } from '../src/weights/store.js';
import { logSafe } from '../src/util/log.js';
import { cli } from './helpers/cli.js';
import { actionRunner, EXAMPLE, errorLines, PREBUILT } from './helpers/action.js';
import {
  freePort,
  selfSignedCert,
  startFaultProxy,
  startRegistry,
  startTokenServer,
  type Fault,
  type FaultProxy,
  type Registry,
} from './helpers/registry.js';
import { tempDir } from './helpers/tmp.js';

const root = tempDir('faults-');
const { runAction } = actionRunner(root);
/** Stall limits small enough for tests: the code's rule, at a test's scale. */
const STALL = { headers: 300, body: 300, connect: 300 };
const FAST = { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 };
const sha = (b: Uint8Array) => 'sha256:' + createHash('sha256').update(b).digest('hex');

let registry: Registry;
let proxy: FaultProxy;
let fault: (req: http.IncomingMessage, n: number) => Fault = () => ({ kind: 'pass' });
/** The example's model in the registry: its image manifest and a layer to read. */
let imageDigest = '';
let layer = { digest: '', size: 0 };

beforeAll(async () => {
  registry = await startRegistry(path.join(root, 'registry'));
  proxy = await startFaultProxy(registry.host, (req, n) => fault(req, n));
  const r = await runAction({
    'working-directory': 'examples/hello',
    registry: registry.host,
    repository: 'faults/model',
    tag: 'v1',
    ...PREBUILT,
  });
  expect(r.status).toBe(0);
  imageDigest = r.outputs['image-digest']!;
  const index = JSON.parse(
    await (
      await fetch(`http://${registry.host}/v2/faults/model/manifests/v1`, {
        headers: { accept: 'application/vnd.oci.image.index.v1+json' },
      })
    ).text(),
  );
  const weight = JSON.parse(
    await (
      await fetch(
        `http://${registry.host}/v2/faults/model/manifests/${index.manifests[2].digest}`,
        {
          headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
        },
      )
    ).text(),
  );
  layer = weight.layers[0];
}, 60_000);
afterAll(async () => {
  await proxy.stop();
  await registry.stop();
});

const target = (host = proxy.host) =>
  new RegistryTarget(host, 'faults/model', { retry: FAST, stall: STALL });

/**
 * Run `fn` against the proxy with `f` as its behaviour; resolve with the error and the
 * requests the proxy saw meanwhile (`METHOD path`).
 */
async function failing(f: typeof fault, fn: (t: RegistryTarget) => Promise<unknown>) {
  fault = f;
  const t = target();
  const before = proxy.seen.length;
  try {
    await fn(t);
  } catch (e) {
    return { message: (e as Error).message, seen: proxy.seen.slice(before) };
  } finally {
    fault = () => ({ kind: 'pass' });
    await t.close();
  }
  throw new Error('expected a failure');
}

describe('a registry that stalls', () => {
  it('on /v2/: fails within the stall bound, naming the registry, with no "23:"', async () => {
    const r = await failing(
      (req) => (req.url === '/v2/' ? { kind: 'stall' } : { kind: 'pass' }),
      (t) => t.hasManifest('v1'),
    );
    expect(r.message).toMatch(
      new RegExp(`cannot reach registry ${proxy.host} .*GET /v2/: no answer \\(timed out\\)`),
    );
    // The DOMException code once led the message ("23: The operation was aborted…"). Only a
    // "23:" of its own counts: the free port may end in 23 ("127.0.0.1:40123: GET …").
    expect(r.message).not.toMatch(/(?<![\d.])23:/);
    // Two tries (STALL_ATTEMPTS), not the policy's three: a silent peer is given up on early.
    expect(r.seen).toEqual(['GET /v2/', 'GET /v2/']);
  });

  it('in the middle of a blob: gives up after two tries, naming the blob and the byte', async () => {
    const r = await failing(
      (req) =>
        req.method === 'GET' && req.url?.includes('/blobs/')
          ? { kind: 'stall-body', afterBytes: 1000 }
          : { kind: 'pass' },
      async (t) => {
        for await (const chunk of t.openBlob(layer.digest)) void chunk;
      },
    );
    expect(r.message).toMatch(
      new RegExp(
        `GET blob ${layer.digest} at byte 2000: the answer stalled \\(timed out\\) \\(gave up after 2 attempts\\)`,
      ),
    );
    expect(r.seen.filter((l) => l === `GET /v2/faults/model/blobs/${layer.digest}`)).toHaveLength(
      2,
    );
  });
});

describe('a registry that cuts a blob in the middle', () => {
  it('is read on from where it stopped (Range), and the bytes are whole', async () => {
    const ranges: (string | undefined)[] = [];
    let cuts = 0;
    fault = (req) => {
      if (req.method !== 'GET' || !req.url?.includes(`/blobs/${layer.digest}`))
        return { kind: 'pass' };
      ranges.push(req.headers.range);
      return cuts++ === 0 ? { kind: 'cut-body', afterBytes: 4096 } : { kind: 'pass' };
    };
    const t = target();
    try {
      const chunks: Uint8Array[] = [];
      for await (const c of t.openBlob(layer.digest)) chunks.push(c);
      const bytes = Buffer.concat(chunks);
      expect(bytes.length).toBe(layer.size);
      expect(sha(bytes)).toBe(layer.digest);
      expect(ranges).toEqual([undefined, 'bytes=4096-']);
    } finally {
      fault = () => ({ kind: 'pass' });
      await t.close();
    }
  });
});

describe('oversized answers are refused at their limit', () => {
  it('a manifest over the OCI limit of 4 MiB', async () => {
    const r = await failing(
      (req) =>
        req.method === 'GET' && req.url?.includes('/manifests/')
          ? {
              kind: 'huge',
              status: 200,
              bytes: 6 << 20,
              headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
            }
          : { kind: 'pass' },
      (t) => t.getManifest('v1'),
    );
    expect(r.message).toBe(
      `${proxy.host}: manifest v1 (over the OCI limit) is larger than 4194304 bytes; refusing to read it`,
    );
  });

  it('an error page of 64 MiB becomes a short message', async () => {
    const r = await failing(
      (req) =>
        req.method === 'GET' && req.url?.includes('/manifests/')
          ? { kind: 'huge', status: 400, bytes: 64 << 20 }
          : { kind: 'pass' },
      (t) => t.getManifest('v1'),
    );
    expect(r.message).toMatch(
      new RegExp(`^${proxy.host}: GET /v2/faults/model/manifests/v1 answered 400`),
    );
    expect(r.message.length).toBeLessThan(400);
  });
});

describe('a token realm', () => {
  async function bearerRegistryWithRealm(handler: http.RequestListener) {
    const server = http.createServer(handler);
    const port = await freePort();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    const tokens = await startTokenServer(path.join(root, `token-${port}`));
    const reg = await startRegistry(path.join(root, `bearer-${port}`), {
      token: { ...tokens, realm: `http://127.0.0.1:${port}/token` },
    });
    return {
      reg,
      realm: `http://127.0.0.1:${port}/token`,
      stop: async () => {
        await reg.stop();
        await tokens.stop();
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
      },
    };
  }

  it.each([
    ['that stalls is named, not the registry', () => undefined, /no answer \(timed out\)/],
    [
      'that sends 8 MiB is refused at 1 MiB',
      (_: http.IncomingMessage, res: http.ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(Buffer.alloc(8 << 20, 0x7b));
      },
      /the answer is larger than 1048576 bytes; refusing to read it/,
    ],
  ] as const)('%s', async (_, handler, message) => {
    const { reg, realm, stop } = await bearerRegistryWithRealm((req, res) => handler(req, res));
    const t = new RegistryTarget(reg.host, 'a/b', { retry: FAST, stall: STALL });
    try {
      const err = await t.hasManifest('v1').then(
        () => undefined,
        (e: Error) => e.message,
      );
      expect(err).toMatch(new RegExp(`^${reg.host}: token realm ${realm}: `));
      expect(err).toMatch(message);
    } finally {
      await t.close();
      await stop();
    }
  });
});

describe('prebuilt images and project files that lie about their size', () => {
  it('a 1.5 KB docker-archive whose header claims 3 GiB', async () => {
    const header = Buffer.alloc(512);
    header.write('manifest.json', 0);
    header.write('0000644\0', 100);
    header.write((3 * 1024 ** 3).toString(8).padStart(11, '0') + '\0', 124);
    header.write('0', 156);
    header.write('ustar\0', 257);
    const file = path.join(root, 'liar.tar');
    writeFileSync(file, Buffer.concat([header, Buffer.alloc(1024)]));
    // Named once, not `docker-archive:F: docker-archive:F: …`.
    await expect(DockerArchive.open(file)).rejects.toThrow(
      new RegExp(
        `^docker-archive:${file}: an entry at byte 0 claims 3221225472 bytes, past the end of the 1536-byte archive$`,
      ),
    );
  });

  /** A docker-archive tar of these entries. */
  async function archive(name: string, files: Record<string, string | Uint8Array>) {
    const pack = tarPack();
    for (const [n, body] of Object.entries(files)) pack.entry({ name: n }, Buffer.from(body));
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const c of pack) chunks.push(c as Buffer);
    const file = path.join(root, name);
    writeFileSync(file, Buffer.concat(chunks));
    return file;
  }

  it.each([
    ['config', [{ Config: 'gone.json', Layers: [] }], 'config "gone.json"'],
    ['layer', [{ Config: 'c.json', Layers: ['gone/layer.tar'] }], 'layer "gone/layer.tar"'],
  ])(
    'a docker-archive whose manifest.json names a missing %s says manifest.json is at fault',
    async (kind, manifest, what) => {
      const file = await archive(`missing-${kind}.tar`, {
        'manifest.json': JSON.stringify(manifest),
        'c.json': '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}',
      });
      await expect(DockerArchive.open(file)).rejects.toThrow(
        new RegExp(
          `^docker-archive:${file}: manifest.json names ${what}, which is not in the archive$`,
        ),
      );
    },
  );

  it('an image whose config is JSON null is refused', async () => {
    const file = await archive('null-config.tar', {
      'manifest.json': JSON.stringify([{ Config: 'c.json', Layers: [] }]),
      'c.json': 'null',
    });
    const source = await DockerArchive.open(file);
    const manifest = await source.getManifest();
    const config = sha(Buffer.from('null'));
    await expect(readImageHead(source, manifest.digest)).rejects.toThrow(
      `docker-archive:${file}: image config ${config} is not a JSON object`,
    );
  });

  it('an OCI layout whose layer is a symlink to /dev/zero is not read', async () => {
    const dir = path.join(root, 'zero-layout');
    cpSync(path.join(EXAMPLE, 'image'), dir, { recursive: true });
    const blob = path.join(dir, 'blobs/sha256', layer.digest.slice(7));
    rmSync(blob, { force: true });
    mkdirSync(path.dirname(blob), { recursive: true });
    symlinkSync('/dev/zero', blob);
    const read = async () => {
      for await (const c of new OciLayoutTarget(dir).openBlob(layer.digest)) void c;
    };
    await expect(read()).rejects.toThrow(`blob ${layer.digest} is not a regular file (${blob})`);
  });

  it('a cog.yaml that is a symlink to /dev/zero stops at the limit', async () => {
    const dir = path.join(root, 'zero-project');
    mkdirSync(dir, { recursive: true });
    symlinkSync('/dev/zero', path.join(dir, 'cog.yaml'));
    await expect(loadCogConfig(dir)).rejects.toThrow(
      /cog\.yaml: file: the file is larger than 8388608 bytes; refusing to read it/,
    );
  });

  it('an image whose layer is cut on every try fails the publish with one named error', async () => {
    fault = (req) =>
      req.method === 'GET' && req.url?.includes('/blobs/')
        ? { kind: 'cut-body', afterBytes: 100 }
        : { kind: 'pass' };
    try {
      const r = await runAction(
        {
          'working-directory': 'examples/hello',
          registry: registry.host,
          repository: 'faults/copy',
          tag: 'v1',
          build: 'none',
          image: `${proxy.host}/faults/model@${imageDigest}`,
        },
        { COG_PUSH_STALL_SECONDS: '3' },
      );
      expect(r.status).toBe(1);
      expect(errorLines(r)).toHaveLength(1);
      expect(errorLines(r)[0]).toMatch(
        /GET blob sha256:[0-9a-f]{64} at byte \d+: .*gave up after \d attempts/,
      );
    } finally {
      fault = () => ({ kind: 'pass' });
    }
  }, 60_000);
});

describe('the job summary', () => {
  it('that cannot be written is a warning, not a failed publish', async () => {
    const r = await runAction(
      {
        'working-directory': 'examples/hello',
        tag: 'v1',
        to: `oci-layout:${path.join(root, 'summary-out')}`,
        ...PREBUILT,
      },
      { GITHUB_STEP_SUMMARY: path.join(root, 'no/such/dir/summary.md') },
    );
    expect(r.status).toBe(0);
    expect(errorLines(r)).toEqual([]);
    expect(r.stdout).toMatch(/::warning::the job summary could not be written: /);
  });
});

describe('what a publish leaves behind', () => {
  it.each([
    ['a publish', {}],
    ['a dry run', { 'dry-run': 'true' }],
  ])('%s leaves no cog-push-* directory in RUNNER_TEMP or TMPDIR', async (_, extra) => {
    const scratch = path.join(root, `scratch-${Object.keys(extra).length}`);
    mkdirSync(scratch, { recursive: true });
    const r = await runAction(
      {
        'working-directory': 'examples/hello',
        tag: 'v1',
        to: `oci-layout:${path.join(root, `left-${Object.keys(extra).length}`)}`,
        ...PREBUILT,
        ...extra,
      },
      { RUNNER_TEMP: scratch, TMPDIR: scratch },
    );
    expect(r.status).toBe(0);
    expect(readdirSync(scratch).filter((f) => f.startsWith('cog-push-'))).toEqual([]);
  });
});

describe('errors no retry can fix', () => {
  it('a "registry" that does not speak HTTP is tried once, for every operation in flight', async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      socket.on('error', () => undefined);
      socket.end('SSH-2.0-OpenSSH_9.2\r\n');
    });
    const port = await freePort();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    const target = new RegistryTarget(`127.0.0.1:${port}`, 'a/b', {
      retry: { attempts: 5, baseDelayMs: 200, maxDelayMs: 1000 },
    });
    try {
      const digests = Array.from({ length: 9 }, (_, i) => `sha256:${String(i).repeat(64)}`);
      const results = await Promise.allSettled(digests.map((d) => target.hasBlob(d)));
      for (const r of results) {
        expect(r.status).toBe('rejected');
        expect(String((r as PromiseRejectedResult).reason.message)).toContain(
          `cannot reach registry 127.0.0.1:${port} (http://127.0.0.1:${port}): GET /v2/: the server does not speak HTTP there`,
        );
      }
      // One probe shared by the nine, not retried (the issue saw 45 tries, ~68 s).
      expect(connections).toBe(1);
    } finally {
      await target.close();
      server.close();
    }
  });

  it('a download from a server whose certificate is not trusted fails at once, saying what to set', async () => {
    const dir = path.join(root, 'untrusted');
    mkdirSync(dir, { recursive: true });
    const { keyFile, certFile } = selfSignedCert(dir, 'files', '/CN=127.0.0.1');
    let requests = 0;
    const server = https.createServer(
      { key: readFileSync(keyFile), cert: readFileSync(certFile) },
      (_, res) => (requests++, res.end('x')),
    );
    let handshakes = 0;
    server.on('secureConnection', () => handshakes++);
    server.on('tlsClientError', () => handshakes++);
    const port = await freePort();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    try {
      await expect(
        downloadToStore(new WeightStore(path.join(root, 'store-untrusted')), {
          url: `https://127.0.0.1:${port}/w.bin`,
        }),
      ).rejects.toThrow(
        /at byte 0: DEPTH_ZERO_SELF_SIGNED_CERT: .*not trusted here: for a private CA, set NODE_EXTRA_CA_CERTS/,
      );
      expect(handshakes).toBe(1);
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });
});

describe('peer text in the log', () => {
  it('cannot become a workflow command: a registry error page with ::add-mask:: and ::error:: lines', async () => {
    let probes = 0;
    fault = (req) =>
      req.method === 'GET' && req.url === '/v2/' && ++probes <= 2
        ? {
            kind: 'status',
            status: 503,
            body: 'busy\n::add-mask::stolen\n  ::set-output name=image-digest::sha256:evil\r::error::pwned ##[error]old-style',
          }
        : { kind: 'pass' };
    try {
      const r = await runAction({
        'working-directory': 'examples/hello',
        registry: proxy.host,
        repository: 'faults/inject',
        tag: 'v1',
        ...PREBUILT,
      });
      expect(r.status).toBe(0);
      expect(probes).toBeGreaterThanOrEqual(3);
      const lines = r.stdout.split('\n');
      // The text is there, for the user to read, but no line of it is a command.
      expect(lines).toContain('> ::add-mask::stolen');
      expect(r.stdout).toContain(
        '>   ::set-output name=image-digest::sha256:evil\\x0d::error::pwned ## [error]old-style',
      );
      for (const l of lines) {
        expect(l.trimStart()).not.toMatch(/^::(add-mask::stolen|set-output|error::pwned)/);
        expect(l).not.toContain('##[error]');
        expect(l).not.toContain('\r');
      }
      expect(r.outputs['image-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    } finally {
      fault = () => ({ kind: 'pass' });
    }
  });
});

describe('logSafe', () => {
  it.each([
    ['plain', 'plain'],
    ['::error::x', '> ::error::x'],
    ['  ::warning::x', '>   ::warning::x'],
    ['a\n::add-mask::s', 'a\n> ::add-mask::s'],
    ['a\r::error::x', 'a\\x0d::error::x'],
    ['x ##[set-output name=a;]b', 'x ## [set-output name=a;]b'],
    ['tab\tkept', 'tab\tkept'],
    ['bell\u0007', 'bell\\x07'],
  ])('%j', (input, shown) => expect(logSafe(input)).toBe(shown));

  it('cuts a long line, saying how much', () => {
    expect(logSafe('n'.repeat(1_000_000))).toBe(`${'n'.repeat(4096)}… (995904 more characters)`);
  });
});

describe('cog-push weights push', () => {
  it('honours COG_PUSH_STALL_SECONDS, as every command does', async () => {
    const dir = path.join(root, 'push-stall');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'w.bin'), Buffer.alloc(4096, 7));
    fault = (req) =>
      req.method === 'PUT' || req.method === 'PATCH' ? { kind: 'stall' } : { kind: 'pass' };
    const started = Date.now();
    try {
      const r = await cli(
        [
          'weights',
          'push',
          dir,
          '--name',
          'w',
          '--target',
          '/src/w',
          '--to',
          `${proxy.host}/faults/push-stall`,
        ],
        { env: { COG_PUSH_STALL_SECONDS: '1' } },
      );
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/no answer \(timed out\)/);
      // The 1 s bound, tried twice with backoff: well under the default 45 s.
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      fault = () => ({ kind: 'pass' });
    }
  });
});
