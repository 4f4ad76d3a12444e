// The OCI layout target under concurrent writers and with a damaged index.json.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OciLayoutTarget } from '../src/oci/layout.js';
import { MEDIA_TYPE } from '../src/oci/mediatypes.js';
import { REPO_ROOT } from './helpers/conformance.js';
import { tempDir } from './helpers/tmp.js';

const root = tempDir('layout-');
const manifest = (note: string) =>
  new TextEncoder().encode(
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPE.ociManifest, note }),
  );
const tags = (dir: string): string[] =>
  JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8'))
    .manifests.map(
      (m: { annotations: Record<string, string> }) =>
        m.annotations['org.opencontainers.image.ref.name'],
    )
    .sort();

describe('OCI layout target', () => {
  it('keeps every tag when several processes tag into one layout at once', async () => {
    const dir = path.join(root, 'shared');
    const writers = ['a', 'b', 'c', 'd'];
    const count = 15;
    const children = writers.map((w) =>
      spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(REPO_ROOT, '__tests__/helpers/layout-writer.ts'),
          dir,
          w,
          String(count),
        ],
        { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
      ),
    );
    const results = await Promise.all(
      children.map(async (child) => {
        let stderr = '';
        child.stderr!.on('data', (d) => (stderr += d));
        const [code] = await once(child, 'exit');
        return { code, stderr };
      }),
    );
    expect(results).toEqual(writers.map(() => ({ code: 0, stderr: '' })));
    const expected = writers.flatMap((w) => Array.from({ length: count }, (_, i) => `${w}-${i}`));
    expect(tags(dir)).toEqual(expected.sort());
    // Nothing of the locking is left behind.
    expect(readFileSync(path.join(dir, 'index.json'), 'utf8')).toContain('"schemaVersion": 2');
    expect(readdirSync(dir).sort()).toEqual(['blobs', 'index.json', 'oci-layout']);
  }, 60_000);

  it.each([
    ['not JSON', '{"manifests": [', /not a valid OCI image index \(.*JSON.*\)/],
    [
      'no manifests array',
      '{"schemaVersion":2}',
      /not a valid OCI image index \(no "manifests" array\)/,
    ],
    [
      'a broken descriptor',
      '{"schemaVersion":2,"manifests":[{"digest":"nope"}]}',
      /manifests\[0\] is not a descriptor/,
    ],
  ])('refuses to replace an index.json that is %s, naming the file', async (_, text, message) => {
    const dir = path.join(root, `bad-${text.length}`);
    const target = new OciLayoutTarget(dir);
    await target.putManifest(manifest('first'), MEDIA_TYPE.ociManifest, 'first');
    writeFileSync(path.join(dir, 'index.json'), text);
    const put = target.putManifest(manifest('second'), MEDIA_TYPE.ociManifest, 'second');
    await expect(put).rejects.toThrow(message);
    await expect(put).rejects.toThrow(`${path.join(dir, 'index.json')} is not a valid`);
    // The damaged file is left exactly as it was.
    expect(readFileSync(path.join(dir, 'index.json'), 'utf8')).toBe(text);
  });

  it('eight writers released together onto a dead writer’s lock keep every tag (20 rounds)', async () => {
    for (let round = 0; round < 20; round++) {
      const dir = path.join(root, `stale-race-${round}`);
      await new OciLayoutTarget(dir).putManifest(manifest('zero'), MEDIA_TYPE.ociManifest, 'zero');
      writeFileSync(path.join(dir, 'index.json.lock'), `${hostname()} 2147483646 x`);
      const writers = Array.from({ length: 8 }, (_, i) => `w${i}`);
      // Separate targets: only the lock file stands between them, as between processes.
      await Promise.all(
        writers.map((w) =>
          new OciLayoutTarget(dir).putManifest(manifest(w), MEDIA_TYPE.ociManifest, w),
        ),
      );
      expect(tags(dir)).toEqual(['zero', ...writers].sort());
      expect(readdirSync(dir).sort()).toEqual(['blobs', 'index.json', 'oci-layout']);
    }
  });

  it('breaks a lock left by a writer that died', async () => {
    const dir = path.join(root, 'stale');
    const target = new OciLayoutTarget(dir);
    await target.putManifest(manifest('one'), MEDIA_TYPE.ociManifest, 'one');
    // A pid that is not running on this host holds the lock.
    writeFileSync(path.join(dir, 'index.json.lock'), `${hostname()} 2147483646 x`);
    await target.putManifest(manifest('two'), MEDIA_TYPE.ociManifest, 'two');
    expect(tags(dir)).toEqual(['one', 'two']);
  });
});
