// Reading .cog/weights.json from a prebuilt image as the image spec applies its layers: gzip,
// zstd and plain layers, whiteouts and opaque directories in upper layers, and a symlink
// followed inside the image.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { readImageHead, readImageWeights } from '../src/image/weightsjson.js';
import { OciLayoutTarget } from '../src/oci/layout.js';
import { MEDIA_TYPE } from '../src/oci/mediatypes.js';
import { bytesBlob } from '../src/oci/target.js';
import { tempDir } from './helpers/tmp.js';

const root = tempDir('image-layers-');
const digestOf = (b: Uint8Array) => 'sha256:' + createHash('sha256').update(b).digest('hex');
const WEIGHTS = {
  weights: [{ name: 'w', target: '/src/w', setDigest: 'sha256:' + 'a'.repeat(64) }],
};

type Entry = {
  name: string;
  body?: string;
  type?: 'file' | 'symlink' | 'directory';
  linkname?: string;
};

async function tarOf(entries: Entry[]): Promise<Buffer> {
  const p = pack();
  for (const e of entries) {
    if ((e.type ?? 'file') === 'file') p.entry({ name: e.name }, e.body ?? '');
    else p.entry({ name: e.name, type: e.type, linkname: e.linkname });
  }
  p.finalize();
  const chunks: Buffer[] = [];
  for await (const c of p) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const compress = {
  tar: (b: Buffer) => ({ bytes: b, mediaType: MEDIA_TYPE.layerTar }),
  gzip: (b: Buffer) => ({
    bytes: gzipSync(b),
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
  }),
  zstd: (b: Buffer) => ({
    bytes: spawnSync('zstd', ['-q', '-c'], { input: b }).stdout,
    mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd',
  }),
};

/** An image in an OCI layout whose layers (lowest first) hold these entries. */
async function image(layers: { entries: Entry[]; as?: keyof typeof compress }[]) {
  const dir = path.join(root, `img-${Math.random().toString(36).slice(2)}`);
  const target = new OciLayoutTarget(dir);
  const descriptors = [];
  for (const l of layers) {
    const { bytes, mediaType } = compress[l.as ?? 'tar'](await tarOf(l.entries));
    await target.putBlob(bytesBlob(digestOf(bytes), bytes));
    descriptors.push({ mediaType, digest: digestOf(bytes), size: bytes.length });
  }
  const config = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', config: {} }));
  await target.putBlob(bytesBlob(digestOf(config), config));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociManifest,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: digestOf(config),
        size: config.length,
      },
      layers: descriptors,
    }),
  );
  const digest = await target.putManifest(manifest, MEDIA_TYPE.ociManifest, 'latest');
  const head = await readImageHead(target, digest);
  return readImageWeights(target, head!);
}

const weightsFile = { name: '.cog/weights.json', body: JSON.stringify(WEIGHTS) };

describe('.cog/weights.json in a prebuilt image', () => {
  it.each(['tar', 'gzip', 'zstd'] as const)('is read from a %s layer', async (as) => {
    expect((await image([{ entries: [weightsFile], as }]))?.weights).toEqual(WEIGHTS.weights);
  });

  it.each([
    ['its own whiteout', [{ name: '.cog/.wh.weights.json' }]],
    ['a whiteout of .cog', [{ name: '.wh..cog' }]],
    ['an opaque .cog', [{ name: '.cog/.wh..wh..opq' }]],
  ])('is deleted by %s in an upper layer', async (_, upper) => {
    expect(
      await image([{ entries: [weightsFile] }, { entries: upper, as: 'gzip' }]),
    ).toBeUndefined();
  });

  it('an opaque .cog keeps the file its own layer adds', async () => {
    const found = await image([
      { entries: [{ name: '.cog/weights.json', body: '{"weights":[]}' }] },
      { entries: [{ name: '.cog/.wh..wh..opq' }, weightsFile] },
    ]);
    expect(found?.weights).toEqual(WEIGHTS.weights);
  });

  it('a symlink is followed inside the image, to a file of another layer', async () => {
    const found = await image([
      { entries: [{ name: 'meta/weights.json', body: JSON.stringify(WEIGHTS) }] },
      {
        entries: [{ name: '.cog/weights.json', type: 'symlink', linkname: '../meta/weights.json' }],
      },
    ]);
    expect(found?.weights).toEqual(WEIGHTS.weights);
  });

  it.each(['tar', 'gzip'] as const)(
    'a truncated %s layer is one error naming the layer',
    async (as) => {
      const dir = path.join(root, `cut-${as}`);
      const target = new OciLayoutTarget(dir);
      const full = compress[as](
        await tarOf([{ name: 'big.bin', body: 'x'.repeat(50_000) }, weightsFile]),
      );
      // The blob file holds only its first half, under the whole blob's digest.
      const half = full.bytes.subarray(0, Math.floor(full.bytes.length / 2));
      const digest = digestOf(full.bytes);
      mkdirSync(path.join(dir, 'blobs/sha256'), { recursive: true });
      writeFileSync(path.join(dir, 'blobs/sha256', digest.slice(7)), half);
      const head = {
        layers: [{ mediaType: full.mediaType, digest, size: full.bytes.length }],
        config: null,
      };
      await expect(readImageWeights(target, head)).rejects.toThrow(
        new RegExp(`^oci-layout:${dir}: image layer ${digest} cannot be read: `),
      );
    },
  );
});
