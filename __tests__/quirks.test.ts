// Under each registry's known behaviour (spec/registry.md), a publish succeeds, or fails with
// one line that names the registry's rule: chunks refused (Artifact Registry), a minimum
// chunk size and no mounts (ECR), a per-layer limit (GHCR), artifact types not allow-listed
// (Quay), an advertised maximum chunk (r8.im).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quirk, type QuirkProfile } from './helpers/quirks.js';
import {
  expectNoManifest,
  skopeoRaw,
  startFaultProxy,
  startRegistry,
  type FaultProxy,
  type Registry,
} from './helpers/registry.js';
import { actionRunner, digestOf, errorLines, PREBUILT } from './helpers/action.js';
import { cli } from './helpers/cli.js';
import { pseudoRandom, tempDir } from './helpers/tmp.js';

const root = tempDir('quirks-');
const { runAction } = actionRunner(root);
const weightDir = path.join(root, 'weight');

let registry: Registry;
beforeAll(async () => {
  registry = await startRegistry(path.join(root, 'registry'));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(weightDir, { recursive: true });
  writeFileSync(path.join(weightDir, 'model.bin'), pseudoRandom(400_000, 3));
});
afterAll(() => registry.stop());

/** A proxy in front of the registry that behaves as `profile`; what it saw, and its PATCH sizes. */
async function as(profile: QuirkProfile, options: Parameters<typeof quirk>[1] = {}) {
  const decide = quirk(profile, options);
  const patches: number[] = [];
  const mounts: string[] = [];
  const proxy = await startFaultProxy(registry.host, (req) => {
    if (req.method === 'PATCH') patches.push(Number(req.headers['content-length'] ?? 0));
    if (req.method === 'POST' && req.url?.includes('mount=')) mounts.push(req.url);
    return decide(req);
  });
  return { proxy, patches, mounts };
}

/** `cog-push weights push` of a 400 KB weight in small chunks (so chunking is exercised). */
const push = (proxy: FaultProxy, repo: string) =>
  cli([
    'weights',
    'push',
    weightDir,
    '--name',
    'w',
    '--target',
    '/src/weights/w',
    '--to',
    `${proxy.host}/${repo}`,
    '--chunk-threshold',
    '65536',
    '--chunk-size',
    '100000',
    '--no-pack-cache',
    '--json',
  ]);

describe('registry quirk profiles', () => {
  it('Artifact Registry (no chunked uploads): the blob goes in one PUT, and the push succeeds', async () => {
    const { proxy, patches } = await as('gar');
    try {
      const r = await push(proxy, 'quirks/gar');
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(
        /refused a chunked upload; sending blobs in one request from now on/,
      );
      expect(patches).toHaveLength(1);
      const out = JSON.parse(r.stdout);
      expect(digestOf(await skopeoRaw(`${registry.host}/quirks/gar@${out.digest}`))).toBe(
        out.digest,
      );
    } finally {
      await proxy.stop();
    }
  });

  it('ECR (chunks of at least 5 MiB but the last): a too-small chunk falls back to one PUT', async () => {
    const { proxy } = await as('ecr');
    try {
      const r = await push(proxy, 'quirks/ecr');
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(digestOf(await skopeoRaw(`${registry.host}/quirks/ecr@${out.digest}`))).toBe(
        out.digest,
      );
    } finally {
      await proxy.stop();
    }
  });

  it('ECR (no mounts): a prebuilt image from the same registry is copied instead', async () => {
    const seed = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'quirks/source',
      tag: 'v1',
      ...PREBUILT,
    });
    expect(errorLines(seed)).toEqual([]);
    const { proxy, mounts } = await as('ecr');
    try {
      const r = await runAction({
        'working-directory': 'examples/hello',
        registry: proxy.host,
        repository: 'quirks/ecr-model',
        tag: 'v1',
        build: 'none',
        image: `${proxy.host}/quirks/source:cog-image.v1`,
      });
      expect(errorLines(r)).toEqual([]);
      expect(r.outputs['image-digest']).toBe(seed.outputs['image-digest']);
      // A mount was asked for and not given: the blobs went up as uploads, and the copy is whole.
      expect(mounts.length).toBeGreaterThan(0);
      const image = await skopeoRaw(
        `${registry.host}/quirks/ecr-model@${r.outputs['image-digest']}`,
      );
      expect(digestOf(image)).toBe(r.outputs['image-digest']);
    } finally {
      await proxy.stop();
    }
  });

  /** A publish of the example under `profile` fails with exactly one error, matching `rule`. */
  async function failsUnder(
    profile: QuirkProfile,
    options: Parameters<typeof quirk>[1],
    rule: RegExp,
  ) {
    const repo = `quirks/${profile}`;
    const { proxy } = await as(profile, options);
    try {
      const r = await runAction({
        'working-directory': 'examples/hello',
        registry: proxy.host,
        repository: repo,
        tag: 'v1',
        ...PREBUILT,
      });
      const errors = errorLines(r);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(rule);
      await expectNoManifest(`${registry.host}/${repo}:v1`);
    } finally {
      await proxy.stop();
    }
  }

  it("GHCR (a per-layer size limit): the publish fails in one line naming the registry's rule", () =>
    failsUnder(
      'ghcr',
      { layerLimit: 1000 },
      /answered 413 \(SIZE_INVALID: layer exceeds the maximum size of 1000 bytes\)/,
    ));

  it("Quay (artifact types allow-listed): the publish fails in one line naming the registry's rule", () =>
    failsUnder(
      'quay',
      {},
      /answered 415 \(MANIFEST_INVALID: artifact type application\/vnd\.cog\.weight\.v1 is not allowed/,
    ));

  it('r8.im (an advertised maximum chunk): no chunk is larger than it', async () => {
    const { proxy, patches } = await as('r8', { maxChunk: 65536 });
    try {
      const r = await push(proxy, 'quirks/r8');
      expect(r.status, r.stderr).toBe(0);
      expect(patches.length).toBeGreaterThan(1);
      expect(Math.max(...patches)).toBeLessThanOrEqual(65536);
      const out = JSON.parse(r.stdout);
      expect(digestOf(await skopeoRaw(`${registry.host}/quirks/r8@${out.digest}`))).toBe(
        out.digest,
      );
    } finally {
      await proxy.stop();
    }
  });
});
