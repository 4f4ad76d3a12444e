// Pack one weight: plan its layers, read every file once to get the file, tar and blob digests,
// and build the config blob and manifest. Nothing is written: the layers are replayed from the
// same files when they are uploaded.

import { HashPool } from '../util/hashpool.js';
import { mapLimit } from '../util/limit.js';
import { buildWeightArtifact, type WeightArtifact, type WeightFile } from './artifact.js';
import { digestLayer, type LayerDigests } from './layer.js';
import { byPath, planLayers, type LayerPlan, type PackOptions, type PlannedFile } from './plan.js';

export interface PackedLayer extends LayerDigests {
  readonly plan: LayerPlan;
}

export interface PackedWeight {
  readonly artifact: WeightArtifact;
  /** Every file, sorted by path, with its digest and layer. */
  readonly files: readonly WeightFile[];
  /** Layers in plan order. */
  readonly layers: readonly PackedLayer[];
}

export interface PackRequest {
  readonly name: string;
  readonly target: string;
  readonly files: readonly PlannedFile[];
  readonly options?: PackOptions;
  /** Share one pool across weights; when absent a pool is made for this call and closed. */
  readonly pool?: HashPool;
}

export async function packWeight(request: PackRequest): Promise<PackedWeight> {
  const pool = request.pool ?? new HashPool();
  try {
    const plans = planLayers(request.files, request.options);
    if (plans.length === 0) throw new Error(`weight "${request.name}": inventory is empty`);
    // Largest layers first so the last one to finish is short; each layer spreads its hashes
    // over the pool, so a pool's worth of layers keeps every core busy.
    const order = plans
      .map((plan, i) => ({ plan, i }))
      .sort((a, b) => b.plan.sizeUncompressed - a.plan.sizeUncompressed);
    const digested = await mapLimit(order, pool.size, async ({ plan }) => digestLayer(plan, pool));
    const layers: PackedLayer[] = new Array(plans.length);
    order.forEach(({ plan, i }, k) => (layers[i] = { ...digested[k]!, plan }));

    const files: WeightFile[] = layers
      .flatMap((l) => l.files.map((f) => ({ ...f, layer: l.digest })))
      .sort(byPath);
    const artifact = buildWeightArtifact(request.name, request.target, files, layers);
    return { artifact, files, layers };
  } finally {
    if (!request.pool) await pool.close();
  }
}
