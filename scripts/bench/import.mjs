// Import throughput: `cog-push weights import` of N GiB of weights served by a local HTTP file
// server (one http(s) source per file: download into the store, pack, push to an OCI layout),
// beside `curl` downloading the same files in the same run.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFileServer } from '../../__tests__/helpers/file-server.ts';
import {
  GiB,
  MiB,
  measuredImportArgs,
  ratio,
  timedAsync,
  urlProject,
  weightFiles,
} from './lib.mjs';

export async function importBench(totalGiB) {
  const fileSize = 256 * MiB;
  const count = Math.round((totalGiB * GiB) / fileSize);
  const dir = weightFiles(`pack-${totalGiB}g`, count, fileSize);
  const names = readdirSync(dir).sort();
  const server = await startFileServer(
    Object.fromEntries(names.map((n) => [n, { path: path.join(dir, n) }])),
  );
  const origin = server.origin;
  const work = mkdtempSync(path.join(tmpdir(), 'cog-push-bench-import-'));
  try {
    const downloads = path.join(work, 'curl');
    const curlOnce = async () => {
      mkdirSync(downloads);
      try {
        return await timedAsync('curl', [
          '-s',
          '--parallel',
          '--parallel-max',
          '4',
          ...names.flatMap((n) => ['-o', path.join(downloads, n), `${origin}/${n}`]),
        ]);
      } finally {
        rmSync(downloads, { recursive: true, force: true });
      }
    };

    const project = urlProject(path.join(work, 'project'), origin, names);
    // A fresh store and layout each time: every byte is downloaded and written again.
    const oursOnce = async () => {
      rmSync(path.join(work, 'store'), { recursive: true, force: true });
      rmSync(path.join(work, 'out'), { recursive: true, force: true });
      rmSync(path.join(project, 'weights.lock'), { force: true });
      return timedAsync(
        process.execPath,
        measuredImportArgs(project, `oci-layout:${path.join(work, 'out')}`),
        {
          env: {
            ...process.env,
            COG_PUSH_STORE_DIR: path.join(work, 'store'),
            COG_PUSH_CACHE_DIR: path.join(work, 'cache'),
          },
        },
      );
    };
    // Best of two each, alternated, so one disturbed run (page cache, a flush) decides nothing.
    const runs = [];
    for (let i = 0; i < 2; i++) runs.push({ curl: await curlOnce(), ours: await oursOnce() });
    const best = (k) => runs.map((r) => r[k]).reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const curl = best('curl');
    const ours = best('ours');
    return {
      name: `import ${totalGiB} GiB over HTTP from a local server (${count} × 256 MiB)`,
      rows: [
        ['curl (4 parallel, to disk)', curl.seconds, undefined],
        [
          'cog-push weights import (download to the store, hash, write the layout)',
          ours.seconds,
          ours.rssMB,
        ],
      ],
      ratio: ratio(ours.seconds, curl.seconds),
    };
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
