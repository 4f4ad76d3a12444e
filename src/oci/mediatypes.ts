// Media types, artifact types and annotation keys: one place for every string that goes on the
// wire, so no module spells one of them on its own.

export const MEDIA_TYPE = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  layerTar: 'application/vnd.oci.image.layer.v1.tar',
  layerTarGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  weightConfig: 'application/vnd.cog.weight.config.v1+json',
  // Docker's image format (schema 2): what `docker save`, `docker push` and older registries use.
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

export const ARTIFACT_TYPE_WEIGHT = 'application/vnd.cog.weight.v1';

export const ANNOTATION = {
  weightName: 'run.cog.weight.name',
  weightSetDigest: 'run.cog.weight.set-digest',
  weightTarget: 'run.cog.weight.target',
  weightSizeUncompressed: 'run.cog.weight.size.uncompressed',
} as const;

export type LayerMediaType = typeof MEDIA_TYPE.layerTar | typeof MEDIA_TYPE.layerTarGzip;
