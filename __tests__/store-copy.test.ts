// A file that streams into the registry as it downloads (a file of 64 MiB or more is its own
// plain tar layer, taken as it arrives) is written to the local store as well only when
// something will save the store: the Actions cache. With no cache service, that second write
// of every byte served nothing (and cost more than the upload); a small file, which is packed
// from its local copy, is kept either way.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeImageLayout } from '../scripts/image-layout.mjs';
import { actionRunner, errorLines } from './helpers/action.js';
import { startCacheService, type CacheService } from './helpers/cache-service.js';
import { REPO_ROOT } from './helpers/conformance.js';
import { startFileServer, type TestServer } from './helpers/file-server.js';
import { writeProject } from './helpers/project.js';
import { startRegistry, type Registry } from './helpers/registry.js';
import { pseudoRandom, tempDir } from './helpers/tmp.js';

const MiB = 1024 * 1024;
const root = tempDir('store-copy-');
const { runAction } = actionRunner(root);
const sha256 = (b: Uint8Array) => 'sha256:' + createHash('sha256').update(b).digest('hex');

const big = pseudoRandom(64 * MiB, 7);
const small = new TextEncoder().encode('{"architectures":["Tiny"]}\n');

describe('the local copy of a file streamed into the registry', () => {
  let registry: Registry;
  let service: CacheService;
  let server: TestServer;
  let image: string;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'registry'));
    service = await startCacheService();
    server = await startFileServer({ 'model.safetensors': big, 'config.json': small });
    image = path.join(root, 'image');
    await writeImageLayout(image, [
      { path: 'src/predict.py', source: path.join(REPO_ROOT, 'examples/hello/predict.py') },
    ]);
  }, 30_000);
  afterAll(async () => {
    await server.close();
    await service.stop();
    await registry.stop();
  });

  /** An import-weights publish of a fresh project into `repository`, its store in `store`. */
  async function publish(name: string, env: Record<string, string>) {
    const dir = writeProject(path.join(root, name), {
      model: `${registry.host}/copy/${name}`,
      weights: [
        {
          name: 'w',
          uri: [`${server.origin}/model.safetensors`, `${server.origin}/config.json`],
        },
      ],
    });
    const store = path.join(root, `${name}-store`);
    const r = await runAction(
      {
        'working-directory': path.relative(REPO_ROOT, dir),
        tag: 'v1',
        build: 'none',
        image: `oci-layout:${image}`,
        'import-weights': 'true',
      },
      { ...env, COG_PUSH_STORE_DIR: store },
    );
    expect(errorLines(r)).toEqual([]);
    const kept = (bytes: Uint8Array) =>
      existsSync(path.join(store, 'sha256', sha256(bytes).slice('sha256:'.length)));
    return { kept };
  }

  it('no cache service: the streamed file gets no copy, the small file does', async () => {
    const { kept } = await publish('uncached', {});
    expect(kept(big)).toBe(false);
    expect(kept(small)).toBe(true);
  });

  it('with the cache service: the streamed file is kept, and saved', async () => {
    const { kept } = await publish('cached', service.env);
    expect(kept(big)).toBe(true);
    expect(kept(small)).toBe(true);
    expect(service.keys()).toEqual([expect.stringMatching(/^cog-weights-linux-[0-9a-f]{64}$/)]);
  });
});
