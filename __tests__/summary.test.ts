// The job summary, whole, for each way a publish ends: published, dry run, failed before the
// destination, failed part way (weights up, the rest not), and a legacy image whose tag moved.
import { describe, expect, it } from 'vitest';
import { PushLedger } from '../src/publish/ledger.js';
import type { PublishedWeight, PublishResult } from '../src/publish/types.js';
import { failureMarkdown, summaryMarkdown } from '../src/report/publish.js';

const d = (c: string) => `sha256:${c.repeat(64)}`;
const REPO = 'ghcr.io/acme/model';

const weight: PublishedWeight = {
  name: 'tokenizer',
  target: '/src/weights/tokenizer',
  setDigest: d('5'),
  digest: d('f'),
  manifestSize: 600,
  manifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
  tag: 'cog-weight.tokenizer.555555555555',
  size: 3 * 1024 * 1024,
  bytesUploaded: 2 * 1024 * 1024,
  bytesSkipped: 1024 * 1024,
  origin: 'source',
};

const published: PublishResult = {
  format: 'bundle',
  dryRun: false,
  repository: REPO,
  tag: 'v1',
  tags: ['v1', 'latest'],
  indexDigest: d('a'),
  image: { mediaType: 'application/vnd.oci.image.manifest.v1+json', size: 900, digest: d('b') },
  imageReport: {
    how: 'built with docker',
    size: 50 * 1024 * 1024,
    bytesUploaded: 10 * 1024 * 1024,
    seconds: 61.25,
  },
  weights: [weight],
  lockfile: '/w/weights.lock',
  lockfileChanged: false,
  imported: undefined,
  cache: { hits: [], misses: [] },
};

const refTree = (index: string, image: string, w: string) => [
  '<details><summary>Ref tree</summary>',
  '',
  '```',
  // Cog's tree (weights.md), the same text the log ends with.
  `  model   ${REPO}@${index}`,
  `  ├─ image   ${REPO}@${image}`,
  `  └─ weight  tokenizer  ${REPO}@${w}`,
  '```',
  '',
  '</details>',
  '',
];

