// publish() in process, over an OCI layout target: no child process, no bundle, so a change to
// src/ is tested as it is. The digests are the ones the transcripts recorded.
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuntimeEnv } from '../src/config/env.js';
import { parseInputs } from '../src/config/inputs.js';
import { importToTarget, publish } from '../src/publish/flow.js';
import { REPO_ROOT } from './helpers/conformance.js';

const EXAMPLE = path.join(REPO_ROOT, 'examples/hello');
import { tempDir } from './helpers/tmp.js';

const root = tempDir('publish-');
const INDEX = 'sha256:edb72a5b4e8aa72c08d67b06b84a60847a1c781f4eef744b0d5baf5252cdf322';
const IMAGE = 'sha256:32770be306f2651f1a42d2c060af446089b74253d29ebd28236baa50f85d25b6';

const runtime = readRuntimeEnv(
  {
    GITHUB_WORKSPACE: root,
    HOME: path.join(root, 'home'),
    COG_PUSH_STORE_DIR: path.join(root, 'store'),
    COG_PUSH_CACHE_DIR: path.join(root, 'pack'),
    RUNNER_TEMP: root,
  },
  root,
  'linux',
);

function collect() {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: (m: string) => lines.push(m),
      warning: (m: string) => lines.push(`warning: ${m}`),
      notice: (m: string) => lines.push(`notice: ${m}`),
      group: async <T>(name: string, fn: () => Promise<T>) => (lines.push(`[${name}]`), fn()),
    },
  };
}

function project(name: string): string {
  const dir = path.join(root, name);
  cpSync(EXAMPLE, dir, { recursive: true });
  return name;
}

const inputsFor = (values: Record<string, string>) => parseInputs((n) => values[n] ?? '', runtime);

describe('publish() over an OCI layout', () => {
  it('publishes the example: weights, image and the index Cog would write, tagged last', async () => {
    const dir = project('p1');
    const out = path.join(root, 'out');
    const { log, lines } = collect();
    const result = await publish(
      inputsFor({
        'working-directory': dir,
        tag: 't1',
        image: 'oci-layout:image',
        to: `oci-layout:${out}`,
      }),
      runtime,
      log,
    );
    expect(result.indexDigest).toBe(INDEX);
    expect(result.image?.digest).toBe(IMAGE);
    expect(result.weights.map((w) => [w.name, w.origin])).toEqual([
      ['tokenizer', 'source'],
      ['encoder', 'source'],
    ]);
    const index = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8'));
    const tagged = index.manifests.find(
      (m: { annotations: Record<string, string> }) =>
        m.annotations['org.opencontainers.image.ref.name'] === 't1',
    );
    expect(tagged.digest).toBe(INDEX);
    expect(lines.slice(0, 2)).toEqual([`Pushing to oci-layout:${out}:t1...`, '[Weights]']);
    expect(lines).toContain('image .cog/weights.json matches weights.lock (2 weight(s))');
  });

  it('a dry run reports the same digests and writes nothing', async () => {
    const dir = project('p2');
    const out = path.join(root, 'dry');
    const { log, lines } = collect();
    const result = await publish(
      inputsFor({
        'working-directory': dir,
        tag: 't1',
        image: 'oci-layout:image',
        to: `oci-layout:${out}`,
        'dry-run': 'true',
      }),
      runtime,
      log,
    );
    expect(result.dryRun).toBe(true);
    expect(result.indexDigest).toBeUndefined();
    expect(result.image?.digest).toBe(IMAGE);
    expect(lines).toContain(`weight encoder: would push 99248 bytes to oci-layout:${out}`);
    expect(() => readFileSync(path.join(out, 'index.json'))).toThrow();
  });

  it('importToTarget writes the lockfile the example commits (but for importedAt)', async () => {
    const dir = project('p3');
    const committed = readFileSync(path.join(root, dir, 'weights.lock'), 'utf8');
    rmSync(path.join(root, dir, 'weights.lock'));
    const { log } = collect();
    const result = await importToTarget(
      inputsFor({ 'working-directory': dir, to: `oci-layout:${path.join(root, 'imported')}` }),
      runtime,
      log,
    );
    expect(result.imported.map((w) => w.status)).toEqual(['new', 'new']);
    const mask = (t: string) => t.replace(/"importedAt": "[^"]*"/g, '"importedAt": ""');
    expect(mask(readFileSync(result.lockPath, 'utf8'))).toBe(mask(committed));
  });

  it('without weights.lock, lists every declared weight as not imported yet, with the fix', async () => {
    const dir = project('p4');
    rmSync(path.join(root, dir, 'weights.lock'));
    const { log } = collect();
    const lockPath = path.join(root, dir, 'weights.lock');
    await expect(
      publish(
        inputsFor({
          'working-directory': dir,
          image: 'oci-layout:image',
          to: `oci-layout:${root}/x`,
        }),
        runtime,
        log,
      ),
    ).rejects.toThrow(
      `${lockPath} not found, but cog.yaml declares 2 weight(s):\n  weight "tokenizer": not imported yet\n  weight "encoder": not imported yet\nfix: run \`cog weights import\``,
    );
  });

  /** The example's image with another architecture in its config: a new config and manifest. */
  function armImage(dir: string): void {
    const image = path.join(root, dir, 'image');
    const blob = (d: string) => path.join(image, 'blobs/sha256', d.slice(7));
    const put = (bytes: Buffer) => {
      const digest = 'sha256:' + createHash('sha256').update(bytes).digest('hex');
      writeFileSync(blob(digest), bytes);
      return { digest, size: bytes.length };
    };
    const index = JSON.parse(readFileSync(path.join(image, 'index.json'), 'utf8'));
    const manifest = JSON.parse(readFileSync(blob(index.manifests[0].digest), 'utf8'));
    const config = JSON.parse(readFileSync(blob(manifest.config.digest), 'utf8'));
    const newConfig = put(
      Buffer.from(JSON.stringify({ ...config, architecture: 'arm64', variant: 'v8' })),
    );
    const newManifest = put(
      Buffer.from(JSON.stringify({ ...manifest, config: { ...manifest.config, ...newConfig } })),
    );
    index.manifests[0] = { ...index.manifests[0], ...newManifest };
    writeFileSync(path.join(image, 'index.json'), JSON.stringify(index));
  }

  it('names the image by the platform its config says, and refuses a platform input that differs', async () => {
    const dir = project('arm');
    armImage(dir);
    const base = { 'working-directory': dir, tag: 't1', image: 'oci-layout:image' };
    const out = path.join(root, 'arm-out');
    const result = await publish(
      inputsFor({ ...base, to: `oci-layout:${out}` }),
      runtime,
      collect().log,
    );
    const index = JSON.parse(
      readFileSync(path.join(out, 'blobs/sha256', result.indexDigest!.slice(7)), 'utf8'),
    );
    expect(index.manifests[0].platform).toEqual({
      architecture: 'arm64',
      os: 'linux',
      variant: 'v8',
    });
    await expect(
      publish(
        inputsFor({ ...base, platform: 'linux/amd64', to: `oci-layout:${root}/arm-2` }),
        runtime,
        collect().log,
      ),
    ).rejects.toThrow(
      /the image sha256:[0-9a-f]{64} is linux\/arm64\/v8, but the platform input asks for linux\/amd64/,
    );
  });
});
