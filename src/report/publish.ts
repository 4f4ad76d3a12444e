// What a publish reports. The pinned ref tree of Cog's `cog push` arrives with the push itself;
// until then the report names where the model would land and each weight's pinned manifest.

import { referenceString, repositoryName } from '../oci/reference.js';
import type { PublishResult } from '../publish.js';
import { formatBytes } from './pack.js';

export function publishSummary(result: PublishResult): string {
  const ref = result.target.ref;
  const repo = repositoryName(ref);
  const width = Math.max(0, ...result.weights.map((w) => w.artifact.name.length));
  const lines = [`Resolved ${referenceString(ref)} (${result.target.format})`];
  for (const w of result.weights) {
    const a = w.artifact;
    lines.push(
      `  weight  ${a.name.padEnd(width)}  ${repo}@${a.manifestDigest}  ${a.tag}  ${formatBytes(a.sizeUncompressed)}`,
    );
  }
  return lines.join('\n');
}
