import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { readRuntimeEnv } from '../src/config/env.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChallenge } from '../src/oci/registry/auth.js';
import { receivedFromRange, registryScheme } from '../src/oci/registry/client.js';
import { findCredential, hostKey } from '../src/oci/registry/credentials.js';
import { tempDir, writeTree } from './helpers/tmp.js';

const root = tempDir('creds-');

describe('registry pieces', () => {
  it('parses challenges', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:pull,push"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.example.com/token',
        service: 'registry.example.com',
        scope: 'repository:a/b:pull,push',
      },
    });
    expect(parseChallenge('Basic realm="Registry Realm"')).toEqual({
      scheme: 'basic',
      params: { realm: 'Registry Realm' },
    });
    expect(parseChallenge('Negotiate abc')).toBeUndefined();
    expect(parseChallenge(undefined)).toBeUndefined();
  });

  it('reads session ranges, with distribution 0-0 as empty', () => {
    expect(receivedFromRange('0-99999')).toBe(100000);
    expect(receivedFromRange('bytes=0-9')).toBe(10);
    expect(receivedFromRange('0-0')).toBe(0);
    expect(receivedFromRange(undefined)).toBe(0);
    expect(receivedFromRange('garbage')).toBe(0);
  });

  it('uses plain HTTP only for loopback and listed registries', () => {
    expect(registryScheme('localhost:5000')).toBe('http');
    expect(registryScheme('127.0.0.1:5000')).toBe('http');
    expect(registryScheme('127.8.9.10')).toBe('http');
    expect(registryScheme('[::1]:5000')).toBe('http');
    expect(registryScheme('ghcr.io')).toBe('https');
    expect(registryScheme('localhost.example.com')).toBe('https');
    expect(registryScheme('reg.lan:5000', ['reg.lan:5000'])).toBe('http');
  });

  it('treats Docker Hub aliases as one host and everything else exactly', () => {
    for (const alias of [
      'docker.io',
      'index.docker.io',
      'registry-1.docker.io',
      'https://index.docker.io/v1/',
    ]) {
      expect(hostKey(alias)).toBe('docker.io');
    }
    expect(hostKey('https://ghcr.io')).toBe('ghcr.io');
    expect(hostKey('ghcr.io.evil.com')).not.toBe(hostKey('ghcr.io'));
  });

  it('finds Docker config credentials by exact host', async () => {
    const dir = writeTree(path.join(root, 'cfg'), {
      'config.json': JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': { auth: Buffer.from('hub:hubpass').toString('base64') },
          'ghcr.io': { auth: Buffer.from('gh:ghpass').toString('base64') },
          'quay.io': { identitytoken: 'refresh-me' },
        },
      }),
    });
    const find = (host: string) => findCredential(host, { dockerConfigDir: dir });
    expect(await find('index.docker.io')).toMatchObject({ username: 'hub', password: 'hubpass' });
    expect(await find('ghcr.io')).toMatchObject({ username: 'gh', password: 'ghpass' });
    expect(await find('quay.io')).toMatchObject({ identityToken: 'refresh-me' });
    expect(await find('gh')).toBeUndefined();
    expect(await find('other.example.com')).toBeUndefined();
    const explicit = { host: 'ghcr.io', username: 'me', password: 'pw' };
    expect(await findCredential('ghcr.io', { explicit, dockerConfigDir: dir })).toMatchObject({
      username: 'me',
    });
    // Explicit credentials belong to their host only.
    expect(await findCredential('quay.io', { explicit, dockerConfigDir: dir })).toMatchObject({
      identityToken: 'refresh-me',
    });
  });

  it('asks a credential store for Docker Hub under https://index.docker.io/v1/, as Docker keeps it', async () => {
    const dir = path.join(root, 'store');
    const asked = path.join(dir, 'asked');
    writeTree(path.join(dir, 'bin'), {
      'docker-credential-cogstore': `#!/bin/sh\nread host\necho "$host" >> "${asked}"\n[ "$host" = "https://index.docker.io/v1/" ] || { echo "credentials not found in native keychain"; exit 1; }\necho '{"ServerURL":"'$host'","Username":"hubuser","Secret":"hubpass"}'\n`,
    });
    chmodSync(path.join(dir, 'bin', 'docker-credential-cogstore'), 0o755);
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ credsStore: 'cogstore' }));
    const oldPath = process.env['PATH'];
    process.env['PATH'] = `${path.join(dir, 'bin')}:${oldPath}`;
    try {
      for (const alias of ['docker.io', 'index.docker.io', 'registry-1.docker.io'])
        expect(await findCredential(alias, { dockerConfigDir: dir })).toMatchObject({
          username: 'hubuser',
          password: 'hubpass',
          source: 'docker-credential-cogstore',
        });
      expect(await findCredential('ghcr.io', { dockerConfigDir: dir })).toBeUndefined();
    } finally {
      process.env['PATH'] = oldPath;
    }
    expect(readFileSync(asked, 'utf8').trim().split('\n')).toEqual([
      'https://index.docker.io/v1/',
      'https://index.docker.io/v1/',
      'https://index.docker.io/v1/',
      'ghcr.io',
    ]);
  });

  it("reads podman's and buildah's auth.json after the Docker config, in order", async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const docker = writeTree(path.join(root, 'auth-docker'), {
      'config.json': JSON.stringify({ auths: { 'ghcr.io': { auth: b64('dock:er') } } }),
    });
    const first = path.join(root, 'auth-first.json');
    const second = path.join(root, 'auth-second.json');
    writeFileSync(
      first,
      JSON.stringify({
        auths: {
          'ghcr.io': { auth: b64('pod:man') },
          'quay.io/acme': { auth: b64('quay:ns') },
        },
      }),
    );
    writeFileSync(
      second,
      JSON.stringify({
        auths: {
          'quay.io': { auth: b64('quay:host') },
          'nvcr.io': { auth: b64('$oauthtoken:nv') },
        },
      }),
    );
    const options = {
      dockerConfigDir: docker,
      authFiles: [first, path.join(root, 'missing.json'), second],
    };
    // The Docker config first; then each auth file in order; a missing file is skipped.
    expect(await findCredential('ghcr.io', options)).toMatchObject({ username: 'dock' });
    // `quay.io/acme` holds for acme's repositories only: others get the host's login.
    expect(await findCredential('quay.io', options, 'acme/model')).toMatchObject({
      username: 'quay',
      password: 'ns',
      source: `${first} (auths)`,
    });
    for (const repository of [undefined, 'acmecorp/model', 'other/acme'])
      expect(await findCredential('quay.io', options, repository)).toMatchObject({
        username: 'quay',
        password: 'host',
        source: `${second} (auths)`,
      });
    expect(await findCredential('nvcr.io', options)).toMatchObject({
      username: '$oauthtoken',
      source: `${second} (auths)`,
    });
    expect(await findCredential('docker.io', options)).toBeUndefined();
  });

  it('an auth.json login keyed host/namespace holds for that namespace, the most specific first', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const file = path.join(root, 'auth-namespaces.json');
    writeFileSync(
      file,
      JSON.stringify({
        auths: {
          'r.example.com/team/model': { auth: b64('repo:1') },
          'r.example.com/team': { auth: b64('team:1') },
          'r.example.com': { auth: b64('host:1') },
          'docker.io/someone': { auth: b64('hub-someone:1') },
        },
      }),
    );
    const user = async (host: string, repository: string) =>
      (await findCredential(host, { authFiles: [file] }, repository))?.username;
    expect(await user('r.example.com', 'team/model')).toBe('repo');
    expect(await user('r.example.com', 'team/model/sub')).toBe('repo');
    expect(await user('r.example.com', 'team/other')).toBe('team');
    expect(await user('r.example.com', 'teams/x')).toBe('host');
    expect(await user('index.docker.io', 'someone/model')).toBe('hub-someone');
    expect(await user('index.docker.io', 'library/busybox')).toBeUndefined();
  });

  it('finds the auth files where podman looks: REGISTRY_AUTH_FILE, XDG_RUNTIME_DIR, ~/.config', () => {
    const env = readRuntimeEnv(
      { HOME: '/home/u', REGISTRY_AUTH_FILE: '/etc/auth.json', XDG_RUNTIME_DIR: '/run/user/1000' },
      '/w',
      'linux',
    );
    expect(env.containersAuthFiles).toEqual([
      '/etc/auth.json',
      '/run/user/1000/containers/auth.json',
      '/home/u/.config/containers/auth.json',
    ]);
  });
});
