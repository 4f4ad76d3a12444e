// What the next step of a workflow uses: the bare name (attest-build-provenance's
// subject-name), several tags and index annotations in docker/metadata-action's forms, arrays
// where metadata has lists, and a summary that shows every tag and full digest.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoManifest, startRegistry, skopeoRaw, type Registry } from './helpers/registry.js';
import { actionRunner, digestOf, errorLines, EXAMPLE, PREBUILT } from './helpers/action.js';
import { REPO_ROOT } from './helpers/conformance.js';
import { tempDir } from './helpers/tmp.js';

const root = tempDir('outputs-');
const { runAction, exampleCopy } = actionRunner(root);

describe('outputs, tags and annotations', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'registry'));
  });
  afterAll(() => registry.stop());

  it('pushes the index at every tag with its annotations, and says so in every output', async () => {
    const repo = `${registry.host}/multi/model`;
    const r = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'multi/model',
      // As docker/metadata-action writes them: full refs, one per line; and a bare tag.
      tags: `${repo}:v1.2.0\n${repo}:v1.2\nlatest`,
      annotations:
        'manifest:org.opencontainers.image.version=1.2.0\nindex:org.opencontainers.image.source=https://github.com/acme/model\norg.example.note=a=b',
      ...PREBUILT,
    });
    expect(errorLines(r)).toEqual([]);
    const o = r.outputs;
    expect(o['name']).toBe(repo);
    expect(o['tag']).toBe('v1.2.0');
    expect(o['tagged-ref']).toBe(`${repo}:v1.2.0`);
    expect(o['tags']).toBe(`${repo}:v1.2.0\n${repo}:v1.2\n${repo}:latest`);
    expect(o['ref']).toBe(`${repo}@${o['digest']}`);
    // The same index at every tag, with the annotations, sorted as Go writes a map.
    for (const tag of ['v1.2.0', 'v1.2', 'latest']) {
      const bytes = await skopeoRaw(`${repo}:${tag}`);
      expect(digestOf(bytes)).toBe(o['digest']);
    }
    const index = JSON.parse((await skopeoRaw(`${repo}@${o['digest']}`)).toString());
    expect(index.annotations).toEqual({
      'org.example.note': 'a=b',
      'org.opencontainers.image.source': 'https://github.com/acme/model',
      'org.opencontainers.image.version': '1.2.0',
    });
    expect(Object.keys(index)).toEqual(['schemaVersion', 'mediaType', 'manifests', 'annotations']);
    // metadata: lists are lists.
    const metadata = JSON.parse(o['metadata']!);
    expect(metadata['cache-hits']).toEqual([]);
    expect(metadata['cache-misses']).toEqual([]);
    expect(metadata.tags).toEqual([`${repo}:v1.2.0`, `${repo}:v1.2`, `${repo}:latest`]);
    expect(metadata.name).toBe(repo);
    // The summary: the title, each tag, each digest short and its pinned ref whole.
    expect(r.summary).toMatch(/^### Cog model published\n/);
    for (const tag of ['v1.2.0', 'v1.2', 'latest'])
      expect(r.summary).toContain(`- \`${repo}:${tag}\``);
    expect(r.summary).toContain(
      `| model index | \`${o['digest']!.slice(0, 19)}\` | \`${repo}@${o['digest']}\` |`,
    );
    expect(r.summary).toContain(
      `| image | \`${o['image-digest']!.slice(0, 19)}\` | \`${o['image-ref']}\` |`,
    );
    for (const w of JSON.parse(o['weights']!)) expect(r.summary).toContain(`| weight ${w.name} |`);
  });

  it('an index without annotations is byte for byte the one Cog writes (no annotations field)', async () => {
    const r = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'plain/model',
      tag: 'v1',
      ...PREBUILT,
    });
    expect(errorLines(r)).toEqual([]);
    const index = JSON.parse((await skopeoRaw(`${r.outputs['name']}:v1`)).toString());
    expect(index.annotations).toBeUndefined();
  });

  it('a dry run says so in its summary title and pushes at no tag', async () => {
    const r = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'dry/model',
      tags: 'v1,v2',
      'dry-run': 'true',
      ...PREBUILT,
    });
    expect(errorLines(r)).toEqual([]);
    expect(r.summary).toMatch(/^### Dry run: Cog model not published \(nothing was pushed\)\n/);
    expect(r.summary).toContain('| model index | (dry run) | |');
    // What a run would move, not what this one did.
    expect(r.summary).toContain('| weight | size | would upload | already there | origin |');
    expect(r.summary).not.toContain('| uploaded |');
    for (const tag of ['v1', 'v2']) await expectNoManifest(`${registry.host}/dry/model:${tag}`);
  });

  it('a failed publish still writes a summary: the error, and that no tag moved', async () => {
    const r = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'failed/model',
      tag: 'v1',
      build: 'cog',
      'build-args': 'A=1',
    });
    expect(r.status).toBe(1);
    expect(r.summary).toBe(
      [
        '### Cog model not published',
        '',
        "> input 'build-args' does not apply to build: cog (Cog builds from cog.yaml, which takes no build args)",
        '',
        'No tag moved: the model tag goes up last, only after everything it names is verified, so each tag still names what it named before this run. Weights and image layers uploaded before the failure stay in the registry, untagged; the next run finds them there and skips them.',
        '',
      ].join('\n'),
    );
  });

  it('a publish that fails after a weight went up says what went up, what did not, and that no tag moved', async () => {
    const project = exampleCopy('failed-late');
    // The second weight's file changed since weights.lock: the first is pushed, then it fails.
    writeFileSync(path.join(REPO_ROOT, project, 'weights/encoder/config.json'), '{"changed":1}\n');
    const r = await runAction({
      'working-directory': project,
      registry: registry.host,
      repository: 'failed/late',
      tags: 'v1,latest',
      ...PREBUILT,
    });
    expect(r.status).toBe(1);
    const repo = `${registry.host}/failed/late`;
    const lock = JSON.parse(readFileSync(path.join(EXAMPLE, 'weights.lock'), 'utf8'));
    const tokenizer = lock.weights[0];
    expect(tokenizer.name).toBe('tokenizer');
    const summary = r.summary.split('\n');
    expect(summary[2]).toMatch(
      /^> weight "encoder": its files give manifest sha256:[0-9a-f]{64}, but weights.lock says /,
    );
    expect([...summary.slice(0, 2), ...summary.slice(3)]).toEqual([
      '### Cog model not published',
      '',
      '',
      '| artifact | this run | digest |',
      '|---|---|---|',
      `| weight tokenizer | pushed at \`cog-weight.tokenizer.${tokenizer.setDigest.slice(7, 19)}\` (10.6 KiB uploaded) | \`${tokenizer.digest.slice(0, 19)}\` |`,
      '| weight encoder | not pushed | |',
      '| image | not pushed | |',
      '| model index | not pushed | |',
      '',
      `No tag moved: \`${repo}:v1\`, \`${repo}:latest\` still name what they named before this run (the model tag goes up last, only after everything it names is verified).`,
      'What went up stays in the destination; the next run finds it there and skips it.',
      '',
    ]);
    // As it says: the weight is there at its tag, the model tags are not.
    const pushed = await skopeoRaw(
      `${repo}:cog-weight.tokenizer.${tokenizer.setDigest.slice(7, 19)}`,
    );
    expect(digestOf(pushed)).toBe(tokenizer.digest);
    for (const tag of ['v1', 'latest']) await expectNoManifest(`${repo}:${tag}`);
  });

  it('a full ref in tags must name the destination', async () => {
    const r = await runAction({
      'working-directory': 'examples/hello',
      registry: registry.host,
      repository: 'multi/model',
      tags: `ghcr.io/acme/other:v1`,
      ...PREBUILT,
    });
    expect(errorLines(r)).toEqual([
      `::error::input 'tags': ghcr.io/acme/other:v1 names ghcr.io/acme/other, but the model goes to ${registry.host}/multi/model`,
    ]);
  });
});
