// Cog's layer planner (pkg/model/packer.go planLayers): a pure function of the inventory and
// two thresholds. Small files fill gzip bundles in path order; each large file gets a layer.

import { MEDIA_TYPE, type LayerMediaType } from '../oci/mediatypes.js';
import { compareUtf8 } from '../util/gojson.js';

export const DEFAULT_BUNDLE_FILE_MAX = 64 * 1024 * 1024;
export const DEFAULT_BUNDLE_SIZE_MAX = 256 * 1024 * 1024;

/** Extensions of dense binary formats that gzip cannot shrink: their layers stay plain tar. */
export const INCOMPRESSIBLE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.safetensors',
  '.bin',
  '.gguf',
  '.onnx',
  '.parquet',
  '.pt',
  '.pth',
]);

/** One file of a weight: where it lands (`path`) and where its bytes are read from (`source`). */
export interface PlannedFile {
  /** Relative, `/`-separated path inside the weight target. */
  readonly path: string;
  readonly size: number;
  /** Absolute path of the bytes on this machine (a source file or a store entry). */
  readonly source: string;
  /** dev:ino:size:mtime:ctime of `source` when inventoried; lets a pack be reused unread. */
  readonly stamp?: string;
  /**
   * The digest these bytes are known by — their name in the store, the Hub's LFS oid, the
   * lockfile's entry — when there is one. Packing hashes every byte anyway and refuses a file
   * whose bytes hash to anything else, so a same-size corrupt file is never published.
   */
  readonly known?: string;
}

/**
 * A file whose digests were taken as it arrived (a download), by where it landed: its own
 * plain tar layer's too, when the planner gives it one, so that layer is not read again.
 */
export interface ArrivedFile {
  /** Its path in the weight, which its layer's tar header was made for. */
  readonly path: string;
  readonly size: number;
  readonly digest: string;
  readonly layer?: { readonly digest: string; readonly size: number } | undefined;
}

export interface PackOptions {
  readonly bundleFileMax?: number | undefined;
  readonly bundleSizeMax?: number | undefined;
}

export interface LayerPlan {
  /** Files in tar order. */
  readonly files: readonly PlannedFile[];
  readonly mediaType: LayerMediaType;
  /** Go's gzip level for a gzip layer: 9 when it holds more than one file, else 6. */
  readonly gzipLevel: 6 | 9 | null;
  /** Sum of the file sizes. */
  readonly sizeUncompressed: number;
}

export function byPath(a: { path: string }, b: { path: string }): number {
  return compareUtf8(a.path, b.path);
}

/** Go's filepath.Ext: from the last dot of the last element (`.safetensors` alone counts too). */
export function goExt(p: string): string {
  const dot = p.lastIndexOf('.');
  return dot > p.lastIndexOf('/') ? p.slice(dot) : '';
}

function layer(files: PlannedFile[], mediaType: LayerMediaType): LayerPlan {
  return {
    files,
    mediaType,
    gzipLevel: mediaType === MEDIA_TYPE.layerTarGzip ? (files.length > 1 ? 9 : 6) : null,
    sizeUncompressed: files.reduce((n, f) => n + f.size, 0),
  };
}

/** A large file's media type: plain tar for formats gzip cannot shrink, else tar+gzip. */
function largeFileMediaType(filePath: string): LayerMediaType {
  return INCOMPRESSIBLE_EXTENSIONS.has(goExt(filePath).toLowerCase())
    ? MEDIA_TYPE.layerTar
    : MEDIA_TYPE.layerTarGzip;
}

/**
 * Whether the planner gives this file a plain tar layer of its own. Such a layer's bytes depend
 * only on the file's path, size and content, so its digest can be taken as the file arrives.
 */
export function getsPlainTarLayer(
  filePath: string,
  size: number,
  options: PackOptions = {},
): boolean {
  const fileMax = options.bundleFileMax || DEFAULT_BUNDLE_FILE_MAX;
  return size >= fileMax && largeFileMediaType(filePath) === MEDIA_TYPE.layerTar;
}

/** Plan the layers of `files` (any order): bundles first, then large files, each by path. */
export function planLayers(files: readonly PlannedFile[], options: PackOptions = {}): LayerPlan[] {
  const fileMax = options.bundleFileMax || DEFAULT_BUNDLE_FILE_MAX;
  const bundleMax = options.bundleSizeMax || DEFAULT_BUNDLE_SIZE_MAX;
  const sorted = [...files].sort(byPath);
  const layers: LayerPlan[] = [];

  let bundle: PlannedFile[] = [];
  let bundleSize = 0;
  for (const f of sorted) {
    if (f.size >= fileMax) continue;
    // A lone file larger than bundleMax still gets a bundle of its own.
    if (bundleSize > 0 && bundleSize + f.size > bundleMax) {
      layers.push(layer(bundle, MEDIA_TYPE.layerTarGzip));
      bundle = [];
      bundleSize = 0;
    }
    bundle.push(f);
    bundleSize += f.size;
  }
  if (bundle.length > 0) layers.push(layer(bundle, MEDIA_TYPE.layerTarGzip));

  for (const f of sorted) {
    if (f.size < fileMax) continue;
    layers.push(layer([f], largeFileMediaType(f.path)));
  }
  return layers;
}
