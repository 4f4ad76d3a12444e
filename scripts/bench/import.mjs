// Import throughput: `cog-push weights import` of N GiB of weights served by a local HTTP file
// server (one http(s) source per file: download into the store, pack, push to an OCI layout),
// beside `curl` downloading the same files in the same run.
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GiB, MiB, ratio, timedAsync, weightFiles } from './lib.mjs';

export async function importBench(totalGiB) {
  const fileSize = 256 * MiB;
  const count = Math.round((totalGiB * GiB) / fileSize);
  const dir = weightFiles(`pack-${totalGiB}g`, count, fileSize);
  const names = readdirSync(dir).sort();
  const server = http.createServer((req, res) => {
    const file = path.join(dir, path.basename(decodeURIComponent(req.url)));
    const size = statSync(file).size;
    res.writeHead(200, {
      'content-length': String(size),
      etag: `"${path.basename(file)}-${size}"`,
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file, { highWaterMark: 1 << 20 }).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const work = mkdtempSync(path.join(tmpdir(), 'cog-push-bench-import-'));
  try {
    const downloads = path.join(work, 'curl');
    mkdirSync(downloads);
    const curl = await timedAsync('curl', [
      '-s',
      '--parallel',
      '--parallel-max',
      '4',
      ...names.flatMap((n) => ['-o', path.join(downloads, n), `${origin}/${n}`]),
    ]);
    rmSync(downloads, { recursive: true, force: true });

    const project = path.join(work, 'project');
    mkdirSync(project);
    const sources = names.map((n) => `      - uri: ${origin}/${n}`).join('\n');
    writeFileSync(
      path.join(project, 'cog.yaml'),
      `model: 127.0.0.1:1/bench/model\nweights:\n  - name: w\n    target: /src/weights/w\n    source:\n${sources}\n`,
    );
    const ours = await timedAsync(
      process.execPath,
      [
        'scripts/bench/measure.mjs',
        'dist/cli.js',
        'weights',
        'import',
        '--project',
        project,
        '--to',
        `oci-layout:${path.join(work, 'out')}`,
      ],
      {
        env: {
          ...process.env,
          COG_PUSH_STORE_DIR: path.join(work, 'store'),
          COG_PUSH_CACHE_DIR: path.join(work, 'cache'),
        },
      },
    );
    return {
      name: `import ${totalGiB} GiB over HTTP from a local server (${count} × 256 MiB)`,
      rows: [
        ['curl (4 parallel, to disk)', curl.seconds, undefined],
        [
          'cog-push weights import (download, pack, push to an OCI layout)',
          ours.seconds,
          ours.rssMB,
        ],
      ],
      ratio: ratio(ours.seconds, curl.seconds),
    };
  } finally {
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
