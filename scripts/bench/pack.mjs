// Pack benchmark: `cog-push weights pack` over N GiB of .safetensors files, beside one
// `openssl dgst -sha256` pass over the same files (the hashing floor of this machine).
// Packing needs two digests of every byte (file and layer), spread over the cores.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GiB, MiB, median, ratio, spread, timed, weightFiles } from './lib.mjs';

/** `cog-push weights pack DIR`, timed, with its peak RSS. */
function timedPack(dir) {
  return timed(process.execPath, [
    'scripts/bench/measure.mjs',
    'dist/cli.js',
    'weights',
    'pack',
    dir,
    '--name',
    'bench',
    '--target',
    '/src/weights',
    '--json',
  ]);
}

export function packBench(totalGiB, pairs = 5) {
  const fileSize = 256 * MiB;
  const count = Math.round((totalGiB * GiB) / fileSize);
  const dir = weightFiles(`pack-${totalGiB}g`, count, fileSize);
  const files = readdirSync(dir).map((f) => path.join(dir, f));

  // Warm the page cache so both sides read from memory, then alternate the two five times.
  timed('cat', files, { stdio: ['ignore', 'ignore', 'pipe'] });
  const runs = { openssl: [], pack: [] };
  for (let i = 0; i < pairs; i++) {
    runs.openssl.push(timed('openssl', ['dgst', '-sha256', ...files]));
    runs.pack.push(timedPack(dir));
  }
  const wall = (k) => median(runs[k].map((r) => r.seconds));
  const rssMB = Math.max(...runs.pack.map((r) => r.rssMB ?? 0));
  const bytes = count * fileSize;
  return {
    name: `pack ${totalGiB} GiB (${count} × 256 MiB .safetensors; medians of ${pairs} interleaved runs)`,
    rows: [
      ['openssl dgst -sha256', wall('openssl'), bytes / wall('openssl') / 1e9, undefined],
      ['cog-push weights pack', wall('pack'), bytes / wall('pack') / 1e9, rssMB],
    ],
    ratio: ratio(wall('pack'), wall('openssl')),
    spread: `${spread(runs.pack)} / ${spread(runs.openssl)}`,
    rssMB,
  };
}

/**
 * `count` small JSON files (`total` bytes in all) under nested directories, kept between runs,
 * with content a tokenizer's shards look like (so gzip has real work).
 */
export function smallFiles(name, count, total) {
  const dir = path.join(tmpdir(), 'cog-push-bench', name);
  const stamp = path.join(dir, '.complete');
  if (existsSync(stamp)) return dir;
  rmSync(dir, { recursive: true, force: true });
  const each = Math.floor(total / count);
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `shard-${String(i % 100).padStart(3, '0')}`);
    if (i < 100) mkdirSync(sub, { recursive: true });
    const words = [];
    for (let n = 0; words.join(',').length < each - 20; n++)
      words.push(`"tok${(i * 7919 + n * 104729) % 50000}":${(i + n) % 997}`);
    writeFileSync(
      path.join(sub, `part-${String(i).padStart(5, '0')}.json`),
      `{${words.join(',')}}\n`,
    );
  }
  writeFileSync(stamp, '');
  return dir;
}

/**
 * Many small files: `weights pack` beside `tar -cf - DIR | gzip -9` plus `sha256sum` of every
 * file (the same work done by the system's tools), best of two each.
 */
export function smallFilesBench(count = 20000, total = 5 * MiB) {
  const dir = smallFiles(`small-${count}`, count, total);
  const best = (run) => [run(), run()].sort((a, b) => a.seconds - b.seconds)[0];
  const anchor = best(() =>
    timed('bash', [
      '-c',
      `set -o pipefail; tar -C "$1" -cf - . | gzip -9 >/dev/null && (cd "$1" && find . -type f -name '*.json' -print0 | xargs -0 sha256sum >/dev/null)`,
      'bench',
      dir,
    ]),
  );
  const pack = best(() => timedPack(dir));
  // The floor our pinned compressor sets: pako at level 9, alone, over the very tar we gzip
  // (Cog's: a PAX header a file, about twice the bytes of GNU tar's), written once beforehand.
  const tarFile = path.join(tmpdir(), 'cog-push-bench', `small-${count}.cog.tar`);
  timed(process.execPath, [
    '--import',
    'tsx',
    '-e',
    `Promise.all([import('./src/weights/inventory.ts'), import('./src/weights/layers.ts'), import('./src/weights/tar-read.ts')]).then(async ([{ inventoryDirectory }, { planLayers }, { readTar, freshBuffers }]) => {
      const fs = require('node:fs');
      const [layer] = planLayers(await inventoryDirectory(${JSON.stringify(dir)}));
      const out = fs.openSync(${JSON.stringify(tarFile)}, 'w');
      for await (const c of readTar(layer, freshBuffers)) fs.writeSync(out, c.data);
      fs.closeSync(out);
    })`,
  ]);
  const pako = best(() =>
    timed(process.execPath, [
      '--import',
      'tsx',
      '-e',
      `import('./src/weights/gzip.ts').then(({ GzipEncoder }) => {
        const data = require('node:fs').readFileSync(${JSON.stringify(tarFile)});
        const g = new GzipEncoder(9);
        for (let i = 0; i < data.length; i += 4 << 20) g.push(data.subarray(i, i + (4 << 20)));
        g.finish();
      })`,
    ]),
  );
  return {
    name: `pack ${count} small JSON files (${(total / MiB).toFixed(0)} MiB in all)`,
    rows: [
      ['tar \\| gzip -9 + sha256sum', anchor.seconds, undefined],
      [
        "pako level 9 alone over our (Cog's) tar of them (includes Node start)",
        pako.seconds,
        undefined,
      ],
      ['cog-push weights pack', pack.seconds, pack.rssMB],
    ],
    ratio: ratio(pack.seconds, anchor.seconds),
    pakoRatio: ratio(pako.seconds, anchor.seconds),
    rssMB: pack.rssMB,
  };
}
