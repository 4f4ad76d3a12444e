// One large file from a hub that caps each connection (40 MB/s, as a CDN caps one stream well
// below the link): `cog-push weights import` into a layout and into a local registry, beside
// `aria2c -x8 -s8` (eight ranged connections, the anchor) in interleaved runs of the same
// session; single-stream `curl` and our own import over one connection once each, for scale.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFileServer } from '../../__tests__/helpers/file-server.ts';
import {
  GiB,
  measuredImportArgs,
  median,
  ratio,
  spread,
  timedAsync,
  urlProject,
  weightFiles,
  weightPushArgs,
  withRegistry,
} from './lib.mjs';

const RATE = 40e6;
const CONNECTIONS = 8;

export async function rangedBench(pairs = 5) {
  if (spawnSync('aria2c', ['--version']).status !== 0)
    return { skipped: 'no aria2c (Debian package aria2): the anchor is missing' };
  const dir = weightFiles('ranged-1g', 1, GiB);
  const [name] = readdirSync(dir);
  const server = await startFileServer(
    { [name]: { path: path.join(dir, name) } },
    { bytesPerSecond: RATE },
  );
  const url = `${server.origin}/${name}`;
  const work = mkdtempSync(path.join(tmpdir(), 'cog-push-bench-ranged-'));
  const project = urlProject(path.join(work, 'project'), server.origin, [name]);
  const fresh = (sub) => {
    for (const d of ['store', 'cache', 'out', 'aria'])
      rmSync(path.join(work, d), { recursive: true, force: true });
    rmSync(path.join(project, 'weights.lock'), { force: true });
    return {
      ...process.env,
      COG_PUSH_STORE_DIR: path.join(work, 'store'),
      COG_PUSH_CACHE_DIR: path.join(work, 'cache'),
      COG_PUSH_PROGRESS_SECONDS: '3600',
      BENCH_RUN: sub,
    };
  };
  const ours = (to, ...extra) =>
    timedAsync(process.execPath, measuredImportArgs(project, to, ...extra), { env: fresh(to) });
  const aria = () => {
    fresh('aria');
    return timedAsync('aria2c', [
      '-q',
      `-x${CONNECTIONS}`,
      `-s${CONNECTIONS}`,
      '-k8M',
      '--file-allocation=none',
      '-d',
      path.join(work, 'aria'),
      '-o',
      name,
      url,
    ]);
  };
  try {
    return await withRegistry(work, 'registry', async (registry) => {
      const runs = { aria: [], layout: [], registry: [], push: [] };
      for (let i = 0; i < pairs; i++) {
        runs.aria.push(await aria());
        runs.layout.push(await ours(`oci-layout:${path.join(work, 'out')}`));
        runs.registry.push(await ours(`${registry.host}/bench/ranged-${i}`));
        // The registry's own floor: the same file pushed from disk, one blob in one session.
        runs.push.push(
          await timedAsync(process.execPath, [
            'scripts/bench/measure.mjs',
            'dist/cli.js',
            ...weightPushArgs(dir, `${registry.host}/bench/pushed-${i}`, '--no-pack-cache'),
          ]),
        );
      }
      fresh('curl');
      const curl = await timedAsync('curl', ['-s', '-o', '/dev/null', url]);
      const single = await ours(
        `oci-layout:${path.join(work, 'out')}`,
        '--download-connections',
        '1',
      );
      const wall = (k) => median(runs[k].map((r) => r.seconds));
      const spreadOf = (k) => spread(runs[k]);
      const rss = (k) => Math.max(...runs[k].map((r) => r.rssMB ?? 0));
      const link = (s) => `${((GiB / s / (CONNECTIONS * RATE)) * 100).toFixed(0)}%`;
      return {
        name: `one 1 GiB file, ${RATE / 1e6} MB/s per connection (medians of ${pairs} interleaved runs)`,
        rows: [
          [
            `aria2c -x${CONNECTIONS} -s${CONNECTIONS} (anchor)`,
            wall('aria'),
            spreadOf('aria'),
            link(wall('aria')),
            undefined,
          ],
          [
            'cog-push weights import → layout',
            wall('layout'),
            spreadOf('layout'),
            link(wall('layout')),
            rss('layout'),
          ],
          [
            'cog-push weights import → registry',
            wall('registry'),
            spreadOf('registry'),
            link(wall('registry')),
            rss('registry'),
          ],
          [
            'cog-push weights push of the same file from disk (the registry alone)',
            wall('push'),
            spreadOf('push'),
            link(wall('push')),
            rss('push'),
          ],
          ['curl, one connection (once)', curl.seconds, '', link(curl.seconds), undefined],
          [
            'cog-push weights import → layout, --download-connections 1 (once)',
            single.seconds,
            '',
            link(single.seconds),
            single.rssMB,
          ],
        ],
        layoutRatio: ratio(wall('layout'), wall('aria')),
        registryRatio: ratio(wall('registry'), wall('aria')),
        registryFloorRatio: ratio(wall('registry'), wall('push')),
        rssMB: Math.max(rss('layout'), rss('registry')),
      };
    });
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
