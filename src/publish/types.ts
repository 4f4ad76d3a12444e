// What the publish stages return, and the one error they raise for bad input.

import type { ModelTarget } from '../cog/modelref.js';
import type { ImageDescriptor } from '../image/copy.js';
import type { PackedWeight } from '../weights/pack.js';

/** What the image stage made, and how, for the summary's image row. */
export interface ImageReport {
  /** `built with docker`, `from docker-archive:FILE`. */
  readonly how: string;
  /** Config and layers (undefined in a dry run). */
  readonly size: number | undefined;
  /** Bytes this run uploaded; undefined when the builder pushed them itself. */
  readonly bytesUploaded: number | undefined;
  readonly seconds: number;
}

export type { Log } from '../util/log.js';

export class PublishError extends Error {
  override name = 'PublishError';
}

/** Where a weight's bytes came from: already in the target, the local store, the Actions cache, its source. */
export type WeightOrigin = 'registry' | 'store' | 'cache' | 'source';

export interface PublishedWeight {
  readonly name: string;
  readonly target: string;
  readonly setDigest: string;
  /** Weight manifest digest, size and media type (the index descriptor). */
  readonly digest: string;
  readonly manifestSize: number;
  readonly manifestMediaType: string;
  readonly tag: string;
  readonly size: number;
  readonly bytesUploaded: number;
  readonly bytesSkipped: number;
  /** Where its bytes came from: already in the target, or packed from its source files. */
  readonly origin: WeightOrigin;
}

/** Which weights the cache served, and which it could not (they came from their sources). */
export interface CacheReport {
  readonly hits: readonly string[];
  readonly misses: readonly string[];
}

export type ImportStatus = 'new' | 'repacked' | 'unchanged';

export interface ImportedWeight {
  readonly name: string;
  readonly files: number;
  readonly bytes: number;
  readonly status: ImportStatus;
}

/** A weight packed from its sources. */
export interface SourcePacked {
  readonly packed: PackedWeight;
}

export interface PublishResult {
  readonly format: ModelTarget['format'];
  readonly dryRun: boolean;
  /** `registry/repo` or `oci-layout:DIR`. */
  readonly repository: string;
  readonly tag: string;
  /** Every tag the model went up at (the model tag first). */
  readonly tags: readonly string[];
  readonly indexDigest: string | undefined;
  readonly image: ImageDescriptor | undefined;
  /** How the image was made, its size, the bytes sent, the time (the summary's image row). */
  readonly imageReport?: ImageReport | undefined;
  readonly weights: readonly PublishedWeight[];
  readonly lockfile: string | undefined;
  readonly lockfileChanged: boolean;
  /** With `import-weights: true`: per weight, its files, bytes and new / repacked / unchanged. */
  readonly imported: readonly ImportedWeight[] | undefined;
  readonly cache: CacheReport;
}
