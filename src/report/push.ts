// What `cog-push weights push` prints: the pinned reference and where every byte went.

import type { PackedWeight } from '../weights/pack.js';
import type { PushResult } from '../weights/push.js';
import { formatBytes } from '../util/format.js';

export function pushJson(result: PushResult, repositoryRef: string, packed: PackedWeight) {
  const configDigest = packed.artifact.configDigest;
  return {
    ref: `${repositoryRef}@${result.digest}`,
    digest: result.digest,
    tag: result.tag,
    bytesUploaded: result.bytesUploaded,
    bytesSkipped: result.bytesSkipped,
    layers: result.blobs
      .filter((b) => b.digest !== configDigest)
      .map((b) => ({
        digest: b.digest,
        size: b.size,
        outcome: b.outcome,
        bytesUploaded: b.bytesUploaded,
      })),
  };
}

export function pushTable(out: ReturnType<typeof pushJson>): string {
  return [
    `pushed    ${out.ref}`,
    `tag       ${out.tag}`,
    `uploaded  ${formatBytes(out.bytesUploaded)}, skipped ${formatBytes(out.bytesSkipped)} already there`,
    ...out.layers.map(
      (l) => `  ${l.outcome.padEnd(8)}  ${formatBytes(l.size).padStart(10)}  ${l.digest}`,
    ),
  ].join('\n');
}
