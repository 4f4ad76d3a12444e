import { describe, expect, it } from 'vitest';
import { buildModelIndex, parsePlatform } from '../src/oci/index.js';
import { formatImageRef, formatRefTree } from '../src/report/reftree.js';

const d = (c: string) => 'sha256:' + c.repeat(64);

describe('model index', () => {
  it('writes the image first with its platform, then weights with annotations', () => {
    const index = buildModelIndex(
      {
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        size: 1234,
        digest: d('a'),
      },
      parsePlatform('linux/amd64'),
      [
        {
          name: 'w<1>',
          setDigest: d('b'),
          size: 4096,
          manifest: {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            size: 901,
            digest: d('c'),
          },
        },
      ],
    );
    expect(index).toBe(
      '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[' +
        `{"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":1234,"digest":"${d('a')}","platform":{"architecture":"amd64","os":"linux"}},` +
        `{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":901,"digest":"${d('c')}","annotations":{"run.cog.weight.name":"w\\u003c1\\u003e","run.cog.weight.set-digest":"${d('b')}","run.cog.weight.size.uncompressed":"4096"},"platform":{"architecture":"unknown","os":"unknown"},"artifactType":"application/vnd.cog.weight.v1"}]}`,
    );
  });

  it('writes a variant after os, and parses platforms strictly', () => {
    const index = buildModelIndex(
      { mediaType: 'm', size: 1, digest: d('a') },
      parsePlatform('linux/arm64/v8'),
      [],
    );
    expect(index).toContain('"platform":{"architecture":"arm64","os":"linux","variant":"v8"}');
    expect(() => parsePlatform('amd64')).toThrow(/os\/arch/);
    expect(() => parsePlatform('Linux/AMD64')).toThrow(/os\/arch/);
  });
});

describe('ref tree', () => {
  it('matches Cog character for character', () => {
    const repository = 'registry.example.com/acct/flux';
    expect(
      formatRefTree({
        repository,
        indexDigest: 'sha256:abc123',
        imageDigest: 'sha256:f3c67c',
        weights: [{ name: 'transformer', digest: 'sha256:d2daaf' }],
      }),
    ).toBe(
      [
        '  model   registry.example.com/acct/flux@sha256:abc123',
        '  ├─ image   registry.example.com/acct/flux@sha256:f3c67c',
        '  └─ weight  transformer  registry.example.com/acct/flux@sha256:d2daaf',
      ].join('\n'),
    );
    expect(
      formatRefTree({
        repository,
        indexDigest: 'sha256:1',
        imageDigest: 'sha256:2',
        weights: [
          { name: 'transformer', digest: 'sha256:3' },
          { name: 'text-encoder', digest: 'sha256:4' },
        ],
      }),
    ).toBe(
      [
        '  model   registry.example.com/acct/flux@sha256:1',
        '  ├─ image   registry.example.com/acct/flux@sha256:2',
        '  ├─ weight  transformer   registry.example.com/acct/flux@sha256:3',
        '  └─ weight  text-encoder  registry.example.com/acct/flux@sha256:4',
      ].join('\n'),
    );
    expect(
      formatRefTree({ repository, indexDigest: 'sha256:1', imageDigest: 'sha256:2', weights: [] }),
    ).toBe(
      '  model   registry.example.com/acct/flux@sha256:1\n  └─ image   registry.example.com/acct/flux@sha256:2',
    );
    expect(formatImageRef('ghcr.io/o/r', 'sha256:9')).toBe('  image  ghcr.io/o/r@sha256:9');
  });
});
