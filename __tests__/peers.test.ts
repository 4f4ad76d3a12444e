import { expect, it } from 'vitest';
import { missingPeers, missingPeersMessage, peers } from './helpers/peers.js';

it('names every missing peer, its Debian package and the setup command in one line', () => {
  const missing = missingPeers('/nonexistent-dir');
  expect(missing).toEqual(peers());
  expect(missing.map((p) => p.command)).toContain('docker-registry');
  const message = missingPeersMessage(missing.filter((p) => p.command !== 'tar'));
  expect(message).not.toContain('\n');
  expect(message).toMatch(
    /^tests need docker-registry, skopeo, buildah, htpasswd, openssl, zstd, mkfifo, dockerd, busybox \(Debian: docker-registry skopeo buildah apache2-utils openssl zstd coreutils docker\.io busybox-static\): run `bash scripts\/test\.sh`/,
  );
});

it('finds nothing missing on this machine, as the global setup checked', () => {
  expect(missingPeers()).toEqual([]);
});
