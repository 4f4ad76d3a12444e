// Uncompressed layers go up gzip-compressed, as `docker push` sends them: a `docker save` (or
// `podman save`) archive holds its layers as plain tar, and uploading them as they are sends
// about four times the bytes, which every cold start then pulls. The image is seen through a
// view whose manifest names each such layer gzip-compressed (its digest and size taken by
// compressing it once, without storing the result); the blob is compressed again as it is
// uploaded, only if the destination lacks it, and the upload verifies the digest. The config
// and its diff_ids (digests of the uncompressed tars) are unchanged, but the manifest, and so
// the image digest, differ from the archive's. A small cache of layer → compressed digest
// (keyed by the zlib version too) spares the first compression on the next run.

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { goMarshal, type GoJson } from '../util/gojson.js';
import { sha256 } from '../util/hashpool.js';
import { mapLimit } from '../util/limit.js';
import { JsonFiles } from '../util/json-files.js';
import { parseJsonObject } from '../oci/manifest-json.js';
import { MEDIA_TYPE } from '../oci/mediatypes.js';
import type { Manifest, ManifestInfo } from '../oci/target.js';
import type { ImageSource } from './copy.js';

/** Docker's own level (Go's gzip.DefaultCompression). */
const LEVEL = 6;

export interface Compressed {
  readonly source: ImageSource;
  /** The archive's manifest digest, and the one the image has now. */
  readonly from: string;
  readonly to: string;
  /** Layer bytes in the archive, and compressed. */
  readonly bytesBefore: number;
  readonly bytesAfter: number;
  /** Layers compressed. */
  readonly layers: number;
}

interface Layer {
  mediaType: string;
  size: number;
  digest: string;
}

/** The gzip stream of a blob of `source`. */
function gzipOf(source: ImageSource, digest: string): AsyncIterable<Uint8Array> {
  return Readable.from(source.openBlob(digest)).pipe(createGzip({ level: LEVEL }));
}

async function measure(
  source: ImageSource,
  digest: string,
): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of gzipOf(source, digest)) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}

/** Layer digest → its gzip digest and size, on disk between runs (keyed by zlib's version). */
class GzipCache {
  private readonly files: JsonFiles;

  constructor(dir: string | undefined) {
    this.files = new JsonFiles(dir);
  }

  private key(digest: string): string {
    return `${digest.replace(':', '-')}.zlib-${process.versions.zlib}`;
  }

  async get(digest: string): Promise<{ digest: string; size: number } | undefined> {
    const v = (await this.files.get(this.key(digest))) as {
      digest?: unknown;
      size?: unknown;
    } | null;
    return typeof v?.digest === 'string' && Number.isSafeInteger(v.size)
      ? { digest: v.digest, size: v.size as number }
      : undefined;
  }

  set(digest: string, value: { digest: string; size: number }): Promise<void> {
    return this.files.set(this.key(digest), value);
  }
}

/**
 * `source` (a docker archive's image at `reference`) with its uncompressed layers seen
 * gzip-compressed; undefined when it has none.
 */
export async function compressLayers(
  source: ImageSource,
  reference: string,
  options: { cacheDir?: string | undefined; concurrency?: number },
): Promise<Compressed | undefined> {
  const manifest = await source.getManifest(reference);
  if (!manifest) return undefined;
  const json = parseJsonObject(manifest.bytes, `${source.name}: manifest`);
  const layers = (json.layers ?? []) as Layer[];
  if (!layers.some((l) => l.mediaType === MEDIA_TYPE.dockerLayer)) return undefined;
  const cache = new GzipCache(options.cacheDir);
  const plain = new Map<string, string>(); // compressed digest → the archive's layer
  const rewritten = await mapLimit(layers, options.concurrency ?? 2, async (l) => {
    if (l.mediaType !== MEDIA_TYPE.dockerLayer) return l;
    let gz = await cache.get(l.digest);
    if (!gz) await cache.set(l.digest, (gz = await measure(source, l.digest)));
    plain.set(gz.digest, l.digest);
    return { mediaType: MEDIA_TYPE.dockerLayerGzip, size: gz.size, digest: gz.digest };
  });
  const bytes = new TextEncoder().encode(
    goMarshal({ ...json, layers: rewritten } as unknown as GoJson),
  );
  const view: Manifest = {
    digest: sha256(bytes),
    mediaType: manifest.mediaType,
    size: bytes.length,
    bytes,
  };
  const info: ManifestInfo = { digest: view.digest, mediaType: view.mediaType, size: view.size };
  const sum = (ls: Layer[]) => ls.reduce((n, l) => n + l.size, 0);
  return {
    source: {
      name: source.name,
      getManifest: async () => view,
      hasManifest: async () => info,
      openBlob: (digest) => {
        const from = plain.get(digest);
        return from ? gzipOf(source, from) : source.openBlob(digest);
      },
    },
    from: manifest.digest,
    to: view.digest,
    bytesBefore: sum(layers),
    bytesAfter: sum(rewritten),
    layers: plain.size,
  };
}
