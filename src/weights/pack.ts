// Pack one weight: plan its layers, read every file once to get the file, tar and blob digests,
// and build the config blob and manifest. Nothing is written: the layers are replayed from the
// same files when they are uploaded.

import { HashPool } from '../util/hashpool.js';
import { mapLimit } from '../util/limit.js';
import { buildWeightArtifact, type WeightArtifact, type WeightFile } from './artifact.js';
import { digestLayer, type LayerDigests } from './layer.js';
import type { PackCache } from './packcache.js';
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
  /** Reuse digests of unchanged files from an earlier pack (and record this one). */
  readonly cache?: PackCache | undefined;
}

export async function packWeight(request: PackRequest): Promise<PackedWeight> {
  const plans = planLayers(request.files, request.options);
  if (plans.length === 0) throw new Error(`weight "${request.name}": inventory is empty`);
  const cache = request.cache;
  const key = cache?.key(request.name, request.target, request.files, request.options ?? {});
  const cached = key ? await cache!.load(key, plans) : undefined;
  if (cached) return assemble(request, plans, cached);
  const digests = await digestLayers(plans, request.pool);
  if (key) await cache!.save(key, digests);
  return assemble(request, plans, digests);
}

function assemble(
  request: PackRequest,
  plans: readonly LayerPlan[],
  digests: readonly LayerDigests[],
): PackedWeight {
  const layers = plans.map((plan, i) => ({ ...digests[i]!, plan }));
  const files: WeightFile[] = layers
    .flatMap((l) => l.files.map((f) => ({ ...f, layer: l.digest })))
    .sort(byPath);
  const artifact = buildWeightArtifact(request.name, request.target, files, layers);
  return { artifact, files, layers };
}

/** Read every layer once, spreading the hashing over the pool's workers. */
async function digestLayers(
  plans: readonly LayerPlan[],
  shared: HashPool | undefined,
): Promise<LayerDigests[]> {
  const pool = shared ?? new HashPool();
  try {
    // Largest layers first so the last one to finish is short; each layer spreads its hashes
    // over the pool, so a pool's worth of layers keeps every core busy.
    const order = plans
      .map((plan, i) => ({ plan, i }))
      .sort((a, b) => b.plan.sizeUncompressed - a.plan.sizeUncompressed);
    const digested = await mapLimit(order, pool.size, async ({ plan }) => digestLayer(plan, pool));
    const layers: LayerDigests[] = new Array(plans.length);
    order.forEach(({ i }, k) => (layers[i] = digested[k]!));
    return layers;
  } finally {
    if (!shared) await pool.close();
  }
}
