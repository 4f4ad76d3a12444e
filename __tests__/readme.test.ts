// The README's workflow snippets are valid YAML and use only inputs and outputs action.yml
// declares; its quick-start commands are the ones CI and the tests run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './helpers/conformance.js';
import { allDocs, docs, readme, yamlSnippets } from './helpers/docs.js';

const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8'));
const snippets = yamlSnippets;

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

describe('README', () => {
  it('has the single-model, attested release, matrix, release, import and build-secret workflows', () => {
    expect(snippets).toHaveLength(6);
  });

  it.each(snippets.map((s, i) => [i, s] as const))(
    'workflow %i is valid and uses declared inputs and outputs',
    (_, text) => {
      const workflow = parse(text);
      expect(workflow.on).toBeDefined();
      const steps: Step[] = Object.values(
        workflow.jobs as Record<string, { steps?: Step[] }>,
      ).flatMap((j) => j.steps ?? []);
      const ours = steps.filter((s) => s.uses?.includes('cog-push-action'));
      expect(ours.length).toBeGreaterThan(0);
      for (const step of ours) {
        for (const input of Object.keys(step.with ?? {}))
          expect(Object.keys(action.inputs)).toContain(input);
      }
      for (const m of text.matchAll(/steps\.cog\.outputs\.([\w-]+)/g))
        expect(Object.keys(action.outputs)).toContain(m[1]);
    },
  );

  it('names the quick-start and test commands', () => {
    expect(readme).toContain(
      'node dist/cli.js publish --project examples/hello --image oci-layout:image --to oci-layout:/tmp/cog-push-demo',
    );
    // Quick start: exactly two shell blocks, the demo and the one setup-and-test command.
    const quick = readme.slice(
      readme.indexOf('## Quick start'),
      readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1),
    );
    expect([...quick.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim())).toEqual([
      'node dist/cli.js publish --project examples/hello --image oci-layout:image --to oci-layout:/tmp/cog-push-demo',
      'bash scripts/test.sh',
    ]);
    // CI runs that same command, and it runs every check.
    expect(readFileSync(path.join(REPO_ROOT, '.ci/run'), 'utf8')).toMatch(
      /^exec bash scripts\/test\.sh$/m,
    );
    expect(readFileSync(path.join(REPO_ROOT, 'scripts/test.sh'), 'utf8')).toMatch(
      /^npm ci .*\nnpm run check$/m,
    );
  });
});

describe('README facts', () => {
  it('lists exactly the runtime dependencies package.json has', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const page = docs['development.md']!;
    const table = page.slice(page.indexOf('## Dependencies'));
    const listed = [...table.matchAll(/^\| `([@\w/.-]+)`\s+\|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('names no issue numbers and links nothing outside the repository', () => {
    expect(allDocs).not.toMatch(/\bissue \d+|\(#\d+\)/);
    expect(allDocs).not.toMatch(/\.\.\/shared|\]\(\.\.\//);
  });

  it('links every page of docs/ from the README, and every link resolves', () => {
    for (const page of Object.keys(docs)) expect(readme).toContain(`(docs/${page})`);
    const pages = new Set(Object.keys(docs));
    for (const [page, text] of Object.entries(docs))
      for (const m of text.matchAll(/\]\(([\w-]+\.md)\)/g))
        expect(pages.has(m[1]!), `${page} links ${m[1]}`).toBe(true);
  });

  it('is short enough to read in five minutes', () => {
    expect(readme.split('\n').length).toBeLessThan(200);
  });
});
