// planPublish, table-tested as docker/build-push-action tests its getArgs: where a publish
// goes, which image it takes, with which credentials, under which tags — all before any I/O.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuntimeEnv } from '../src/config/env.js';
import { parseInputs } from '../src/config/inputs.js';
import { parseReference } from '../src/oci/reference.js';
import type { Project } from '../src/cog/project.js';
import { planPublish, planTransfer } from '../src/publish/plan.js';

const WORKSPACE = '/ws';
const PROJECT = '/ws/models/flux';
const runtime = readRuntimeEnv({ GITHUB_WORKSPACE: WORKSPACE }, '/elsewhere', 'linux');

const project = (ref = 'ghcr.io/acme/flux:v1', format: 'bundle' | 'image' = 'bundle'): Project => ({
  config: { file: `${PROJECT}/cog.yaml`, projectDir: PROJECT, weights: [] },
  target: { format, ref: parseReference(ref) },
});
const inputs = (values: Record<string, string>) => parseInputs((n) => values[n] ?? '', runtime);
const plan = (values: Record<string, string>, p = project()) =>
  planPublish(inputs(values), p, runtime);

describe('planPublish', () => {
  it.each([
    [
      'the model repository, built with cog',
      {},
      {
        destination: { kind: 'registry', ref: 'ghcr.io/acme/flux', host: 'ghcr.io' },
        image: { kind: 'build', builder: 'cog', imageRef: 'ghcr.io/acme/flux:cog-image.v1' },
        tag: 'v1',
        imageTag: 'cog-image.v1',
      },
    ],
    [
      'to: another repository, built with docker',
      { to: 'registry.example.com/team/flux', build: 'docker' },
      {
        destination: {
          kind: 'registry',
          ref: 'registry.example.com/team/flux',
          host: 'registry.example.com',
        },
        image: {
          kind: 'build',
          builder: 'docker',
          imageRef: 'registry.example.com/team/flux:cog-image.v1',
        },
      },
    ],
    [
      'to: an OCI layout (relative to the working directory), built with buildah',
      { 'working-directory': 'models/flux', to: 'oci-layout:out', build: 'buildah' },
      {
        destination: { kind: 'layout', ref: `oci-layout:${PROJECT}/out`, dir: `${PROJECT}/out` },
        // buildah builds into a layout; its image is named after the model's repository.
        image: { kind: 'build', builder: 'buildah', imageRef: 'ghcr.io/acme/flux:cog-image.v1' },
      },
    ],
    [
      'a prebuilt OCI layout with a tag, relative to the project',
      { image: 'oci-layout:image:v3' },
      {
        image: {
          kind: 'oci-layout',
          spec: 'oci-layout:image:v3',
          path: `${PROJECT}/image`,
          reference: 'v3',
        },
      },
    ],
    [
      'a prebuilt OCI layout without a tag: its only manifest, else latest (read when opened)',
      { image: 'oci-layout:/abs/img' },
      {
        image: {
          kind: 'oci-layout',
          spec: 'oci-layout:/abs/img',
          path: '/abs/img',
          reference: undefined,
        },
      },
    ],
    [
      "podman's slash-named tag, skopeo's oci: and a digest",
      { image: 'oci:img:localhost/name:1' },
      {
        image: {
          kind: 'oci-layout',
          spec: 'oci:img:localhost/name:1',
          path: `${PROJECT}/img`,
          reference: 'localhost/name:1',
        },
      },
    ],
    [
      'an OCI archive at a digest',
      { image: `oci-archive:out/model.tar@sha256:${'a'.repeat(64)}` },
      {
        image: {
          kind: 'oci-archive',
          spec: `oci-archive:out/model.tar@sha256:${'a'.repeat(64)}`,
          path: `${PROJECT}/out/model.tar`,
          reference: `sha256:${'a'.repeat(64)}`,
        },
      },
    ],
    [
      'a docker-archive',
      { image: 'docker-archive:img.tar' },
      {
        image: {
          kind: 'docker-archive',
          spec: 'docker-archive:img.tar',
          file: `${PROJECT}/img.tar`,
        },
      },
    ],
    [
      'a prebuilt image in the same registry is mounted',
      { image: 'ghcr.io/acme/base@sha256:' + 'a'.repeat(64) },
      {
        image: {
          kind: 'registry',
          spec: 'ghcr.io/acme/base@sha256:' + 'a'.repeat(64),
          repository: 'ghcr.io/acme/base',
          reference: 'sha256:' + 'a'.repeat(64),
          mountFrom: 'acme/base',
          login: undefined,
        },
      },
    ],
    [
      'a prebuilt image on Docker Hub is copied, not mounted',
      { image: 'ubuntu:24.04' },
      {
        image: {
          kind: 'registry',
          spec: 'ubuntu:24.04',
          repository: 'index.docker.io/library/ubuntu',
          reference: '24.04',
          mountFrom: undefined,
          login: undefined,
        },
      },
    ],
  ])('%s', (_, values, expected) => {
    expect(plan(values)).toMatchObject(expected);
  });

  it('binds username/password to the destination host, and hands the same binding to a source', () => {
    const p = plan({ username: 'bot', password: 'pw', image: 'docker.io/acme/app:v1' });
    expect(p.login).toEqual({ host: 'ghcr.io', username: 'bot', password: 'pw' });
    // Bound to ghcr.io still: the Docker Hub client finds it does not match its host.
    expect(p.image).toMatchObject({ kind: 'registry', login: { host: 'ghcr.io' } });
    expect(
      plan({ username: 'bot', password: 'pw', to: 'oci-layout:/out', build: 'buildah' }).login,
    ).toBeUndefined();
  });

  it('uses a replicate-token only for Replicate’s registry, and never beside a login', () => {
    const r8 = project('r8.im/acme/flux:v1');
    expect(plan({ 'replicate-token': 'r8_x' }, r8).replicateToken).toBe('r8_x');
    expect(plan({ 'replicate-token': 'r8_x' }).replicateToken).toBeUndefined();
    expect(
      plan({ 'replicate-token': 'r8_x', username: 'u', password: 'p' }, r8).replicateToken,
    ).toBeUndefined();
  });

  it('a legacy image project publishes the image at its own tag', () => {
    const p = plan({ image: 'oci-layout:image' }, project('ghcr.io/acme/app:v2', 'image'));
    expect(p).toMatchObject({ format: 'image', tag: 'v2', imageTag: 'v2' });
  });

  it('tags: the model tag first, then the rest of tags; full refs must name the destination', () => {
    // The project resolved the model tag from the first of tags (COG_MODEL_TAG).
    const p = plan({ tags: 'ghcr.io/acme/flux:v2,v1,latest' }, project('ghcr.io/acme/flux:v2'));
    expect(p.tag).toBe('v2');
    expect(p.tags).toEqual(['v2', 'v1', 'latest']);
    expect(() => plan({ tags: 'docker.io/acme/flux:v2' })).toThrow(
      /input 'tags': docker.io\/acme\/flux:v2 names docker.io\/acme\/flux, but the model goes to ghcr.io\/acme\/flux/,
    );
  });

  it.each([
    ['acme/flux:v2', 'docker.io/acme/flux:v1'],
    ['docker.io/acme/flux:v2', 'acme/flux:v1'],
    ['index.docker.io/acme/flux:v2', 'docker.io/acme/flux:v1'],
    ['busybox:v2', 'docker.io/library/busybox:v1'],
  ])(
    "tags: metadata-action's Docker Hub refs name the Hub destination (%s, %s)",
    (first, second) => {
      const model = `${first.slice(0, first.lastIndexOf(':'))}:v2`;
      const p = plan({ tags: `${first},${second}` }, project(model));
      expect(p.tags).toEqual(['v2', 'v1']);
    },
  );

  it('runners other than Linux: the cache is off with a reason, buildah is refused by name', () => {
    const mac = readRuntimeEnv({ GITHUB_WORKSPACE: WORKSPACE }, '/elsewhere', 'darwin');
    const onMac = planPublish(inputs({}), project(), mac);
    expect(onMac.cache).toEqual({
      enabled: false,
      maxSize: 2e9,
      off: 'the weight cache runs on Linux runners only; off on this darwin runner (weights come from the registry or their sources)',
    });
    // Asked off, it is simply off.
    expect(planPublish(inputs({ cache: 'false' }), project(), mac).cache).toEqual({
      enabled: false,
      maxSize: 2e9,
    });
    const win = readRuntimeEnv({ GITHUB_WORKSPACE: WORKSPACE }, '/elsewhere', 'win32');
    expect(() => planPublish(inputs({ build: 'buildah' }), project(), win)).toThrow(
      /^build: buildah runs on Linux only, and this runner is win32/,
    );
    expect(plan({}).cache).toEqual({ enabled: true, maxSize: 2e9 });
  });

  it('carries the settings through', () => {
    const p = plan({
      'dry-run': 'true',
      concurrency: '8',
      verify: 'full',
      cache: 'false',
      'import-weights': 'true',
      platform: 'linux/arm64',
    });
    expect(p).toMatchObject({
      dryRun: true,
      concurrency: 8,
      verify: 'full',
      cache: { enabled: false, maxSize: 2e9 },
      importWeights: true,
      platform: { os: 'linux', architecture: 'arm64' },
      lockPath: path.join(PROJECT, 'weights.lock'),
    });
  });

  it.each([
    [
      { build: 'cog', to: 'oci-layout:/out' },
      /build: cog pushes to a registry; use build: buildah/,
    ],
    [{ build: 'docker', to: 'oci-layout:/out' }, /build: docker pushes to a registry/],
    [{ image: 'Not A Ref!' }, /^could not parse reference: Not A Ref!/],
    [
      { to: 'oci-layout:' },
      /^input `to`: oci-layout: needs a directory, e.g. oci-layout:\.\/bundle$/,
    ],
  ])('refuses %j before anything is pushed', (values, message) => {
    expect(() => plan(values)).toThrow(message);
  });

  it('refuses a digest-pinned model reference', () => {
    expect(() => plan({}, project('ghcr.io/acme/flux@sha256:' + 'b'.repeat(64)))).toThrow(
      /cannot push to digest-pinned ref/,
    );
  });
});

describe('planTransfer', () => {
  it('needs a destination when there is no model', () => {
    expect(() => planTransfer(inputs({}), undefined, runtime)).toThrow(/no destination: set `to`/);
    expect(planTransfer(inputs({ to: 'oci-layout:x' }), undefined, runtime).destination).toEqual({
      kind: 'layout',
      ref: `oci-layout:${WORKSPACE}/x`,
      dir: `${WORKSPACE}/x`,
    });
  });
});
