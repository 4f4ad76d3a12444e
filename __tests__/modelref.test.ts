import { describe, expect, it } from 'vitest';
import {
  assertPushable,
  NO_MODEL_REF,
  resolveModelRef,
  type ModelRefEnv,
  type ModelFields,
} from '../src/cog/modelref.js';
import { referenceString } from '../src/oci/reference.js';

const NOW = new Date('2026-05-08T15:30:42.123Z');
const TS = '20260508T153042Z';
const DIGEST = 'sha256:' + '1234567890abcdef'.repeat(4);

function resolve(fields: ModelFields, env: ModelRefEnv = {}) {
  let reads = 0;
  const target = resolveModelRef(fields, env, () => {
    reads++;
    return NOW;
  });
  expect(reads).toBeLessThanOrEqual(1);
  return target;
}

const ok: [string, ModelFields, ModelRefEnv, string][] = [
  [
    'model with host',
    { model: 'registry.example.com/user/model' },
    {},
    `registry.example.com/user/model:${TS}`,
  ],
  [
    'registry override',
    { model: 'user/model' },
    { COG_MODEL_REGISTRY: 'staging.io' },
    `staging.io/user/model:${TS}`,
  ],
  [
    'host-less model goes to Docker Hub',
    { model: 'user/model' },
    {},
    `index.docker.io/user/model:${TS}`,
  ],
  ['repo only goes to r8.im', {}, { COG_MODEL_REPO: 'user/model' }, `r8.im/user/model:${TS}`],
  [
    'COG_MODEL wins over invalid everything',
    { model: 'INVALID UPPERCASE/with spaces' },
    {
      COG_MODEL: 'staging.io/foo/bar:v3',
      COG_MODEL_REGISTRY: 'not/a/host',
      COG_MODEL_REPO: 'user/model:tag',
      COG_MODEL_TAG: 'cog-reserved',
    },
    'staging.io/foo/bar:v3',
  ],
  ['COG_MODEL without tag', {}, { COG_MODEL: 'staging.io/foo/bar' }, `staging.io/foo/bar:${TS}`],
  [
    'COG_MODEL with port',
    {},
    { COG_MODEL: 'localhost:5000/foo/bar' },
    `localhost:5000/foo/bar:${TS}`,
  ],
  [
    'COG_MODEL with port and tag',
    {},
    { COG_MODEL: 'localhost:5000/foo/bar:v3' },
    'localhost:5000/foo/bar:v3',
  ],
  [
    'COG_MODEL digest',
    {},
    { COG_MODEL: `staging.io/foo/bar@${DIGEST}` },
    `staging.io/foo/bar@${DIGEST}`,
  ],
  [
    'tag override',
    { model: 'registry.example.com/user/model' },
    { COG_MODEL_TAG: 'pr-42' },
    'registry.example.com/user/model:pr-42',
  ],
  [
    'repo override keeps the model registry',
    { model: 'registry.example.com/user/model' },
    { COG_MODEL_REPO: 'different/repo' },
    `registry.example.com/different/repo:${TS}`,
  ],
  [
    'one-component Docker Hub path gains library/',
    { model: 'my-model' },
    {},
    `index.docker.io/library/my-model:${TS}`,
  ],
  ['COG_MODEL host-less', {}, { COG_MODEL: 'user/model' }, `index.docker.io/user/model:${TS}`],
  [
    'localhost without port is a path',
    { model: 'localhost/foo' },
    {},
    `index.docker.io/localhost/foo:${TS}`,
  ],
  ['docker.io alias', { model: 'docker.io/acme/m' }, {}, `index.docker.io/acme/m:${TS}`],
  [
    'COG_REGISTRY_HOST replaces r8.im',
    {},
    { COG_MODEL_REPO: 'a/b', COG_REGISTRY_HOST: 'r.example.com' },
    `r.example.com/a/b:${TS}`,
  ],
];