describe('the job summary, whole', () => {
  it('published: tags, pins, the image row and the weights table', () => {
    expect(summaryMarkdown(published).split('\n')).toEqual([
      '### Cog model published',
      '',
      `- \`${REPO}:v1\``,
      `- \`${REPO}:latest\``,
      '',
      '| what | digest | pinned ref |',
      '|---|---|---|',
      `| model index | \`sha256:aaaaaaaaaaaa\` | \`${REPO}@${d('a')}\` |`,
      `| image | \`sha256:bbbbbbbbbbbb\` | \`${REPO}@${d('b')}\` |`,
      `| weight tokenizer | \`sha256:ffffffffffff\` | \`${REPO}@${d('f')}\` |`,
      '',
      '| image | size | uploaded | time |',
      '|---|---:|---:|---:|',
      '| built with docker | 50.0 MiB | 10.0 MiB | 61.3 s |',
      '',
      '| weight | size | uploaded | skipped | origin |',
      '|---|---:|---:|---:|---|',
      '| tokenizer | 3.0 MiB | 2.0 MiB | 1.0 MiB | from source |',
      '',
      'Weights: 2.0 MiB uploaded, 1.0 MiB already there.',
      '',
      ...refTree(d('a'), d('b'), d('f')),
    ]);
  });

  it('a dry run: nothing pushed, no image row, and what a run would move', () => {
    const dry: PublishResult = {
      ...published,
      dryRun: true,
      indexDigest: undefined,
      image: { ...published.image!, digest: '' },
      imageReport: { ...published.imageReport!, size: undefined },
    };
    expect(summaryMarkdown(dry).split('\n')).toEqual([
      '### Dry run: Cog model not published (nothing was pushed)',
      '',
      `- \`${REPO}:v1\``,
      `- \`${REPO}:latest\``,
      '',
      '| what | digest | pinned ref |',
      '|---|---|---|',
      '| model index | (dry run) | |',
      '| image | (dry run) | |',
      `| weight tokenizer | \`sha256:ffffffffffff\` | \`${REPO}@${d('f')}\` |`,
      '',
      '| weight | size | would upload | already there | origin |',
      '|---|---:|---:|---:|---|',
      '| tokenizer | 3.0 MiB | 2.0 MiB | 1.0 MiB | from source |',
      '',
      'Weights: 2.0 MiB would be uploaded, 1.0 MiB already there.',
      '',
      ...refTree('(dry run)', '(dry run)', d('f')),
    ]);
  });

  it('failed before the destination: the error and that no tag moved', () => {
    expect(failureMarkdown('cog.yaml: no model\nmore', new PushLedger().view())).toBe(
      [
        '### Cog model not published',
        '',
        '> cog.yaml: no model',
        '',
        'No tag moved: the model tag goes up last, only after everything it names is verified, so each tag still names what it named before this run. Weights and image layers uploaded before the failure stay in the registry, untagged; the next run finds them there and skips them.',
        '',
      ].join('\n'),
    );
  });

  it('failed part way: each artifact and what became of it, and the tags as they were', () => {
    const ledger = new PushLedger();
    ledger.plan({
      repository: REPO,
      tags: ['v1'],
      artifacts: ['weight a', 'weight b', 'weight c', 'image', 'model index'],
    });
    ledger.record({
      what: 'weight a',
      digest: d('1'),
      tag: 'cog-weight.a.111111111111',
      state: 'present',
      bytesUploaded: 0,
    });
    ledger.record({
      what: 'weight b',
      digest: d('2'),
      tag: 'cog-weight.b.222222222222',
      state: 'pushed',
      bytesUploaded: 3 * 1024 * 1024,
    });
    ledger.record({
      what: 'image',
      digest: d('3'),
      tag: 'cog-image.v1',
      state: 'pushed',
      bytesUploaded: undefined,
    });
    expect(failureMarkdown('registry said 500', ledger.view()).split('\n')).toEqual([
      '### Cog model not published',
      '',
      '> registry said 500',
      '',
      '| artifact | this run | digest |',
      '|---|---|---|',
      '| weight a | already there | `sha256:111111111111` |',
      '| weight b | pushed at `cog-weight.b.222222222222` (3.0 MiB uploaded) | `sha256:222222222222` |',
      '| weight c | not pushed | |',
      '| image | pushed at `cog-image.v1` by the builder | `sha256:333333333333` |',
      '| model index | not pushed | |',
      '',
      `No tag moved: \`${REPO}:v1\` still names what it named before this run (the model tag goes up last, only after everything it names is verified).`,
      'What went up stays in the destination; the next run finds it there and skips it.',
      '',
    ]);
  });

  it('a model index that went up at its first tag before the second failed says which moved', () => {
    const ledger = new PushLedger();
    ledger.plan({ repository: REPO, tags: ['v1', 'latest'], artifacts: ['image', 'model index'] });
    ledger.record({
      what: 'image',
      digest: d('3'),
      tag: 'cog-image.v1',
      state: 'pushed',
      bytesUploaded: 0,
    });
    ledger.record({
      what: 'model index',
      digest: d('a'),
      tag: 'v1',
      state: 'pushed',
      bytesUploaded: 700,
    });
    expect(failureMarkdown('tagging latest: 500', ledger.view()).split('\n')).toEqual([
      '### Cog model not published',
      '',
      '> tagging latest: 500',
      '',
      '| artifact | this run | digest |',
      '|---|---|---|',
      '| image | pushed at `cog-image.v1` (0 B uploaded) | `sha256:333333333333` |',
      '| model index | pushed at `v1` (700 B uploaded) | `sha256:aaaaaaaaaaaa` |',
      '',
      `Moved before the failure: \`${REPO}:v1\`, to what this run pushed there (listed above).`,
      `No other tag moved: \`${REPO}:latest\` still names what it named before this run (the model tag goes up last, only after everything it names is verified).`,
      'What went up stays in the destination; the next run finds it there and skips it.',
      '',
    ]);
  });

  it('a legacy image that went up at its tag before its other tags failed says which moved', () => {
    const ledger = new PushLedger();
    ledger.plan({ repository: REPO, tags: ['v1', 'latest'], artifacts: ['image'] });
    ledger.record({
      what: 'image',
      digest: d('3'),
      tag: 'v1',
      state: 'pushed',
      bytesUploaded: 1024,
    });
    expect(failureMarkdown('tagging latest: 500', ledger.view()).split('\n')).toEqual([
      '### Cog model not published',
      '',
      '> tagging latest: 500',
      '',
      '| artifact | this run | digest |',
      '|---|---|---|',
      '| image | pushed at `v1` (1.0 KiB uploaded) | `sha256:333333333333` |',
      '',
      `Moved before the failure: \`${REPO}:v1\`, to what this run pushed there (listed above).`,
      `No other tag moved: \`${REPO}:latest\` still names what it named before this run (the model tag goes up last, only after everything it names is verified).`,
      'What went up stays in the destination; the next run finds it there and skips it.',
      '',
    ]);
  });
});
