// CI gate: the committed dist/ must be exactly what a fresh build of src/ produces.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const fresh = mkdtempSync(path.join(tmpdir(), 'cog-push-dist-'));
try {
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', fresh], { stdio: 'inherit' });
  // Every file, chunks/ included, by its path under the directory.
  const files = (dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)));
  const names = new Set([...files('dist'), ...files(fresh)]);
  const stale = [...names].filter((name) => {
    try {
      return !readFileSync(path.join('dist', name)).equals(readFileSync(path.join(fresh, name)));
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(`dist/ does not match a fresh build of src/: ${stale.join(', ')}`);
    console.error('run `npm run build` and commit dist/');
    process.exit(1);
  }
  console.log('dist/ matches a fresh build');
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
