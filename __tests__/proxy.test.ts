// Self-hosted runners behind a corporate proxy: every request of a publish — the registry
// (absolute-URI requests to an http:// registry) and a URL weight source (a CONNECT tunnel to
// an https:// server) — goes through HTTPS_PROXY / HTTP_PROXY, and NO_PROXY's hosts do not.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, selfSignedCert, startRegistry, type Registry } from './helpers/registry.js';
import { startForwardProxy, type ForwardProxy } from './helpers/proxy.js';
import { cliAsync } from './helpers/run.js';
import { pseudoRandom, tempDir } from './helpers/tmp.js';

const root = tempDir('proxy-');
const body = Buffer.from(pseudoRandom(300_000, 5));

describe('through a forward proxy', () => {
  let registry: Registry;
  let proxy: ForwardProxy;
  let files: https.Server;
  let origin = '';
  let cert = '';

  beforeAll(async () => {
    const made = selfSignedCert(root, 'files', '/CN=127.0.0.1', [
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]);
    cert = made.certFile;
    const key = made.keyFile;
    files = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
      res.writeHead(200, { 'content-length': String(body.length), etag: '"v1"' });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
    const port = await freePort();
    await new Promise<void>((r) => files.listen(port, '127.0.0.1', r));
    origin = `https://127.0.0.1:${port}`;
    registry = await startRegistry(path.join(root, 'registry'));
    proxy = await startForwardProxy();
  });
  afterAll(async () => {
    files?.close();
    await proxy?.stop();
    await registry?.stop();
  });

  function project(name: string): string {
    const dir = path.join(root, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'cog.yaml'),
      `model: ${registry.host}/proxied/${name}\nweights:\n  - name: w\n    target: /src/weights/w\n    source:\n      uri: ${origin}/model.bin\n`,
    );
    return dir;
  }

  const run = (dir: string, env: Record<string, string>) =>
    cliAsync(
      [
        'weights',
        'import',
        '--project',
        dir,
        '--to',
        `${registry.host}/proxied/${path.basename(dir)}`,
      ],
      {
        env: { NODE_EXTRA_CA_CERTS: cert, ...env },
      },
    );

  it('sends the registry and the source through the proxy', async () => {
    const dir = project('all');
    const before = proxy.seen.length;
    const r = await run(dir, { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    const seen = proxy.seen.slice(before);
    // The source over a tunnel; the registry as absolute URIs.
    expect(seen).toContain(`CONNECT ${origin.slice('https://'.length)}`);
    expect(seen).toContain(`GET http://${registry.host}/v2/`);
    expect(
      seen.some((l) => l.startsWith(`PUT http://${registry.host}/v2/proxied/all/manifests/`)),
    ).toBe(true);
    // What went through is what the registry holds.
    const lock = JSON.parse(readFileSync(path.join(dir, 'weights.lock'), 'utf8'));
    expect(lock.weights[0].files[0].digest).toBe(
      `sha256:${createHash('sha256').update(body).digest('hex')}`,
    );
    const res = await fetch(
      `http://${registry.host}/v2/proxied/all/manifests/${lock.weights[0].digest}`,
      {
        method: 'HEAD',
        headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
      },
    );
    expect(res.status).toBe(200);
  });

  it('reaches NO_PROXY hosts directly (lowercase variables too)', async () => {
    const dir = project('bypass');
    const before = proxy.seen.length;
    const r = await run(dir, {
      https_proxy: proxy.url,
      http_proxy: proxy.url,
      no_proxy: registry.host,
    });
    expect(r.status).toBe(0);
    const seen = proxy.seen.slice(before);
    expect(seen).toEqual(
      [
        `CONNECT ${origin.slice('https://'.length)}`,
        `CONNECT ${origin.slice('https://'.length)}`,
      ].slice(0, seen.length),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((l) => l.includes(registry.host))).toEqual([]);
  });
});
