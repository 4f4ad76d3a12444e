// The action as the runner runs it: `node dist/index.js` with INPUT_* variables and the
// runner's files, against the real registry; then skopeo checks that the index, image and
// weight manifests are exactly where the outputs say.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseInputs } from '../src/inputs.js';
import { REPO_ROOT } from './helpers/conformance.js';
import { PASSWORD, USER, skopeoRaw, startRegistry, type Registry } from './helpers/registry.js';
import { cleanEnv } from './helpers/run.js';
import { tempDir, writeTree } from './helpers/tmp.js';

const root = tempDir('action-');
const EXAMPLE = path.join(REPO_ROOT, 'examples/hello');
const lock = JSON.parse(readFileSync(path.join(EXAMPLE, 'weights.lock'), 'utf8'));

interface ActionRun {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

function runAction(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): ActionRun {
  const id = Math.random().toString(36).slice(2);
  const output = path.join(root, `output-${id}`);
  const summary = path.join(root, `summary-${id}`);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
  );
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/index.js')], {
    env: {
      ...cleanEnv(),
      GITHUB_WORKSPACE: REPO_ROOT,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: root,
      ...inputEnv,
      ...env,
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return {
    status: r.status,
    stdout: r.stdout,
    outputs: parseOutputs(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
  };
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]!] = m[3]!;
  return out;
}

const errorLines = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));

/** A copy of the example project to change. */
function exampleCopy(name: string): string {
  const dir = path.join(root, name);
  cpSync(EXAMPLE, dir, { recursive: true });
  return path.relative(REPO_ROOT, dir);
}

const PREBUILT = { build: 'none', image: 'oci-layout:image' };

const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8'));

describe('action.yml', () => {
  it('runs dist/index.js on node24 and declares exactly the inputs the parser reads', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    const read: string[] = [];
    parseInputs((name) => (read.push(name), name === 'image' ? 'oci-layout:x' : ''), {});
    expect(Object.keys(action.inputs).sort()).toEqual([...new Set(read)].sort());
  });
});

