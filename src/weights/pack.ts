// Pack one weight: plan its layers, read every file once to get the file, tar and blob digests,
// and build the config blob and manifest. Nothing is written: the layers are replayed from the
// same files when they are uploaded.

import { HashPool } from '../util/hashpool.js';
import { mapLimit } from '../util/limit.js';
import { buildWeightArtifact, type WeightArtifact, type WeightFile } from './artifact.js';
import { digestLayer, type LayerDigests } from './layer.js';
import { MEDIA_TYPE } from '../oci/mediatypes.js';
import type { PackCache } from './packcache.js';
import { pathProblem } from './paths.js';
import {
  byPath,
  planLayers,
  type ArrivedFile,
  type LayerPlan,
  type PackOptions,
  type PlannedFile,
} from './layers.js';

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
  /** Files digested as they arrived, by `source` path. */
  readonly arrived?: ReadonlyMap<string, ArrivedFile> | undefined;
}

/** Files whose bytes do not hash to the digest they are known by (PlannedFile.known). */
export class CorruptFileError extends Error {
  override name = 'CorruptFileError';
  constructor(
    weight: string,
    readonly files: readonly { path: string; source: string; known: string; actual: string }[],
  ) {
    const f = files[0]!;
    super(
      `weight "${weight}": ${files.length} file(s) do not hash to the digest they are known by, e.g. ${f.path} (${f.source}) is ${f.actual}, not ${f.known}`,
    );
  }
}

/** Every file with a known digest must have hashed to it. */
function checkKnown(request: PackRequest, packed: PackedWeight): PackedWeight {
  const actual = new Map(packed.files.map((f) => [f.path, f.digest]));
  const bad = request.files
    .filter((f) => f.known !== undefined && actual.get(f.path) !== f.known)
    .map((f) => ({ path: f.path, source: f.source, known: f.known!, actual: actual.get(f.path)! }));
  if (bad.length > 0) throw new CorruptFileError(request.name, bad);
  return packed;
}

export async function packWeight(request: PackRequest): Promise<PackedWeight> {
  // Every source checks its paths; this is the last line before they become tar names.
  for (const f of request.files) {
    const problem = pathProblem(f.path);
    if (problem)
      throw new Error(`weight "${request.name}": file path ${JSON.stringify(f.path)} ${problem}`);
  }
  const plans = planLayers(request.files, request.options);
  if (plans.length === 0) throw new Error(`weight "${request.name}": inventory is empty`);
  const cache = request.cache;
  const key = cache?.key(request.name, request.target, request.files, request.options ?? {});
  const cached = key ? await cache!.load(key, plans) : undefined;
  if (cached) return checkKnown(request, assemble(request, plans, cached));
  const digests = await digestLayers(plans, request.pool, request.arrived);
  const packed = checkKnown(request, assemble(request, plans, digests));
  if (key) await cache!.save(key, digests);
  return packed;
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

/** A one-file plain tar layer whose file was digested as it arrived needs no read at all. */
function arrivedLayer(
  plan: LayerPlan,
  arrived: ReadonlyMap<string, ArrivedFile> | undefined,
): LayerDigests | undefined {
  const file = plan.files.length === 1 ? plan.files[0]! : undefined;
  if (!file || plan.mediaType !== MEDIA_TYPE.layerTar) return undefined;
  const got = arrived?.get(file.source);
  if (!got?.layer || got.path !== file.path || got.size !== file.size) return undefined;
  return {
    mediaType: plan.mediaType,
    digest: got.layer.digest,
    size: got.layer.size,
    tarDigest: got.layer.digest,
    tarSize: got.layer.size,
    sizeUncompressed: file.size,
    files: [{ path: file.path, size: file.size, digest: got.digest }],
  };
}

/** Read every layer not already digested once, spreading the hashing over the pool's workers. */
async function digestLayers(
  plans: readonly LayerPlan[],
  shared: HashPool | undefined,
  arrived: ReadonlyMap<string, ArrivedFile> | undefined,
): Promise<LayerDigests[]> {
  const layers = plans.map((plan) => arrivedLayer(plan, arrived));
  if (layers.every(Boolean)) return layers as LayerDigests[];
  const pool = shared ?? new HashPool();
  try {
    // Largest layers first so the last one to finish is short; each layer spreads its hashes
    // over the pool, so a pool's worth of layers keeps every core busy.
    const order = plans
      .map((plan, i) => ({ plan, i }))
      .filter(({ i }) => !layers[i])
      .sort((a, b) => b.plan.sizeUncompressed - a.plan.sizeUncompressed);
    const digested = await mapLimit(order, pool.size, async ({ plan }) => digestLayer(plan, pool));
    order.forEach(({ i }, k) => (layers[i] = digested[k]!));
    return layers as LayerDigests[];
  } finally {
    if (!shared) await pool.close();
  }
}
