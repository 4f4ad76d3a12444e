// The action as the runner runs it: `node dist/index.js` with INPUT_* variables and the
// runner's files, then the outputs read back from GITHUB_OUTPUT.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseInputs } from '../src/inputs.js';
import { REPO_ROOT } from './helpers/conformance.js';
import { cleanEnv, cli } from './helpers/run.js';
import { tempDir } from './helpers/tmp.js';

const root = tempDir('action-');

function runAction(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const output = path.join(root, `output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, '');
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
  );
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/index.js')], {
    env: {
      ...cleanEnv(),
      GITHUB_WORKSPACE: REPO_ROOT,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: root,
      ...inputEnv,
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { ...r, outputs: parseOutputs(readFileSync(output, 'utf8')) };
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

describe('action.yml', () => {
  const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8'));

  it('runs dist/index.js on node24 and declares exactly the inputs the parser reads', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    const read: string[] = [];
    parseInputs((name) => (read.push(name), ''), {});
    expect(Object.keys(action.inputs).sort()).toEqual(read.sort());
  });

  it('declares every output the action writes', () => {
    const r = runAction({ 'working-directory': 'examples/hello', tag: 'v0' });
    expect(Object.keys(r.outputs).sort()).toEqual(Object.keys(action.outputs).sort());
  });
});

describe('the action (dist/index.js)', () => {
  it('resolves the example model and packs both weights to the digests the CLI computes', () => {
    const r = runAction({ 'working-directory': 'examples/hello', tag: 'v1' });
    expect(r.status).toBe(0);
    expect(r.outputs['tag']).toBe('v1');
    expect(r.outputs['tagged-ref']).toBe('localhost:5000/examples/hello:v1');
    const weights = JSON.parse(r.outputs['weights']!);
    expect(weights.map((w: { name: string }) => w.name)).toEqual(['tokenizer', 'encoder']);
    for (const w of weights) {
      const packed = cli([
        'weights',
        'pack',
        path.join(REPO_ROOT, 'examples/hello/weights', w.name),
        '--name',
        w.name,
        '--target',
        `/src/weights/${w.name}`,
        '--json',
      ]);
      const want = JSON.parse(packed.stdout);
      expect(w.digest).toBe(want.manifestDigest);
      expect(w.setDigest).toBe(want.setDigest);
      expect(w.tag).toBe(`cog-weight.${w.name}.${want.setDigest.slice(7, 19)}`);
    }
  });

  it('an input replaces its COG_MODEL* variable', () => {
    const r = runAction(
      { 'working-directory': 'examples/hello', repository: 'acct/other' },
      { COG_MODEL_REPO: 'ignored/repo', COG_MODEL_TAG: 'from-env' },
    );
    expect(r.status).toBe(0);
    expect(r.outputs['tagged-ref']).toBe('localhost:5000/acct/other:from-env');
  });

  it('fails with one ::error line naming the problem', () => {
    const r = runAction({ 'working-directory': 'examples/hello', tag: 'cog-image.x' });
    expect(r.status).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/invalid COG_MODEL_TAG "cog-image.x"/);
    const missing = runAction({ 'working-directory': 'no/such/dir' });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/::error::.*cog\.yaml: file: file not found/);
  });
});
