// The weight cache with the real @actions/cache library, against Azurite and our stand-in for
// the cache service.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cache from '@actions/cache';
import { pack as tarPack } from 'tar-stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  restoreWeight,
  saveWeight,
  weightCacheKey,
  weightCachePaths,
  type CachedWeight,
} from '../src/cache/weights.js';
import { WeightStore } from '../src/weights/store.js';
import { readRuntimeEnv } from '../src/config/env.js';
import { startCacheService, type CacheService } from './helpers/cache-service.js';
import { pseudoRandom, tempDir } from './helpers/tmp.js';

const root = tempDir('cache-');
const store = new WeightStore(path.join(root, 'store'));
const digestOf = (b: Uint8Array) => 'sha256:' + createHash('sha256').update(b).digest('hex');

/** A weight whose files are in the store, with a fresh set digest per name. */
function weight(name: string, sizes: number[]): { weight: CachedWeight; bytes: Uint8Array[] } {
  const bytes = sizes.map((n, i) => pseudoRandom(n, name.length * 100 + i + 1));
  const files = bytes.map((b, i) => ({ path: `f${i}.bin`, size: b.length, digest: digestOf(b) }));
  for (const [i, f] of files.entries()) {
    mkdirSync(path.dirname(store.path(f.digest)), { recursive: true });
    writeFileSync(store.path(f.digest), bytes[i]!);
  }
  return { weight: { name, setDigest: digestOf(Buffer.from(name)), files }, bytes };
}

function removeFromStore(w: CachedWeight) {
  for (const f of w.files) rmSync(store.path(f.digest), { force: true });
}

const logged: string[] = [];
const log = {
  info: (m: string) => logged.push(`info: ${m}`),
  warning: (m: string) => logged.push(`warning: ${m}`),
  notice: (m: string) => logged.push(`notice: ${m}`),
};
const ctx = {
  service: true,
  store,
  platform: process.platform,
  prependPath: readRuntimeEnv(process.env, process.cwd(), process.platform).prependPath,
  log,
};

let service: CacheService;
beforeAll(async () => {
  service = await startCacheService();
  Object.assign(process.env, service.env, {
    RUNNER_TEMP: path.join(root, 'runner-temp'),
    GITHUB_WORKSPACE: path.join(root, 'workspace'),
  });
  delete process.env['GITHUB_SERVER_URL'];
  mkdirSync(process.env['RUNNER_TEMP']!, { recursive: true });
  mkdirSync(process.env['GITHUB_WORKSPACE']!, { recursive: true });
}, 30_000);
afterAll(() => service.stop());
beforeEach(() => {
  service.fault = undefined;
  logged.length = 0;
});

