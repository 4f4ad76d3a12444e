// Pack benchmark: `cog-push weights pack` over N GiB of .safetensors files, beside one
// `openssl dgst -sha256` pass over the same files (the hashing floor of this machine).
// Packing needs two digests of every byte (file and layer), spread over the cores.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { GiB, MiB, ratio, timed, weightFiles } from './lib.mjs';

export function packBench(totalGiB) {
  const fileSize = 256 * MiB;
  const count = Math.round((totalGiB * GiB) / fileSize);
  const dir = weightFiles(`pack-${totalGiB}g`, count, fileSize);
  const files = readdirSync(dir).map((f) => path.join(dir, f));

  // Warm the page cache so both sides read from memory, then measure each twice, keep the best.
  timed('cat', files, { stdio: ['ignore', 'ignore', 'pipe'] });
  const best = (run) => [run(), run()].sort((a, b) => a.seconds - b.seconds)[0];
  const openssl = best(() => timed('openssl', ['dgst', '-sha256', ...files]));
  const pack = best(() =>
    timed(process.execPath, [
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
    ]),
  );
  const bytes = count * fileSize;
  return {
    name: `pack ${totalGiB} GiB (${count} × 256 MiB .safetensors)`,
    rows: [
      ['openssl dgst -sha256', openssl.seconds, bytes / openssl.seconds / 1e9, undefined],
      ['cog-push weights pack', pack.seconds, bytes / pack.seconds / 1e9, pack.rssMB],
    ],
    ratio: ratio(pack.seconds, openssl.seconds),
    rssMB: pack.rssMB,
  };
}
