// The builder runs with the user's Docker configuration plus the destination login: their
// other logins, credential helpers, proxies and buildx builder survive, a credential store
// does not shadow the destination, and nothing of it outlives the build.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, USER, startRegistry, type Registry } from './helpers/registry.js';
import { actionRunner, errorLines, EXAMPLE } from './helpers/action.js';
import { tempDir, writeTree } from './helpers/tmp.js';
import { startStandInDaemon, type StandInDaemon } from './helpers/standin-daemon.js';
import { builderDockerConfig } from '../src/image/docker-config.js';

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

// The runner cancels a step with SIGINT, then SIGTERM: the builder's whole group stops (an
// orphan would go on and push cog-image.<tag>), the config with the password goes, and the
// step ends with the signal's code.
describe('a cancelled step', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'registry-cancel'), { htpasswd: true });
  });
  afterAll(() => registry.stop());

  /** A process that still runs: a zombie waiting for a reaper (PID 1 here may not be one) is dead. */
  const alive = (pid: number) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
    } catch {
      return false;
    }
  };

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`on ${signal}: the builder group is stopped, its Docker config removed, exit ${code}`, async () => {
      const log = path.join(root, `cancel-${signal}.log`);
      const bin = path.join(root, `bin-cancel-${signal}`);
      // A builder that starts a child of its own, then would push after a while.
      writeTree(bin, {
        docker: `#!/bin/sh
[ "$1 $2" = "buildx version" ] && exit 0
sleep 30 &
echo "child=$!" >> "${log}"
echo "config=$DOCKER_CONFIG" >> "${log}"
echo "builder=$$" >> "${log}"
sleep 20
ref=""; prev=""; for a in "$@"; do [ "$prev" = "-t" ] && ref="$a"; prev="$a"; done
exec skopeo copy --quiet --dest-tls-verify=false --dest-creds "${USER}:${PASSWORD}" "oci:${EXAMPLE}/image:latest" "docker://$ref"
`,
      });
      chmodSync(path.join(bin, 'docker'), 0o755);
      const started = Date.now();
      let signalled = 0;
      const r = await runAction(
        {
          'working-directory': 'examples/hello',
          registry: registry.host,
          repository: `cancel/${signal.toLowerCase()}`,
          tag: 'v1',
          build: 'docker',
          username: USER,
          password: PASSWORD,
        },
        { PATH: `${bin}:${process.env['PATH']}` },
        (child) => {
          const poll = setInterval(() => {
            if (!existsSync(log) || !readFileSync(log, 'utf8').includes('builder=')) return;
            clearInterval(poll);
            signalled = Date.now();
            child.kill(signal);
          }, 50);
          child.once('exit', () => clearInterval(poll));
        },
      );
      expect(signalled).toBeGreaterThan(0);
      expect(r.status).toBe(code);
      expect(r.stdout).toContain(`::error::received ${signal}: stopping the build`);
      const seen = lines(log);
      // The builder and the child it started are gone; so is the config with the password.
      expect(alive(Number(seen['builder']))).toBe(false);
      expect(alive(Number(seen['child']))).toBe(false);
      expect(existsSync(seen['config']!)).toBe(false);
      expect(existsSync(path.dirname(seen['config']!))).toBe(false);
      // Nothing was published, and it ended well before the builder would have pushed.
      const res = await fetch(
        `http://${registry.host}/v2/cancel/${signal.toLowerCase()}/tags/list`,
        {
          headers: {
            authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`,
          },
        },
      );
      expect(res.status).toBe(404);
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect(Date.now() - started).toBeLessThan(20_000);
    });
  }
});

// The real docker CLI (Debian docker.io) reads the config we write and sends the login it
// found with a push: a stand-in daemon records it, so no registry or network is needed.
describe('the login the real docker CLI finds in our config', () => {
  const cli = ['/usr/bin/docker', '/usr/local/bin/docker'].find((c) => existsSync(c));
  const login = { username: 'hub-user', password: 'hub-secret' };
  const otherHubLogin = Buffer.from('runner-user:runner-secret').toString('base64');
  let daemon: StandInDaemon;
  beforeAll(async () => {
    daemon = await startStandInDaemon(mkdtempSync(path.join(root, 'daemon-')));
  });
  afterAll(() => daemon.stop());

  async function pushWith(host: string, ref: string, user: string | undefined) {
    const work = mkdtempSync(path.join(root, 'work-'));
    const made = await builderDockerConfig(work, { host, ...login }, user);
    const before = daemon.pushes.length;
    // Asynchronously: the stand-in daemon answers from this process.
    const r = await promisify(execFile)(cli!, ['push', ref], {
      env: {
        PATH: [made.binDir, process.env['PATH']].filter(Boolean).join(':'),
        DOCKER_CONFIG: made.dir,
        DOCKER_HOST: daemon.host,
        HOME: work,
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.stderr).toBe('');
    expect(daemon.pushes.length).toBe(before + 1);
    return daemon.pushes.at(-1)!.auth;
  }

  const hub = { ...login, serveraddress: 'https://index.docker.io/v1/' };
  const cases: [string, string, Record<string, unknown> | undefined][] = [
    ['no config of the user', 'index.docker.io', undefined],
    [
      'the runner holds another Hub login',
      'index.docker.io',
      { auths: { 'https://index.docker.io/v1/': { auth: otherHubLogin } } },
    ],
    [
      'another Hub login under an alias',
      'docker.io',
      {
        auths: {
          'docker.io': { auth: otherHubLogin },
          'registry-1.docker.io': { auth: otherHubLogin },
        },
      },
    ],
    [
      'a credential store (Docker Desktop, with its own bin/)',
      'index.docker.io',
      { credsStore: 'desktop', auths: { 'https://index.docker.io/v1/': {} } },
    ],
    [
      'a helper of the user for the Hub',
      'index.docker.io',
      { credHelpers: { 'https://index.docker.io/v1/': 'users-own' } },
    ],
  ];
  for (const [name, host, userConfig] of cases) {
    for (const ref of ['docker.io/someone/model:v1', 'someone/model:v1']) {
      it.skipIf(!cli)(`Docker Hub, ${name}: ${ref}`, async () => {
        let user: string | undefined;
        if (userConfig) {
          user = mkdtempSync(path.join(root, 'user-'));
          mkdirSync(path.join(user, 'bin'));
          writeFileSync(path.join(user, 'config.json'), JSON.stringify(userConfig));
        }
        expect(await pushWith(host, ref, user)).toEqual(hub);
      });
    }
  }

  it.skipIf(!cli)(
    'another registry: the login under its host, with a credential store too',
    async () => {
      const user = mkdtempSync(path.join(root, 'user-'));
      writeFileSync(path.join(user, 'config.json'), JSON.stringify({ credsStore: 'desktop' }));
      for (const config of [undefined, user])
        expect(
          await pushWith('registry.example.com:5000', 'registry.example.com:5000/a/b:v1', config),
        ).toEqual({
          ...login,
          serveraddress: 'registry.example.com:5000',
        });
    },
  );
});
