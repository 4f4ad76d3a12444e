// The builder runs with the user's Docker configuration plus the destination login: their
// other logins, credential helpers, proxies and buildx builder survive, a credential store
// does not shadow the destination, and nothing of it outlives the build.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, USER, startRegistry, type Registry } from './helpers/registry.js';
import { actionRunner, errorLines, EXAMPLE } from './helpers/action.js';
import { tempDir, writeTree } from './helpers/tmp.js';

const root = tempDir('builder-config-');
const { runAction } = actionRunner(root);

/** A `docker` that records the config it was given, then pushes the example image with it. */
function recordingDocker(log: string): string {
  const bin = path.join(root, `bin-${path.basename(log)}`);
  writeTree(bin, {
    docker: `#!/bin/sh
[ "$1 $2" = "buildx version" ] && exit 0 # a docker with buildx, as on GitHub's runners
{
  echo "DOCKER_CONFIG=$DOCKER_CONFIG"
  echo "config.json=$(cat "$DOCKER_CONFIG/config.json")"
  echo "buildx=$(readlink "$DOCKER_CONFIG/buildx")"
  echo "cli-plugins=$(readlink "$DOCKER_CONFIG/cli-plugins")"
  if command -v docker-credential-cog-push-login >/dev/null; then
    echo "helper=$(echo "$HOST" | docker-credential-cog-push-login get)"
  fi
} >> "${log}"
ref=""; prev=""; for a in "$@"; do [ "$prev" = "-t" ] && ref="$a"; prev="$a"; done
exec skopeo copy --quiet --preserve-digests --dest-tls-verify=false --dest-creds "${USER}:${PASSWORD}" "oci:${EXAMPLE}/image:latest" "docker://$ref"
`,
  });
  chmodSync(path.join(bin, 'docker'), 0o755);
  return bin;
}

/** The user's Docker config directory: other logins, a helper, proxies, a buildx builder. */
function userDockerConfig(name: string, extra: Record<string, unknown> = {}): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'buildx', 'instances'), { recursive: true });
  mkdirSync(path.join(dir, 'cli-plugins'), { recursive: true });
  writeFileSync(path.join(dir, 'buildx', 'current'), '{"Key":"builder-from-setup-buildx"}');
  writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({
      auths: { 'nvcr.io': { auth: Buffer.from('$oauthtoken:nv-key').toString('base64') } },
      credHelpers: { 'gcr.io': 'gcloud' },
      proxies: { default: { httpsProxy: 'http://proxy.corp:3128' } },
      ...extra,
    }),
  );
  return dir;
}

const lines = (log: string) =>
  Object.fromEntries(
    readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

describe("the builder's Docker config", () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'registry'), { htpasswd: true });
  });
  afterAll(() => registry.stop());

  const publish = (repository: string, bin: string, dockerConfig: string) =>
    runAction(
      {
        'working-directory': 'examples/hello',
        registry: registry.host,
        repository,
        tag: 'v1',
        build: 'docker',
        username: USER,
        password: PASSWORD,
      },
      { PATH: `${bin}:${process.env['PATH']}`, DOCKER_CONFIG: dockerConfig, HOST: registry.host },
    );

  it("is the user's, with the destination login added and buildx/ and cli-plugins/ linked", async () => {
    const user = userDockerConfig('user');
    const before = readFileSync(path.join(user, 'config.json'), 'utf8');
    const log = path.join(root, 'plain.log');
    const r = await publish('cfg/plain', recordingDocker(log), user);
    expect(errorLines(r)).toEqual([]);
    const seen = lines(log);
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    expect(JSON.parse(seen['config.json']!)).toEqual({
      auths: {
        'nvcr.io': { auth: Buffer.from('$oauthtoken:nv-key').toString('base64') },
        [registry.host]: { auth },
      },
      credHelpers: { 'gcr.io': 'gcloud' },
      proxies: { default: { httpsProxy: 'http://proxy.corp:3128' } },
    });
    expect(seen['buildx']).toBe(path.join(user, 'buildx'));
    expect(seen['cli-plugins']).toBe(path.join(user, 'cli-plugins'));
    expect(seen['helper']).toBeUndefined();
    // Gone afterwards; the user's own config untouched.
    expect(existsSync(seen['DOCKER_CONFIG']!)).toBe(false);
    expect(readFileSync(path.join(user, 'config.json'), 'utf8')).toBe(before);
  });

  it('with a credential store, the destination gets a helper of its own that the store cannot shadow', async () => {
    const user = userDockerConfig('store', { credsStore: 'desktop' });
    // The user's helper for the destination itself is replaced too.
    const config = JSON.parse(readFileSync(path.join(user, 'config.json'), 'utf8'));
    config.credHelpers = { 'gcr.io': 'gcloud', [registry.host]: 'users-own' };
    writeFileSync(path.join(user, 'config.json'), JSON.stringify(config));
    const log = path.join(root, 'store.log');
    const r = await publish('cfg/store', recordingDocker(log), user);
    expect(errorLines(r)).toEqual([]);
    const seen = lines(log);
    const merged = JSON.parse(seen['config.json']!);
    expect(merged.credsStore).toBe('desktop');
    expect(merged.credHelpers).toEqual({ 'gcr.io': 'gcloud', [registry.host]: 'cog-push-login' });
    expect(JSON.parse(seen['helper']!)).toEqual({
      ServerURL: registry.host,
      Username: USER,
      Secret: PASSWORD,
    });
    expect(existsSync(seen['DOCKER_CONFIG']!)).toBe(false);
    // The password reached the builder through its config only, never the log.
    expect(r.stdout.replace(`::add-mask::${PASSWORD}`, '')).not.toContain(PASSWORD);
  });
});
