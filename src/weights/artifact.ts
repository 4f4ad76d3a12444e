// The per-weight JSON Cog writes, byte for byte (spec/weights.md §5): set digest, config blob,
// manifest. Pure functions of the weight's files and layers.

import { weightTag } from '../cog/tags.js';
import { ANNOTATION, ARTIFACT_TYPE_WEIGHT, MEDIA_TYPE } from '../oci/mediatypes.js';
import { compareUtf8, goMap, goMarshal } from '../util/gojson.js';
import { sha256 } from '../util/hashpool.js';

export interface WeightFile {
  readonly path: string;
  readonly size: number;
  readonly digest: string;
  /** Digest of the layer blob that holds the file. */
  readonly layer: string;
}

export interface WeightLayer {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly sizeUncompressed: number;
}

export interface WeightArtifact {
  readonly name: string;
  readonly target: string;
  readonly setDigest: string;
  readonly config: string;
  readonly configDigest: string;
  readonly manifest: string;
  readonly manifestDigest: string;
  readonly manifestSize: number;
  /** `cog-weight.<name>.<short set digest>` */
  readonly tag: string;
  /** Total file bytes. */
  readonly sizeUncompressed: number;
}

const utf8 = new TextEncoder();

/** Cog's DirHash: `<hex>  <path>` lines sorted as whole strings, joined by `\n`, hashed. */
export function setDigest(files: readonly { path: string; digest: string }[]): string {
  const lines = files.map((f) => `${f.digest.slice(f.digest.indexOf(':') + 1)}  ${f.path}`);
  return sha256(lines.sort(compareUtf8).join('\n'));
}

export function configBlob(
  name: string,
  target: string,
  digestOfSet: string,
  files: readonly WeightFile[],
): string {
  const sorted = [...files].sort((a, b) => compareUtf8(a.path, b.path));
  return goMarshal({
    name,
    target,
    setDigest: digestOfSet,
    files: sorted.map((f) => ({ path: f.path, layer: f.layer, size: f.size, digest: f.digest })),
  });
}

export function weightManifest(
  name: string,
  target: string,
  digestOfSet: string,
  config: string,
  layers: readonly WeightLayer[],
): string {
  for (const l of layers) {
    if (l.sizeUncompressed <= 0) {
      throw new Error(`weight "${name}": layer ${l.digest} has invalid uncompressed size 0`);
    }
  }
  const sorted = [...layers].sort((a, b) => compareUtf8(a.digest, b.digest));
  return goMarshal({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociManifest,
    artifactType: ARTIFACT_TYPE_WEIGHT,
    config: {
      mediaType: MEDIA_TYPE.weightConfig,
      size: utf8.encode(config).length,
      digest: sha256(config),
    },
    layers: sorted.map((l) => ({
      mediaType: l.mediaType,
      size: l.size,
      digest: l.digest,
      annotations: goMap({ [ANNOTATION.weightSizeUncompressed]: String(l.sizeUncompressed) }),
    })),
    annotations: goMap({
      [ANNOTATION.weightName]: name,
      [ANNOTATION.weightSetDigest]: digestOfSet,
      [ANNOTATION.weightTarget]: target,
    }),
  });
}

/** Build every piece of a weight's artifact from its files and layers. */
export function buildWeightArtifact(
  name: string,
  target: string,
  files: readonly WeightFile[],
  layers: readonly WeightLayer[],
): WeightArtifact {
  const digestOfSet = setDigest(files);
  const config = configBlob(name, target, digestOfSet, files);
  const manifest = weightManifest(name, target, digestOfSet, config, layers);
  return {
    name,
    target,
    setDigest: digestOfSet,
    config,
    configDigest: sha256(config),
    manifest,
    manifestDigest: sha256(manifest),
    manifestSize: utf8.encode(manifest).length,
    tag: weightTag(name, digestOfSet),
    sizeUncompressed: files.reduce((n, f) => n + f.size, 0),
  };
}
