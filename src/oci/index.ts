// The model index (spec/weights.md §6): the image manifest first, with its platform, then one
// descriptor per weight in lockfile order. Go encoding/json bytes, computed locally.

import { goMap, goMarshal } from '../util/gojson.js';
import { ANNOTATION, ARTIFACT_TYPE_WEIGHT, MEDIA_TYPE } from './mediatypes.js';
import type { Descriptor } from './target.js';

export interface Platform {
  readonly architecture: string;
  readonly os: string;
  readonly variant?: string | undefined;
}

export interface IndexWeight {
  readonly name: string;
  readonly setDigest: string;
  /** Total file bytes of the weight. */
  readonly size: number;
  readonly manifest: Descriptor;
}

/** `os/arch[/variant]` as docker writes it (`linux/amd64`, `linux/arm64/v8`). */
export function parsePlatform(text: string): Platform {
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[a-z0-9._-]+$/.test(p))) {
    throw new Error(`platform "${text}" must be os/arch or os/arch/variant, e.g. linux/amd64`);
  }
  return { os: parts[0]!, architecture: parts[1]!, variant: parts[2] };
}

/** `annotations` (the index's own, after its manifests as ggcr orders them; none: omitted). */
export function buildModelIndex(
  image: Descriptor,
  platform: Platform,
  weights: readonly IndexWeight[],
  annotations: Readonly<Record<string, string>> = {},
): string {
  return goMarshal({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociIndex,
    manifests: [
      {
        mediaType: image.mediaType,
        size: image.size,
        digest: image.digest,
        platform: {
          architecture: platform.architecture,
          os: platform.os,
          variant: platform.variant,
        },
      },
      ...weights.map((w) => ({
        mediaType: w.manifest.mediaType,
        size: w.manifest.size,
        digest: w.manifest.digest,
        // Go's ggcr drops empty annotations (and a zero size).
        annotations: goMap({
          [ANNOTATION.weightName]: w.name || undefined,
          [ANNOTATION.weightSetDigest]: w.setDigest || undefined,
          [ANNOTATION.weightSizeUncompressed]: w.size > 0 ? String(w.size) : undefined,
        }),
        platform: { architecture: 'unknown', os: 'unknown' },
        artifactType: ARTIFACT_TYPE_WEIGHT,
      })),
    ],
    annotations: Object.keys(annotations).length > 0 ? goMap({ ...annotations }) : undefined,
  });
}
