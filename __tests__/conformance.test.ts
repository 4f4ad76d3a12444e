import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { MEDIA_TYPE } from '../src/oci/mediatypes.js';
import { HashPool } from '../src/util/hashpool.js';
import { layerStream } from '../src/weights/layer.js';
import { conformanceCases, packCase } from './helpers/conformance.js';

const pool = new HashPool(2);
afterAll(() => pool.close());

async function collect(it: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of it) parts.push(Buffer.from(p));
  return Buffer.concat(parts);
}

const sha = (b: Uint8Array) => 'sha256:' + createHash('sha256').update(b).digest('hex');

const cases = conformanceCases();

describe.each(cases)('conformance case $id', (c) => {
  const pack = () => packCase(c, pool);

  it('inventories files with sizes and digests in reference order', async () => {
    const packed = await pack();
    expect(packed.files.map(({ path, size, digest }) => ({ path, size, digest }))).toEqual(
      c.expected.files,
    );
    expect(packed.artifact.setDigest).toBe(c.expected.setDigest);
    expect(packed.artifact.sizeUncompressed).toBe(c.expected.sizeUncompressed);
  });

  it('plans the same layers and writes byte-identical tars', async () => {
    const packed = await pack();
    expect(packed.layers).toHaveLength(c.expected.layers.length);
    for (const [i, want] of c.expected.layers.entries()) {
      const got = packed.layers[i]!;
      expect(got.files.map((f) => f.path)).toEqual(want.files);
      expect(got.mediaType).toBe(want.mediaType);
      expect(got.sizeUncompressed).toBe(want.sizeUncompressed);
      expect(got.tarDigest).toBe(want.tarDigest);
      expect(got.tarSize).toBe(want.tarSize);

      const referenceTar = readFileSync(path.join(c.dir, 'tars', `layer-${i}.tar`));
      const blob = await collect(layerStream(got.plan));
      const tar = want.mediaType === MEDIA_TYPE.layerTarGzip ? gunzipSync(blob) : blob;
      expect(Buffer.compare(tar, referenceTar)).toBe(0);
      // The replayed stream is the blob the digest pass described.
      expect(sha(blob)).toBe(got.digest);
      expect(blob.length).toBe(got.size);
      if (want.mediaType === MEDIA_TYPE.layerTar) {
        expect(got.digest).toBe(want.digest);
        expect(got.size).toBe(want.size);
      }
    }
  });

  it('builds config and manifest (byte-exact when every layer is plain tar)', async () => {
    const packed = await pack();
    const a = packed.artifact;
    expect(sha(Buffer.from(a.config))).toBe(a.configDigest);
    expect(sha(Buffer.from(a.manifest))).toBe(a.manifestDigest);
    if (c.expected.layers.every((l) => l.mediaType === MEDIA_TYPE.layerTar)) {
      expect(a.config).toBe(c.expected.config);
      expect(a.configDigest).toBe(c.expected.configDigest);
      expect(a.manifest).toBe(c.expected.manifest);
      expect(a.manifestDigest).toBe(c.expected.manifestDigest);
      expect(a.manifestSize).toBe(c.expected.manifestSize);
    } else {
      // Gzip blobs are ours; substituting the reference's layer digests must give its bytes.
      let config = a.config;
      let manifest = a.manifest;
      for (const [i, want] of c.expected.layers.entries()) {
        const got = packed.layers[i]!;
        config = config.replaceAll(got.digest, want.digest);
        manifest = manifest.replaceAll(got.digest, want.digest);
      }
      expect(config).toBe(c.expected.config);
      const refManifest = JSON.parse(c.expected.manifest);
      const ours = JSON.parse(manifest);
      expect(ours.annotations).toEqual(refManifest.annotations);
      expect(ours.artifactType).toBe(refManifest.artifactType);
    }
  });
});

it('finds the conformance cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(4);
});
