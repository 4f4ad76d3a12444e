// Copy the conformance vectors from the project's shared folder into testdata/conformance/,
// and record the sha256 of every copied file in SHA256SUMS (the test checks the copies
// against it). The vectors are data computed by the reference algorithm: this script only
// copies them; nothing of ours may regenerate them.
//
//   node scripts/sync-conformance.mjs [--from ../shared/conformance]   copy in, rewrite SHA256SUMS
//   node scripts/sync-conformance.mjs --check [--from DIR]             exit 1 if DIR differs
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: '../shared/conformance' },
    check: { type: 'boolean', default: false },
  },
});
const source = path.resolve(values.from);
const dest = path.resolve('testdata/conformance');

/** Every regular file below `dir`, as sorted relative POSIX paths. */
function filesBelow(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** sha256sum's format: `<hex>  <path>`, one line a file. */
const sums = (dir) =>
  filesBelow(dir)
    .map((f) => `${sha256(path.join(dir, f))}  ${f}\n`)
    .join('');

if (!existsSync(path.join(source, 'cases'))) {
  console.error(`sync-conformance: no vectors at ${path.join(source, 'cases')}`);
  process.exit(1);
}

if (values.check) {
  const theirs = sums(path.join(source, 'cases'));
  const ours = sums(path.join(dest, 'cases'));
  if (theirs !== ours || ours !== readFileSync(path.join(dest, 'SHA256SUMS'), 'utf8')) {
    console.error(`sync-conformance: ${source} differs from testdata/conformance; run the sync`);
    process.exit(1);
  }
  console.log('testdata/conformance matches', source);
} else {
  rmSync(path.join(dest, 'cases'), { recursive: true, force: true });
  cpSync(path.join(source, 'cases'), path.join(dest, 'cases'), { recursive: true });
  cpSync(path.join(source, 'README.md'), path.join(dest, 'VECTORS.md'));
  writeFileSync(path.join(dest, 'SHA256SUMS'), sums(path.join(dest, 'cases')));
  console.log(
    `copied ${filesBelow(path.join(dest, 'cases')).length} files into testdata/conformance`,
  );
}
