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
});
