// One blob into a target, the one way every publish moves one (weight layers and configs, a
// prebuilt image's config and layers): present already (one HEAD), mounted from another
// repository of the same registry, or uploaded — and the upload does not ask again.

import type { BlobSource, Target } from './target.js';

export type BlobOutcome = 'uploaded' | 'present' | 'mounted';

export interface Transferred {
  readonly outcome: BlobOutcome;
  readonly bytesUploaded: number;
}

export async function transferBlob(
  dest: Target,
  blob: BlobSource,
  options: { readonly mountFrom?: string | undefined } = {},
): Promise<Transferred> {
  if ((await dest.hasBlob(blob.digest)) !== null) return { outcome: 'present', bytesUploaded: 0 };
  if (options.mountFrom && (await dest.mountBlob(blob.digest, options.mountFrom)))
    return { outcome: 'mounted', bytesUploaded: 0 };
  const { bytesWritten } = await dest.uploadBlob(blob);
  return { outcome: bytesWritten > 0 ? 'uploaded' : 'present', bytesUploaded: bytesWritten };
}
