// The user-facing documentation: README.md and every page of docs/, read as the tests check them
// (workflow snippets, quick-start commands, facts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './conformance.js';

export const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** docs/*.md, by file name. */
export const docs: Record<string, string> = Object.fromEntries(
  readdirSync(path.join(REPO_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => [f, readFileSync(path.join(REPO_ROOT, 'docs', f), 'utf8')]),
);

/** README, then every page of docs/. */
export const allDocs = [readme, ...Object.values(docs)].join('\n');

/** Every ```yaml block of README and docs/. */
export const yamlSnippets = [...allDocs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