describe('resolveModelRef', () => {
  it.each(ok)('%s', (_, fields, env, want) => {
    const target = resolve(fields, env);
    expect(target.format).toBe('bundle');
    expect(referenceString(target.ref)).toBe(want);
  });

  it('splits registry, repository, tag and digest', () => {
    expect(resolve({}, { COG_MODEL: 'localhost:5000/foo/bar' }).ref).toEqual({
      registry: 'localhost:5000',
      repository: 'foo/bar',
      tag: TS,
      digest: null,
    });
    expect(resolve({}, { COG_MODEL: `staging.io/foo/bar@${DIGEST}` }).ref).toEqual({
      registry: 'staging.io',
      repository: 'foo/bar',
      tag: null,
      digest: DIGEST,
    });
  });

  it('a digest ref cannot be pushed to', () => {
    const { ref } = resolve({}, { COG_MODEL: `staging.io/foo/bar@${DIGEST}` });
    expect(() => assertPushable(ref)).toThrow(/cannot push to digest-pinned ref .*requires a tag/);
    expect(() => assertPushable(resolve({}, { COG_MODEL: 'a.io/b/c:v1' }).ref)).not.toThrow();
  });

  it('legacy image: without a model ref publishes the image', () => {
    const target = resolve({ image: 'ghcr.io/owner/repo' });
    expect(target.format).toBe('image');
    expect(referenceString(target.ref)).toBe('ghcr.io/owner/repo:latest');
  });

  const errors: [string, ModelFields, ModelRefEnv, RegExp][] = [
    ['nothing at all', {}, {}, /^no model ref — set 'model' in cog.yaml or COG_MODEL$/],
    ['registry only', {}, { COG_MODEL_REGISTRY: 'staging.io' }, /no model ref/],
    [
      'image with COG_MODEL_REPO',
      { image: 'ghcr.io/owner/repo' },
      { COG_MODEL_REPO: 'acct/model' },
      /'image' in cog.yaml cannot be combined with COG_MODEL\* env vars\n {2}remove 'image'/,
    ],
    [
      'image with COG_MODEL',
      { image: 'ghcr.io/owner/repo' },
      { COG_MODEL: 'registry.example.com/acct/model:v1' },
      /cannot be combined/,
    ],
    [
      'reserved cog-image.',
      { model: 'registry.example.com/user/model' },
      { COG_MODEL_TAG: 'cog-image.foo' },
      /COG_MODEL_TAG "cog-image.foo": "cog-" is a reserved prefix/,
    ],
    [
      'reserved cog-weight.',
      { model: 'registry.example.com/user/model' },
      { COG_MODEL_TAG: 'cog-weight.bar' },
      /reserved prefix/,
    ],
    [
      'reserved cog-',
      { model: 'registry.example.com/user/model' },
      { COG_MODEL_TAG: 'cog-something' },
      /reserved prefix/,
    ],
    [
      'bad tag',
      { model: 'registry.example.com/user/model' },
      { COG_MODEL_TAG: '-bad-tag' },
      /invalid COG_MODEL_TAG "-bad-tag"/,
    ],
    [
      'registry with path',
      { model: 'user/model' },
      { COG_MODEL_REGISTRY: 'not-a-host/with/path' },
      /invalid COG_MODEL_REGISTRY "not-a-host\/with\/path": must be a bare host/,
    ],
    [
      'registry with tag',
      { model: 'user/model' },
      { COG_MODEL_REGISTRY: 'host.example.com:tag' },
      /invalid COG_MODEL_REGISTRY/,
    ],
    [
      'registry with digest',
      { model: 'user/model' },
      { COG_MODEL_REGISTRY: 'host.example.com@sha256:abc' },
      /invalid COG_MODEL_REGISTRY/,
    ],
    [
      'repo with tag',
      {},
      { COG_MODEL_REPO: 'user/model:v1' },
      /invalid COG_MODEL_REPO "user\/model:v1": must be a bare repository path/,
    ],
    ['repo with digest', {}, { COG_MODEL_REPO: 'user/model@sha256:abc' }, /invalid COG_MODEL_REPO/],
    [
      'invalid model',
      { model: 'INVALID UPPERCASE/with spaces' },
      {},
      /invalid 'model' in cog.yaml/,
    ],
    ['invalid COG_MODEL', {}, { COG_MODEL: 'UPPER/case' }, /^invalid COG_MODEL value: /],
  ];

  it.each(errors)('error: %s', (_, fields, env, want) => {
    expect(() => resolve(fields, env)).toThrow(want);
  });

  it('states the no-ref error exactly', () => {
    expect(NO_MODEL_REF).toBe("no model ref — set 'model' in cog.yaml or COG_MODEL");
  });
});
