// A cold publish with a real `docker build` (the bench's own dockerd, no buildx: BuildKit
// through `DOCKER_BUILDKIT=1 docker build`, then `docker push`) beside a weight upload of about
// the same length, each into a fresh local registry: the build half alone (the same two docker
// commands, timed), the weights half alone (the weights with a prebuilt image), and both in one
// `cog-push publish --build docker`. The build COPYs a file of random bytes, so its push
// gzips it (what keeps a real build busy for tens of seconds); a fresh nonce before that COPY
// keeps each build from the engine's cache.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BASE_IMAGE, startEngine, stopEngine } from '../../__tests__/helpers/engine.ts';
import { writeImageLayout } from '../image-layout.mjs';
import { GiB, lockArgs, MiB, ratio, timedAsync, weightFiles, withRegistry } from './lib.mjs';

export async function engineOverlapBench(buildGiB, weightsGiB) {
  const work = mkdtempSync(path.join(tmpdir(), 'cog-push-bench-engine-'));
  const info = await startEngine(path.join(work, 'engine'));
  if (!info.ok) {
    rmSync(work, { recursive: true, force: true });
    return { skipped: info.reason };
  }
  const { engine } = info;
  const dockerEnv = {
    ...process.env,
    DOCKER_HOST: engine.host,
    PATH: `${engine.bin}:${process.env.PATH}`,
    COG_PUSH_CACHE_DIR: path.join(work, 'cache'),
  };
  try {
    const fileSize = 256 * MiB;
    const weights = weightFiles(
      `engine-${weightsGiB}g`,
      Math.round((weightsGiB * GiB) / fileSize),
      fileSize,
    );
    const big = weightFiles(`engine-build-${buildGiB}g`, 1, buildGiB * GiB, 'bin');
    const project = path.join(work, 'project');
    mkdirSync(project, { recursive: true });
    execFileSync('cp', [
      '--reflink=auto',
      path.join(big, `model-00001-of-00001.bin`),
      path.join(project, 'big.bin'),
    ]);
    writeFileSync(
      path.join(project, 'Dockerfile'),
      `FROM ${BASE_IMAGE}\nCOPY nonce.txt /nonce.txt\nCOPY big.bin /big.bin\n`,
    );
    writeFileSync(path.join(project, '.dockerignore'), 'weights.lock\n');
    writeFileSync(
      path.join(project, 'cog.yaml'),
      `model: 127.0.0.1:1/bench/model\nweights:\n  - name: w\n    target: /src/weights/w\n    source:\n      uri: file://${weights}\n`,
    );
    const layout = path.join(work, 'image');
    await writeImageLayout(layout, [
      { path: 'src/predict.py', source: path.resolve('examples/hello/predict.py') },
    ]);
    const nonce = () => writeFileSync(path.join(project, 'nonce.txt'), `${Math.random()}\n`);
    const cli = (args) =>
      timedAsync(process.execPath, ['scripts/bench/measure.mjs', 'dist/cli.js', ...args], {
        env: dockerEnv,
      });
    // weights.lock first (into a throwaway layout).
    await cli(lockArgs(project, layout, path.join(work, 'import')));
    const publish = (reg, extra) => [
      'publish',
      '--project',
      project,
      '--model',
      `${reg.host}/bench/model:v1`,
      ...extra,
    ];
    const weightsAlone = await withRegistry(work, 'reg-weights', (reg) =>
      cli(publish(reg, ['--image', `oci-layout:${layout}`])),
    );
    nonce();
    const buildAlone = await withRegistry(work, 'reg-build', async (reg) => {
      const ref = `${reg.host}/bench/model:cog-image.v1`;
      const env = { ...dockerEnv, DOCKER_BUILDKIT: '1' };
      const built = await timedAsync('docker', ['build', '-q', '-t', ref, project], { env });
      const pushed = await timedAsync('docker', ['push', '-q', ref], { env });
      return { seconds: built.seconds + pushed.seconds };
    });
    nonce();
    const both = await withRegistry(work, 'reg-both', (reg) =>
      cli(publish(reg, ['--build', 'docker'])),
    );
    const longer = Math.max(weightsAlone.seconds, buildAlone.seconds);
    return {
      name: `cold publish with a real docker build (${buildGiB} GiB COPY, then docker push) beside ${weightsGiB} GiB of weights`,
      rows: [
        ['weights half alone (publish, prebuilt image)', weightsAlone.seconds, weightsAlone.rssMB],
        ['build half alone (docker build + docker push)', buildAlone.seconds, undefined],
        ['publish --build docker (both halves)', both.seconds, both.rssMB],
      ],
      ratio: ratio(both.seconds, longer),
      sumRatio: ratio(both.seconds, weightsAlone.seconds + buildAlone.seconds),
    };
  } finally {
    await stopEngine(engine.pid);
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}
