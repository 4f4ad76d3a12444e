// Cache restore: a 1 GiB weight restored from the Actions cache (the real @actions/cache,
// through our stand-in service and Azurite on this machine) by our guarded restore (the
// library downloads; one pass of ours decompresses, checks, hashes and writes), beside the raw
// library restore of the same entry (download + its own tar extraction, nothing checked) and
// a plain `cp` of the same files. Best of two, alternated.
import { mkdtempSync, rmSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCacheService } from '../../__tests__/helpers/cache-service.ts';
import * as cache from '@actions/cache';
import {
  restoreWeight,
  saveWeight,
  weightCacheKey,
  weightCachePaths,
} from '../../src/cache/weights.ts';
import { WeightStore } from '../../src/weights/store.ts';
import { readRuntimeEnv } from '../../src/config/env.ts';
import { sha256File } from '../../src/util/hashpool.ts';
import { GiB, MiB, ratio, timed, weightFiles } from './lib.mjs';

export async function cacheBench(totalGiB = 1) {
  const fileSize = 256 * MiB;
  const count = Math.round((totalGiB * GiB) / fileSize);
  const source = weightFiles(`cache-${totalGiB}g`, count, fileSize);
  const work = mkdtempSync(path.join(tmpdir(), 'cog-push-bench-cache-'));
  const service = await startCacheService();
  const env = { ...service.env, RUNNER_TEMP: path.join(work, 'runner'), GITHUB_WORKSPACE: work };
  const saved = { ...process.env };
  Object.assign(process.env, env);
  delete process.env.GITHUB_SERVER_URL;
  const quiet = { info() {}, warning: (m) => console.error(m), notice() {} };
  try {
    const store = new WeightStore(path.join(work, 'store'));
    const files = [];
    for (const name of readdirSync(source).sort()) {
      const file = path.join(source, name);
      const digest = await sha256File(file);
      files.push({ path: name, size: statSync(file).size, digest });
      await store.ingest(file, digest, statSync(file).size);
    }
    const weight = { name: 'bench', setDigest: `sha256:${'b'.repeat(64)}`, files };
    let t = process.hrtime.bigint();
    const runtime = readRuntimeEnv(process.env, process.cwd(), process.platform);
    const ctx = {
      service: runtime.cacheService,
      store,
      platform: process.platform,
      prependPath: runtime.prependPath,
      log: quiet,
    };
    const saveOutcome = await saveWeight(weight, ctx, 100 * GiB);
    const saveSeconds = Number(process.hrtime.bigint() - t) / 1e9;

    if (saveOutcome !== 'saved') throw new Error(`cache bench: save ${saveOutcome}`);
    const seconds = async (fn) => {
      rmSync(store.root, { recursive: true, force: true });
      const start = process.hrtime.bigint();
      const outcome = await fn();
      return { outcome, s: Number(process.hrtime.bigint() - start) / 1e9 };
    };
    const ours = [];
    const raw = [];
    const key = weightCacheKey(weight.setDigest, process.platform);
    for (let i = 0; i < 2; i++) {
      const r = await seconds(() => cache.restoreCache(weightCachePaths(weight, store), key));
      if (r.outcome !== key) throw new Error(`cache bench: raw restore ${r.outcome}`);
      raw.push(r.s);
      const o = await seconds(() => restoreWeight(weight, ctx));
      if (o.outcome !== 'hit') throw new Error(`cache bench: restore ${o.outcome}`);
      ours.push(o.s);
    }
    const restoreSeconds = Math.min(...ours);
    const rawSeconds = Math.min(...raw);

    const copyDir = path.join(work, 'copy');
    const copy = timed('cp', ['-r', source, copyDir]);
    return {
      name: `cache restore of a ${totalGiB} GiB weight (${count} × 256 MiB) vs cp`,
      rows: [
        ['save (tar, zstd, upload to Azurite)', saveSeconds],
        ['restore, ours (download, one guarded pass: unzstd, check, hash, write)', restoreSeconds],
        ['restore, raw @actions/cache (download, tar -x, nothing checked)', rawSeconds],
        ['cp -r of the same files', copy.seconds],
      ],
      ratio: ratio(restoreSeconds, copy.seconds),
      rawRatio: ratio(restoreSeconds, rawSeconds),
    };
  } finally {
    process.env = saved;
    await service.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
