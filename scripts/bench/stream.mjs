// Weights larger than the disk: a 512 MiB weight (2 × 256 MiB .safetensors over HTTP) imported
// into a registry, then published from its lockfile into a registry that lacks it, with HOME,
// TMPDIR, RUNNER_TEMP, the store and the pack cache on a 128 MiB tmpfs. Peak RSS of each, its
// time beside curl fetching the same files to /dev/null, and the layers checked against Cog's
// framing of each file, hashed here.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { startFileServer } from '../../__tests__/helpers/file-server.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeImageLayout } from '../image-layout.mjs';
import { soloTarFraming } from '../../src/weights/tar.ts';
import {
  MiB,
  ratio,
  timedAsync,
  urlProject,
  weightFiles,
  withRegistry,
  weightPushArgs,
} from './lib.mjs';

/** Cog's plain tar layer digest of one file, from its framing and a read of the file. */
async function layerDigest(name, file) {
  const size = statSync(file).size;
  const { before, after } = soloTarFraming(name, size);
  const hash = createHash('sha256').update(before);
  for await (const chunk of createReadStream(file, { highWaterMark: 4 * MiB })) hash.update(chunk);
  return `sha256:${hash.update(after).digest('hex')}`;
}

export async function streamBench() {
  if (process.getuid?.() !== 0) return { skipped: 'needs root to mount a tmpfs' };
  const dir = weightFiles('stream-512m', 2, 256 * MiB);
  const names = readdirSync(dir).sort();
  const work = mkdtempSync(path.join(tmpdir(), 'cog-push-bench-stream-'));
  const small = path.join(work, 'small');
  mkdirSync(small);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=128m', 'tmpfs', small], {
    encoding: 'utf8',
  });
  if (mounted.status !== 0) return { skipped: `cannot mount a tmpfs: ${mounted.stderr.trim()}` };
  // No ETag, as the bench has always served: every download is a fresh one.
  const server = await startFileServer(
    Object.fromEntries(names.map((n) => [n, { path: path.join(dir, n) }])),
    { etag: () => undefined },
  );
  const origin = server.origin;
  try {
    const project = urlProject(path.join(work, 'project'), origin, names);
    const onSmall = (sub) => {
      const at = path.join(small, sub);
      rmSync(at, { recursive: true, force: true });
      mkdirSync(at, { recursive: true });
      return {
        ...process.env,
        HOME: at,
        TMPDIR: at,
        RUNNER_TEMP: at,
        COG_PUSH_STORE_DIR: path.join(at, 'store'),
        COG_PUSH_CACHE_DIR: path.join(at, 'cache'),
      };
    };
    const cli = (args, env) =>
      timedAsync(process.execPath, ['scripts/bench/measure.mjs', 'dist/cli.js', ...args], { env });
    const curl = await timedAsync('curl', [
      '-s',
      '--parallel',
      ...names.flatMap((n) => ['-o', '/dev/null', `${origin}/${n}`]),
    ]);
    // The same bytes pushed from a directory on the big disk: what the registry writes cost.
    const pushed = await withRegistry(work, 'reg-push', (reg) =>
      cli(weightPushArgs(dir, `${reg.host}/bench/model`, '--no-pack-cache'), process.env),
    );
    const imported = await withRegistry(work, 'reg-import', (reg) =>
      cli(
        ['weights', 'import', '--project', project, '--to', `${reg.host}/bench/model`],
        onSmall('import'),
      ),
    );
    const lock = JSON.parse(readFileSync(path.join(project, 'weights.lock'), 'utf8'));
    const want = await Promise.all(names.map((n) => layerDigest(n, path.join(dir, n))));
    const got = names.map((n) => lock.weights[0].files.find((f) => f.path === n).layer);
    const image = path.join(work, 'image');
    await writeImageLayout(image, [
      { path: 'src/predict.py', source: path.resolve('examples/hello/predict.py') },
    ]);
    const published = await withRegistry(work, 'reg-publish', (reg) =>
      cli(
        [
          'publish',
          '--project',
          project,
          '--model',
          `${reg.host}/bench/model:v1`,
          '--image',
          `oci-layout:${image}`,
        ],
        onSmall('publish'),
      ),
    );
    return {
      name: 'a 512 MiB weight (2 × 256 MiB over HTTP) into a registry, scratch on a 128 MiB tmpfs',
      rows: [
        ['curl (2 parallel, to /dev/null)', curl.seconds, undefined],
        ['cog-push weights push of the same files from the big disk', pushed.seconds, pushed.rssMB],
        ['cog-push weights import → registry', imported.seconds, imported.rssMB],
        [
          'cog-push publish (lockfile weight the registry lacks, URL source)',
          published.seconds,
          published.rssMB,
        ],
      ],
      ratio: ratio(imported.seconds, pushed.seconds),
      exact: JSON.stringify(got) === JSON.stringify(want),
      rssMB: Math.max(imported.rssMB, published.rssMB),
    };
  } finally {
    await server.close();
    spawnSync('umount', [small]);
    rmSync(work, { recursive: true, force: true });
  }
}
