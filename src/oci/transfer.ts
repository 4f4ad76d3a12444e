// One blob into a target, the one way every publish moves one (weight layers and configs, a
// prebuilt image's config and layers): present already (one HEAD), mounted from another
// repository of the same registry, or uploaded — and the upload does not ask again. A blob
// this run wrote as it arrived (Target.arrived) is counted here, once, as uploaded.

import type { BlobSource, Target } from './target.js';

export type BlobOutcome = 'uploaded' | 'present' | 'mounted';

export interface Transferred {
  readonly outcome: BlobOutcome;
  readonly bytesUploaded: number;
  /** Uploaded earlier in this run, as its bytes arrived (a download's layer). */
  readonly asArrived?: boolean;
}

export async function transferBlob(
  dest: Target,
  blob: BlobSource,
  options: { readonly mountFrom?: string | undefined } = {},
): Promise<Transferred> {
  if ((await dest.hasBlob(blob.digest)) !== null) {
    const arrived = dest.arrived.claim(blob.digest);
    return arrived === undefined
      ? { outcome: 'present', bytesUploaded: 0 }
      : { outcome: 'uploaded', bytesUploaded: arrived, asArrived: true };
  }
  if (options.mountFrom && (await dest.mountBlob(blob.digest, options.mountFrom)))
    return { outcome: 'mounted', bytesUploaded: 0 };
  const { bytesWritten } = await dest.uploadBlob(blob);
  return { outcome: bytesWritten > 0 ? 'uploaded' : 'present', bytesUploaded: bytesWritten };
}
