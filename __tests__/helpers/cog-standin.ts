// A `cog` that behaves as Cog does where the action depends on it (Cog itself cannot be
// installed here; the e2e workflow runs the real one on GitHub's runners):
// - `cog build` takes `-t/--tag`, `-f/--file` (default cog.yaml) and its other flags (--secret,
//   --no-cache, --dockerfile, --openapi-schema, --progress, --use-cuda-base-image,
//   --use-cog-base-image=BOOL, --separate-weights), and refuses any other flag or a stray
//   argument, as cobra does;
// - `cog --version` prints kong's version line, `cog version X (built T)` (pkg/cli), X from
//   COG_STANDIN_VERSION (default 0.22.0), to stand in for an old Cog as well;
// - it finds its config from its working directory upward (pkg/config/load.go,
//   findProjectRootDir: `<file> not found in <cwd> (or in any parent directories)`), and the
//   directory holding it is the project it builds;
// - with `weights:` in the config it needs weights.lock there ("managed weights configured but
//   no lockfile found"), and writes `.cog/weights.json` from it (json.MarshalIndent, two
//   spaces, no trailing newline) into the project and, at /.cog/weights.json, into the image
//   (Cog v0.22.0, pkg/image/build.go);
// - it builds for real, on the test engine: FROM the base image, the config and predict.py in
//   /src. The action then runs `docker push`.
// Every call is recorded as one JSON line: {cwd, argv}.

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_IMAGE } from './engine.js';

export function writeCogStandIn(bin: string, log: string): string {
  mkdirSync(bin, { recursive: true });
  const file = path.join(bin, 'cog');
  writeFileSync(
    file,
    `#!${process.execPath}
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const argv = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ cwd: process.cwd(), argv }) + '\\n');
const fail = (m) => { process.stderr.write('ⅹ ' + m + '\\n'); process.exit(1); };
if (argv[0] === '--version') {
  console.log('cog version ' + (process.env.COG_STANDIN_VERSION || '0.22.0') + ' (built 2026-01-01T00:00:00Z)');
  process.exit(0);
}
if (argv[0] !== 'build') fail('unknown command "' + argv[0] + '" for "cog"');
let tag = '', file = 'cog.yaml';
// cog build's flags (Cog v0.22.0 pkg/cli/build.go): those that take a value, and the bools,
// which take theirs only as --flag=value (cobra leaves a separate word as an argument).
const VALUED = ['--secret', '--dockerfile', '--openapi-schema', '--progress', '--use-cuda-base-image'];
const BOOLS = ['--no-cache', '--separate-weights', '--use-cog-base-image'];
for (let i = 1; i < argv.length; i++) {
  const a = argv[i];
  const name = a.split('=')[0];
  if (a === '-t' || a === '--tag') tag = argv[++i];
  else if (a === '-f' || a === '--file') file = argv[++i];
  else if (a.startsWith('--tag=')) tag = a.slice(6);
  else if (a.startsWith('--file=')) file = a.slice(7);
  else if (VALUED.includes(name)) { if (a === name) i++; }
  else if (BOOLS.includes(name)) {
    if (a !== name && !['true', 'false'].includes(a.slice(name.length + 1)))
      fail('invalid argument "' + a.slice(name.length + 1) + '" for "' + name + '" flag: strconv.ParseBool: parsing "' + a.slice(name.length + 1) + '": invalid syntax');
  }
  else if (!a.startsWith('-')) fail('accepts 0 arg(s), received 1');
  else fail(a.startsWith('--') ? 'unknown flag: ' + a : "unknown shorthand flag: '" + a[1] + "' in " + a);
}
const start = process.cwd();
let dir = start, root;
for (let i = 0; i < 100; i++) {
  if (fs.existsSync(path.join(dir, file))) { root = dir; break; }
  if (dir === '.' || dir === '/') fail(file + ' not found in ' + start + ' (or in any parent directories)');
  dir = path.dirname(dir);
}
if (!root) fail('No cog.yaml found in parent directories.');
const config = fs.readFileSync(path.join(root, file), 'utf8');
const files = [file, 'predict.py'].filter((f) => fs.existsSync(path.join(root, f)));
let steps = '';
if (/^weights:/m.test(config)) {
  const lockFile = path.join(root, 'weights.lock');
  if (!fs.existsSync(lockFile)) fail('managed weights configured but no lockfile found: ' + lockFile + "\\nRun 'cog weights import' first");
  const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
  const weights = lock.weights.map((w) => ({ name: w.name, target: w.target, setDigest: w.setDigest }));
  fs.mkdirSync(path.join(root, '.cog', 'build'), { recursive: true });
  const json = JSON.stringify({ weights }, null, 2);
  fs.writeFileSync(path.join(root, '.cog', 'weights.json'), json);
  fs.writeFileSync(path.join(root, '.cog', 'build', 'weights.json'), json);
  steps = 'COPY .cog/weights.json /.cog/weights.json\\n';
}
const dockerfile = path.join(root, '.cog', 'build', 'Dockerfile');
fs.mkdirSync(path.dirname(dockerfile), { recursive: true });
fs.writeFileSync(dockerfile, 'FROM ${BASE_IMAGE}\\nWORKDIR /src\\n' +
  files.map((f) => 'COPY ' + JSON.stringify([f, '/src/' + f]) + '\\n').join('') + steps);
const r = spawnSync('docker', ['build', '-t', tag, '-f', dockerfile, root], {
  stdio: 'inherit', env: { ...process.env, DOCKER_BUILDKIT: '1' },
});
process.exit(r.status ?? 1);
`,
  );
  chmodSync(file, 0o755);
  return file;
}
