// One large file over parallel Range requests (weights/sources/ranges.ts), against our own
// file servers: the bytes arrive in order whatever order the windows come back in, a cut
// window resumes on its own, and a server that cannot be trusted with ranges (none, a changed
// ETag, a wrong Content-Range, more bytes than asked) gets the file as one stream instead.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadToStore } from '../src/weights/sources/download.js';
import { WindowPool, type RangeSettings } from '../src/weights/sources/ranges.js';
import { WeightStore } from '../src/weights/store.js';
import { OciLayoutTarget } from '../src/oci/layout.js';
import { soloTarFraming } from '../src/weights/tar.js';
import { Limiter } from '../src/util/limit.js';
import { copyIntoShared } from '../src/util/shared-copy.js';
import { readRuntimeEnv } from '../src/config/env.js';
import { parseInputs } from '../src/config/inputs.js';
import { planTransfer } from '../src/publish/plan.js';
import { openSession } from '../src/publish/session.js';
import {
  fileName,
  listen,
  serveFile,
  startFileServer,
  type SeenRequest,
  type TestServer,
} from './helpers/file-server.js';
import { pseudoRandom, tempDir } from './helpers/tmp.js';

const root = tempDir('ranged-');
const KiB = 1024;
const WINDOW = 256 * KiB;
const body = Buffer.from(pseudoRandom(5 * 1024 * KiB + 123, 21));
const sha256 = (b: Uint8Array) => 'sha256:' + createHash('sha256').update(b).digest('hex');
const ranges: RangeSettings = { threshold: 1024 * KiB, connections: 4, window: WINDOW };
let stores = 0;
const store = () => new WeightStore(path.join(root, `store-${++stores}`));

/** The `bytes=a-b` of each ranged request, as [a, b]. */
const asked = (seen: SeenRequest[]) =>
  seen
    .filter((r) => r.range)
    .map((r) => /^bytes=(\d+)-(\d+)$/.exec(r.range!)!.slice(1).map(Number) as [number, number]);

async function closing<T>(servers: TestServer[], fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } finally {
    for (const s of servers) await s.close();
  }
}

/** Download `/model.bin` from `server` over ranges, then close it; what it logged, joined. */
async function logged(server: TestServer) {
  const lines: string[] = [];
  const got = await closing([server], () =>
    downloadToStore(
      store(),
      { url: `${server.origin}/model.bin` },
      { ranges, log: (m) => lines.push(m) },
    ),
  );
  return { got, log: lines };
}

