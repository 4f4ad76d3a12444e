// The mistakes a new user makes on a first run, each answered in one line that names the thing
// at fault and the fix. Each line is asserted whole.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCogConfig } from '../src/cog/config.js';
import { parseInputs } from '../src/config/inputs.js';
import { RegistryTarget } from '../src/oci/registry/client.js';
import {
  PASSWORD,
  startFaultProxy,
  startRegistry,
  USER,
  type FaultProxy,
  type Registry,
} from './helpers/registry.js';
import { tempDir, writeTree } from './helpers/tmp.js';

const root = tempDir('first-run-');

const configError = (yaml: string): string => {
  try {
    parseCogConfig(yaml, 'cog.yaml', '/p');
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe("a new user's first mistakes, one line each", () => {
  it.each([
    [
      'a misspelled top-level key',
      'model: r.example.com/a/b\nweigths:\n  - name: w\n',
      "cog.yaml: weigths: unknown key — did you mean 'weights'? (cog.yaml's keys are build, concurrency, environment, image, model, predict, run, tests, train, weights)",
    ],
    [
      'one tab: one line, its position once',
      'model: r.example.com/a/b\nweights:\n  - name: w\n\t  target: /w\n',
      'cog.yaml: line 4, column 1: Tabs are not allowed as indentation (indent with spaces)',
    ],
    [
      'weights without model (and no image either)',
      'weights:\n  - name: w\n    target: /w\n    source: { uri: ./w }\n',
      "cog.yaml: model: weights require 'model' in cog.yaml: add `model: REGISTRY/OWNER/NAME` (where the model is published)",
    ],
  ])('%s', (_, yaml, line) => {
    expect(configError(yaml)).toBe(line);
  });

  it('a reserved tag names the input it came from, not COG_MODEL_TAG', () => {
    expect(() =>
      parseInputs((n) => ({ tag: 'cog-v1' })[n] ?? '', { workspace: '/w', modelRef: {} }),
    ).toThrow(/^input 'tag': "cog-v1": "cog-" is a reserved prefix — choose a different tag$/);
  });
});

describe('a registry that says no', () => {
  let registry: Registry;
  let proxy: FaultProxy;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'registry'), { htpasswd: true });
    proxy = await startFaultProxy(registry.host, (req) =>
      req.method === 'PUT' || req.method === 'POST'
        ? {
            kind: 'status',
            status: 403,
            headers: { 'content-type': 'application/json' },
            body: '{"errors":[{"code":"DENIED","message":"permission_denied: write_package"}]}',
          }
        : { kind: 'pass' },
    );
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
  });

  it('a refused write says what a push needs', async () => {
    const t = new RegistryTarget(proxy.host, 'acme/model', {
      credentials: { explicit: { host: proxy.host, username: USER, password: PASSWORD } },
    });
    try {
      const bytes = new TextEncoder().encode('{}');
      await expect(
        t.putManifest(bytes, 'application/vnd.oci.image.manifest.v1+json', 'v1'),
      ).rejects.toThrow(
        `${proxy.host}: PUT /v2/acme/model/manifests/v1 answered 403 (DENIED: permission_denied: write_package): the credentials may read this repository but not write it; use a login with push access`,
      );
    } finally {
      await t.close();
    }
  });

  it('a login kept under another form of the host: the error says where it looked and what it found', async () => {
    const port = registry.host.split(':')[1]!;
    const dockerConfigDir = writeTree(path.join(root, 'docker'), {
      'config.json': JSON.stringify({ auths: { [`localhost:${port}`]: { auth: 'Y29nOng=' } } }),
    });
    const t = new RegistryTarget(registry.host, 'acme/model', { credentials: { dockerConfigDir } });
    try {
      await expect(t.hasManifest('v1')).rejects.toThrow(
        `anonymous (no login for ${registry.host}: looked in ${dockerConfigDir}/config.json (logins for localhost:${port}))`,
      );
    } finally {
      await t.close();
    }
  });
});
