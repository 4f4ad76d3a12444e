// hf:// sources against a small Hub of ours: revision, paginated tree with Link, LFS metadata,
// resolve redirected to a CDN on another origin, HF_TOKEN checks.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathFilter } from '../src/weights/filter.js';
import { hfSource } from '../src/weights/sources/hf.js';
import { WeightStore } from '../src/weights/store.js';
import { fileName, listen, serveFile, type TestServer } from './helpers/file-server.js';
import { pseudoRandom, tempDir } from './helpers/tmp.js';
import { cli } from './helpers/cli.js';
import { writeProject } from './helpers/project.js';

const root = tempDir('hf-');
const TOKEN = 'hf_test_token_not_real';
const SHA = { main: 'a'.repeat(40), v2: 'b'.repeat(40) };
const blobs: Record<string, Buffer> = {
  'config.json': Buffer.from('{"hidden": 8}'),
  'sub/model.safetensors': Buffer.from(pseudoRandom(70_000, 4)),
  'onnx/model.onnx': Buffer.from(pseudoRandom(5_000, 5)),
};
const hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Seen {
  origin: 'hub' | 'cdn';
  url: string;
  authorization?: string;
}
const seen: Seen[] = [];
/** Answers the Hub gives before the real one, by path and query (each used once). */
const faults = new Map<string, number[]>();
let hubOrigin = '';
/** The path the hostile repository org/evil lists. */
let evilPath = '';
let cdnOrigin = '';
const servers: TestServer[] = [];

/** A server of this file's, closed after it; its origin. */
async function serve(handler: Parameters<typeof listen>[0]): Promise<string> {
  const s = await listen(handler);
  servers.push(s);
  return s.origin;
}

