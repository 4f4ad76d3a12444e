// Where a prebuilt image is (image/image-spec.ts): every transport skopeo and the engines
// write, and a transport we do not read refused at once, never taken for a registry host.
import { describe, expect, it } from 'vitest';
import { parsePrebuilt } from '../src/image/image-spec.js';

const D = `sha256:${'b'.repeat(64)}`;

describe('parsePrebuilt', () => {
  it.each([
    ['ubuntu:22.04', 'ubuntu:22.04'],
    ['localhost:5000/acme/model:1', 'localhost:5000/acme/model:1'],
    ['ghcr.io/acme/model:v1', 'ghcr.io/acme/model:v1'],
    [`acme/model@${D}`, `acme/model@${D}`],
    ['docker://ghcr.io/acme/model:v1', 'ghcr.io/acme/model:v1'],
    ['model', 'model'],
  ])('%s is a registry reference', (spec, ref) => {
    expect(parsePrebuilt(spec, '/p')).toEqual({ kind: 'registry', spec, ref });
  });

  it.each([
    ['oci-layout:img', 'oci-layout', '/p/img', undefined],
    ['oci-layout:/abs/img:v2', 'oci-layout', '/abs/img', 'v2'],
    ['oci:img:localhost/name:1', 'oci-layout', '/p/img', 'localhost/name:1'],
    [`oci-layout:img@${D}`, 'oci-layout', '/p/img', D],
    ['oci-archive:out/m.tar', 'oci-archive', '/p/out/m.tar', undefined],
    ['oci-archive:m.tar:latest', 'oci-archive', '/p/m.tar', 'latest'],
  ])('%s is a %s', (spec, kind, where, reference) => {
    expect(parsePrebuilt(spec, '/p')).toEqual({ kind, spec, path: where, reference });
  });

  it.each([
    [
      'docker-daemon:acme/model:1',
      /^input 'image': docker-daemon: images are not read here; push it/,
    ],
    ['containers-storage:localhost/m:1', /^input 'image': containers-storage: .*oci-archive:FILE/],
    ['dir:/tmp/x', /^input 'image': dir: .*skopeo copy dir:DIR oci:LAYOUT/],
    ['tar:./image.tar', /^input 'image': unknown transport "tar:"; give docker-archive:FILE, /],
    ['oci-archiv:model.tar', /^input 'image': unknown transport "oci-archiv:"/],
    [
      `oci-layout:img@sha256:123`,
      /^input 'image': "oci-layout:img@sha256:123": after @ comes sha256/,
    ],
    ['oci-layout:img:', /ends in an empty tag/],
  ])('%s is refused in one line', (spec, message) => {
    expect(() => parsePrebuilt(spec, '/p')).toThrow(message);
  });
});
