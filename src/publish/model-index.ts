// The model index stage: the image's .cog/weights.json checked against the lockfile, every
// child verified in the destination, the index pushed by digest, read back and verified, and
// only then tagged — a failure leaves the old tag where it was.

import type { ImageDescriptor } from '../image/copy.js';
import {
  compareImageWeights,
  platformOf,
  readImageHead,
  readImageWeights,
  type ImageHead,
} from '../image/weightsjson.js';
import { buildModelIndex, type Platform } from '../oci/index.js';
import { MEDIA_TYPE } from '../oci/mediatypes.js';
import { TargetError, type Target } from '../oci/target.js';
import { sha256 } from '../util/hashpool.js';
import { verifyPublished } from './verify.js';
import type { Lockfile } from '../weights/lockfile.js';
import type { PublishPlan } from './plan.js';
import type { Session } from './session.js';
import { PublishError, type PublishedWeight } from './types.js';

export interface ModelIndexRequest {
  readonly image: ImageDescriptor;
  readonly weights: readonly PublishedWeight[];
  readonly lock: Lockfile;
}

/** Push the model index at the plan's tags; returns its digest. */
export async function publishModelIndex(
  plan: PublishPlan,
  session: Session,
  { image, weights, lock }: ModelIndexRequest,
): Promise<string> {
  const { target, log } = session;
  // The image's manifest and config, read once for both checks of it.
  const head = await readImageHead(target, image.digest);
  await checkImageAgainstLock(session, { image, head }, lock);
  await verifyChildren(target, image, weights);
  const index = buildModelIndex(
    image,
    indexPlatform(plan, image, head),
    weights.map((w) => ({
      name: w.name,
      setDigest: w.setDigest,
      size: w.size,
      manifest: { mediaType: w.manifestMediaType, size: w.manifestSize, digest: w.digest },
    })),
    plan.annotations,
  );
  const bytes = new TextEncoder().encode(index);
  const digest = await target.putManifest(bytes, MEDIA_TYPE.ociIndex, sha256(bytes));
  if (plan.verify !== 'off') {
    const mode = plan.verify;
    // The line goes inside its group: the group was empty, its one line after it.
    await log.group('Verify', async () => {
      const report = await verifyPublished(target, digest, lock, mode);
      log.info(
        `verified ${report.manifests} manifest(s) and ${report.blobs} blob(s) by digest in ${report.seconds.toFixed(2)} s` +
          (report.hashed > 0 ? ` (${report.hashed} read back and hashed)` : ''),
      );
    });
  }
  for (const tag of plan.tags) {
    await target.putManifest(bytes, MEDIA_TYPE.ociIndex, tag);
    // Should a later tag fail, the summary says which ones moved.
    session.ledger.record({
      what: 'model index',
      digest,
      tag,
      state: 'pushed',
      bytesUploaded: bytes.length,
    });
  }
  if (plan.tags.length > 1) log.info(`tagged ${plan.tags.join(', ')}`);
  return digest;
}

/**
 * The platform the index names the image by: what its config says (os, architecture,
 * variant), so an arm64 image is never published as linux/amd64. A `platform` input that
 * disagrees with the image is an error; without a config that says, the plan's platform.
 */
function indexPlatform(
  plan: PublishPlan,
  image: ImageDescriptor,
  head: ImageHead | undefined,
): Platform {
  const own = head && platformOf(head);
  if (!own) return plan.platform;
  const name = (p: Platform) => [p.os, p.architecture, p.variant].filter(Boolean).join('/');
  const asked = plan.platform;
  const differs =
    own.os !== asked.os ||
    own.architecture !== asked.architecture ||
    (asked.variant !== undefined && own.variant !== asked.variant);
  if (plan.platformGiven && differs)
    throw new PublishError(
      `not pushing the index: the image ${image.digest} is ${name(own)}, but the platform input asks for ${name(asked)}`,
    );
  return own;
}

/** The image's .cog/weights.json must name the lockfile's weights, or the runtime refuses to start. */
async function checkImageAgainstLock(
  session: Session,
  { image, head }: { image: ImageDescriptor; head: ImageHead | undefined },
  lock: Lockfile,
): Promise<void> {
  const found = head && (await readImageWeights(session.target, head));
  if (!found) {
    if (lock.weights.length > 0)
      session.log.info(
        `image ${image.digest} has no .cog/weights.json; not checked against weights.lock`,
      );
    return;
  }
  const problems = compareImageWeights(found, lock);
  if (problems.length > 0) {
    throw new PublishError(
      `not pushing the index: the image's .cog/weights.json does not match weights.lock, and Cog's runtime would refuse to start:\n  ${problems.join('\n  ')}\nfix: rebuild the image from this weights.lock`,
    );
  }
  session.log.info(
    `image .cog/weights.json matches weights.lock (${found.weights.length} weight(s))`,
  );
}

/** Every child the index names must be in the target before the index goes up. */
async function verifyChildren(
  target: Target,
  image: ImageDescriptor,
  weights: readonly PublishedWeight[],
): Promise<void> {
  const missing: string[] = [];
  if (!(await target.hasManifest(image.digest))) missing.push(`image ${image.digest}`);
  for (const w of weights)
    if (!(await target.hasManifest(w.digest))) missing.push(`weight ${w.name} ${w.digest}`);
  if (missing.length > 0) {
    throw new TargetError(
      `not pushing the index: ${target.name} does not have ${missing.join(', ')}`,
    );
  }
}
