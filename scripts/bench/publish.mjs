// Publish overhead: a weights-only `cog-push publish` of N GiB (lockfile present, weights not
// yet in the registry, prebuilt image) against `cog-push weights push` of the same weight,
// each into a fresh local registry, digests known (pack cache warm) on both sides.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeImageLayout } from '../image-layout.mjs';
import { GiB, MiB, ratio, timed, weightFiles, withRegistry, weightPushArgs } from './lib.mjs';

export async function publishBench(totalGiB) {
  const fileSize = 256 * MiB;
  const count = Math.round((totalGiB * GiB) / fileSize);
  const weights = weightFiles(`pack-${totalGiB}g`, count, fileSize);
  const work = mkdtempSync(path.join(tmpdir(), 'cog-push-bench-publish-'));
  const env = { ...process.env, COG_PUSH_CACHE_DIR: path.join(work, 'cache') };
  const project = path.join(work, 'project');
  // A prebuilt image without /.cog/weights.json (the example's names other weights), so the
  // publish logs that it is not checked and goes on.
  const image = `oci-layout:${path.join(work, 'image')}`;
  try {
    await writeImageLayout(path.join(work, 'image'), [
      { path: 'src/predict.py', source: path.resolve('examples/hello/predict.py') },
    ]);
    rmSync(project, { recursive: true, force: true });
    mkdirSync(project, { recursive: true });
    writeFileSync(
      path.join(project, 'cog.yaml'),
      `model: 127.0.0.1:1/bench/model\nweights:\n  - name: w\n    target: /src/weights/w\n    source:\n      uri: file://${weights}\n`,
    );
    const cli = (args) =>
      timed(process.execPath, ['scripts/bench/measure.mjs', 'dist/cli.js', ...args], { env });
    // weights.lock (and a warm pack cache) from an import into a throwaway layout.
    cli([
      'publish',
      '--project',
      project,
      '--import-weights',
      '--image',
      image,
      '--to',
      `oci-layout:${path.join(work, 'import')}`,
    ]);

    // Alternate the two so both see the same disk and page-cache weather.
    let raw;
    let pub;
    for (let i = 0; i < 2; i++) {
      const r = await withRegistry(work, `reg-raw-${i}`, (reg) =>
        cli(weightPushArgs(weights, `${reg.host}/bench/model`, '--json')),
      );
      const p = await withRegistry(work, `reg-publish-${i}`, (reg) =>
        cli([
          'publish',
          '--project',
          project,
          '--model',
          `${reg.host}/bench/model:v1`,
          '--image',
          image,
        ]),
      );
      if (!raw || r.seconds < raw.seconds) raw = r;
      if (!pub || p.seconds < pub.seconds) pub = p;
    }
    return {
      name: `weights-only publish of ${totalGiB} GiB vs the raw weight push`,
      rows: [
        ['cog-push weights push', raw.seconds, raw.rssMB],
        ['cog-push publish (weights + prebuilt image + index)', pub.seconds, pub.rssMB],
      ],
      ratio: ratio(pub.seconds, raw.seconds),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
