// Push one packed weight to a target: every layer blob (streamed from its files, skipped when
// the target has it or can mount it), the config blob, then the manifest at its
// `cog-weight.<name>.<short>` tag. The manifest goes last, so a failure leaves no tag that
// names a missing blob.

import { transferBlob, type BlobOutcome } from '../oci/transfer.js';
import { MEDIA_TYPE } from '../oci/mediatypes.js';
import { bytesBlob, type BlobSource, type Target } from '../oci/target.js';
import { mapLimit } from '../util/limit.js';
import { layerStream } from './layer.js';
import type { PackedLayer, PackedWeight } from './pack.js';

export const DEFAULT_CONCURRENCY = 4;

export interface PushOptions {
  /** Another repository of the same registry to mount blobs from. */
  readonly mountFrom?: string | undefined;
  /** Blobs in flight at once. */
  readonly concurrency?: number | undefined;
}

export type { BlobOutcome };

export interface PushedBlob {
  readonly digest: string;
  readonly size: number;
  readonly outcome: BlobOutcome;
  readonly bytesUploaded: number;
  /** Uploaded earlier in this run, as its bytes arrived. */
  readonly asArrived?: boolean;
}

export interface PushResult {
  readonly digest: string;
  readonly tag: string;
  readonly bytesUploaded: number;
  readonly bytesSkipped: number;
  /** Layer blobs, then the config blob. */
  readonly blobs: readonly PushedBlob[];
}

/** A packed layer as a blob source: replayed from its files, from any offset. */
export function layerBlob(layer: PackedLayer): BlobSource {
  return {
    digest: layer.digest,
    size: layer.size,
    open: (offset = 0) => layerStream(layer.plan, offset),
  };
}

async function pushBlob(
  target: Target,
  blob: BlobSource,
  options: PushOptions,
): Promise<PushedBlob> {
  const moved = await transferBlob(target, blob, { mountFrom: options.mountFrom });
  return { digest: blob.digest, size: blob.size, ...moved };
}

export async function pushWeight(
  packed: PackedWeight,
  target: Target,
  options: PushOptions = {},
): Promise<PushResult> {
  const a = packed.artifact;
  const utf8 = new TextEncoder();
  const manifest = utf8.encode(a.manifest);
  const config = bytesBlob(a.configDigest, utf8.encode(a.config));
  const done = (blobs: PushedBlob[]): PushResult => ({
    digest: a.manifestDigest,
    tag: a.tag,
    bytesUploaded: blobs.reduce((n, b) => n + b.bytesUploaded, 0),
    bytesSkipped: blobs.reduce((n, b) => n + (b.outcome === 'uploaded' ? 0 : b.size), 0),
    blobs,
  });

  // Already published under its tag: nothing to send at all.
  const tagged = await target.hasManifest(a.tag);
  if (tagged?.digest === a.manifestDigest) {
    const all = [...packed.layers, config];
    return done(
      all.map((b) => ({ digest: b.digest, size: b.size, outcome: 'present', bytesUploaded: 0 })),
    );
  }

  const sources = [...packed.layers.map(layerBlob), config];
  const blobs = await mapLimit(sources, options.concurrency ?? DEFAULT_CONCURRENCY, (blob) =>
    pushBlob(target, blob, options),
  );
  const digest = await target.putManifest(manifest, MEDIA_TYPE.ociManifest, a.tag);
  if (digest !== a.manifestDigest) {
    throw new Error(
      `${target.name}: weight "${a.name}" manifest went up as ${digest}, expected ${a.manifestDigest}`,
    );
  }
  return done(blobs);
}
