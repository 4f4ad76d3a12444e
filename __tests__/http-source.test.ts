// http(s):// sources and store downloads against a local file server of ours: strong and weak
// ETags, Range, a connection cut mid-file, redirects to another origin.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeightStore } from '../src/weights/store.js';
import { downloadToStore } from '../src/weights/sources/download.js';
import { httpSource } from '../src/weights/sources/http.js';
import { freePort } from './helpers/registry.js';
import { pseudoRandom, tempDir } from './helpers/tmp.js';

const root = tempDir('http-');
const body = Buffer.from(pseudoRandom(300_000, 9));
const digest = 'sha256:' + createHash('sha256').update(body).digest('hex');

interface Seen {
  url: string;
  range?: string;
  authorization?: string;
}

async function server(
  handler: (req: http.IncomingMessage, res: http.ServerResponse, seen: Seen[]) => void,
) {
  const seen: Seen[] = [];
  const s = http.createServer((req, res) => {
    seen.push({
      url: req.url!,
      range: req.headers.range,
      authorization: req.headers.authorization,
    });
    handler(req, res, seen);
  });
  const port = await freePort();
  await new Promise<void>((r) => s.listen(port, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    stop: () => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r()))),
  };
}

/** Serves `body` with Range support; `cut` drops the first full GET half way. */
function files(etag: string | undefined, options: { cut?: boolean } = {}) {
  let cutDone = false;
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
    if (etag) headers['etag'] = etag;
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = m ? Number(m[1]) : 0;
    const part = body.subarray(start);
    res.writeHead(m ? 206 : 200, {
      ...headers,
      'content-length': String(part.length),
      ...(m ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    if (req.method === 'HEAD') return res.end();
    if (options.cut && !cutDone && !m) {
      cutDone = true;
      res.write(part.subarray(0, 100_000), () => setTimeout(() => res.destroy(), 20));
      return;
    }
    res.end(part);
  };
}

const store = new WeightStore(path.join(root, 'store'));
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const s of stops) await s();
});

describe('http(s) sources', () => {
  let strong: Awaited<ReturnType<typeof server>>;
  let weak: Awaited<ReturnType<typeof server>>;
  beforeAll(async () => {
    strong = await server(files('"abc123"'));
    weak = await server(files('W/"weak"'));
    stops.push(strong.stop, weak.stop);
  });

  it('downloads one file named by the URL into the store, fingerprinted by its strong ETag', async () => {
    const source = await httpSource(`${strong.origin}/files/model%20v1.safetensors`, store);
    expect(source.fingerprint).toBe('etag:"abc123"');
    expect(source.files).toEqual([
      { path: 'model v1.safetensors', size: body.length, source: store.path(digest) },
    ]);
    expect(Buffer.compare(readFileSync(store.path(digest)), body)).toBe(0);
  });

  it('fingerprints by content when the ETag is weak', async () => {
    const source = await httpSource(
      `${weak.origin}/w.bin`,
      new WeightStore(path.join(root, 'store-weak')),
    );
    expect(source.fingerprint).toBe(digest);
  });

  it('resumes a download cut mid-file with a Range request', async () => {
    const cut = await server(files('"abc123"', { cut: true }));
    stops.push(cut.stop);
    const got = await downloadToStore(new WeightStore(path.join(root, 'store-cut')), {
      url: `${cut.origin}/f.bin`,
    });
    expect(got.digest).toBe(digest);
    const ranges = cut.seen.map((s) => s.range).filter(Boolean);
    expect(ranges).toHaveLength(1);
    expect(Number(/bytes=(\d+)-/.exec(ranges[0]!)![1])).toBeGreaterThan(0);
  });

  it('deletes the partial file and names both digests on a mismatch', async () => {
    const s = new WeightStore(path.join(root, 'store-bad'));
    const wrong = 'sha256:' + '0'.repeat(64);
    await expect(
      downloadToStore(s, { url: `${strong.origin}/f.bin`, digest: wrong }),
    ).rejects.toThrow(`content is ${digest}, expected ${wrong}; the partial file was deleted`);
    expect(readdirSync(path.join(s.root, 'tmp'))).toEqual([]);
    expect(existsSync(s.path(wrong))).toBe(false);
  });

  it('sends Authorization only to its own origin, not to a redirect target', async () => {
    const target = await server(files('"abc123"'));
    const hub = await server((req, res) => {
      res.writeHead(302, { location: `${target.origin}/cdn/f.bin` });
      res.end();
    });
    stops.push(target.stop, hub.stop);
    const got = await downloadToStore(new WeightStore(path.join(root, 'store-redirect')), {
      url: `${hub.origin}/resolve/f.bin`,
      authorization: { origin: hub.origin, header: 'Bearer hf_secret' },
    });
    expect(got.digest).toBe(digest);
    expect(hub.seen.map((s) => s.authorization)).toEqual(['Bearer hf_secret']);
    expect(target.seen.map((s) => s.authorization)).toEqual([undefined]);
  });
});
