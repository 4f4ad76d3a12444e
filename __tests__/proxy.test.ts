// Self-hosted runners behind a corporate proxy: every request of a publish — the registry
// (absolute-URI requests to an http:// registry) and a URL weight source (a CONNECT tunnel to
// an https:// server) — goes through HTTPS_PROXY / HTTP_PROXY, and NO_PROXY's hosts do not.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCert, startRegistry, type Registry } from './helpers/registry.js';
import { startForwardProxy, type ForwardProxy } from './helpers/proxy.js';
import { cliProcess } from './helpers/run.js';
import { startFileServer, type TestServer } from './helpers/file-server.js';
import { writeProject } from './helpers/project.js';
import { proxyFor, proxyFromEnv } from '../src/util/proxy-rules.js';
import { pseudoRandom, tempDir } from './helpers/tmp.js';

const root = tempDir('proxy-');
const body = Buffer.from(pseudoRandom(300_000, 5));

describe('through a forward proxy', () => {
  let registry: Registry;
  let proxy: ForwardProxy;
  let files: TestServer;
  let origin = '';
  let cert = '';

  beforeAll(async () => {
    const made = selfSignedCert(root, 'files', '/CN=127.0.0.1', [
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]);
    cert = made.certFile;
    const key = made.keyFile;
    files = await startFileServer(
      { 'model.bin': body },
      { tls: { key: readFileSync(key), cert: readFileSync(cert) }, etag: () => '"v1"' },
    );
    origin = files.origin;
    registry = await startRegistry(path.join(root, 'registry'));
    proxy = await startForwardProxy();
  });
  afterAll(async () => {
    await files?.close();
    await proxy?.stop();
    await registry?.stop();
  });

  function project(name: string): string {
    return writeProject(path.join(root, name), {
      model: `${registry.host}/proxied/${name}`,
      weights: [{ name: 'w', uri: `${origin}/model.bin` }],
    });
  }

  const run = (dir: string, env: Record<string, string>) =>
    cliProcess(
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

  it('sends https:// targets direct when only HTTP_PROXY is set, and a CIDR in NO_PROXY bypasses', async () => {
    const only = project('http-only');
    let before = proxy.seen.length;
    // A proxy URL without a scheme, as curl takes it.
    let r = await run(only, { HTTP_PROXY: proxy.url.replace('http://', '') });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    let seen = proxy.seen.slice(before);
    expect(seen.filter((l) => l.startsWith('CONNECT'))).toEqual([]);
    expect(seen).toContain(`GET http://${registry.host}/v2/`);
    const cidr = project('cidr');
    before = proxy.seen.length;
    r = await run(cidr, { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.0/8' });
    expect(r.status).toBe(0);
    seen = proxy.seen.slice(before);
    expect(seen).toEqual([]);
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

describe('proxy selection, by curl’s documented rules', () => {
  const settings = (noProxy: string) =>
    proxyFromEnv({ http_proxy: 'http://p:1', https_proxy: 'http://s:2', no_proxy: noProxy })!;
  const table: [string, string, string | undefined][] = [
    // [target, no_proxy, expected proxy]
    ['http://r.example.com/v2/', '', 'http://p:1/'],
    ['https://r.example.com/v2/', '', 'http://s:2/'],
    ['https://r.example.com/', '*', undefined],
    ['https://r.example.com/', 'example.com', undefined],
    ['https://r.example.com/', '.example.com', undefined],
    ['https://r.example.com/', '*.example.com', undefined],
    ['https://example.com/', '.example.com', undefined],
    ['https://badexample.com/', 'example.com', 'http://s:2/'],
    ['https://r.example.com/', 'other.com, example.com', undefined],
    ['https://r.example.com:5000/', 'r.example.com:5000', undefined],
    ['https://r.example.com:5001/', 'r.example.com:5000', 'http://s:2/'],
    ['https://10.1.2.3/', '10.0.0.0/8', undefined],
    ['https://11.1.2.3/', '10.0.0.0/8', 'http://s:2/'],
    ['https://192.168.7.9:8443/', '192.168.0.0/16', undefined],
    ['https://10.1.2.3/', '10.1.2.3', undefined],
    ['https://10.1.2.4/', '10.1.2.3', 'http://s:2/'],
    ['https://[fd00::5]/', 'fd00::/8', undefined],
    ['https://[fe80::5]/', 'fd00::/8', 'http://s:2/'],
    ['https://[::1]:5000/', '[::1]:5000', undefined],
    ['https://r.example.com/', '10.0.0.0/8', 'http://s:2/'],
  ];
  for (const [target, noProxy, expected] of table)
    it(`${target} with no_proxy=${JSON.stringify(noProxy)}: ${expected ?? 'direct'}`, () => {
      expect(proxyFor(new URL(target), settings(noProxy))).toBe(expected);
    });

  it('HTTP_PROXY alone is for http:// targets only', () => {
    const s = proxyFromEnv({ HTTP_PROXY: 'http://p:1' })!;
    expect(proxyFor(new URL('http://r.example.com/'), s)).toBe('http://p:1/');
    expect(proxyFor(new URL('https://r.example.com/'), s)).toBeUndefined();
  });

  it('a proxy without a scheme is http://, lowercase first, and a SOCKS proxy is refused by name', () => {
    const s = proxyFromEnv({ https_proxy: 'proxy.corp:3128', HTTPS_PROXY: 'http://other:1' })!;
    expect(s.httpsProxy).toBe('http://proxy.corp:3128/');
    expect(() => proxyFromEnv({ HTTPS_PROXY: 'socks5://proxy.corp:1080' })).toThrow(
      'HTTPS_PROXY names a socks5:// proxy; only http:// and https:// proxies are supported',
    );
    expect(() => proxyFromEnv({ http_proxy: 'http://[bad' })).toThrow(
      'http_proxy is not a proxy URL: "http://[bad"',
    );
    expect(proxyFromEnv({ NO_PROXY: '*' })).toBeUndefined();
  });
});
