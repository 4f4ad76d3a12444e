// Build and weight upload side by side: a cold `cog-push publish --build docker` of N GiB of
// weights, with a builder stand-in that takes a fixed time (as long as the weight push) and
// then pushes a prebuilt image, beside each half alone — the weights published with a
// prebuilt image, and the stand-in run by itself — each into a fresh local registry.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeImageLayout } from '../image-layout.mjs';
import { GiB, lockArgs, MiB, ratio, timedAsync, weightFiles, withRegistry } from './lib.mjs';

export async function overlapBench(totalGiB) {
  const fileSize = 256 * MiB;
  const count = Math.round((totalGiB * GiB) / fileSize);
  const weights = weightFiles(`pack-${totalGiB}g`, count, fileSize);
  const work = mkdtempSync(path.join(tmpdir(), 'cog-push-bench-overlap-'));
  const project = path.join(work, 'project');
  const layout = path.join(work, 'image');
  const bin = path.join(work, 'bin');
  const env = { ...process.env, COG_PUSH_CACHE_DIR: path.join(work, 'cache') };
  try {
    await writeImageLayout(layout, [
      { path: 'src/predict.py', source: path.resolve('examples/hello/predict.py') },
    ]);
    mkdirSync(project, { recursive: true });
    writeFileSync(path.join(project, 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(
      path.join(project, 'cog.yaml'),
      `model: 127.0.0.1:1/bench/model\nweights:\n  - name: w\n    target: /src/weights/w\n    source:\n      uri: file://${weights}\n`,
    );
    const cli = (args, extra = {}) =>
      timedAsync(process.execPath, ['scripts/bench/measure.mjs', 'dist/cli.js', ...args], {
        env: { ...env, ...extra },
      });
    // weights.lock (and a warm pack cache) from an import into a throwaway layout.
    await cli(lockArgs(project, layout, path.join(work, 'import')));
    const publish = (reg, extra, tag) => [
      'publish',
      '--project',
      project,
      '--model',
      `${reg.host}/bench/model:${tag}`,
      ...extra,
    ];
    const weightsAlone = await withRegistry(work, 'reg-weights', (reg) =>
      cli(publish(reg, ['--image', `oci-layout:${layout}`], 'v1')),
    );
    // The stand-in builds for as long as the weights took to push.
    const buildSeconds = weightsAlone.seconds;
    mkdirSync(bin, { recursive: true });
    writeFileSync(
      path.join(bin, 'docker'),
      // A docker with buildx, as on GitHub's runners: buildx build --push pushes the image itself.
      `#!/bin/sh
[ "$1 $2" = "buildx version" ] && exit 0
ref=""; prev=""; for a in "$@"; do [ "$prev" = "-t" ] && ref="$a"; prev="$a"; done
sleep ${buildSeconds.toFixed(2)}
exec skopeo copy --quiet --dest-tls-verify=false "oci:${layout}:latest" "docker://$ref"
`,
    );
    chmodSync(path.join(bin, 'docker'), 0o755);
    const withBuilder = { PATH: `${bin}:${process.env.PATH}` };
    const buildAlone = await withRegistry(work, 'reg-build', (reg) =>
      timedAsync(path.join(bin, 'docker'), ['buildx', 'build', '-t', `${reg.host}/bench/model:x`], {
        env: { ...env, ...withBuilder },
      }),
    );
    const both = await withRegistry(work, 'reg-both', (reg) =>
      cli(publish(reg, ['--build', 'docker'], 'v1'), withBuilder),
    );
    const longer = Math.max(weightsAlone.seconds, buildAlone.seconds);
    return {
      name: `cold publish with a build: ${totalGiB} GiB of weights beside a ${buildSeconds.toFixed(1)} s builder stand-in`,
      rows: [
        ['weights half alone (publish, prebuilt image)', weightsAlone.seconds, weightsAlone.rssMB],
        ['build half alone (stand-in, then its image push)', buildAlone.seconds, undefined],
        ['publish --build docker (both halves)', both.seconds, both.rssMB],
      ],
      ratio: ratio(both.seconds, longer),
      sumRatio: ratio(weightsAlone.seconds + buildAlone.seconds, longer),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
