// Registries as they really behave (spec/registry.md, "Known registry behaviour"): each
// profile is what the test proxy does in front of the real registry to look like one of them.
import type http from 'node:http';
import type { Fault } from './registry.js';

export type QuirkProfile = 'gar' | 'ecr' | 'ghcr' | 'quay' | 'r8';

const error = (status: number, code: string, message: string): Fault => ({
  kind: 'status',
  status,
  body: JSON.stringify({ errors: [{ code, message }] }),
});

/** The proxy's decision for one request under `profile`; `limit` is GHCR's layer limit here. */
export function quirk(
  profile: QuirkProfile,
  options: { layerLimit?: number; maxChunk?: number } = {},
) {
  return (req: http.IncomingMessage): Fault => {
    const url = new URL(req.url ?? '/', 'http://x');
    const length = Number(req.headers['content-length'] ?? 0);
    const isUpload = url.pathname.includes('/blobs/uploads/');
    switch (profile) {
      case 'gar':
        // Monolithic uploads only: a PATCH is refused as Artifact Registry refuses it.
        if (req.method === 'PATCH')
          return error(
            405,
            'UNSUPPORTED',
            'chunked uploads are not supported; upload the blob in one PUT',
          );
        return { kind: 'pass' };
      case 'ecr':
        // Every chunk but the last must be at least 5 MiB; mounts are not offered.
        if (req.method === 'POST' && url.searchParams.has('mount'))
          return {
            kind: 'status',
            status: 202,
            headers: { location: `${url.pathname}not-a-session` },
            body: '',
          };
        if (req.method === 'PATCH' && length < 5 * 1024 * 1024)
          return error(
            400,
            'INVALID_PARAMETER',
            'Layer part size must be at least 5 MiB except the last part',
          );
        return { kind: 'pass' };
      case 'ghcr':
        // A per-layer size limit (10 GB there; small here).
        if (
          isUpload &&
          (req.method === 'PUT' || req.method === 'PATCH') &&
          length > (options.layerLimit ?? Infinity)
        )
          return error(
            413,
            'SIZE_INVALID',
            `layer exceeds the maximum size of ${options.layerLimit} bytes`,
          );
        return { kind: 'pass' };
      case 'quay':
        // Only allow-listed artifact media types: Cog's weight artifacts are not on the list.
        if (req.method === 'PUT' && url.pathname.includes('/manifests/cog-weight.'))
          return error(
            415,
            'MANIFEST_INVALID',
            'artifact type application/vnd.cog.weight.v1 is not allowed: ask the registry admin to allow-list it',
          );
        return { kind: 'pass' };
      case 'r8':
        // A maximum chunk size, advertised on every new upload session.
        if (req.method === 'POST' && isUpload)
          return {
            kind: 'rewrite',
            header: 'oci-chunk-max-length',
            value: String(options.maxChunk ?? 65536),
          };
        return { kind: 'pass' };
    }
  };
}
