// Copy a prebuilt image (one platform's manifest, its config and layers) from one target into
// another at a tag: blobs the destination has are skipped, blobs of the same registry are
// mounted, the rest stream through without touching disk. The manifest bytes are kept as they
// are, so the image digest is the source's.

import { transferBlob } from '../oci/transfer.js';
import { parseJsonObject, type ManifestJson } from '../oci/manifest-json.js';
import { MEDIA_TYPE } from '../oci/mediatypes.js';
import type { Platform } from '../oci/index.js';
import { TargetError, type BlobSource, type Descriptor, type Target } from '../oci/target.js';
import { mapLimit } from '../util/limit.js';
import { skipBytes } from '../util/bytes.js';

const INDEX_TYPES = new Set<string>([MEDIA_TYPE.ociIndex, MEDIA_TYPE.dockerManifestList]);

/** Where an image is read from: a registry, an OCI layout, a docker archive. */
export type ImageSource = Pick<Target, 'name' | 'getManifest' | 'hasManifest' | 'openBlob'>;

/** The image manifest as the index names it. */
export type ImageDescriptor = Descriptor;

export interface CopyResult {
  readonly descriptor: ImageDescriptor;
  readonly bytesUploaded: number;
}

function parse(bytes: Uint8Array, where: string): ManifestJson {
  return parseJsonObject(bytes, `${where}: manifest`);
}

export async function copyImage(
  source: ImageSource,
  reference: string,
  dest: Target,
  destTag: string,
  options: { platform: Platform; mountFrom?: string | undefined; concurrency?: number },
): Promise<CopyResult> {
  const where = `${source.name}:${reference}`;
  let manifest = await source.getManifest(reference);
  if (!manifest) throw new TargetError(`image ${where} not found`);
  let json = parse(manifest.bytes, where);
  if (INDEX_TYPES.has(manifest.mediaType) || json.manifests) {
    const p = options.platform;
    const match = (json.manifests ?? []).find(
      (m) =>
        m.platform?.os === p.os &&
        m.platform?.architecture === p.architecture &&
        (!p.variant || m.platform?.variant === p.variant),
    );
    if (!match) {
      const have = (json.manifests ?? [])
        .map((m) => `${m.platform?.os}/${m.platform?.architecture}`)
        .join(', ');
      throw new TargetError(
        `image ${where} has no ${p.os}/${p.architecture} manifest (it has: ${have || 'none'})`,
      );
    }
    manifest = await source.getManifest(match.digest);
    if (!manifest)
      throw new TargetError(`image ${where}: platform manifest ${match.digest} not found`);
    json = parse(manifest.bytes, where);
  }
  if (!json.config || !Array.isArray(json.layers)) {
    throw new TargetError(`${where} is not an image manifest (${manifest.mediaType})`);
  }
  const blobs = [json.config, ...json.layers];
  const uploaded = await mapLimit(blobs, options.concurrency ?? 4, async (b) => {
    const blob: BlobSource = {
      digest: b.digest,
      size: b.size,
      open: (offset = 0) => skipBytes(source.openBlob(b.digest), offset),
    };
    return (await transferBlob(dest, blob, { mountFrom: options.mountFrom })).bytesUploaded;
  });
  const digest = await dest.putManifest(manifest.bytes, manifest.mediaType, destTag);
  if (digest !== manifest.digest) {
    throw new TargetError(
      `${dest.name}: image manifest went up as ${digest}, expected ${manifest.digest}`,
    );
  }
  return {
    descriptor: { mediaType: manifest.mediaType, size: manifest.size, digest },
    bytesUploaded: uploaded.reduce((n, x) => n + x, 0),
  };
}