describe('the action against a registry', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'registry'));
  });
  afterAll(() => registry.stop());

  it('publishes weights, image and index; skopeo finds each where the outputs say', async () => {
    const r = runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      tag: 'v1',
      ...PREBUILT,
    });
    expect(errorLines(r)).toEqual([]);
    expect(r.status).toBe(0);
    const o = r.outputs;
    expect(Object.keys(o).sort()).toEqual(Object.keys(action.outputs).sort());
    const repo = `${registry.host}/examples/hello`;
    expect(o['tag']).toBe('v1');
    expect(o['tagged-ref']).toBe(`${repo}:v1`);
    expect(o['ref']).toBe(`${repo}@${o['digest']}`);
    const index = JSON.parse((await skopeoRaw(`${repo}:v1`)).toString());
    expect(
      'sha256:' +
        (await import('node:crypto'))
          .createHash('sha256')
          .update(await skopeoRaw(`${repo}:v1`))
          .digest('hex'),
    ).toBe(o['digest']);
    expect(index.manifests[0].digest).toBe(o['image-digest']);
    expect(o['image-ref']).toBe(`${repo}@${o['image-digest']}`);
    const image = await skopeoRaw(`${repo}:cog-image.v1`);
    expect('sha256:' + createHash('sha256').update(image).digest('hex')).toBe(o['image-digest']);
    const weights = JSON.parse(o['weights']!);
    expect(weights).toEqual(
      lock.weights.map((w: { name: string; setDigest: string; digest: string; size: number }) => ({
        name: w.name,
        setDigest: w.setDigest,
        ref: `${repo}@${w.digest}`,
        tag: `cog-weight.${w.name}.${w.setDigest.slice(7, 19)}`,
        size: w.size,
      })),
    );
    for (const w of weights) {
      const raw = await skopeoRaw(`${repo}:${w.tag}`);
      expect(`${repo}@sha256:${createHash('sha256').update(raw).digest('hex')}`).toBe(w.ref);
    }
    expect(index.manifests.slice(1).map((m: { digest: string }) => m.digest)).toEqual(
      lock.weights.map((w: { digest: string }) => w.digest),
    );
    const metadata = JSON.parse(o['metadata']!);
    expect(metadata.weightBytesUploaded).toBeGreaterThan(0);
    expect(metadata.weightBytesSkipped).toBe(0);
    // Cog's ref tree in the log and the summary.
    const tree = [
      `  model   ${repo}@${o['digest']}`,
      `  ├─ image   ${repo}@${o['image-digest']}`,
      `  ├─ weight  tokenizer  ${weights[0].ref}`,
      `  └─ weight  encoder    ${weights[1].ref}`,
    ].join('\n');
    expect(r.stdout).toContain(tree);
    expect(r.summary).toContain(tree);
    expect(r.summary).toMatch(/\| tokenizer \| .* \| from source \|/);
  });

  it('a second run uploads zero weight bytes', () => {
    const r = runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      tag: 'v2',
      ...PREBUILT,
    });
    expect(r.status).toBe(0);
    const metadata = JSON.parse(r.outputs['metadata']!);
    expect(metadata.weightBytesUploaded).toBe(0);
    expect(metadata.weightOrigins).toEqual({ tokenizer: 'registry', encoder: 'registry' });
  });

  it('dry-run reports what it would push and writes nothing', async () => {
    const r = runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'dry/run',
      tag: 'v1',
      'dry-run': 'true',
      ...PREBUILT,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/weight tokenizer: would push \d+ bytes/);
    expect(r.outputs['digest']).toBe('');
    await expect(skopeoRaw(`${registry.host}/dry/run:v1`)).rejects.toThrow();
    expect(registry.blobDigests().length).toBeGreaterThan(0); // only the earlier tests' blobs
  });

  it('to: oci-layout writes the whole bundle to disk', async () => {
    const out = path.join(root, 'bundle-layout');
    const r = runAction({
      'working-directory': 'examples/hello',
      tag: 'v1',
      to: `oci-layout:${out}`,
      ...PREBUILT,
    });
    expect(r.status).toBe(0);
    expect(r.outputs['ref']).toBe(`oci-layout:${out}@${r.outputs['digest']}`);
    const index = JSON.parse(
      readFileSync(path.join(out, 'blobs/sha256', r.outputs['digest']!.slice(7)), 'utf8'),
    );
    expect(index.manifests).toHaveLength(3);
  });

  describe('bad input fails with one ::error line and nothing at the model tag', () => {
    const fails = async (
      inputs: Record<string, string>,
      message: RegExp,
      repo = 'bad/input',
      env: NodeJS.ProcessEnv = {},
    ) => {
      const r = runAction(
        { registry: registry.host, repository: repo, tag: 'v1', ...PREBUILT, ...inputs },
        env,
      );
      expect(r.status).toBe(1);
      const errors = errorLines(r);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      await expect(skopeoRaw(`${registry.host}/${repo}:v1`)).rejects.toThrow();
    };

    it('missing cog.yaml', () =>
      fails({ 'working-directory': 'no/such/dir' }, /cog\.yaml: file: file not found/));

    it('malformed cog.yaml', () => {
      const dir = exampleCopy('bad-yaml');
      writeFileSync(path.join(REPO_ROOT, dir, 'cog.yaml'), 'model: [unclosed\n');
      return fails({ 'working-directory': dir }, /cog\.yaml: line \d+, column \d+/);
    });

    it('a lockfile that drifted from cog.yaml', () => {
      const dir = exampleCopy('drift');
      const file = path.join(REPO_ROOT, dir, 'cog.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('/src/weights/encoder', '/src/weights/enc2'),
      );
      return fails(
        { 'working-directory': dir },
        /changed: weight "encoder": target: cog.yaml "\/src\/weights\/enc2", weights.lock "\/src\/weights\/encoder"%0A.*fix: run/,
      );
    });

    it('a reserved tag', () =>
      fails(
        { 'working-directory': 'examples/hello', tag: 'cog-image.x' },
        /"cog-" is a reserved prefix/,
      ));

    it('a builder that fails', () => {
      const bin = path.join(root, 'fail-bin');
      writeTree(bin, { docker: '#!/bin/sh\necho "docker: simulated failure" >&2\nexit 3\n' });
      chmodSync(path.join(bin, 'docker'), 0o755);
      return fails(
        { 'working-directory': 'examples/hello', build: 'docker', image: '' },
        /`docker buildx build` failed with exit code 3/,
        'bad/input',
        { PATH: `${bin}:${process.env['PATH']}` },
      );
    });
  });
});

describe('the action with wrong credentials', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'basic'), { htpasswd: true });
  });
  afterAll(() => registry.stop());

  it('fails naming the registry and the credential source, and masks the password', () => {
    const r = runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      tag: 'v1',
      username: USER,
      password: 'wrong-password',
      ...PREBUILT,
    });
    expect(r.status).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      new RegExp(`${registry.host} refused the credentials .*explicit username/password`),
    );
    expect(r.stdout).toContain('::add-mask::wrong-password');
    expect(r.stdout.replace('::add-mask::wrong-password', '')).not.toContain('wrong-password');
  });

  it('publishes with the right ones', () => {
    const r = runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      tag: 'v1',
      username: USER,
      password: PASSWORD,
      ...PREBUILT,
    });
    expect(errorLines(r)).toEqual([]);
    expect(r.status).toBe(0);
  });
});