describe('a large file over parallel ranges', () => {
  it('arrives whole and in order: one head GET, then windows that tile the rest, each with If-Range', async () => {
    let active = 0;
    let most = 0;
    const server = await listen((req, res) => {
      active++;
      most = Math.max(most, active);
      res.on('close', () => active--);
      // Later windows answer sooner: the order they arrive in must not matter.
      const at = Number(/^bytes=(\d+)-/.exec(req.headers.range ?? '')?.[1] ?? 0);
      setTimeout(() => serveFile(req, res, 'model.bin', body), Math.max(0, 40 - at / 100_000));
    });
    const got = await closing([server], () =>
      downloadToStore(
        store(),
        { url: `${server.origin}/model.bin`, weightPath: 'model.bin' },
        { ranges },
      ),
    );
    expect(got.digest).toBe(sha256(body));
    // The store's copy, byte for byte (compared whole: toEqual walks 5 MiB one byte at a time).
    expect(Buffer.compare(readFileSync(got.path), body)).toBe(0);
    const gets = server.seen.filter((r) => r.method === 'GET');
    expect(gets[0]!.range).toBeUndefined();
    const windows = asked(server.seen).sort((a, b) => a[0] - b[0]);
    expect(windows[0]![0]).toBe(WINDOW);
    for (let i = 1; i < windows.length; i++) expect(windows[i]![0]).toBe(windows[i - 1]![1] + 1);
    expect(windows.at(-1)![1]).toBe(body.length - 1);
    expect(gets).toHaveLength(1 + windows.length);
    expect(
      server.seen.filter((r) => r.range).every((r) => r.ifRange === '"model.bin-5243003"'),
    ).toBe(true);
    // The head and at most four windows at once.
    expect(most).toBeLessThanOrEqual(1 + ranges.connections);
    expect(most).toBeGreaterThan(2);

    // The same digests as one stream gives, the file's and its own plain tar layer's.
    const plain = await startFileServer({ 'model.bin': body });
    const single = await closing([plain], () =>
      downloadToStore(store(), { url: `${plain.origin}/model.bin`, weightPath: 'model.bin' }, {}),
    );
    expect(plain.seen.filter((r) => r.method === 'GET')).toHaveLength(1);
    expect(got.digest).toBe(single.digest);
  });

  it('a cut window resumes on its own, from where it was cut, and nothing starts over', async () => {
    const cutAt = 3 * WINDOW;
    let cut = false;
    const server = await listen((req, res) => {
      if (!cut && req.headers.range === `bytes=${cutAt}-${cutAt + WINDOW - 1}`) {
        cut = true;
        res.writeHead(206, {
          'content-length': String(WINDOW),
          'content-range': `bytes ${cutAt}-${cutAt + WINDOW - 1}/${body.length}`,
          etag: '"model.bin-5243003"',
        });
        res.write(body.subarray(cutAt, cutAt + 100 * KiB), () => res.socket?.destroy());
        return;
      }
      serveFile(req, res, 'model.bin', body);
    });
    const got = await closing([server], () =>
      downloadToStore(store(), { url: `${server.origin}/model.bin` }, { ranges }),
    );
    expect(got.digest).toBe(sha256(body));
    const resumed = asked(server.seen).filter(([a, b]) => b === cutAt + WINDOW - 1 && a > cutAt);
    expect(resumed).toHaveLength(1);
    expect(resumed[0]![0]).toBeLessThanOrEqual(cutAt + 100 * KiB);
    expect(server.seen.filter((r) => r.method === 'GET' && !r.range)).toHaveLength(1);
  });

  it('a server that does not serve ranges gets one GET, as ever', async () => {
    const server = await startFileServer({ 'model.bin': body }, { ranges: false });
    const got = await closing([server], () =>
      downloadToStore(store(), { url: `${server.origin}/model.bin` }, { ranges }),
    );
    expect(got.digest).toBe(sha256(body));
    expect(server.seen.map((r) => `${r.method} ${r.range}`)).toEqual(['GET undefined']);
  });

  it('a file below the threshold gets one GET', async () => {
    const server = await startFileServer({ 'model.bin': body });
    await closing([server], () =>
      downloadToStore(
        store(),
        { url: `${server.origin}/model.bin` },
        { ranges: { ...ranges, threshold: body.length + 1 } },
      ),
    );
    expect(server.seen).toHaveLength(1);
  });

  it('a file that changes under the windows (If-Range answered 200) starts over as one stream', async () => {
    const next = Buffer.from(pseudoRandom(body.length, 22));
    let version = 1;
    const server = await listen((req, res) => {
      const bytes = version === 1 ? body : next;
      serveFile(req, res, 'model.bin', bytes, { etag: () => `"v${version}"` });
      version = 2; // changed on the server right after the first answer
    });
    const { got, log } = await logged(server);
    expect(got.digest).toBe(sha256(next));
    expect(got.etag).toBe('"v2"');
    expect(log.join('\n')).toMatch(/a range answered a 200 .*; fetching it as one stream/);
    expect(log.join('\n')).toMatch(/downloading it again from the start/);
    // After the fallback: one GET of the whole file, and no range asked after it.
    const last = server.seen.at(-1)!;
    expect(last.range).toBeUndefined();
  });

  it.each([
    [
      'another Content-Range',
      (start: number, end: number) => ({ start: start + 1, end, extra: 0 }),
    ],
    ['more bytes than asked', (start: number, end: number) => ({ start, end, extra: 10 })],
  ])('a window answered with %s makes the file one stream', async (_, lie) => {
    let lies = 0;
    const server = await listen((req, res) => {
      const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (!m || lies > 0) return serveFile(req, res, 'model.bin', body);
      lies++;
      const { start, end, extra } = lie(Number(m[1]), Number(m[2]));
      const part = body.subarray(start, end + 1 + extra);
      res.writeHead(206, {
        'content-length': String(part.length),
        'content-range': `bytes ${start}-${end}/${body.length}`,
        etag: '"model.bin-5243003"',
      });
      res.end(part);
    });
    const { got, log } = await logged(server);
    expect(got.digest).toBe(sha256(body));
    expect(log.join('\n')).toMatch(/fetching it as one stream/);
    expect(server.seen.at(-1)!.range).toBeUndefined();
  });

  it('ranges after a redirect go to the final URL, with no Authorization carried across', async () => {
    const cdn = await startFileServer({ 'blob/model.bin': body });
    const hub = await listen((_req, res) => {
      res.writeHead(302, { location: `${cdn.origin}/blob/model.bin?sig=1` }).end();
    });
    const got = await closing([cdn, hub], () =>
      downloadToStore(
        store(),
        {
          url: `${hub.origin}/org/model/resolve/main/model.bin`,
          authorization: { origin: hub.origin, header: 'Bearer hf_secret' },
        },
        { ranges },
      ),
    );
    expect(got.digest).toBe(sha256(body));
    expect(hub.seen.map((r) => r.authorization)).toEqual(['Bearer hf_secret']);
    expect(cdn.seen.length).toBeGreaterThan(2);
    expect(cdn.seen.every((r) => r.authorization === undefined && r.url.endsWith('?sig=1'))).toBe(
      true,
    );
  });

  it('one pool of window buffers serves every download, and a failed one gives its buffers back', async () => {
    const buffers = new WindowPool(3, WINDOW);
    const failing = await listen((req, res) => {
      // The head is slow, so fetched windows wait unread; the second window is gone.
      if (!req.headers.range)
        return void setTimeout(() => serveFile(req, res, 'model.bin', body), 300);
      if (req.headers.range.startsWith(`bytes=${2 * WINDOW}-`))
        return void setTimeout(() => res.writeHead(404).end(), 100);
      serveFile(req, res, 'model.bin', body);
    });
    await closing([failing], () =>
      expect(
        downloadToStore(
          store(),
          { url: `${failing.origin}/model.bin` },
          { ranges: { ...ranges, buffers } },
        ),
      ).rejects.toThrow(/at byte 524288 answered 404/),
    );
    expect(buffers.idle).toBe(3);
    // Three buffers for two files at once: both arrive (no wait for a buffer deadlocks).
    const server = await startFileServer({ 'a.bin': body, 'b.bin': body });
    const got = await closing([server], () =>
      Promise.all(
        ['a.bin', 'b.bin'].map((n) =>
          downloadToStore(
            store(),
            { url: `${server.origin}/${n}` },
            { ranges: { ...ranges, buffers } },
          ),
        ),
      ),
    );
    expect(got.map((g) => g.digest)).toEqual([sha256(body), sha256(body)]);
  });

  it('the session-wide limit bounds range requests over every download', async () => {
    let active = 0;
    let most = 0;
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.headers.range) {
        active++;
        most = Math.max(most, active);
        res.on('close', () => active--);
      }
      setTimeout(() => serveFile(req, res, fileName(req), body), 10);
    };
    const server = await listen(handler);
    const limit = new Limiter(3);
    const got = await closing([server], () =>
      Promise.all(
        ['a.bin', 'b.bin'].map((n) =>
          downloadToStore(
            store(),
            { url: `${server.origin}/${n}` },
            { ranges: { ...ranges, limit } },
          ),
        ),
      ),
    );
    expect(got.map((g) => g.digest)).toEqual([sha256(body), sha256(body)]);
    expect(most).toBeLessThanOrEqual(3);
    expect(most).toBeGreaterThan(1);
  });

  it("windows go as they are into a layout's early layer blob: Cog's layer, byte for byte", async () => {
    // 64 MiB: a plain tar layer of its own, taken by the layout as it arrives.
    const big = Buffer.from(pseudoRandom(64 * 1024 * KiB, 23));
    const server = await startFileServer({ 'model.safetensors': big });
    const layout = new OciLayoutTarget(path.join(root, 'early-layout'));
    const got = await closing([server], () =>
      downloadToStore(
        store(),
        { url: `${server.origin}/model.safetensors`, weightPath: 'model.safetensors' },
        {
          ranges: { ...ranges, window: 4 * 1024 * KiB },
          layerBlobs: () => layout.blobWriter(),
          keepMax: 0,
        },
      ),
    );
    expect(got.digest).toBe(sha256(big));
    expect(got.kept).toBe(false);
    // Windows were asked for: this is the ranged path, not one stream.
    expect(asked(server.seen).length).toBeGreaterThan(4);
    const { before, after } = soloTarFraming('model.safetensors', big.length);
    const blob = readFileSync(
      path.join(root, 'early-layout/blobs/sha256', got.layer!.digest.slice(7)),
    );
    expect(sha256(blob)).toBe(got.layer!.digest);
    expect(Buffer.compare(blob, Buffer.concat([before, big, after]))).toBe(0);
  });

  it('a session gives every download the same window pool and request limit', async () => {
    const runtime = readRuntimeEnv({ HOME: root }, root, 'linux');
    const inputs = parseInputs(
      (name) =>
        ({ to: `oci-layout:${path.join(root, 'session')}`, 'download-connections': '5' })[name] ??
        '',
      runtime,
    );
    const session = await openSession(planTransfer(inputs, undefined, runtime), runtime, {
      info: () => undefined,
      warning: () => undefined,
      notice: () => undefined,
      group: (_, fn) => fn(),
    });
    try {
      const [a, b] = [session.sourceDownloads(undefined), session.sourceDownloads(undefined)];
      expect(a.ranges?.buffers).toBeInstanceOf(WindowPool);
      expect(a.ranges?.buffers).toBe(b.ranges?.buffers);
      expect(a.ranges?.buffers?.count).toBe(7);
      expect(a.ranges?.limit).toBe(b.ranges?.limit);
      expect(a.ranges?.connections).toBe(5);
      expect(a.ranges?.threshold).toBe(64 * 1024 * 1024);
    } finally {
      await session.close();
    }
  });
});

describe('copyIntoShared', () => {
  it('copies every byte whatever the alignment of source and target, past the scratch size', () => {
    const data = Buffer.from(pseudoRandom(600 * 1024, 11));
    const backing = Buffer.alloc(data.length + 64);
    data.copy(backing, 5);
    for (const from of [0, 1, 3, 5, 8]) {
      for (const to of [0, 2, 7, 8, 13]) {
        for (const length of [100, 4096, 300 * 1024, 600 * 1024 - 8]) {
          const source = backing.subarray(5 + from, 5 + from + length);
          const target = new Uint8Array(new SharedArrayBuffer(length + 32));
          target.fill(0xee);
          copyIntoShared(target, source, to);
          const got = Buffer.from(target.buffer, to, length);
          expect(Buffer.compare(got, source), `from ${from} to ${to} length ${length}`).toBe(0);
          // Nothing around the copy is touched.
          expect(target.subarray(0, to).every((b) => b === 0xee)).toBe(true);
          expect(target.subarray(to + length).every((b) => b === 0xee)).toBe(true);
        }
      }
    }
  });
});
