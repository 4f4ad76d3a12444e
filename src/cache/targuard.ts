// @actions/cache extracts with `tar -xf … -P -C $GITHUB_WORKSPACE`: `-P` keeps absolute and
// `../` names, so a cache entry could write anywhere the runner can. During a restore we put a
// `tar` of ours first on PATH (the library resolves tar through PATH on every call). It lists
// the archive with the real tar and refuses it, before extracting anything, unless every entry
// lands inside the weight store; then it hands the original arguments to the real tar.

import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { which } from '@actions/io';

const GUARD = (realTar: string, root: string) => `#!${process.execPath}
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const REAL = ${JSON.stringify(realTar)};
const ROOT = ${JSON.stringify(root)};
const args = process.argv.slice(2);
const x = args.indexOf('-xf');
if (x >= 0) {
  const archive = args[x + 1];
  const c = args.indexOf('-C');
  const dir = c >= 0 ? args[c + 1] : process.cwd();
  const compress = [];
  const p = args.indexOf('--use-compress-program');
  if (p >= 0) compress.push('--use-compress-program', args[p + 1]);
  if (args.includes('-z')) compress.push('-z');
  const list = spawnSync(REAL, ['-tf', archive, '-P', ...compress], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (list.status !== 0) {
    process.stderr.write(list.stderr);
    process.exit(list.status || 1);
  }
  for (const name of list.stdout.split('\\n').filter(Boolean)) {
    const target = path.resolve(dir, name);
    if (!target.startsWith(ROOT + path.sep)) {
      process.stderr.write('refusing cache archive: entry ' + JSON.stringify(name) + ' is outside the weight store ' + ROOT + '\\n');
      process.exit(2);
    }
  }
}
const r = spawnSync(REAL, args, { stdio: 'inherit' });
process.exit(r.status === null ? 1 : r.status);
`;

/** Run `fn` with the guarded tar first on PATH. */
export async function withTarGuard<T>(storeRoot: string, fn: () => Promise<T>): Promise<T> {
  const realTar = await which('tar', true);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cog-push-tar-'));
  const guard = path.join(dir, 'tar');
  await writeFile(guard, GUARD(realTar, path.resolve(storeRoot)));
  await chmod(guard, 0o755);
  const previous = process.env['PATH'];
  process.env['PATH'] = `${dir}${path.delimiter}${previous ?? ''}`;
  try {
    return await fn();
  } finally {
    process.env['PATH'] = previous;
    await rm(dir, { recursive: true, force: true });
  }
}
