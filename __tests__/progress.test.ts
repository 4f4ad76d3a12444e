// Progress lines on every long transfer: the line maker itself (a clock of our own), a slow
// download, and a cache restore's extraction.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pack as tarPack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { extractWeightArchive } from '../src/cache/extract.js';
import { progressLines } from '../src/util/progress.js';
import { downloadToStore } from '../src/weights/sources/download.js';
import { WeightStore } from '../src/weights/store.js';
import { startFileServer } from './helpers/file-server.js';
import { pseudoRandom, tempDir } from './helpers/tmp.js';

const root = tempDir('progress-');
const sha256 = (b: Uint8Array) => 'sha256:' + createHash('sha256').update(b).digest('hex');

describe('progressLines', () => {
  it('logs at the interval with bytes, total and rate, and ends only what it showed', () => {
    let now = 1000;
    const lines: string[] = [];
    const make = progressLines(
      (l) => lines.push(l),
      10_000,
      () => now,
    );
    const long = make('downloading', 'model.safetensors');
    long(0, 4 * 1024 * 1024);
    now += 5_000;
    long(1024 * 1024, 4 * 1024 * 1024); // before the interval: nothing
    now += 5_000;
    long(2 * 1024 * 1024, 4 * 1024 * 1024);
    now += 1_000;
    long(4 * 1024 * 1024, 4 * 1024 * 1024); // the end of a transfer that was shown
    const short = make('uploading', 'sha256:abc');
    short(10, 10); // over before its first interval: never shown
    expect(lines).toEqual([
      'downloading model.safetensors  2.0 MiB / 4.0 MiB (50%), 204.8 KiB/s',
      'downloading model.safetensors  4.0 MiB / 4.0 MiB (100%), 372.4 KiB/s',
    ]);
  });
});

describe('long transfers log progress', () => {
  it('a download names its file, with bytes done / total and the rate', async () => {
    const body = Buffer.from(pseudoRandom(2 * 1024 * 1024, 3));
    // About 8.5 MiB/s: a 2 MiB download takes a quarter of a second, long enough for lines.
    const server = await startFileServer(
      { 'w/model.bin': body },
      { etag: () => undefined, bytesPerSecond: (256 * 1024) / 0.03 },
    );
    const lines: string[] = [];
    try {
      const got = await downloadToStore(
        new WeightStore(path.join(root, 'store')),
        { url: `${server.origin}/w/model.bin?sig=secret`, size: body.length },
        { progress: progressLines((l) => lines.push(l), 50) },
      );
      expect(got.digest).toBe(sha256(body));
    } finally {
      await server.close();
    }
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines)
      expect(l).toMatch(
        new RegExp(
          `^downloading 127\\.0\\.0\\.1:${new URL(server.origin).port}/w/model\\.bin  [\\d.]+ (KiB|MiB) / 2\\.0 MiB \\(\\d+%\\), [\\d.]+ [KM]iB/s$`,
        ),
      );
    expect(lines.at(-1)).toMatch(/2\.0 MiB \/ 2\.0 MiB \(100%\)/);
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('a cache restore counts what it writes of the weight', async () => {
    const files = [pseudoRandom(700_000, 1), pseudoRandom(500_000, 2)];
    const store = path.join(root, 'restore-store');
    const archive = path.join(root, 'entry.tar');
    const pack = tarPack();
    for (const f of files)
      pack.entry({ name: `sha256/${sha256(f).slice(7)}`, size: f.length }, Buffer.from(f));
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const c of pack) chunks.push(c as Buffer);
    writeFileSync(archive, Buffer.concat(chunks));
    const seen: [number, number | undefined][] = [];
    const result = await extractWeightArchive({
      archive,
      compression: { kind: 'none' },
      cwd: store,
      storeRoot: store,
      expected: new Map(files.map((f) => [sha256(f), f.length])),
      progress: (done, total) => seen.push([done, total]),
    });
    expect(result.written).toHaveLength(2);
    expect(seen.at(-1)).toEqual([1_200_000, 1_200_000]);
    expect(seen.every(([d], i) => i === 0 || d > seen[i - 1]![0])).toBe(true);
  });
});
