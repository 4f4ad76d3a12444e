import { WEIGHT_NAME_PATTERN } from '../src/cog/config.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceCases, packCaseArgs } from './helpers/conformance.js';
import { cli } from './helpers/cli.js';
import { tempDir, writeTree } from './helpers/tmp.js';

const root = tempDir('cli-');

describe('cog-push resolve', () => {
  const project = writeTree(path.join(root, 'project'), {
    'cog.yaml': 'model: registry.example.com/acct/flux\nbuild:\n  gpu: true\n',
  });

  it('prints the resolved reference as JSON', async () => {
    const r = await cli(['resolve', '--project', project], { env: { COG_MODEL_TAG: 'v1' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ref: 'registry.example.com/acct/flux:v1',
      registry: 'registry.example.com',
      repository: 'acct/flux',
      tag: 'v1',
      digest: null,
      format: 'bundle',
    });
  });

  it('uses a timestamp tag when none is set', async () => {
    const r = await cli(['resolve', '--project', project]);
    expect(JSON.parse(r.stdout).tag).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('prints a digest reference with a null tag', async () => {
    const digest = 'sha256:' + 'c'.repeat(64);
    const r = await cli(['resolve', '--project', project], {
      env: { COG_MODEL: `a.io/b/c@${digest}` },
    });
    expect(JSON.parse(r.stdout)).toMatchObject({ ref: `a.io/b/c@${digest}`, tag: null, digest });
  });

  it('exits 1 with the error on stderr', async () => {
    const r = await cli(['resolve', '--project', project], {
      env: { COG_MODEL_TAG: 'cog-image.x' },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/invalid COG_MODEL_TAG "cog-image.x": "cog-" is a reserved prefix/);
    const bad = writeTree(path.join(root, 'bad'), { 'cog.yaml': 'model: [oops\n' });
    const r2 = await cli(['resolve', '--project', bad]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/cog\.yaml: line \d+, column \d+:/);
  });
});

describe('cog-push weights pack', () => {
  it.each(conformanceCases())('--json prints the conformance shape for $id', async (c) => {
    const args = [...packCaseArgs(c), '--json'];
    const r = await cli(args);
    // Names Cog's cog.yaml refuses ("odd/paths") are packed, with a warning saying so.
    expect(r.stderr).toBe(
      WEIGHT_NAME_PATTERN.test(c.name)
        ? ''
        : `warning: --name "${c.name}" must contain only lowercase alphanumeric characters, hyphens, dots, or underscores (e.g. "my-model-weights") to be published (cog.yaml, weights push); packed as the reference packer would, for comparison only\n`,
    );
    const got = JSON.parse(r.stdout);
    const want = JSON.parse(readFileSync(path.join(c.dir, 'case.json'), 'utf8')).expected;
    expect(Object.keys(got)).toEqual(Object.keys(want));
    expect(got.files).toEqual(want.files);
    expect(got.setDigest).toBe(want.setDigest);
    expect(got.layers.map((l: { tarDigest: string }) => l.tarDigest)).toEqual(
      want.layers.map((l: { tarDigest: string }) => l.tarDigest),
    );
    if (want.layers.every((l: { mediaType: string }) => !l.mediaType.endsWith('+gzip'))) {
      expect(got).toEqual(want);
    }
  });

  const standalone = conformanceCases().find((x) => x.id === 'standalone-only');
  it('prints a readable table without --json', async () => {
    const c = standalone!;
    const r = await cli(packCaseArgs(c));
    expect(r.stdout).toContain(
      `manifest  ${c.expected.manifestDigest} (${c.expected.manifestSize} bytes)`,
    );
    expect(r.stdout).toContain('tag       cog-weight.llm-7b.68e00fa66afa');
    expect(r.stdout).toMatch(/^0 +tar +1 +7\.5 KiB +4\.9 KiB +sha256:e436a83b/m);
  });

  it('rejects bad arguments with usage (exit 2) and bad input with the path (exit 1)', async () => {
    const missing = await cli(['weights', 'pack', root, '--name', 'x']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--target must be an absolute path\nusage:/);
    const bytes = await cli([
      'weights',
      'pack',
      root,
      '--name',
      'x',
      '--target',
      '/w',
      '--bundle-file-max',
      '1e3',
    ]);
    expect(bytes.status).toBe(2);
    expect(bytes.stderr).toMatch(
      /^cog-push: --bundle-file-max must be a positive number of bytes\nusage:/,
    );
    // Checked before the directory is read: an unreadable directory does not hide it.
    const first = await cli([
      'weights',
      'pack',
      path.join(root, 'none'),
      '--name',
      'x',
      '--target',
      '/w',
      '--bundle-size-max',
      '0',
    ]);
    expect(first.status).toBe(2);
    expect(first.stderr).toMatch(
      /^cog-push: --bundle-size-max must be a positive number of bytes\nusage:/,
    );
    // A weight that is published gets Cog's name rule.
    const named = await cli([
      'weights',
      'push',
      root,
      '--name',
      'Bad Name',
      '--target',
      '/w',
      '--to',
      'oci-layout:/tmp/x',
    ]);
    expect(named.status).toBe(2);
    expect(named.stderr).toMatch(
      /^cog-push: --name "Bad Name" must contain only lowercase alphanumeric characters/,
    );
    // `weights pack` says when `weights push` would refuse the name; a long one is cut short.
    for (const name of ['BAD NAME', 'x'.repeat(100_000) + '!']) {
      const packed = await cli(['weights', 'pack', root, '--name', name, '--target', '/w']);
      expect(packed.status).toBe(0);
      expect(packed.stderr).toMatch(
        /^warning: --name ".*" must contain only lowercase .* to be published \(cog.yaml, weights push\); packed as the reference packer would, for comparison only\n$/,
      );
      expect(packed.stderr.length).toBeLessThan(600);
    }
    const empty = writeTree(path.join(root, 'emptyish'), {});
    const r = await cli([
      'weights',
      'pack',
      path.join(empty, 'none'),
      '--name',
      'x',
      '--target',
      '/w',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/weight source not found: .*emptyish\/none/);
  });
});
