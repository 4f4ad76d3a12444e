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
import { resumeMismatch } from '../src/weights/sources/representation.js';
import { OciLayoutTarget } from '../src/oci/layout.js';
import { layerStream } from '../src/weights/layer.js';
import { packWeight } from '../src/weights/pack.js';
import { DEFAULT_BUNDLE_FILE_MAX } from '../src/weights/layers.js';
import { parseCogConfig } from '../src/cog/config.js';
import { localWeightFiles } from '../src/weights/sources/index.js';
import { Limiter } from '../src/util/limit.js';
import { listen, serveFile, type TestServer } from './helpers/file-server.js';
import { pseudoRandom, tempDir } from './helpers/tmp.js';
import { cli } from './helpers/cli.js';
import { cogYaml, writeProject } from './helpers/project.js';

const root = tempDir('http-');
const body = Buffer.from(pseudoRandom(300_000, 9));
const defaultBody = body;
const sha256 = (b: Uint8Array) => 'sha256:' + createHash('sha256').update(b).digest('hex');
const digest = sha256(body);

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const s of stops) await s();
});

/** A server of this file's own, closed after the file. */
async function server(handler: Parameters<typeof listen>[0]): Promise<TestServer> {
  const s = await listen(handler);
  stops.push(s.close);
  return s;
}

/**
 * Serves `body` with Range support; `cut` drops the first full GET part way (at `cutAt`),
 * `ignoreRange` answers every request with the whole body.
 */
