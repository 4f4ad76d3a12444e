import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { appendFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { MEDIA_TYPE } from '../src/oci/mediatypes.js';
import { HashPool } from '../src/util/hashpool.js';
import { inventoryDirectory } from '../src/weights/inventory.js';
import { layerStream } from '../src/weights/layer.js';
import { packWeight } from '../src/weights/pack.js';
import { PackCache } from '../src/weights/packcache.js';
import { planLayers, type PlannedFile } from '../src/weights/layers.js';
import { pseudoRandom, tempDir, writeTree } from './helpers/tmp.js';

const root = tempDir('pack-');
const pool = new HashPool(2);
afterAll(() => pool.close());

const file = (p: string, size: number): PlannedFile => ({ path: p, size, source: `/x/${p}` });

async function blob(plan: Parameters<typeof layerStream>[0]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of layerStream(plan)) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

describe('planLayers', () => {
  it('puts a file of exactly bundleFileMax in its own layer, typed by lower-cased extension', () => {
    const plan = planLayers(
      [
        file('w.SafeTensors', 100),
        file('notes.txt', 100),
        file('.safetensors', 100),
        file('small.json', 99),
      ],
      { bundleFileMax: 100 },
    );
    expect(plan.map((l) => [l.files.map((f) => f.path), l.mediaType, l.gzipLevel])).toEqual([
      [['small.json'], MEDIA_TYPE.layerTarGzip, 6],
      [['.safetensors'], MEDIA_TYPE.layerTar, null],
      [['notes.txt'], MEDIA_TYPE.layerTarGzip, 6],
      [['w.SafeTensors'], MEDIA_TYPE.layerTar, null],
    ]);
  });

  it('closes a bundle before it would pass bundleSizeMax, and gzips multi-file bundles at 9', () => {
    const plan = planLayers(
      [file('a', 40), file('b', 60), file('c', 1), file('d', 120), file('e', 5)],
      {
        bundleFileMax: 1000,
        bundleSizeMax: 100,
      },
    );
    expect(
      plan.map((l) => [l.files.map((f) => f.path).join(''), l.sizeUncompressed, l.gzipLevel]),
    ).toEqual([
      ['ab', 100, 9],
      ['c', 1, 6],
      ['d', 120, 6],
      ['e', 5, 6],
    ]);
  });

  it('uses the 64 MiB / 256 MiB defaults', () => {
    const MiB = 1024 * 1024;
    const plan = planLayers([file('x.bin', 64 * MiB), file('y.bin', 64 * MiB - 1)]);
    expect(plan.map((l) => l.files[0]!.path)).toEqual(['y.bin', 'x.bin']);
  });
});

describe('packWeight', () => {
  it('digests every file and layer in one pass, matching a replay of the layer', async () => {
    const dir = writeTree(path.join(root, 'mixed'), {
      'a/model.safetensors': pseudoRandom(300_000, 7),
      'a/config.json': '{"a":1}',
      'tokenizer.json': 'x'.repeat(50_000),
      'empty.txt': '',
      'big.txt': 'text '.repeat(30_000),
    });
    const packed = await packWeight({
      name: 'mixed',
      target: '/src/weights',
      files: await inventoryDirectory(dir),
      options: { bundleFileMax: 100_000 },
      pool,
    });
    expect(packed.layers.map((l) => [l.mediaType, l.files.map((f) => f.path)])).toEqual([
      [MEDIA_TYPE.layerTarGzip, ['a/config.json', 'empty.txt', 'tokenizer.json']],
      [MEDIA_TYPE.layerTar, ['a/model.safetensors']],
      [MEDIA_TYPE.layerTarGzip, ['big.txt']],
    ]);
    const empty = packed.files.find((f) => f.path === 'empty.txt')!;
    expect(empty.digest).toBe(
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    for (const layer of packed.layers) {
      const bytes = await blob(layer.plan);
      expect(bytes.length).toBe(layer.size);
      expect('sha256:' + createHash('sha256').update(bytes).digest('hex')).toBe(layer.digest);
      if (layer.plan.gzipLevel !== null) {
        // XFL: 2 at level 9 (several files), 0 at level 6 (one file).
        expect(bytes[8]).toBe(layer.files.length > 1 ? 2 : 0);
        expect(gunzipSync(bytes).length).toBe(layer.tarSize);
      }
    }
    const manifest = JSON.parse(packed.artifact.manifest);
    const digests = manifest.layers.map((l: { digest: string }) => l.digest);
    expect(digests).toEqual([...digests].sort());
    expect(packed.artifact.tag).toBe(`cog-weight.mixed.${packed.artifact.setDigest.slice(7, 19)}`);
  });

  it('refuses a weight of only empty files', async () => {
    const dir = writeTree(path.join(root, 'empties'), { 'a.txt': '', 'b.txt': '' });
    await expect(
      packWeight({ name: 'e', target: '/w', files: await inventoryDirectory(dir), pool }),
    ).rejects.toThrow(/weight "e": layer sha256:[0-9a-f]+ has invalid uncompressed size 0/);
  });

  it('names a large file (a plain layer, read by the hash workers) that changed after the inventory', async () => {
    const options = { bundleFileMax: 4096 };
    const dir = writeTree(path.join(root, 'moving-large'), {
      'w.safetensors': pseudoRandom(8192, 4),
    });
    const files = await inventoryDirectory(dir);
    const ok = await packWeight({ name: 'm', target: '/w', files, pool, options });
    expect(ok.layers.map((l) => l.mediaType)).toEqual(['application/vnd.oci.image.layer.v1.tar']);
    appendFileSync(path.join(dir, 'w.safetensors'), 'more');
    await expect(packWeight({ name: 'm', target: '/w', files, pool, options })).rejects.toThrow(
      /w\.safetensors changed while packing: expected 8192 bytes, found 8196/,
    );
    truncateSync(path.join(dir, 'w.safetensors'), 100);
    await expect(packWeight({ name: 'm', target: '/w', files, pool, options })).rejects.toThrow(
      /w\.safetensors changed while packing: expected 8192 bytes, found 100/,
    );
    rmSync(path.join(dir, 'w.safetensors'));
    await expect(packWeight({ name: 'm', target: '/w', files, pool, options })).rejects.toThrow(
      /cannot read .*w\.safetensors: ENOENT/,
    );
    expect(pool.open).toBe(0);
  });

  it('names a file that vanished or changed after the inventory', async () => {
    const dir = writeTree(path.join(root, 'moving'), { 'a.bin': 'aaaa', 'b.bin': 'bbbb' });
    const files = await inventoryDirectory(dir);
    appendFileSync(path.join(dir, 'a.bin'), 'more');
    await expect(packWeight({ name: 'm', target: '/w', files, pool })).rejects.toThrow(
      /a\.bin changed while packing: expected 4 bytes, found 8/,
    );
    rmSync(path.join(dir, 'b.bin'));
    await expect(
      packWeight({ name: 'm', target: '/w', files: files.slice(1), pool }),
    ).rejects.toThrow(/cannot read .*b\.bin: ENOENT/);
    // A file cut short after the inventory, more times than the pool has read slots.
    const short = writeTree(path.join(root, 'short'), { 'c.bin': 'cccccccc' });
    const shortFiles = await inventoryDirectory(short);
    truncateSync(path.join(short, 'c.bin'), 0);
    for (let i = 0; i <= pool.size * 4; i++) {
      await expect(
        packWeight({ name: 's', target: '/w', files: shortFiles, pool }),
      ).rejects.toThrow(/c\.bin changed while packing: expected 8 bytes, found 0/);
    }
    // Failed passes free every hash they made on the workers.
    expect(pool.open).toBe(0);
    // Failed packs hand their shared read slots back: the pool still packs (more than a
    // ring's worth of chunks, so a leaked slot would hang here).
    const big = writeTree(path.join(root, 'after'), {
      'x.bin': pseudoRandom(9 * 4 * 1024 * 1024, 3),
    });
    const again = await packWeight({
      name: 'a',
      target: '/w',
      files: await inventoryDirectory(big),
      options: { bundleFileMax: 1 },
      pool,
    });
    expect(again.layers[0]!.size).toBe(1536 + 9 * 4 * 1024 * 1024 + 1024);
  });

  it('never reads a small file that became a FIFO or a link after the inventory (no hang)', async () => {
    const dir = writeTree(path.join(root, 'swapped'), { 'a.json': '{}', 'b.json': '[]' });
    const files = await inventoryDirectory(dir);
    rmSync(path.join(dir, 'a.json'));
    execFileSync('mkfifo', [path.join(dir, 'a.json')]);
    await expect(packWeight({ name: 'f', target: '/w', files, pool })).rejects.toThrow(
      /a\.json is no longer a regular file/,
    );
    rmSync(path.join(dir, 'a.json'));
    symlinkSync('/dev/zero', path.join(dir, 'a.json'));
    await expect(packWeight({ name: 'f', target: '/w', files, pool })).rejects.toThrow(
      /cannot read .*a\.json: ELOOP/,
    );
  });
});

describe('pack cache', () => {
  it('reuses digests of unchanged files and notices any change', async () => {
    const dir = writeTree(path.join(root, 'cached'), {
      'w.safetensors': pseudoRandom(50_000, 5),
      'a.json': '{"a":1}',
    });
    const cache = new PackCache(path.join(root, 'pack-cache'));
    const request = async () => ({
      name: 'c',
      target: '/w',
      files: await inventoryDirectory(dir),
      options: { bundleFileMax: 10_000 },
      pool,
      cache,
    });
    const first = await packWeight(await request());
    const again = await request();
    const key = cache.key(again.name, again.target, again.files, again.options)!;
    expect(await cache.load(key, planLayers(again.files, again.options))).toHaveLength(2);
    expect((await packWeight(again)).artifact).toEqual(first.artifact);

    // Same size, new bytes: the stamp moves, so the files are read again.
    writeFileSync(path.join(dir, 'a.json'), '{"a":2}');
    const changed = await request();
    expect(cache.key(changed.name, changed.target, changed.files, changed.options)).not.toBe(key);
    const repacked = await packWeight(changed);
    expect(repacked.artifact.setDigest).not.toBe(first.artifact.setDigest);
    expect(repacked.files.find((f) => f.path === 'a.json')!.digest).toBe(
      'sha256:' + createHash('sha256').update('{"a":2}').digest('hex'),
    );
  });

  it('does not reuse a record whose layers do not match the plan', async () => {
    const cache = new PackCache(path.join(root, 'pack-cache-2'));
    const f = { path: 'x', size: 1, source: '/x', stamp: '1:2:1:3:4' };
    const key = cache.key('n', '/t', [f], {})!;
    await cache.save(key, []);
    expect(await cache.load(key, planLayers([f]))).toBeUndefined();
    expect(cache.key('n', '/t', [{ path: 'x', size: 1, source: '/x' }], {})).toBeUndefined();
  });
});

describe('a bundle of many small files', () => {
  it('digests exactly the bytes the upload streams: every file, the tar, and the gzip blob', async () => {
    // 1500 files of 0 to 9 KiB plus a few past the size read whole (SMALL_READ), so the
    // walk mixes files read whole with files read in chunks.
    const dir = path.join(root, 'many');
    const tree: Record<string, Uint8Array> = {};
    for (let i = 0; i < 1500; i++)
      tree[`shard-${i % 37}/part-${String(i).padStart(4, '0')}.json`] = pseudoRandom(
        (i * 97) % 9217,
        i,
      );
    for (let i = 0; i < 3; i++) tree[`big-${i}.json`] = pseudoRandom(300 * 1024 + i, 9000 + i);
    writeTree(dir, tree);
    const files = await inventoryDirectory(dir);
    const packed = await packWeight({ name: 'many', target: '/w', files, pool });
    expect(packed.layers).toHaveLength(1);
    const layer = packed.layers[0]!;
    expect(layer.plan.gzipLevel).toBe(9);
    const bytes = await blob(layer.plan);
    expect(layer.digest).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    expect(layer.size).toBe(bytes.length);
    const tar = gunzipSync(bytes);
    expect(layer.tarDigest).toBe(`sha256:${createHash('sha256').update(tar).digest('hex')}`);
    expect(layer.tarSize).toBe(tar.length);
    const want = Object.entries(tree).map(([p, b]) => [
      p,
      `sha256:${createHash('sha256').update(b).digest('hex')}`,
    ]);
    expect(packed.files.map((f) => [f.path, f.digest]).sort()).toEqual(want.sort());
  });
});
