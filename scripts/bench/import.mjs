// Import throughput: `cog-push weights import` of weights served by a local HTTP file server
// (one http(s) source per 256 MiB file), in interleaved runs of the same session:
// - into an OCI layout, beside `curl --parallel-max 4` to disk and the floor built from
//   standard tools (`curl | tee FILE | two sha256sum`: two digests and one write a byte);
// - into a local registry, beside the two steps a user could run by hand: the same curl to
//   disk, then `cog-push weights push` of those files into a fresh registry.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFileServer } from '../../__tests__/helpers/file-server.ts';
import {
  GiB,
  MiB,
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

/** The files, their server, a scratch dir and the project importing them; closed by `close`. */
async function importSetup(totalGiB) {
  const fileSize = 256 * MiB;
  const count = Math.round((totalGiB * GiB) / fileSize);
  const dir = weightFiles(`pack-${totalGiB}g`, count, fileSize);
  const names = readdirSync(dir).sort();
  const server = await startFileServer(
    Object.fromEntries(names.map((n) => [n, { path: path.join(dir, n) }])),
  );
  const work = mkdtempSync(path.join(tmpdir(), 'cog-push-bench-import-'));
  const project = urlProject(path.join(work, 'project'), server.origin, names);
  const env = {
    ...process.env,
    COG_PUSH_STORE_DIR: path.join(work, 'store'),
    COG_PUSH_CACHE_DIR: path.join(work, 'cache'),
  };
  /** `curl --parallel-max 4` of every file into `into` (made first). */
  const curl = (into) => {
    mkdirSync(into, { recursive: true });
    return timedAsync('curl', [
      '-s',
      '--parallel',
      '--parallel-max',
      '4',
      ...names.flatMap((n) => ['-o', path.join(into, n), `${server.origin}/${n}`]),
    ]);
  };
  /** Our import into `to`, from a fresh store, pack cache and lockfile: every byte moves. */
  const ours = (to) => {
    for (const d of ['store', 'cache', 'project/weights.lock'])
      rmSync(path.join(work, d), { recursive: true, force: true });
    return timedAsync(process.execPath, measuredImportArgs(project, to), { env });
  };
  const close = async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  };
  return { names, count, origin: server.origin, work, env, curl, ours, close };
}

const without = (dir) => rmSync(dir, { recursive: true, force: true });

/** Flush what the last run left to write back (1–2 GiB) before the next one starts. */
const settle = () => spawnSync('sync');

export async function importBench(totalGiB, pairs = 5) {
  const s = await importSetup(totalGiB);
  try {
    const into = path.join(s.work, 'downloads');
    // Two digests and one write a byte, four files at a time: what a import cannot beat.
    const floorScript = `printf '%s\\n' ${s.names.join(' ')} | xargs -P4 -I{} bash -c 'curl -s ${s.origin}/{} | tee ${into}/{} | tee >(sha256sum >/dev/null) | sha256sum >/dev/null'`;
    const runs = { curl: [], floor: [], ours: [] };
    // The pairs first, then the floor's runs: a run right after one of the floor's (10 s of
    // both cores) took 5.1–5.7 s where it took 3.9–4.4 s right after curl's, the files written
    // back between runs or not.
    for (let i = 0; i < pairs; i++) {
      settle();
      runs.curl.push(await s.curl(into));
      without(into);
      const out = path.join(s.work, 'out');
      settle();
      runs.ours.push(await s.ours(`oci-layout:${out}`));
      without(out);
    }
    for (let i = 0; i < pairs; i++) {
      mkdirSync(into);
      settle();
      runs.floor.push(await timedAsync('bash', ['-c', floorScript]));
      without(into);
    }
    const wall = (k) => median(runs[k].map((r) => r.seconds));
    return {
      name: `import ${totalGiB} GiB over HTTP into an OCI layout (${s.count} × 256 MiB; medians of ${pairs} interleaved runs)`,
      rows: [
        ['curl (4 parallel, to disk)', wall('curl'), spread(runs.curl), undefined],
        ['curl | tee | 2 × sha256sum (4 parallel)', wall('floor'), spread(runs.floor), undefined],
        [
          'cog-push weights import → layout',
          wall('ours'),
          spread(runs.ours),
          Math.max(...runs.ours.map((r) => r.rssMB ?? 0)),
        ],
      ],
      ratio: ratio(wall('ours'), wall('curl')),
      floorRatio: ratio(wall('floor'), wall('curl')),
    };
  } finally {
    await s.close();
  }
}

/** Import into a registry beside curl to disk then `weights push`, each into a fresh registry. */
export async function importRegistryBench(totalGiB, pairs = 5) {
  const s = await importSetup(totalGiB);
  try {
    const into = path.join(s.work, 'downloads');
    const runs = { curl: [], push: [], manual: [], ours: [] };
    for (let i = 0; i < pairs; i++) {
      settle();
      const curl = await s.curl(into);
      settle();
      const push = await withRegistry(s.work, 'manual-registry', (r) =>
        timedAsync(process.execPath, [
          'scripts/bench/measure.mjs',
          'dist/cli.js',
          ...weightPushArgs(into, `${r.host}/bench/manual`, '--no-pack-cache'),
        ]),
      );
      without(into);
      runs.curl.push(curl);
      runs.push.push(push);
      runs.manual.push({ seconds: curl.seconds + push.seconds });
      settle();
      runs.ours.push(
        await withRegistry(s.work, 'ours-registry', (r) => s.ours(`${r.host}/bench/ours`)),
      );
    }
    const wall = (k) => median(runs[k].map((r) => r.seconds));
    return {
      name: `import ${totalGiB} GiB over HTTP into a local registry (${s.count} × 256 MiB; medians of ${pairs} interleaved runs)`,
      rows: [
        ['curl (4 parallel, to disk)', wall('curl'), spread(runs.curl), undefined],
        ['cog-push weights push of those files', wall('push'), spread(runs.push), undefined],
        ['by hand: the two, one after the other', wall('manual'), spread(runs.manual), undefined],
        [
          'cog-push weights import → registry',
          wall('ours'),
          spread(runs.ours),
          Math.max(...runs.ours.map((r) => r.rssMB ?? 0)),
        ],
      ],
      ratio: ratio(wall('ours'), wall('manual')),
      idealRatio: ratio(Math.max(wall('curl'), wall('push')), wall('manual')),
    };
  } finally {
    await s.close();
  }
}
