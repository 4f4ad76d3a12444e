// Push benchmark: `cog-push weights push` of N GiB of weights to a local distribution registry,
// beside `skopeo copy` of the same blobs from an OCI layout to a registry of its own, in the
// same run. Each side gets a fresh registry so neither finds blobs already there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRegistry } from '../../__tests__/helpers/registry.ts';
import { GiB, MiB, ratio, timed, weightFiles } from './lib.mjs';

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
  const registries = [];
  try {
    // The OCI layout skopeo copies from (and a warm pack cache for the known-digest push).
    const layout = path.join(work, 'layout');
    const toLayout = push(`oci-layout:${layout}`);
    const tag = JSON.parse(toLayout.stdout).tag;

    const forSkopeo = await startRegistry(path.join(work, 'reg-skopeo'));
    registries.push(forSkopeo);
    const skopeo = timed('skopeo', [
      'copy',
      '--quiet',
      '--dest-tls-verify=false',
      `oci:${layout}:${tag}`,
      `docker://${forSkopeo.host}/bench/skopeo:${tag}`,
    ]);

    const forKnown = await startRegistry(path.join(work, 'reg-known'));
    registries.push(forKnown);
    const known = push(`${forKnown.host}/bench/ours`);

    const forCold = await startRegistry(path.join(work, 'reg-cold'));
    registries.push(forCold);
    const cold = push(`${forCold.host}/bench/ours`, ['--no-pack-cache']);

    const again = push(`${forKnown.host}/bench/ours`);
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
    for (const r of registries) await r.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
