// The job summary of each way a publish ends, as a browser shows it: runs the action as the
// runner does (dist/index.js with INPUT_* variables) on a copy of the bundled example three
// times — published, dry run, failed part way (a weight file changed since weights.lock) — all
// into an OCI layout, so no registry is needed; renders each summary's markdown as GitHub
// does (marked, GitHub's stylesheet), and takes a screenshot with headless Chromium (Debian
// `chromium`). Not part of the tests: a look at what users see.
//
//   node scripts/summary-shots.mjs [OUT_DIR]     (default /tmp/cog-push-summaries)

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? '/tmp/cog-push-summaries');
const css = readFileSync(
  createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'),
  'utf8',
);

const browser = ['chromium', 'chromium-browser', 'google-chrome'].find(
  (b) => spawnSync(b, ['--version'], { stdio: 'ignore' }).status === 0,
);
if (!browser) {
  console.error('summary-shots: no chromium on PATH (Debian: apt-get install chromium)');
  process.exit(1);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'summary-shots-'));
mkdirSync(out, { recursive: true });

/** One action run in `work`; returns the summary it wrote and its exit status. */
function runAction(name, inputs, change) {
  const project = path.join(work, name);
  cpSync(path.join(root, 'examples/hello'), project, { recursive: true });
  change?.(project);
  const summary = path.join(work, `${name}.md`);
  writeFileSync(summary, '');
  writeFileSync(path.join(work, `${name}.out`), '');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: path.join(work, `${name}.out`),
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: work,
    COG_PUSH_STORE_DIR: path.join(work, 'store'),
    'INPUT_WORKING-DIRECTORY': name,
    INPUT_BUILD: 'none',
    INPUT_IMAGE: 'oci-layout:image',
    INPUT_TO: `oci-layout:${path.join(work, `${name}-layout`)}`,
    INPUT_TAGS: 'v1,latest',
    INPUT_CACHE: 'false',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const r = spawnSync(process.execPath, [path.join(root, 'dist/index.js')], { env, cwd: work });
  const errors = String(r.stdout)
    .split('\n')
    .filter((l) => l.startsWith('::error'));
  return { status: r.status, errors, markdown: readFileSync(summary, 'utf8') };
}

function shoot(name, markdown) {
  const html = path.join(out, `${name}.html`);
  writeFileSync(
    html,
    `<!doctype html><meta charset="utf-8"><style>${css}
body { margin: 0; padding: 24px; background: #fff; }
.markdown-body { max-width: 1012px; }</style>
<article class="markdown-body">${marked.parse(markdown)}</article>`,
  );
  const png = path.join(out, `${name}.png`);
  const r = spawnSync(
    browser,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      `--screenshot=${png}`,
      '--window-size=1060,760',
      `file://${html}`,
    ],
    { stdio: 'ignore' },
  );
  if (r.status !== 0) throw new Error(`${browser} could not take ${png}`);
  writeFileSync(path.join(out, `${name}.md`), markdown);
  console.log(`${name}: ${png}`);
}

try {
  const runs = {
    published: runAction('published', {}),
    'dry-run': runAction('dry-run', { 'dry-run': 'true' }),
    failed: runAction('failed', {}, (project) =>
      writeFileSync(path.join(project, 'weights/encoder/config.json'), '{"changed":1}\n'),
    ),
  };
  for (const [name, run] of Object.entries(runs)) {
    if ((run.status === 0) !== (name !== 'failed'))
      throw new Error(`${name}: the action exited ${run.status}\n${run.errors.join('\n')}`);
    shoot(name, run.markdown);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
