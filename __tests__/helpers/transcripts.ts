// Transcripts of what the commands print and write, recorded from the built bundle: the
// example published into a layout, a dry run, a `weights import`, `weights verify` on a broken
// lockfile, `weights push --json`, and the action's GITHUB_OUTPUT. A restructuring must
// reproduce them byte for byte (temp paths, timings, delimiters and importedAt masked).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './conformance.js';

const EXAMPLE = path.join(REPO_ROOT, 'examples/hello');

function mask(text: string, tmp: string): string {
  return text
    .split(tmp)
    .join('<TMP>')
    .replace(/ghadelimiter_[0-9a-f-]+/g, '<DELIM>')
    .replace(/\d+\.\d+ s\b/g, '<N> s')
    .replace(/"importedAt": "[^"]*"/g, '"importedAt": "<TIME>"');
}

/** Every file below `dir`, with its sha256: what a layout holds, byte for byte. */
function listing(dir: string): string {
  if (!existsSync(dir)) return '(absent)\n';
  return (
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort()
      .map(
        (f) =>
          `${createHash('sha256')
            .update(readFileSync(path.join(dir, f)))
            .digest('hex')}  ${f}`,
      )
      .join('\n') + '\n'
  );
}

export function recordTranscripts(): Record<string, string> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'cog-push-transcript-'));
  try {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: path.join(tmp, 'home'),
      COG_PUSH_STORE_DIR: path.join(tmp, 'store'),
      COG_PUSH_CACHE_DIR: path.join(tmp, 'pack'),
      RUNNER_TEMP: tmp,
      TMPDIR: tmp,
    };
    const project = (name: string) => {
      const dir = path.join(tmp, name);
      cpSync(EXAMPLE, dir, { recursive: true });
      return dir;
    };
    const cli = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
      const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/cli.js'), ...args], {
        cwd: tmp,
        env: { ...env, ...extra },
        encoding: 'utf8',
      });
      return `exit ${r.status}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
    };
    const out: Record<string, string> = {};

    const pub = project('publish');
    out['publish-layout'] =
      cli([
        'publish',
        '--project',
        pub,
        '--image',
        'oci-layout:image',
        '--tag',
        't1',
        '--to',
        `oci-layout:${tmp}/out`,
      ]) + `--- layout\n${listing(path.join(tmp, 'out'))}`;

    out['dry-run'] =
      cli([
        'publish',
        '--project',
        pub,
        '--image',
        'oci-layout:image',
        '--tag',
        't1',
        '--dry-run',
        '--to',
        `oci-layout:${tmp}/dry`,
      ]) + `--- layout\n${listing(path.join(tmp, 'dry'))}`;

    const imp = project('import');
    rmSync(path.join(imp, 'weights.lock'));
    out['weights-import'] =
      cli(['weights', 'import', '--project', imp, '--to', `oci-layout:${tmp}/imported`]) +
      `--- weights.lock\n${readFileSync(path.join(imp, 'weights.lock'), 'utf8')}` +
      `--- layout\n${listing(path.join(tmp, 'imported'))}`;

    const broken = project('broken');
    const lockFile = path.join(broken, 'weights.lock');
    writeFileSync(
      lockFile,
      readFileSync(lockFile, 'utf8').replace(
        /"digest": "sha256:[0-9a-f]{4}/,
        '"digest": "sha256:0000',
      ),
    );
    out['weights-verify-broken'] = cli(['weights', 'verify', '--project', broken]);

    out['weights-push-json'] = cli([
      'weights',
      'push',
      path.join(EXAMPLE, 'weights/encoder'),
      '--name',
      'encoder',
      '--target',
      '/src/weights/encoder',
      '--to',
      `oci-layout:${tmp}/pushed`,
      '--json',
      '--no-pack-cache',
    ]);

    const act = project('action');
    const output = path.join(tmp, 'github-output');
    const summary = path.join(tmp, 'github-summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/index.js')], {
      cwd: tmp,
      env: {
        ...env,
        GITHUB_WORKSPACE: tmp,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        'INPUT_WORKING-DIRECTORY': path.relative(tmp, act),
        INPUT_TAG: 't1',
        INPUT_BUILD: 'none',
        INPUT_IMAGE: 'oci-layout:image',
        INPUT_TO: `oci-layout:${tmp}/action-out`,
      },
      encoding: 'utf8',
    });
    out['action-outputs'] =
      `exit ${r.status}\n--- stdout\n${r.stdout}--- GITHUB_OUTPUT\n${readFileSync(output, 'utf8')}` +
      `--- GITHUB_STEP_SUMMARY\n${readFileSync(summary, 'utf8')}`;

    for (const k of Object.keys(out)) out[k] = mask(out[k]!, tmp);
    return out;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export const TRANSCRIPT_DIR = path.join(REPO_ROOT, '__tests__/transcripts');
