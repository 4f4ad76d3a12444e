import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inventoryDirectory } from '../src/weights/inventory.js';
import { Yielder, YIELD_MS } from '../src/util/yielder.js';
import { tempDir, writeTree } from './helpers/tmp.js';

const root = tempDir('inventory-');
let n = 0;
const fresh = (files: Record<string, string> = { 'ok.json': '{}' }) =>
  writeTree(path.join(root, `case-${n++}`), files);

describe('inventoryDirectory', () => {
  it('lists regular files in UTF-8 byte order, skipping .cog directories', async () => {
    const dir = fresh({
      '😀.bin': 'x',
      '～.bin': 'yy',
      'b/c.txt': 'zzz',
      'a.txt': '',
      '.hidden': 'h',
      '.cog/weights.json': 'ignored',
      'deep/.cog/x': 'ignored',
    });
    mkdirSync(path.join(dir, 'empty-dir'));
    const files = await inventoryDirectory(dir);
    expect(files.map((f) => [f.path, f.size])).toEqual([
      ['.hidden', 1],
      ['a.txt', 0],
      ['b/c.txt', 3],
      ['～.bin', 2],
      ['😀.bin', 1],
    ]);
    expect(files[2]!.source).toBe(path.join(dir, 'b/c.txt'));
  });

  it('rejects a symlink, naming it', async () => {
    const dir = fresh();
    symlinkSync(path.join(dir, 'ok.json'), path.join(dir, 'link.json'));
    await expect(inventoryDirectory(dir)).rejects.toThrow(
      /non-regular entry "link.json" \(symlink\)/,
    );
  });

  it('rejects a FIFO', async () => {
    const dir = fresh();
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    await expect(inventoryDirectory(dir)).rejects.toThrow(/"pipe" \(FIFO\)/);
  });

  it('rejects a socket', async () => {
    const dir = fresh();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'sock'), resolve));
    try {
      await expect(inventoryDirectory(dir)).rejects.toThrow(/"sock" \(socket\)/);
    } finally {
      server.close();
    }
  });

  it('rejects a file name that is not UTF-8', async () => {
    const dir = fresh();
    writeFileSync(
      Buffer.concat([Buffer.from(dir + '/bad-'), Buffer.from([0xff, 0xfe]), Buffer.from('.bin')]),
      'x',
    );
    await expect(inventoryDirectory(dir)).rejects.toThrow(/not valid UTF-8: .*bad-/);
  });

  it('rejects control characters and backslashes in names', async () => {
    await expect(inventoryDirectory(fresh({ 'tab\there': 'x' }))).rejects.toThrow(
      /control character/,
    );
    await expect(inventoryDirectory(fresh({ 'back\\slash': 'x' }))).rejects.toThrow(/backslash/);
  });

  it('rejects a .cog that is a file', async () => {
    await expect(inventoryDirectory(fresh({ 'sub/.cog': 'x' }))).rejects.toThrow(
      /sub\/\.cog: "\.cog" is reserved .* it is a file/,
    );
  });

  it('rejects an empty source, a missing one and a file', async () => {
    const empty = path.join(root, 'empty');
    mkdirSync(path.join(empty, 'only-dirs'), { recursive: true });
    await expect(inventoryDirectory(empty)).rejects.toThrow(/has no files/);
    await expect(inventoryDirectory(path.join(root, 'nope'))).rejects.toThrow(
      /weight source not found: .*nope/,
    );
    const dir = fresh();
    await expect(inventoryDirectory(path.join(dir, 'ok.json'))).rejects.toThrow(
      /is not a directory/,
    );
  });
});

describe('synchronous file-system work', () => {
  it('gives the event loop a turn every YIELD_MS, so what runs beside it moves', async () => {
    let turns = 0;
    let stopped = false;
    const tick = () => {
      turns++;
      if (!stopped) setImmediate(tick);
    };
    setImmediate(tick);
    const yielder = new Yielder();
    const start = performance.now();
    // Busy work (as a walk of many files is), checking in with the yielder as the walk does.
    while (performance.now() - start < YIELD_MS * 6) await yielder.turn();
    const during = turns;
    stopped = true;
    // Without the turns, no setImmediate callback could have run inside the loop; with a turn
    // at every call there would be thousands (a slow machine may give fewer than six).
    expect(during).toBeGreaterThanOrEqual(2);
    expect(during).toBeLessThanOrEqual(7);
  });
});
