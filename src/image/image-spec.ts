// Where a prebuilt image is, from the `image` input, in the transports skopeo and the engines
// write: `docker-archive:FILE` (docker save, podman save), `oci-layout:DIR` (also `oci:DIR`,
// skopeo's name for it), `oci-archive:FILE` (a tar of a layout: podman save --format
// oci-archive, buildx type=oci), `docker://REF`, or a registry reference. A layout or OCI
// archive takes `:TAG` (which may hold slashes, as podman's `localhost/name:1` does) or
// `@sha256:…`; with neither, its only manifest, else the one tagged latest. A transport we do
// not read is refused at once, saying what to do instead, rather than taken for a registry.
// Pure.

import path from 'node:path';
import { InputError } from '../config/input-error.js';
import { isDigest } from '../oci/digest.js';

export type PrebuiltSpec =
  | { readonly kind: 'docker-archive'; readonly spec: string; readonly file: string }
  | {
      readonly kind: 'oci-layout' | 'oci-archive';
      readonly spec: string;
      /** The layout directory, or the archive file. */
      readonly path: string;
      /** A tag or digest; undefined: the only manifest, else the one tagged latest. */
      readonly reference: string | undefined;
    }
  | { readonly kind: 'registry'; readonly spec: string; readonly ref: string };

/** Transports of containers/image that we do not read, and what to give instead. */
const UNREAD: Record<string, string> = {
  'docker-daemon':
    'push it from the engine (docker push) and name the registry reference, or docker save -o FILE and use docker-archive:FILE',
  'containers-storage':
    'podman save --format oci-archive -o FILE and use oci-archive:FILE, or push it and name the registry reference',
  dir: 'skopeo copy dir:DIR oci:LAYOUT and use oci-layout:LAYOUT',
  tarball: 'docker save or podman save it, and use docker-archive:FILE or oci-archive:FILE',
  sif: 'push it to a registry and name the reference',
  ostree: 'push it to a registry and name the reference',
};

const KNOWN =
  'docker-archive:FILE, oci-layout:DIR[:TAG|@sha256:…], oci-archive:FILE[:TAG|@sha256:…], or a registry reference';

export function parsePrebuilt(spec: string, projectDir: string): PrebuiltSpec {
  const colon = spec.indexOf(':');
  const transport = colon > 0 ? spec.slice(0, colon) : '';
  const rest = spec.slice(colon + 1);
  if (transport === 'docker-archive')
    return { kind: 'docker-archive', spec, file: path.resolve(projectDir, rest) };
  if (transport === 'oci-layout' || transport === 'oci' || transport === 'oci-archive') {
    const { place, reference } = location(spec, rest);
    return {
      kind: transport === 'oci-archive' ? 'oci-archive' : 'oci-layout',
      spec,
      path: path.resolve(projectDir, place),
      reference,
    };
  }
  if (spec.startsWith('docker://')) return { kind: 'registry', spec, ref: spec.slice(9) };
  if (transport in UNREAD)
    throw new InputError(
      `input 'image': ${transport}: images are not read here; ${UNREAD[transport]}`,
    );
  // `name:tag` and `host:port/…` are references; any other `word:rest` names a transport, as
  // does a "tag" that is a file name (nobody tags an image x.tar; many mistype a transport).
  const file = /\.(tar|tgz|tar\.gz|oci)$/i.test(rest);
  const reference = !file && (/^[\w][\w.-]{0,127}$/.test(rest) || /^\d+(\/|$)/.test(rest));
  if (/^[a-z][a-z0-9+-]*$/.test(transport) && !reference)
    throw new InputError(`input 'image': unknown transport "${transport}:"; give ${KNOWN}`);
  return { kind: 'registry', spec, ref: spec };
}

/** `PLACE`, `PLACE:TAG` (the tag from the first colon on) or `PLACE@sha256:…`. */
function location(spec: string, rest: string): { place: string; reference: string | undefined } {
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const digest = rest.slice(at + 1);
    if (!isDigest(digest))
      throw new InputError(`input 'image': "${spec}": after @ comes sha256:<64 hex digits>`);
    return { place: rest.slice(0, at), reference: digest };
  }
  const colon = rest.indexOf(':');
  if (colon < 0) return { place: rest, reference: undefined };
  const reference = rest.slice(colon + 1);
  if (reference === '') throw new InputError(`input 'image': "${spec}" ends in an empty tag`);
  return { place: rest.slice(0, colon), reference };
}