beforeAll(async () => {
  cdnOrigin = await serve((req, res) => {
    seen.push({ origin: 'cdn', url: req.url!, authorization: req.headers.authorization });
    const file = fileName(req).replace(/^cdn\//, '');
    serveFile(req, res, file, blobs[file], { etag: () => undefined });
  });
  hubOrigin = await serve((req, res) => {
    seen.push({ origin: 'hub', url: req.url!, authorization: req.headers.authorization });
    const url = new URL(req.url!, 'http://x');
    const fault = faults.get(url.pathname + url.search)?.shift();
    if (fault) {
      res.writeHead(fault, { 'retry-after': '0' }).end('{"error":"busy"}');
      return;
    }
    const json = (v: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(200, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(v));
    };
    if (
      url.pathname.startsWith('/api/models/org/private/') &&
      req.headers.authorization !== `Bearer ${TOKEN}`
    ) {
      res.writeHead(401).end('{"error":"unauthorized"}');
      return;
    }
    // A hostile repository: its listing names paths that would leave the weight's target.
    if (url.pathname.startsWith('/api/models/org/evil/tree/')) {
      return json([
        { type: 'file', path: 'ok.json', size: 2 },
        { type: 'file', path: evilPath, size: 2 },
      ]);
    }
    let m = /^\/api\/models\/org\/(model|private|evil)\/revision\/(.+)$/.exec(url.pathname);
    if (m) return json({ sha: SHA[m[2] as keyof typeof SHA] });
    m = /^\/api\/models\/org\/(model|private)\/tree\/([0-9a-f]{40})$/.exec(url.pathname);
    if (m) {
      const entry = (p: string, lfs: boolean) => ({
        type: 'file',
        path: p,
        size: blobs[p]!.length,
        ...(lfs ? { lfs: { oid: hex(blobs[p]!), size: blobs[p]!.length } } : {}),
      });
      if (url.searchParams.get('cursor') !== '2') {
        return json([{ type: 'directory', path: 'sub' }, entry('config.json', false)], {
          link: `<${hubOrigin}/api/models/org/${m[1]}/tree/${m[2]}?recursive=true&cursor=2>; rel="next"`,
        });
      }
      return json([entry('sub/model.safetensors', true), entry('onnx/model.onnx', true)]);
    }
    m = /^\/org\/(model|private)\/resolve\/([0-9a-f]{40})\/(.+)$/.exec(url.pathname);
    if (m) {
      const file = decodeURIComponent(m[3]!);
      if (file === 'config.json') {
        res.writeHead(200, { 'content-length': String(blobs[file]!.length) });
        return res.end(blobs[file]);
      }
      res.writeHead(302, { location: `${cdnOrigin}/cdn/${encodeURIComponent(file)}` });
      return res.end();
    }
    res.writeHead(404).end('{}');
  });
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

describe('hf:// sources', () => {
  it('pins the ref to its commit, walks every tree page, and fetches only what the filter keeps', async () => {
    seen.length = 0;
    const store = new WeightStore(path.join(root, 'store'));
    const source = await hfSource('hf://org/model', store, {
      hub: { endpoint: hubOrigin, token: TOKEN },
      keep: pathFilter([], ['onnx/']),
    });
    expect(source.fingerprint).toBe(`commit:${SHA.main}`);
    const byPath = Object.fromEntries(source.files.map((f) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual(['config.json', 'sub/model.safetensors']);
    for (const [p, f] of Object.entries(byPath)) {
      expect(f.size).toBe(blobs[p]!.length);
      expect(source.arrived.get(f.source)?.digest).toBe(`sha256:${hex(blobs[p]!)}`);
    }
    // Bytes come from the pinned commit; the excluded file is never fetched.
    expect(
      seen
        .filter((s) => s.url.includes('/resolve/'))
        .every((s) => s.url.includes(`/resolve/${SHA.main}/`)),
    ).toBe(true);
    expect(seen.some((s) => s.url.includes('onnx'))).toBe(false);
    expect(seen.some((s) => s.url.includes('cursor=2'))).toBe(true);
    // The token went to the Hub, never to the CDN.
    expect(
      seen.filter((s) => s.origin === 'hub').every((s) => s.authorization === `Bearer ${TOKEN}`),
    ).toBe(true);
    expect(seen.filter((s) => s.origin === 'cdn').map((s) => s.authorization)).toEqual([undefined]);
  });

  it.each([
    ['../../../../tmp/x', 'is not a clean relative path'],
    ['/etc/cron.d/evil', 'is not a clean relative path'],
    ['a/./b', 'is not a clean relative path'],
    ['a//b', 'is not a clean relative path'],
    ['bad\u0000nul', 'contains a control character'],
    ['bad\ud800half', 'is not valid UTF-8'],
  ])('refuses a listing that names %j, before downloading anything', async (evil, why) => {
    seen.length = 0;
    evilPath = evil;
    const store = new WeightStore(path.join(root, 'store-evil'));
    await expect(
      hfSource('hf://org/evil', store, { hub: { endpoint: hubOrigin, token: undefined } }),
    ).rejects.toThrow(
      `hf://org/evil: the Hub lists a file ${JSON.stringify(evil)}, whose path ${why}; refusing to import it`,
    );
    expect(seen.some((s) => s.url.includes('/resolve/'))).toBe(false);
  });

  it('a moved @ref changes the fingerprint', async () => {
    const store = new WeightStore(path.join(root, 'store-v2'));
    const source = await hfSource('hf://org/model@v2', store, {
      hub: { endpoint: hubOrigin, token: undefined },
    });
    expect(source.fingerprint).toBe(`commit:${SHA.v2}`);
  });

  it('asks the API again after dropped answers (5xx, 429 with Retry-After), and gives up after 5', async () => {
    const tree2 = `/api/models/org/model/tree/${SHA.v2}?recursive=true&cursor=2`;
    faults.set('/api/models/org/model/revision/v2', [503, 429]);
    faults.set(tree2, [500]);
    seen.length = 0;
    const source = await hfSource('hf://org/model@v2', new WeightStore(path.join(root, 's-r')), {
      hub: { endpoint: hubOrigin, token: undefined },
    });
    expect(source.files.map((f) => f.path).sort()).toEqual([
      'config.json',
      'onnx/model.onnx',
      'sub/model.safetensors',
    ]);
    const api = seen.filter((x) => x.url.startsWith('/api/')).map((x) => x.url);
    expect(api.filter((u) => u.includes('/revision/'))).toHaveLength(3);
    expect(api.filter((u) => u === tree2)).toHaveLength(2);

    faults.set('/api/models/org/model/revision/v2', [503, 503, 503, 503, 503, 503]);
    seen.length = 0;
    await expect(
      hfSource('hf://org/model@v2', new WeightStore(path.join(root, 's-r2')), {
        hub: { endpoint: hubOrigin, token: undefined },
      }),
    ).rejects.toThrow('hf://org/model@v2: /api/models/org/model/revision/v2 answered 503');
    expect(seen).toHaveLength(5);
    faults.clear();
  });

  it('says how to get access to a private repository, without showing the token', async () => {
    const store = new WeightStore(path.join(root, 'store-private'));
    await expect(
      hfSource('hf://org/private', store, { hub: { endpoint: hubOrigin, token: undefined } }),
    ).rejects.toThrow(
      /the Hub refused access \(401\); set HF_TOKEN for a private or gated repository/,
    );
    const wrong = hfSource('hf://org/private', store, {
      hub: { endpoint: hubOrigin, token: 'hf_wrong' },
    });
    await expect(wrong).rejects.toThrow(/check that HF_TOKEN can read this repository/);
    await expect(wrong).rejects.not.toThrow(/hf_wrong/);
    const ok = await hfSource('hf://org/private', store, {
      hub: { endpoint: hubOrigin, token: TOKEN },
    });
    expect(ok.files).toHaveLength(3);
  });
});

describe('cog-push weights import with hf:// and http(s):// sources', () => {
  const HUB_WEIGHT = { name: 'hub', uri: 'hf://org/model', exclude: ['onnx/'] };

  it('writes fingerprints per source, then finds an unchanged import unchanged', async () => {
    const project = writeProject(path.join(root, 'import-project'), {
      model: 'registry.example.com/acct/model',
      weights: [HUB_WEIGHT, { name: 'single', uri: `${cdnOrigin}/cdn/config.json` }],
    });
    const env = {
      HF_ENDPOINT: hubOrigin,
      HF_TOKEN: TOKEN,
      COG_PUSH_STORE_DIR: path.join(root, 'import-store'),
    };
    const args = [
      'weights',
      'import',
      '--project',
      project,
      '--to',
      `oci-layout:${path.join(root, 'import-out')}`,
    ];
    const first = await cli(args, { env });
    expect(first.stderr + first.stdout).not.toContain(TOKEN);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^hub {2}2 file\(s\) {2}.* {2}new\nsingle {2}1 file\(s\) {2}.* {2}new\n$/,
    );
    const lock = JSON.parse(readFileSync(path.join(project, 'weights.lock'), 'utf8'));
    expect(lock.weights[0].sources[0]).toEqual({
      uri: 'hf://org/model',
      fingerprint: `commit:${SHA.main}`,
      include: [],
      exclude: ['onnx/'],
    });
    expect(lock.weights[1].sources[0].fingerprint).toBe(`sha256:${hex(blobs['config.json']!)}`);
    expect(lock.weights[0].files.map((f: { path: string }) => f.path)).toEqual([
      'config.json',
      'sub/model.safetensors',
    ]);

    // Unchanged sources and manifests already in the target: Cog's fast path. The Hub is asked
    // for the commit of the ref and nothing else; the URL source costs one HEAD.
    const before = seen.length;
    const again = await cli(args, { env });
    const asked = seen.slice(before).map((x) => `${x.origin} ${x.url}`);
    expect(asked.filter((a) => a.startsWith('hub'))).toEqual([
      `hub /api/models/org/model/revision/main`,
    ]);
    expect(asked.some((a) => a.includes('/resolve/') || a.includes('/tree/'))).toBe(false);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/hub {2}.* {2}unchanged\nsingle {2}.* {2}unchanged/);
    expect(again.stderr).toMatch(/unchanged .*weights\.lock/);
  });

  it('a same-size corrupt store file is never published: it is dropped and fetched again', async () => {
    const project = writeProject(path.join(root, 'corrupt-project'), {
      model: 'registry.example.com/acct/model',
      weights: [HUB_WEIGHT],
    });
    const storeDir = path.join(root, 'corrupt-store');
    const env = { HF_ENDPOINT: hubOrigin, COG_PUSH_STORE_DIR: storeDir };
    const importTo = (out: string) =>
      cli(
        ['weights', 'import', '--project', project, '--to', `oci-layout:${path.join(root, out)}`],
        { env },
      );
    const first = await importTo('corrupt-a');
    expect(first.status).toBe(0);
    const lockText = readFileSync(path.join(project, 'weights.lock'), 'utf8');
    // One flipped byte in the store's copy of the LFS file: same size, wrong bytes.
    const truth = `sha256:${hex(blobs['sub/model.safetensors']!)}`;
    const stored = new WeightStore(storeDir).path(truth);
    const bytes = readFileSync(stored);
    bytes[100]! ^= 0xff;
    writeFileSync(stored, bytes);
    seen.length = 0;
    // A target without the manifest, so the import cannot take the fast path.
    const second = await importTo('corrupt-b');
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(
      /sub\/model\.safetensors .* is sha256:[0-9a-f]{64}, not sha256:[0-9a-f]{64}; removed from the local store, fetching again/,
    );
    expect(
      seen.filter((x) => x.origin === 'cdn' && x.url.includes('model.safetensors')),
    ).toHaveLength(1);
    // The lockfile is unchanged (true digests), and the published layer holds the true bytes.
    expect(readFileSync(path.join(project, 'weights.lock'), 'utf8')).toBe(lockText);
    expect(hex(readFileSync(stored))).toBe(truth.slice(7));
    const lock = JSON.parse(lockText);
    for (const l of lock.weights[0].layers) {
      const blob = readFileSync(path.join(root, 'corrupt-b', 'blobs/sha256', l.digest.slice(7)));
      expect(`sha256:${createHash('sha256').update(blob).digest('hex')}`).toBe(l.digest);
    }
  });
});
