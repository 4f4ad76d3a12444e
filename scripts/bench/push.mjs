// Push benchmark: `cog-push weights push` of N GiB of weights to a local distribution registry,
// beside `skopeo copy` of the same blobs from an OCI layout to a registry of its own, in the
// same run. Each side gets a fresh registry so neither finds blobs already there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GiB, MiB, bestOf, ratio, timed, weightFiles, withRegistry } from './lib.mjs';

export async function pushBench(totalGiB) {
  const fileSize = 256 * MiB;
  const count = Math.round((totalGiB * GiB) / fileSize);
  const dir = weightFiles(`pack-${totalGiB}g`, count, fileSize);
  const work = mkdtempSync(path.join(tmpdir(), 'cog-push-bench-push-'));
  const cacheEnv = { ...process.env, COG_PUSH_CACHE_DIR: path.join(work, 'cache') };
  const push = (to, extra = []) =>
    timed(
      process.execPath,
      [
        'scripts/bench/measure.mjs',
        'dist/cli.js',
        'weights',
        'push',
        dir,
        '--name',
        'bench',
        '--target',
        '/src/weights',
        '--to',
        to,
        '--json',
        ...extra,
      ],
      { env: cacheEnv },
    );
  try {
    // The OCI layout skopeo copies from (and a warm pack cache for the known-digest push).
    const layout = path.join(work, 'layout');
    const toLayout = push(`oci-layout:${layout}`);
    const tag = JSON.parse(toLayout.stdout).tag;

    const skopeo = await bestOf(2, (i) =>
      withRegistry(work, `reg-skopeo-${i}`, (r) =>
        timed('skopeo', [
          'copy',
          '--quiet',
          '--dest-tls-verify=false',
          `oci:${layout}:${tag}`,
          `docker://${r.host}/bench/skopeo:${tag}`,
        ]),
      ),
    );
    const known = await bestOf(2, (i) =>
      withRegistry(work, `reg-known-${i}`, (r) => push(`${r.host}/bench/ours`)),
    );
    const cold = await bestOf(2, (i) =>
      withRegistry(work, `reg-cold-${i}`, (r) => push(`${r.host}/bench/ours`, ['--no-pack-cache'])),
    );

    // A second push of the same weight into a registry that has it.
    const again = await withRegistry(work, 'reg-again', (r) => {
      push(`${r.host}/bench/ours`);
      return push(`${r.host}/bench/ours`);
    });
    const againOut = JSON.parse(again.stdout);
    return {
      name: `push ${totalGiB} GiB (${count} × 256 MiB .safetensors) to a local registry`,
      rows: [
        ['skopeo copy oci: → registry', skopeo.seconds, undefined],
        ['cog-push weights push (digests known)', known.seconds, known.rssMB],
        ['cog-push weights push (pack + push)', cold.seconds, cold.rssMB],
        [`second push (${againOut.bytesUploaded} bytes uploaded)`, again.seconds, again.rssMB],
      ],
      ratio: ratio(known.seconds, skopeo.seconds),
      coldRatio: ratio(cold.seconds, skopeo.seconds),
      bytesGB: (count * fileSize) / 1e9,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