function files(
  etag: string | undefined,
  options: {
    cut?: boolean;
    cutAt?: number;
    ignoreRange?: boolean;
    /** Answer a Range request with 206 and the whole body (a broken server). */
    wrongRange?: boolean;
    body?: Buffer;
  } = {},
) {
  let cutDone = false;
  const body = options.body ?? defaultBody;
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
    if (etag) headers['etag'] = etag;
    const m = options.ignoreRange ? null : /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = m && !options.wrongRange ? Number(m[1]) : 0;
    const part = body.subarray(start);
    res.writeHead(m ? 206 : 200, {
      ...headers,
      'content-length': String(part.length),
      ...(m ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    if (req.method === 'HEAD') return res.end();
    if (options.cut && !cutDone && !m) {
      cutDone = true;
      res.write(part.subarray(0, options.cutAt ?? 100_000), () =>
        setTimeout(() => res.destroy(), 20),
      );
      return;
    }
    res.end(part);
  };
}

const store = new WeightStore(path.join(root, 'store'));

/**
 * A Range as the tests compare it. How much of a cut answer reached the file depends on the
 * client's buffers at the moment of the cut, not on the server: any resume point after byte 0
 * and up to the cut (`upTo`) reads `bytes=CUT-`.
 */
const resumed = (range: string | undefined, upTo: number): string | undefined => {
  const at = Number(/^bytes=(\d+)-$/.exec(range ?? '')?.[1]);
  return at > 0 && at <= upTo ? 'bytes=CUT-' : range;
};
describe('http(s) sources', () => {
  let strong: TestServer;
  let weak: TestServer;
  beforeAll(async () => {
    strong = await server(files('"abc123"'));
    weak = await server(files('W/"weak"'));
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
    const got = await downloadToStore(new WeightStore(path.join(root, 'store-cut')), {
      url: `${cut.origin}/f.bin`,
    });
    expect(got.digest).toBe(digest);
    const ranges = cut.seen.map((s) => s.range).filter(Boolean);
    expect(ranges).toHaveLength(1);
    expect(Number(/bytes=(\d+)-/.exec(ranges[0]!)![1])).toBeGreaterThan(0);
  });

  it('gives up on a server that goes silent mid-file after two silent tries, naming the byte', async () => {
    const silent = await server((req, res) => {
      const start = Number(/bytes=(\d+)-/.exec(req.headers.range ?? '')?.[1] ?? 0);
      res.writeHead(start ? 206 : 200, {
        etag: '"s"',
        'content-length': String(body.length - start),
        ...(start ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
      });
      // The first answer sends 1000 bytes and stalls; a resumed one sends not even its headers
      // (Node sends them with the first byte).
      if (!start) res.write(body.subarray(0, 1000));
    });
    const started = Date.now();
    await expect(
      downloadToStore(
        new WeightStore(path.join(root, 'store-silent')),
        { url: `${silent.origin}/f.bin` },
        { stall: { headers: 300, body: 300, connect: 300 } },
      ),
    ).rejects.toThrow(`${silent.origin}/f.bin at byte 1000: no answer (timed out)`);
    // The first stall brought bytes, so it is tried again; then two silent stalls end it.
    expect(silent.seen.map((x) => x.range)).toEqual([undefined, 'bytes=1000-', 'bytes=1000-']);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('starts the file over when a 206 does not continue where the file stops', async () => {
    const broken = await server(files('"abc123"', { cut: true, wrongRange: true }));
    const s = new WeightStore(path.join(root, 'store-wrong-range'));
    const log: string[] = [];
    const got = await downloadToStore(
      s,
      { url: `${broken.origin}/f.bin` },
      { log: (m) => log.push(m) },
    );
    expect(got.digest).toBe(digest);
    expect(broken.seen.map((x) => resumed(x.range, 100_000))).toEqual([
      undefined,
      'bytes=CUT-',
      undefined,
    ]);
    const at = /^bytes=(\d+)-$/.exec(broken.seen[1]!.range!)![1];
    expect(log).toEqual([
      `${broken.origin}/f.bin: the resume answered bytes from 0 (Content-Range: "bytes 0-${body.length - 1}/${body.length}") to a request for bytes ${at}-; downloading it again from the start`,
    ]);
    expect(readdirSync(path.join(s.root, 'tmp'))).toEqual([]);
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
    const got = await downloadToStore(new WeightStore(path.join(root, 'store-redirect')), {
      url: `${hub.origin}/resolve/f.bin`,
      authorization: { origin: hub.origin, header: 'Bearer hf_secret' },
    });
    expect(got.digest).toBe(digest);
    expect(hub.seen.map((s) => s.authorization)).toEqual(['Bearer hf_secret']);
    expect(target.seen.map((s) => s.authorization)).toEqual([undefined]);
  });
});

describe('a large weight file as it downloads', () => {
  // The smallest file the planner gives a plain tar layer of its own (bundle-file-max).
  const large = Buffer.from(pseudoRandom(DEFAULT_BUNDLE_FILE_MAX, 11));
  const weightPath = 'unet/diffusion_pytorch_model.safetensors';

  /** The layer as packing reads it back from the stored file: digest and bytes. */
  async function packedLayer(source: string) {
    const packed = await packWeight({
      name: 'w',
      target: '/src/w',
      files: [{ path: weightPath, size: large.length, source }],
    });
    const chunks: Uint8Array[] = [];
    for await (const c of layerStream(packed.layers[0]!.plan)) chunks.push(Buffer.from(c));
    return { digest: packed.layers[0]!.digest, bytes: Buffer.concat(chunks) };
  }

  for (const mode of ['cut mid-file and resumed', 'cut, then the Range ignored'] as const) {
    it(`takes its layer digest and writes the layer to an OCI layout (${mode})`, async () => {
      const s = await server(
        files('"big"', {
          body: large,
          cut: true,
          cutAt: 5_000_000 + 17,
          ignoreRange: mode === 'cut, then the Range ignored',
        }),
      );
      const layout = new OciLayoutTarget(path.join(root, `layout-${stops.length}`));
      const st = new WeightStore(path.join(root, `store-large-${stops.length}`));
      const got = await downloadToStore(
        st,
        { url: `${s.origin}/big`, weightPath },
        { layerBlobs: () => layout.blobWriter() },
      );
      expect(got.digest).toBe(sha256(large));
      expect(s.seen).toHaveLength(2);
      const expected = await packedLayer(got.path);
      expect(got.layer).toEqual({ digest: expected.digest, size: expected.bytes.length });
      // The layout recorded the blob as written by this run: a push counts it as uploaded.
      expect(layout.arrived.has(expected.digest)).toBe(true);
      const blob = readFileSync(
        path.join(layout.dir, 'blobs', 'sha256', expected.digest.slice('sha256:'.length)),
      );
      expect(Buffer.compare(blob, expected.bytes)).toBe(0);
      // Nothing but the blob (no partial files) is left in the layout.
      expect(readdirSync(path.join(layout.dir, 'blobs', 'sha256'))).toEqual([
        expected.digest.slice('sha256:'.length),
      ]);
    });
  }

  it('over parallel ranges: the same file digest and layer, written to the layout in order', async () => {
    const s = await server((req, res) => serveFile(req, res, 'big', large));
    const layout = new OciLayoutTarget(path.join(root, `layout-ranged-${stops.length}`));
    const got = await downloadToStore(
      new WeightStore(path.join(root, `store-ranged-${stops.length}`)),
      { url: `${s.origin}/big`, weightPath },
      {
        layerBlobs: () => layout.blobWriter(),
        ranges: { threshold: 1024 * 1024, connections: 4, window: 4 * 1024 * 1024 },
      },
    );
    expect(got.digest).toBe(sha256(large));
    expect(s.seen.filter((r) => r.range).length).toBeGreaterThan(10);
    const expected = await packedLayer(got.path);
    expect(got.layer).toEqual({ digest: expected.digest, size: expected.bytes.length });
    const blob = readFileSync(
      path.join(layout.dir, 'blobs', 'sha256', expected.digest.slice('sha256:'.length)),
    );
    expect(Buffer.compare(blob, expected.bytes)).toBe(0);
  });

  it('weights import into a layout: the layer goes there as it downloads, and counts as pushed', async () => {
    const s = await server(files('"big"', { body: large }));
    const project = writeProject(path.join(root, 'import-large'), {
      model: 'r.example.com/a/b',
      weights: [
        {
          name: 'unet',
          target: '/src/unet',
          uri: `${s.origin}/diffusion_pytorch_model.safetensors`,
        },
      ],
    });
    const out = path.join(root, 'import-large-out');
    const r = await cli(['weights', 'import', '--project', project, '--to', `oci-layout:${out}`], {
      env: { COG_PUSH_STORE_DIR: path.join(root, 'import-large-store') },
    });
    expect(r.status).toBe(0);
    const lock = JSON.parse(readFileSync(path.join(project, 'weights.lock'), 'utf8'));
    const layer = lock.weights[0].layers[0];
    const tar = readFileSync(path.join(out, 'blobs/sha256', layer.digest.slice('sha256:'.length)));
    expect(sha256(tar)).toBe(layer.digest);
    expect(tar.length).toBe(layer.size);
    expect(r.stderr).toMatch(
      new RegExp(`pushed \\d+ bytes \\(${layer.size} as they downloaded\\), skipped 0`),
    );
    // One GET: nothing was read back from the server or re-hashed to pack it.
    expect(s.seen.filter((x) => x.url.endsWith('.safetensors')).length).toBe(1);
    // Each byte written once: the layer blob is the local copy, the store holds none.
    const file = lock.weights[0].files[0];
    const store = new WeightStore(path.join(root, 'import-large-store'));
    expect(await store.has(file.digest, file.size)).toBe(false);
  });

  it('keeps no layer in the layout when the file does not verify', async () => {
    const s = await server(files('"big"', { body: large }));
    const layout = new OciLayoutTarget(path.join(root, 'layout-bad'));
    const wrong = 'sha256:' + '1'.repeat(64);
    await expect(
      downloadToStore(
        new WeightStore(path.join(root, 'store-large-bad')),
        { url: `${s.origin}/big`, weightPath, digest: wrong, size: large.length },
        { layerBlobs: () => layout.blobWriter() },
      ),
    ).rejects.toThrow(`content is ${sha256(large)}, expected ${wrong}`);
    expect(readdirSync(path.join(layout.dir, 'blobs', 'sha256'))).toEqual([]);
  });

  it('takes no layer digest for a file the planner bundles or gzips', async () => {
    const s = await server(files(undefined, { body: large }));
    const st = new WeightStore(path.join(root, 'store-gz'));
    const json = await downloadToStore(st, { url: `${s.origin}/big`, weightPath: 'big.json' });
    expect(json.layer).toBeUndefined();
    expect(json.digest).toBe(sha256(large));
  });
});

describe('several URL sources of one weight', () => {
  it('download at most `concurrency` files at once (GETs), all sources together', async () => {
    let active = 0;
    let most = 0;
    const s = await server((req, res) => {
      if (req.method === 'HEAD') return res.end(); // a metadata call, not a download
      active++;
      most = Math.max(most, active);
      res.on('close', () => active--);
      // Hold each answer a little, so downloads that are allowed to overlap do.
      setTimeout(() => res.end(Buffer.from(`${req.url} `.repeat(1000))), 40);
    });
    const yaml = cogYaml({
      model: 'r.example.com/a/b',
      weights: [
        {
          name: 'w',
          target: '/w',
          uri: ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `${s.origin}/${n}.json`),
        },
      ],
    });
    const config = parseCogConfig(yaml, 'cog.yaml', root);
    const sourced = await localWeightFiles(config, config.weights[0]!, () => undefined, {
      store: new WeightStore(path.join(root, 'store-limit')),
      hub: { endpoint: 'http://127.0.0.1:9/', token: undefined },
      limit: new Limiter(2),
    });
    expect(sourced.files.map((f) => f.path).sort()).toEqual(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `${n}.json`),
    );
    // One GET each: the fingerprint is the GET's own ETag, so no HEAD is asked.
    expect(s.seen.filter((x) => x.url.endsWith('.json'))).toHaveLength(6);
    expect(most).toBe(2);
  });
});

describe('a resumed download is the same file', () => {
  const v1 = Buffer.from(pseudoRandom(300_000, 21));
  const v2 = Buffer.from(pseudoRandom(300_000, 22));
  const v2longer = Buffer.from(pseudoRandom(310_000, 23));

  interface Version {
    body: Buffer;
    etag?: string;
    lastModified?: string;
  }

  /**
   * A file server whose file is replaced by `next` right after the first GET is cut at byte
   * 100000. `ifRange`: honour If-Range (a mismatch gets the whole new file, 200), as RFC 9110
   * says; otherwise answer every Range with a 206 of whatever the file is now.
   */
  function changing(first: Version, next: Version, ifRange: boolean) {
    let now = first;
    let cut = false;
    return (req: http.IncomingMessage, res: http.ServerResponse) => {
      const validators: Record<string, string> = {};
      if (now.etag) validators['etag'] = now.etag;
      if (now.lastModified) validators['last-modified'] = now.lastModified;
      const asked = req.headers['if-range'];
      const matches = !asked || asked === now.etag || asked === now.lastModified;
      const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      const start = m && (!ifRange || matches) ? Number(m[1]) : 0;
      const part = now.body.subarray(start);
      res.writeHead(start ? 206 : 200, {
        ...validators,
        'content-length': String(part.length),
        ...(start
          ? { 'content-range': `bytes ${start}-${now.body.length - 1}/${now.body.length}` }
          : {}),
      });
      if (req.method === 'HEAD') return res.end();
      if (!cut) {
        cut = true;
        res.write(part.subarray(0, 100_000), () => {
          now = next;
          setTimeout(() => res.destroy(), 20);
        });
        return;
      }
      res.end(part);
    };
  }

  const cases: {
    name: string;
    first: Version;
    next: Version;
    ifRange: boolean;
    /** What the requests after the cut carry: [Range, If-Range]. */
    after: [string | undefined, string | undefined][];
    fingerprint: string;
  }[] = [
    {
      name: 'a changed file on a server that honours If-Range arrives whole, as the new version',
      first: { body: v1, etag: '"v1"' },
      next: { body: v2, etag: '"v2"' },
      ifRange: true,
      after: [['bytes=CUT-', '"v1"']],
      fingerprint: 'etag:"v2"',
    },
    {
      name: 'a changed file on a server that ignores If-Range starts over from byte 0',
      first: { body: v1, etag: '"v1"' },
      next: { body: v2, etag: '"v2"' },
      ifRange: false,
      after: [
        ['bytes=CUT-', '"v1"'],
        [undefined, undefined],
      ],
      fingerprint: 'etag:"v2"',
    },
    {
      name: 'the same ETag with another total length starts over',
      first: { body: v1, etag: '"same"' },
      next: { body: v2longer, etag: '"same"' },
      ifRange: false,
      after: [
        ['bytes=CUT-', '"same"'],
        [undefined, undefined],
      ],
      fingerprint: 'etag:"same"',
    },
    {
      name: 'Last-Modified is the validator when there is no strong ETag',
      first: { body: v1, etag: 'W/"weak"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' },
      next: { body: v2, etag: 'W/"weak"', lastModified: 'Fri, 04 Dec 2026 10:00:00 GMT' },
      ifRange: false,
      after: [
        ['bytes=CUT-', 'Tue, 01 Dec 2026 10:00:00 GMT'],
        [undefined, undefined],
      ],
      fingerprint: sha256(v2),
    },
    {
      name: 'a file with no validator is started over, never resumed',
      first: { body: v1 },
      next: { body: v2 },
      ifRange: false,
      after: [[undefined, undefined]],
      fingerprint: sha256(v2),
    },
    {
      name: 'an unchanged file resumes',
      first: { body: v1, etag: '"v1"' },
      next: { body: v1, etag: '"v1"' },
      ifRange: true,
      after: [['bytes=CUT-', '"v1"']],
      fingerprint: 'etag:"v1"',
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const s = await server(changing(c.first, c.next, c.ifRange));
      const st = new WeightStore(path.join(root, `store-version-${stops.length}`));
      const source = await httpSource(`${s.origin}/model.bin`, st, { log: () => undefined });
      const gets = s.seen.filter((x) => x.method === 'GET');
      expect(gets.slice(1).map((x) => [resumed(x.range, 100_000), x.ifRange])).toEqual(c.after);
      // The stored bytes are one version of the file, whole, under the digest they hash to.
      const final = c.next.body;
      const stored = readFileSync(source.files[0]!.source!);
      expect(sha256(stored)).toBe(sha256(final));
      expect(source.files[0]!.size).toBe(final.length);
      expect(source.fingerprint).toBe(c.fingerprint);
    });
  }

  it('takes a 206 of the whole file to a plain GET, as the start of the file', async () => {
    const s = await server((req, res) => {
      res.writeHead(206, {
        'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT',
        'content-length': String(v1.length),
        'content-range': `bytes 0-${v1.length - 1}/${v1.length}`,
      });
      res.end(v1);
    });
    const got = await downloadToStore(new WeightStore(path.join(root, 'store-206-whole')), {
      url: `${s.origin}/f.bin`,
    });
    expect(got.digest).toBe(sha256(v1));
    expect(s.seen).toHaveLength(1);
  });

  it('keeps going while every try brings bytes, however many cuts', async () => {
    let served = 0;
    const s = await server((req, res) => {
      const start = Number(/bytes=(\d+)-/.exec(req.headers.range ?? '')?.[1] ?? 0);
      const part = v1.subarray(start);
      res.writeHead(start ? 206 : 200, {
        etag: '"v1"',
        'content-length': String(part.length),
        ...(start ? { 'content-range': `bytes ${start}-${v1.length - 1}/${v1.length}` } : {}),
      });
      // Eight cuts, 30000 bytes each, then the rest.
      if (++served <= 8) {
        res.write(part.subarray(0, 30_000), () => setTimeout(() => res.destroy(), 10));
        return;
      }
      res.end(part);
    });
    const got = await downloadToStore(new WeightStore(path.join(root, 'store-many-cuts')), {
      url: `${s.origin}/f.bin`,
    });
    expect(got.digest).toBe(sha256(v1));
    // Nine requests: eight cut, each resumed further on than the last, then the rest.
    const starts = s.seen.map((x) => Number(/^bytes=(\d+)-$/.exec(x.range ?? '')?.[1] ?? 0));
    expect(starts).toHaveLength(9);
    expect(starts[0]).toBe(0);
    for (let i = 1; i < 9; i++) {
      expect(starts[i]).toBeGreaterThan(starts[i - 1]!);
      expect(starts[i]).toBeLessThanOrEqual(i * 30_000);
    }
  });

  it('gives up after five tries in a row that bring nothing', async () => {
    const s = await server((req, res) => {
      res.writeHead(503, { 'retry-after': '0' });
      res.end('busy');
    });
    await expect(
      downloadToStore(new WeightStore(path.join(root, 'store-fruitless')), {
        url: `${s.origin}/f.bin`,
      }),
    ).rejects.toThrow(`${s.origin}/f.bin answered 503`);
    expect(s.seen).toHaveLength(5);
  });
});

describe('resumeMismatch', () => {
  const kept = { etag: '"a"', total: 100 };
  const table: [string, Record<string, string>, string | undefined][] = [
    ['continues', { 'content-range': 'bytes 40-99/100', etag: '"a"' }, undefined],
    ['another start', { 'content-range': 'bytes 0-99/100', etag: '"a"' }, 'bytes from 0'],
    ['another total', { 'content-range': 'bytes 40-109/110', etag: '"a"' }, 'a total of 110'],
    ['unknown total', { 'content-range': 'bytes 40-99/*', etag: '"a"' }, 'a total of unknown'],
    ['another ETag', { 'content-range': 'bytes 40-99/100', etag: '"b"' }, 'ETag "b"'],
    ['no ETag', { 'content-range': 'bytes 40-99/100' }, 'ETag (none)'],
    ['a weak ETag', { 'content-range': 'bytes 40-99/100', etag: 'W/"a"' }, 'ETag (none)'],
    ['no Content-Range', { etag: '"a"' }, 'without a readable Content-Range'],
  ];
  for (const [name, headers, problem] of table) {
    it(name, () => {
      const got = resumeMismatch(kept, headers, 40);
      if (problem === undefined) expect(got).toBeUndefined();
      else expect(got).toContain(problem);
    });
  }
  it('compares Last-Modified when the file began without a strong ETag', () => {
    const lm = { lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT', total: 100 };
    const range = { 'content-range': 'bytes 40-99/100' };
    expect(resumeMismatch(lm, { ...range, 'last-modified': lm.lastModified }, 40)).toBeUndefined();
    expect(resumeMismatch(lm, range, 40)).toContain('Last-Modified (none)');
  });
});
