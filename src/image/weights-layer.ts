// A managed-weights model's image must carry /.cog/weights.json: its presence is what tells
// Cog's runtime that managed weights are active (without it the model starts with no weights).
// `cog build` writes it from weights.lock; images built with docker or buildah, and prebuilt
// ones, usually lack it. Rather than fail a publish the user cannot fix without learning Cog's
// internals, the file is added as one more layer, by our own client: the layer holds exactly
// the bytes `cog build` writes, the config gains its diff_id (and a history entry when it
// keeps one), and the new manifest replaces the old at the image tag. The new digest is what
// the index, the outputs and the ref tree name.
//
// The bytes below are pure (a tar made the way the weight layers are made, gzip at a fixed
// level, so the same image and lockfile always give the same digest); `addWeightsJson` is the
// one function that reads and writes the target.

import { parseJsonObject, type ManifestJson } from '../oci/manifest-json.js';
import { gzipSync } from 'node:zlib';
import { MEDIA_TYPE } from '../oci/mediatypes.js';
import { bytesBlob, TargetError, type Descriptor, type Target } from '../oci/target.js';
import { sha256 } from '../util/hashpool.js';
import { BODY_LIMIT, readLimited } from '../util/http.js';
import { goMarshal } from '../util/gojson.js';
import { soloTarFraming } from '../weights/tar.js';
import type { Lockfile } from '../weights/lockfile.js';

/** Where the file goes in the image, as Cog's spec names it. */
export const WEIGHTS_JSON_PATH = '.cog/weights.json';

/** What a history entry says of the added layer. */
export const WEIGHTS_JSON_HISTORY = 'cog-push: /.cog/weights.json from weights.lock';

/**
 * The bytes `cog build` writes: `json.MarshalIndent({"weights":[{name,target,setDigest}…]}, "",
 * "  ")` in lockfile order, no trailing newline.
 */
export function weightsJsonBytes(lock: Lockfile): Uint8Array {
  const weights = lock.weights.map((w) => ({
    name: w.name,
    target: w.target,
    setDigest: w.setDigest,
  }));
  return new TextEncoder().encode(goMarshal({ weights }, '  '));
}

export interface AddedLayer {
  /** The layer blob (gzip). */
  readonly blob: Uint8Array;
  readonly digest: string;
  /** The digest of the uncompressed tar: the config's diff_id. */
  readonly diffId: string;
}

/**
 * A tar holding `.cog/` and `.cog/weights.json`, framed as the weight layers are (root-owned,
 * mtime 0), gzip-compressed.
 */
export function weightsJsonLayer(json: Uint8Array): AddedLayer {
  const { before, after } = soloTarFraming(WEIGHTS_JSON_PATH, json.length);
  const tar = Buffer.concat([before, json, after]);
  const blob = gzipSync(tar, { level: 9 });
  return { blob, digest: sha256(blob), diffId: sha256(tar) };
}

interface ConfigJson {
  created?: unknown;
  rootfs?: { type?: unknown; diff_ids?: unknown };
  history?: unknown;
  [key: string]: unknown;
}

/**
 * The manifest and config with `layer` on top. Everything else in them is kept as it was; the
 * layer's media type follows the manifest's (Docker or OCI).
 */
export function appendLayer(
  manifestBytes: Uint8Array,
  manifestMediaType: string,
  configBytes: Uint8Array,
  layer: AddedLayer,
  where: string,
): { manifest: Uint8Array; config: Uint8Array } {
  const manifest = parseJsonObject<ManifestJson>(manifestBytes, `${where}: image manifest`);
  const config = parseJsonObject<ConfigJson>(configBytes, `${where}: image config`);
  const diffIds = config.rootfs?.diff_ids;
  if (!config.rootfs || !Array.isArray(diffIds) || !Array.isArray(manifest.layers))
    throw new TargetError(`${where}: the image has no rootfs.diff_ids or layers to add to`);
  if (diffIds.length !== manifest.layers.length)
    throw new TargetError(
      `${where}: the image config lists ${diffIds.length} diff_ids for ${manifest.layers.length} layers`,
    );
  const newConfig: ConfigJson = {
    ...config,
    rootfs: { ...config.rootfs, diff_ids: [...diffIds, layer.diffId] },
  };
  // History, when the image keeps one, has an entry per layer that is not marked empty.
  if (Array.isArray(config.history)) {
    const entry: Record<string, unknown> = { created_by: WEIGHTS_JSON_HISTORY };
    if (typeof config.created === 'string') entry['created'] = config.created;
    newConfig.history = [...(config.history as unknown[]), entry];
  }
  const configOut = new TextEncoder().encode(JSON.stringify(newConfig));
  const docker = (manifest.mediaType ?? manifestMediaType) === MEDIA_TYPE.dockerManifest;
  const newManifest: ManifestJson = {
    ...manifest,
    config: { ...manifest.config!, digest: sha256(configOut), size: configOut.length },
    layers: [
      ...manifest.layers,
      {
        mediaType: docker ? MEDIA_TYPE.dockerLayerGzip : MEDIA_TYPE.layerTarGzip,
        digest: layer.digest,
        size: layer.blob.length,
      },
    ],
  };
  return { manifest: new TextEncoder().encode(JSON.stringify(newManifest)), config: configOut };
}

/**
 * Add /.cog/weights.json (from `lock`) to the image `image` in `target`, and put the result at
 * `tag`. Returns the new image's descriptor.
 */
export async function addWeightsJson(
  target: Target,
  image: Descriptor,
  tag: string,
  lock: Lockfile,
): Promise<Descriptor> {
  const where = `${target.name}@${image.digest}`;
  const manifest = await target.getManifest(image.digest);
  if (!manifest) throw new TargetError(`${where}: the image manifest is not there`);
  const configDigest = parseJsonObject<ManifestJson>(manifest.bytes, `${where}: image manifest`)
    .config?.digest;
  if (typeof configDigest !== 'string')
    throw new TargetError(`${where}: the image manifest names no config`);
  const configBytes = await readBlob(target, configDigest, `${where}: image config`);
  const layer = weightsJsonLayer(weightsJsonBytes(lock));
  const next = appendLayer(manifest.bytes, manifest.mediaType, configBytes, layer, where);
  await target.putBlob(bytesBlob(layer.digest, layer.blob));
  await target.putBlob(bytesBlob(sha256(next.config), next.config));
  const digest = await target.putManifest(next.manifest, manifest.mediaType, tag);
  return { mediaType: manifest.mediaType, size: next.manifest.length, digest };
}

/** The image config, read whole (bounded) and checked against its digest. */
async function readBlob(target: Target, digest: string, what: string): Promise<Uint8Array> {
  const bytes = await readLimited(target.openBlob(digest), BODY_LIMIT.file, what);
  if (sha256(bytes) !== digest) throw new TargetError(`${what} does not match its digest`);
  return bytes;
}
