// A one-layer image as an OCI layout, for the bundled example and the benchmarks: the files
// are packed into one plain tar layer (our tar writer), with a config as `cog build` sets it.
import { statSync } from 'node:fs';
import { MEDIA_TYPE } from '../src/oci/mediatypes.ts';
import { OciLayoutTarget } from '../src/oci/layout.ts';
import { bytesBlob } from '../src/oci/target.ts';
import { goMarshal } from '../src/util/gojson.ts';
import { sha256 } from '../src/util/hashpool.ts';
import { layerStream } from '../src/weights/layer.ts';

/** Write `files` ({ path in the image, source on disk }) as image `dir:latest`; returns its digest. */
export async function writeImageLayout(dir, files) {
  const planned = files.map((f) => ({ ...f, size: statSync(f.source).size }));
  const plan = {
    files: planned,
    mediaType: MEDIA_TYPE.layerTar,
    gzipLevel: null,
    sizeUncompressed: planned.reduce((n, f) => n + f.size, 0),
  };
  const parts = [];
  for await (const c of layerStream(plan)) parts.push(Buffer.from(c));
  const layer = Buffer.concat(parts);
  const layerDigest = sha256(layer);
  const imageConfig = Buffer.from(
    goMarshal({
      architecture: 'amd64',
      os: 'linux',
      config: {
        Env: ['PATH=/usr/local/bin:/usr/bin:/bin'],
        Cmd: ['python', '-m', 'cog.server.http'],
        WorkingDir: '/src',
      },
      rootfs: { type: 'layers', diff_ids: [layerDigest] },
    }),
  );
  const manifest = Buffer.from(
    goMarshal({
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociManifest,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        size: imageConfig.length,
        digest: sha256(imageConfig),
      },
      layers: [{ mediaType: MEDIA_TYPE.layerTar, size: layer.length, digest: layerDigest }],
    }),
  );
  const layout = new OciLayoutTarget(dir);
  await layout.putBlob(bytesBlob(layerDigest, layer));
  await layout.putBlob(bytesBlob(sha256(imageConfig), imageConfig));
  await layout.putManifest(manifest, MEDIA_TYPE.ociManifest, 'latest');
  return sha256(manifest);
}
