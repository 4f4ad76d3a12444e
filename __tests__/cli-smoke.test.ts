// The one test that runs the built CLI as a user would: `node dist/cli.js`, a process of its
// own, with its door (signals, exit code). Every other CLI case runs in-process (cli.test.ts).
import { readFileSync } from 'node:fs';
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
