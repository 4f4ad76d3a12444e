// The publish, as data flowing through it (see design.md). What exists so far: read the
// project, resolve where it lands, and pack every local weight to its pinned digests. Pushing
// the image, weights and index comes with the registry target.

import type { Inputs } from './inputs.js';
import { loadProject } from './project.js';
import type { ModelTarget } from './cog/modelref.js';
import type { WeightSpec } from './cog/config.js';
import { HashPool } from './util/hashpool.js';
import { inventoryDirectory } from './weights/inventory.js';
import { packWeight, type PackedWeight } from './weights/pack.js';
import { isLocalSource, localSourceDir } from './weights/sources/file.js';

export interface Log {
  info(message: string): void;
  warning(message: string): void;
}

export interface PublishResult {
  readonly target: ModelTarget;
  readonly weights: readonly PackedWeight[];
}

/** Why this weight cannot be packed yet, or undefined when it can. */
function unsupported(weight: WeightSpec): string | undefined {
  if (weight.sources.length !== 1) return 'several sources per weight';
  const source = weight.sources[0]!;
  if (!isLocalSource(source.uri)) return `source ${source.uri}`;
  if (source.include.length > 0 || source.exclude.length > 0) return 'include/exclude patterns';
  return undefined;
}

export async function publish(inputs: Inputs, log: Log): Promise<PublishResult> {
  const { config, target } = await loadProject({
    dir: inputs.workingDirectory,
    configName: inputs.config,
    env: inputs.modelRef,
  });
  const pool = new HashPool();
  try {
    const weights: PackedWeight[] = [];
    for (const weight of config.weights) {
      const why = unsupported(weight);
      if (why) {
        log.warning(`weight "${weight.name}": ${why} not supported yet; skipped`);
        continue;
      }
      const dir = localSourceDir(weight.sources[0]!, config.projectDir);
      const files = await inventoryDirectory(dir);
      const packed = await packWeight({ name: weight.name, target: weight.target, files, pool });
      log.info(`weight ${weight.name}: ${packed.artifact.manifestDigest} (${packed.artifact.tag})`);
      weights.push(packed);
    }
    return { target, weights };
  } finally {
    await pool.close();
  }
}
