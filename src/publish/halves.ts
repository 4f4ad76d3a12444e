// The two halves of a bundle publish: the weights and the image. They do not depend on each
// other (a build needs only weights.lock), so when the image is built they run side by side
// and the publish takes as long as the longer one. A failure in either cancels the other
// (its requests abort, the builder is stopped) and is the one reported; the index waits for
// both. The build's output is held while both run (build-output.ts) and written out in its
// own group when one half is done.

import type { ImageDescriptor } from '../image/copy.js';
import { HeldBuildOutput } from './build-output.js';
import { publishImage, type ImageReport, type PublishedImage } from './image.js';
import type { PublishPlan } from './plan.js';
import type { Session } from './session.js';
import { publishWeights, type WeightsRequest, type WeightsResult } from './weights.js';

export interface Halves extends WeightsResult {
  readonly image: ImageDescriptor;
  readonly imageReport: ImageReport;
}

export async function publishHalves(
  plan: PublishPlan,
  session: Session,
  request: WeightsRequest,
): Promise<Halves> {
  const { log } = session;
  if (plan.image.kind !== 'build' || plan.dryRun) {
    const { weights, cache } = await log.group('Weights', () =>
      publishWeights(plan, session, request),
    );
    const image = await log.group('Image', () => publishImage(plan, session, request.lock));
    return { weights, cache, image: image.descriptor, imageReport: image.report };
  }
  const label = `build (${plan.image.builder})`;
  const output = await HeldBuildOutput.start(
    log,
    session.builds.scratchRoot,
    label,
    session.builds.progressIntervalMs,
  );
  const stopBuild = new AbortController();
  // The first failure is the one reported; it stops the builder and every request of the
  // session (what that stops fails too, and is not reported).
  let failed: unknown;
  const stopBoth = (e: unknown): never => {
    failed ??= e;
    stopBuild.abort(e);
    session.cancel(e instanceof Error ? e : new Error(String(e)));
    throw e;
  };
  log.info(`building the image and uploading the weights side by side`);
  const weightsHalf = publishWeights(plan, session, request).catch(stopBoth);
  const imageHalf = publishImage(plan, session, request.lock, {
    output: (l) => output.line(l),
    signal: stopBuild.signal,
  }).catch(stopBoth);
  try {
    await Promise.race([weightsHalf, imageHalf]).catch(() => undefined);
    // The build's group: its held lines, then (if it is still running) the rest, live.
    await log.group(`Image ${label}`, async () => {
      await output.release();
      await imageHalf.catch(() => undefined);
    });
    const [weights, image] = await Promise.allSettled([weightsHalf, imageHalf]);
    if (failed !== undefined) throw failed;
    const published = (image as PromiseFulfilledResult<PublishedImage>).value;
    return {
      ...(weights as PromiseFulfilledResult<WeightsResult>).value,
      image: published.descriptor,
      imageReport: published.report,
    };
  } finally {
    await Promise.allSettled([weightsHalf, imageHalf]);
    await output.close();
  }
}
