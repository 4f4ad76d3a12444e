// Credentials stay home: explicit `username`/`password` belong to the destination registry
// alone. A prebuilt image on another registry gets what the Docker config has for that host,
// else nothing, whether it answers with Basic or with a Bearer token realm.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionRunner, errorLines, PREBUILT } from './helpers/action.js';
import {
  PASSWORD,
  USER,
  skopeoRaw,
  startFaultProxy,
  startRegistry,
  startTokenServer,
  type FaultProxy,
  type Registry,
  type TokenServer,
} from './helpers/registry.js';
import { tempDir } from './helpers/tmp.js';

const root = tempDir('security-');
const { runAction } = actionRunner(root);

/** The destination's own password: it must never reach the image's registry. */
const DEST_PASSWORD = 'destination-only-password';
const basic = (user: string, pass: string) =>
  'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');

describe('explicit credentials go to the destination registry only', () => {
  let destination: Registry;
  beforeAll(async () => {
    destination = await startRegistry(path.join(root, 'dest'), {
      htpasswd: true,
      password: DEST_PASSWORD,
    });
  }, 30_000);
  afterAll(() => destination.stop());

  const publishFrom = (image: string, env: NodeJS.ProcessEnv = {}) =>
    runAction(
      {
        'working-directory': 'examples/hello',
        registry: destination.host,
        repository: 'dest/model',
        tag: 'v1',
        username: USER,
        password: DEST_PASSWORD,
        build: 'none',
        image,
      },
      env,
    );

  describe.each(['basic', 'bearer'] as const)('a source registry with %s auth', (mode) => {
    let tokens: TokenServer | undefined;
    let source: Registry;
    let spy: FaultProxy;
    const seen: (string | undefined)[] = [];
    const dockerConfig = path.join(root, `docker-config-${mode}`);
    /** Every Authorization the source side received: registry (through the spy) and realm. */
    const offered = () => [...seen, ...(tokens?.requests.map((t) => t.authorization) ?? [])];
    beforeAll(async () => {
      if (mode === 'bearer') tokens = await startTokenServer(path.join(root, 'token'));
      source = await startRegistry(
        path.join(root, `source-${mode}`),
        tokens ? { token: tokens } : { htpasswd: true },
      );
      spy = await startFaultProxy(source.host, (req) => {
        seen.push(req.headers.authorization);
        return { kind: 'pass' };
      });
      // The image to copy: the example's, published into the source registry with its login.
      const seed = await runAction({
        'working-directory': 'examples/hello',
        registry: source.host,
        repository: 'seed/model',
        tag: 'v1',
        username: USER,
        password: PASSWORD,
        ...PREBUILT,
      });
      expect(seed.status).toBe(0);
      // The source's own login, as `docker login` leaves it.
      mkdirSync(dockerConfig, { recursive: true });
      writeFileSync(
        path.join(dockerConfig, 'config.json'),
        JSON.stringify({
          auths: { [spy.host]: { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') } },
        }),
      );
    }, 60_000);
    afterAll(async () => {
      await spy.stop();
      await source.stop();
      await tokens?.stop();
    });

    it("gets the Docker config's login for its host, never the destination's", async () => {
      seen.length = 0;
      tokens?.requests.splice(0);
      const r = await publishFrom(`${spy.host}/seed/model:cog-image.v1`, {
        DOCKER_CONFIG: dockerConfig,
      });
      expect(errorLines(r)).toEqual([]);
      expect(r.status).toBe(0);
      expect(seen.length).toBeGreaterThan(0);
      expect(offered()).not.toContain(basic(USER, DEST_PASSWORD));
      expect(offered()).toContain(basic(USER, PASSWORD));
      // The destination got its own login: the index is there, behind it.
      const raw = await skopeoRaw(`${destination.host}/dest/model:v1`, `${USER}:${DEST_PASSWORD}`);
      expect(raw.length).toBeGreaterThan(0);
    });

    it('without a login for its host it is asked anonymously, and its refusal names it', async () => {
      seen.length = 0;
      tokens?.requests.splice(0);
      const r = await publishFrom(`${spy.host}/seed/model:cog-image.v1`, {
        DOCKER_CONFIG: path.join(root, 'no-docker-config'),
      });
      expect(r.status).toBe(1);
      expect(errorLines(r)).toHaveLength(1);
      expect(errorLines(r)[0]).toContain(spy.host);
      expect(seen.length).toBeGreaterThan(0);
      expect(offered().filter((h) => h !== undefined && !h.startsWith('Bearer '))).toEqual([]);
    });
  });
});
