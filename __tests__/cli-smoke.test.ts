// The one test that runs the built CLI as a user would: `node dist/cli.js`, a process of its
// own, with its door (signals, exit code). Every other CLI case runs in-process (cli.test.ts).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/conformance.js';
import { cleanEnv } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const root = tempDir('cli-smoke-');

describe('the README quick start', () => {
  it('publishes the bundled example to an OCI layout with dist/cli.js and prints the ref tree', () => {
    const out = path.join(root, 'demo');
    const r = spawnSync(
      process.execPath,
      [
        'dist/cli.js',
        'publish',
        '--project',
        'examples/hello',
        '--image',
        'oci-layout:image',
        '--to',
        `oci-layout:${out}`,
      ],
      { cwd: REPO_ROOT, env: cleanEnv(), encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.replace(/^\n+|\n+$/g, '').split('\n');
    expect(lines[0]).toMatch(new RegExp(`^  model   oci-layout:${out}@sha256:[0-9a-f]{64}$`));
    expect(lines[1]).toMatch(
      /^  ├─ image   oci-layout:.*@sha256:32770be306f2651f1a42d2c060af446089b74253d29ebd28236baa50f85d25b6$/,
    );
    expect(lines[2]).toMatch(/^  ├─ weight  tokenizer  oci-layout:.*@sha256:[0-9a-f]{64}$/);
    expect(lines[3]).toMatch(/^  └─ weight  encoder    oci-layout:.*@sha256:[0-9a-f]{64}$/);
    const index = lines[0]!.split('@')[1]!;
    expect(readFileSync(path.join(out, 'blobs/sha256', index.slice(7)), 'utf8')).toContain(
      '"artifactType":"application/vnd.cog.weight.v1"',
    );
  });
});

// undici and the Actions cache library are two thirds of the bundle; they are loaded on first
// use (util/undici.ts, cache/), so a command that makes no HTTP request starts in 0.09 s, not
// 0.13. A module loader hook records every file the process loads.
describe('start-up', () => {
  const chunks = path.join(REPO_ROOT, 'dist/chunks');
  /** The chunk files whose code comes from the package `name`. */
  const chunksOf = (name: string) =>
    readdirSync(chunks).filter((f) =>
      readFileSync(path.join(chunks, f), 'utf8').includes(`\n// node_modules/${name}/`),
    );

  function loadedBy(args: string[]): { status: number | null; loaded: string[] } {
    const log = path.join(root, `loaded-${args[0]}.txt`);
    writeFileSync(log, '');
    const hooks = path.join(root, 'hooks.mjs');
    writeFileSync(
      hooks,
      "import { appendFileSync } from 'node:fs';\n" +
        'export async function load(url, context, next) {\n' +
        `  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n');\n` +
        '  return next(url, context);\n' +
        '}\n',
    );
    const register = path.join(root, 'register.mjs');
    writeFileSync(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`,
    );
    const r = spawnSync(process.execPath, ['--import', register, 'dist/cli.js', ...args], {
      cwd: REPO_ROOT,
      env: cleanEnv(),
      encoding: 'utf8',
    });
    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    return { status: r.status, loaded: loaded.map((u) => path.basename(new URL(u).pathname)) };
  }

  it('a publish into a layout and a pack load neither undici nor the Actions cache', () => {
    const lazy = [...chunksOf('undici'), ...chunksOf('@actions/cache')];
    expect(chunksOf('undici')).toHaveLength(1);
    expect(chunksOf('@actions/cache')).toHaveLength(1);
    const publish = loadedBy([
      'publish',
      '--project',
      'examples/hello',
      '--image',
      'oci-layout:image',
      '--to',
      `oci-layout:${path.join(root, 'lazy')}`,
    ]);
    const pack = loadedBy([
      'weights',
      'pack',
      'examples/hello/weights/tokenizer',
      '--name',
      'tokenizer',
      '--target',
      '/src/weights/tokenizer',
    ]);
    for (const run of [publish, pack]) {
      expect(run.status).toBe(0);
      expect(run.loaded).toContain('cli.js');
      expect(run.loaded.filter((f) => lazy.includes(f))).toEqual([]);
    }
  });
});