describe('weight cache (real @actions/cache, Azurite, stand-in service)', () => {
  it('keys entries by set digest and paths by file digest', () => {
    const w = { name: 'w', setDigest: 'sha256:' + 'ab'.repeat(32), files: [] };
    expect(weightCacheKey(w.setDigest, 'linux')).toBe(`cog-weights-linux-${'ab'.repeat(32)}`);
    const f = { path: 'a', size: 1, digest: 'sha256:' + '01'.repeat(32) };
    expect(weightCachePaths({ ...w, files: [f, { ...f, path: 'b' }] }, store)).toEqual([
      store.path(f.digest),
    ]);
    expect(cache.isFeatureAvailable()).toBe(true);
  });

  it('saves a weight, then restores it byte for byte into an empty store', async () => {
    const { weight: w, bytes } = weight('round-trip', [200_000, 3000, 1]);
    expect(await restoreWeight(w, ctx)).toBe('miss');
    expect(await saveWeight(w, ctx, 10 ** 9)).toBe('saved');
    expect(service.keys()).toContain(weightCacheKey(w.setDigest, process.platform));
    removeFromStore(w);
    expect(await restoreWeight(w, ctx)).toBe('hit');
    for (const [i, f] of w.files.entries())
      expect(Buffer.compare(readFileSync(store.path(f.digest)), Buffer.from(bytes[i]!))).toBe(0);
  });

  it('saves nothing over cache-max-size, and an existing entry once', async () => {
    const { weight: w } = weight('big-one', [5000]);
    expect(await saveWeight(w, ctx, 4999)).toBe('too-large');
    expect(logged.join('\n')).toMatch(
      /^notice: weight big-one: 5000 bytes is over cache-max-size \(4999\); not cached$/m,
    );
    const [a, b] = await Promise.all([saveWeight(w, ctx, 10 ** 9), saveWeight(w, ctx, 10 ** 9)]);
    expect([a, b].sort()).toEqual(['exists', 'saved']);
    expect(await saveWeight(w, ctx, 10 ** 9)).toBe('exists');
  });

  it('drops a corrupt entry and tells the caller to use the source', async () => {
    const { weight: good } = weight('good', [4000, 10]);
    const { weight: other } = weight('other', [4000, 10]);
    await saveWeight(good, ctx, 10 ** 9);
    // Same paths, other bytes: an entry whose files do not hash to their names.
    const forged = {
      ...other,
      files: other.files.map((f, i) => ({ ...f, digest: good.files[i]!.digest })),
    };
    for (const [i, f] of other.files.entries())
      writeFileSync(store.path(good.files[i]!.digest), readFileSync(store.path(f.digest)));
    expect(
      await saveWeight({ ...forged, setDigest: digestOf(Buffer.from('forged')) }, ctx, 10 ** 9),
    ).toBe('saved');
    service.alias(
      weightCacheKey(good.setDigest, process.platform),
      weightCacheKey(digestOf(Buffer.from('forged')), process.platform),
    );
    removeFromStore(good);
    expect(await restoreWeight(good, ctx)).toBe('corrupt');
    expect(logged.join('\n')).toMatch(/cache entry cog-weights-.* is corrupt/);
    for (const f of good.files) expect(await store.has(f.digest, f.size)).toBe(false);
  });

  it('refuses an entry that would write outside the store', async () => {
    const { weight: good } = weight('target', [100]);
    await saveWeight(good, ctx, 10 ** 9);
    // An archive holding a file outside the store, served under the good entry's key.
    const outside = path.join(root, 'outside', 'pwned.txt');
    mkdirSync(path.dirname(outside), { recursive: true });
    writeFileSync(outside, 'written by a cache entry');
    await cache.saveCache([...weightCachePaths(good, store), outside], 'evil-entry');
    service.alias(weightCacheKey(good.setDigest, process.platform), 'evil-entry');
    rmSync(outside);
    removeFromStore(good);
    const outcome = await restoreWeight(good, ctx);
    expect(outcome).toBe('corrupt');
    expect(logged.join('\n')).toMatch(
      /is corrupt \(refused ".*outside\/pwned\.txt" \(not in the store\)\)/,
    );
    expect(() => readFileSync(outside)).toThrow();
    // A poisoned entry is dropped whole, even its one good file.
    expect(await store.has(good.files[0]!.digest, 100)).toBe(false);
  });

  describe('a forged archive', () => {
    /** Entry names as the library writes them: relative to GITHUB_WORKSPACE. */
    const rel = (abs: string) => path.relative(process.env['GITHUB_WORKSPACE']!, abs);
    type Forged = {
      name: string;
      type?: 'file' | 'symlink' | 'link' | 'directory';
      body?: Uint8Array;
      linkname?: string;
    };

    async function forge(entries: Forged[]): Promise<Uint8Array> {
      const pack = tarPack();
      for (const e of entries) {
        const type = e.type ?? 'file';
        if (type === 'file')
          pack.entry({ name: e.name, size: e.body!.length }, Buffer.from(e.body!));
        else pack.entry({ name: e.name, type, linkname: e.linkname });
      }
      pack.finalize();
      const chunks: Buffer[] = [];
      for await (const c of pack) chunks.push(c as Buffer);
      const r = spawnSync('zstd', ['-q', '-c'], { input: Buffer.concat(chunks) });
      if (r.status !== 0) throw new Error(`zstd: ${r.stderr}`);
      return r.stdout;
    }

    /** Save a one-file weight, serve `entries` as its entry, restore into an empty store. */
    async function restoreForged(
      name: string,
      entries: (good: CachedWeight, bytes: Uint8Array) => Forged[],
    ) {
      const { weight: good, bytes } = weight(name, [100]);
      await saveWeight(good, ctx, 10 ** 9);
      await service.replaceArchive(
        weightCacheKey(good.setDigest, process.platform),
        await forge(entries(good, bytes[0]!)),
      );
      removeFromStore(good);
      const outcome = await restoreWeight(good, ctx);
      return { good, outcome, file: store.path(good.files[0]!.digest) };
    }

    const sha256Dir = () => path.join(store.root, 'sha256');

    it.each([
      ['an absolute', (dir: string) => dir],
      ['a relative', (dir: string) => path.relative(sha256Dir(), dir)],
    ])(
      'a symlink with %s target, then a file through it, writes nothing outside',
      async (_, target) => {
        const escape = path.join(root, `escape-${Math.random().toString(36).slice(2)}`);
        mkdirSync(escape);
        const evil = path.join(sha256Dir(), 'evil');
        const { outcome, file } = await restoreForged(`link-${escape}`, (good, bytes) => [
          { name: rel(evil), type: 'symlink', linkname: target(escape) },
          { name: rel(path.join(evil, 'PWNED')), body: Buffer.from('pwned') },
          { name: rel(store.path(good.files[0]!.digest)), body: bytes },
        ]);
        expect(outcome).toBe('corrupt');
        expect(readdirSync(escape)).toEqual([]);
        expect(existsSync(evil)).toBe(false);
        expect(existsSync(file)).toBe(false);
        expect(logged.join('\n')).toMatch(
          /is corrupt \(refused ".*sha256\/evil" \(a symlink, not a regular file\)\)/,
        );
      },
    );

    it('a hard link, a directory and absolute or ../ names are refused, and nothing is written', async () => {
      const outside = path.join(root, 'abs-outside', 'pwned');
      const { outcome, file } = await restoreForged('odd-entries', (good, bytes) => [
        { name: rel(store.path(good.files[0]!.digest)), type: 'link', linkname: '/etc/passwd' },
        { name: rel(path.join(sha256Dir(), 'sub')) + '/', type: 'directory' },
        { name: outside, body: Buffer.from('absolute') },
        {
          name: '../../../../../../tmp/cog-push-pwned-' + process.pid,
          body: Buffer.from('dotdot'),
        },
        { name: rel(store.path(good.files[0]!.digest)), body: bytes },
      ]);
      expect(outcome).toBe('corrupt');
      expect(existsSync(outside)).toBe(false);
      expect(existsSync('/tmp/cog-push-pwned-' + process.pid)).toBe(false);
      expect(existsSync(path.join(sha256Dir(), 'sub'))).toBe(false);
      expect(existsSync(file)).toBe(false);
      expect(logged.join('\n')).toMatch(
        /is corrupt \(refused ".*" \(a link, not a regular file\)\)/,
      );
    });

    it.each([
      [
        'bytes that do not hash to its name',
        (b: Uint8Array) => Uint8Array.from(b, (x, i) => (i === 7 ? x ^ 1 : x)),
        'its bytes do not hash to its name',
      ],
      [
        'the wrong size',
        (b: Uint8Array) => b.subarray(0, 99),
        "99 bytes where the weight's file has 100",
      ],
    ])('a store file with %s is refused', async (_, corrupt, why) => {
      const { outcome, file } = await restoreForged(`bad-${why}`, (good, bytes) => [
        { name: rel(store.path(good.files[0]!.digest)), body: corrupt(bytes) },
      ]);
      expect(outcome).toBe('corrupt');
      expect(existsSync(file)).toBe(false);
      expect(logged.join('\n')).toContain(`(${why})`);
      // No temporary file is left behind either.
      expect(readdirSync(sha256Dir()).filter((f) => f.startsWith('.'))).toEqual([]);
    });

    /** One entry's tar bytes (no end of archive), as one zstd frame: frames concatenate. */
    async function zstdEntry(name: string, body: Uint8Array): Promise<Buffer> {
      const pack = tarPack();
      pack.entry({ name, size: body.length }, Buffer.from(body));
      pack.finalize();
      const chunks: Buffer[] = [];
      for await (const c of pack) chunks.push(c as Buffer);
      const tar = Buffer.concat(chunks);
      return zstd(tar.subarray(0, tar.length - 1024));
    }
    const zstd = (b: Uint8Array) => {
      const r = spawnSync('zstd', ['-q', '-c'], { input: b, maxBuffer: 64 * 2 ** 20 });
      if (r.status !== 0) throw new Error(`zstd: ${r.stderr}`);
      return r.stdout;
    };

    it.each([
      // The archive: 1,500 entries with the same 4 MB PAX path (6 GB once decompressed).
      ['4 MB', 4_000_000, 'the archive (it holds more than'],
      // Names that each fit the framing allowance: the first one ends the pass.
      ['20 kB', 20_000, '(not in the store)'],
    ])(
      '1,500 entries with a %s name each end at the first, shown short',
      async (_, length, why) => {
        const { weight: good } = weight(`poison-${length}`, [100]);
        await saveWeight(good, ctx, 10 ** 9);
        const name = rel(path.join(store.root, 'x'.repeat(length)));
        const frame = await zstdEntry(name, Buffer.from('x'));
        const archive = Buffer.concat([
          ...Array.from({ length: 1500 }, () => frame),
          zstd(Buffer.alloc(1024)),
        ]);
        await service.replaceArchive(weightCacheKey(good.setDigest, process.platform), archive);
        removeFromStore(good);
        expect(await restoreWeight(good, ctx)).toBe('corrupt');
        const warning = logged.find((l) => l.startsWith('warning:'))!;
        expect(warning).toContain(why);
        // One refusal, its name cut to 200 characters: the line stays short.
        expect(warning.length).toBeLessThan(600);
        expect(warning.match(/refused/g)).toHaveLength(1);
      },
    );

    it('a second copy of a file ends the pass unread', async () => {
      const { outcome, file } = await restoreForged('twice', (good, bytes) => [
        { name: rel(store.path(good.files[0]!.digest)), body: bytes },
        { name: rel(store.path(good.files[0]!.digest)), body: bytes },
      ]);
      expect(outcome).toBe('corrupt');
      expect(existsSync(file)).toBe(false);
      expect(logged.join('\n')).toContain('(a second copy of a file)');
    });

    it("a file of another weight is refused, the weight's own may come with the store's directories", async () => {
      const stranger = digestOf(Buffer.from('not this weight'));
      const refused = await restoreForged('stranger', (good, bytes) => [
        { name: rel(store.path(stranger)), body: Buffer.from('not this weight') },
        { name: rel(store.path(good.files[0]!.digest)), body: bytes },
      ]);
      expect(refused.outcome).toBe('corrupt');
      expect(existsSync(store.path(stranger))).toBe(false);
      const { outcome, file } = await restoreForged('with-dirs', (good, bytes) => [
        { name: rel(store.root) + '/', type: 'directory' },
        { name: rel(sha256Dir()) + '/', type: 'directory' },
        { name: rel(store.path(good.files[0]!.digest)), body: bytes },
      ]);
      expect(outcome).toBe('hit');
      expect(digestOf(readFileSync(file))).toBe(path.basename(file).replace(/^/, 'sha256:'));
    });
  });

  it('turns service errors into a miss or a skipped save, never a failure', async () => {
    const { weight: w } = weight('faulty', [100]);
    service.fault = (method) =>
      method === 'GetCacheEntryDownloadURL'
        ? { status: 429, body: { code: 'resource_exhausted', msg: 'slow down' } }
        : undefined;
    expect(await restoreWeight(w, ctx)).toBe('miss');
    service.fault = (method) =>
      method === 'CreateCacheEntry'
        ? { status: 200, body: { ok: false, message: 'cache write denied: read-only token' } }
        : undefined;
    expect(await saveWeight(w, ctx, 10 ** 9)).toBe('exists');
    service.fault = () => ({
      status: 403,
      body: { code: 'permission_denied', msg: 'cache read denied: no' },
    });
    expect(await restoreWeight(w, ctx)).toBe('miss');
  });

  it('retries a 500 once and then restores', async () => {
    const { weight: w } = weight('flaky', [100]);
    await saveWeight(w, ctx, 10 ** 9);
    removeFromStore(w);
    let failed = false;
    service.fault = (method) => {
      if (method !== 'GetCacheEntryDownloadURL' || failed) return undefined;
      failed = true;
      return { status: 500, body: { code: 'internal', msg: 'boom' } };
    };
    const before = service.calls.length;
    expect(await restoreWeight(w, ctx)).toBe('hit');
    // The injected 500 was served, and the library asked again.
    expect(failed).toBe(true);
    expect(
      service.calls.slice(before).filter((c) => c.method === 'GetCacheEntryDownloadURL'),
    ).toHaveLength(2);
  }, 20_000);

  it('is unavailable without the cache service variables', async () => {
    const saved = process.env['ACTIONS_RESULTS_URL'];
    delete process.env['ACTIONS_RESULTS_URL'];
    try {
      const { weight: w } = weight('nowhere', [10]);
      expect(await restoreWeight(w, ctx)).toBe('unavailable');
      expect(await saveWeight(w, ctx, 10 ** 9)).toBe('unavailable');
    } finally {
      process.env['ACTIONS_RESULTS_URL'] = saved;
    }
  });
});
