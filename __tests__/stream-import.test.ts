// Weights larger than the disk: HOME, TMPDIR, RUNNER_TEMP and the store on a 32 MiB tmpfs,
// a weight of two 64 MiB files (neither of which fits there) imported from URLs into a
// registry, with a cut on each side (the file server drops a download part way, the registry
// proxy drops a chunk part way). Each file streams from its source into its layer blob; the
// registry ends up with Cog's exact layer bytes, and no copy of them was ever on the disk.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeImageLayout } from '../scripts/image-layout.mjs';
import { STREAM_CHUNK } from '../src/oci/registry/stream-upload.js';
import { soloTarFraming } from '../src/weights/tar.js';
import { REPO_ROOT } from './helpers/conformance.js';
import { actionRunner, errorLines } from './helpers/action.js';
import {
  startFaultProxy,
  startRegistry,
  type FaultProxy,
  type Registry,
} from './helpers/registry.js';
import { cleanEnv, cli } from './helpers/cli.js';
import { fileName, listen, serveFile, type TestServer } from './helpers/file-server.js';
import { writeProject } from './helpers/project.js';
import { pseudoRandom, tempDir } from './helpers/tmp.js';

const MiB = 1024 * 1024;
const root = tempDir('stream-');
const small = path.join(root, 'small-disk');
const { runAction } = actionRunner(root);
const sha256 = (b: Uint8Array) => 'sha256:' + createHash('sha256').update(b).digest('hex');

/** Mount a 32 MiB tmpfs (root only); why not, when it cannot be. */
function mountSmallDisk(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root to mount a tmpfs';
  mkdirSync(small, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', small], {
    encoding: 'utf8',
  });
  return r.status === 0 ? undefined : `cannot mount a tmpfs here: ${r.stderr.trim()}`;
}
const skipped = mountSmallDisk();

// Files of 64 MiB and more get a plain tar layer of their own (spec/weights.md §3), the
// layers that stream; smaller ones are bundled from local copies.
const files = {
  'model-00001-of-00002.safetensors': Buffer.from(pseudoRandom(64 * MiB, 1)),
  'model-00002-of-00002.safetensors': Buffer.from(pseudoRandom(64 * MiB + 123, 2)),
  'config.json': Buffer.from('{"architectures":["Tiny"]}\n'),
};
type Name = keyof typeof files;

/** The plain tar layer Cog makes of one file: its framing around its bytes. */
function layerOf(name: string, data: Buffer): { digest: string; size: number } {
  const { before, after } = soloTarFraming(name, data.length);
  const hash = createHash('sha256').update(before).update(data).update(after);
  return {
    digest: `sha256:${hash.digest('hex')}`,
    size: before.length + data.length + after.length,
  };
}

/** Every file of the tmpfs, with its size: what the run left on the small disk. */
function onSmallDisk(dir = small): [string, number][] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const p = path.join(e.parentPath, e.name);
      return [path.relative(small, p), readFileSync(p).length] as [string, number];
    });
}

describe.skipIf(skipped !== undefined)(
  `weights larger than the disk${skipped ? ` (skipped: ${skipped})` : ''}`,
  () => {
    let registry: Registry;
    let proxy: FaultProxy;
    let server: TestServer;
    let origin = '';
    const ranges: string[] = [];
    let cutOnce = true;
    /** What the registry proxy does to the second PATCH of a run (once). */
    let secondPatch: { kind: 'drop'; afterBytes: number } | undefined;
    let patches = 0;

    beforeAll(async () => {
      registry = await startRegistry(path.join(root, 'registry'));
      proxy = await startFaultProxy(registry.host, (req) => {
        if (req.method !== 'PATCH') return { kind: 'pass' };
        const fault = ++patches === 2 ? secondPatch : undefined;
        if (fault) secondPatch = undefined;
        return fault ?? { kind: 'pass' };
      });
      server = await listen((req, res) => {
        const name = path.basename(fileName(req)) as Name;
        if (req.headers.range) ranges.push(`${name} ${req.headers.range}`);
        // The second file's first download is cut 5 MiB in.
        if (name === 'model-00002-of-00002.safetensors' && !req.headers.range && cutOnce) {
          if (req.method === 'HEAD') return void serveFile(req, res, name, files[name]);
          cutOnce = false;
          res.writeHead(200, { etag: `"${name}"`, 'content-length': String(files[name].length) });
          res.write(files[name].subarray(0, 5 * MiB), () => res.socket?.destroy());
          return;
        }
        // A validator, as a file server that resumes gives: without one a cut starts over.
        serveFile(req, res, name, files[name], { etag: () => `"${name}"` });
      });
      origin = server.origin;
    });

    afterAll(async () => {
      await server?.close();
      await proxy?.stop();
      await registry?.stop();
      spawnSync('umount', [small]);
    });

    /** A project whose one weight is the four files, each from its URL. */
    function project(name: string): string {
      return writeProject(path.join(root, name), {
        model: `${proxy.host}/stream/${name}`,
        weights: [{ name: 'big', uri: Object.keys(files).map((f) => `${origin}/files/${f}`) }],
      });
    }

    /** The environment of a run whose every scratch place is the small disk. */
    const onTheSmallDisk = (sub: string) => {
      const at = path.join(small, sub);
      mkdirSync(at, { recursive: true });
      return {
        HOME: at,
        TMPDIR: at,
        RUNNER_TEMP: at,
        COG_PUSH_STORE_DIR: path.join(at, 'store'),
        COG_PUSH_CACHE_DIR: path.join(at, 'pack-cache'),
      };
    };

    async function expectCogLayers(repository: string, lockDir: string): Promise<void> {
      const lock = JSON.parse(readFileSync(path.join(lockDir, 'weights.lock'), 'utf8'));
      const entry = lock.weights[0];
      for (const name of Object.keys(files).filter((f) => f.endsWith('.safetensors'))) {
        const want = layerOf(name, files[name as Name]);
        const file = entry.files.find((f: { path: string }) => f.path === name);
        expect(file.digest).toBe(sha256(files[name as Name]));
        expect(file.layer).toBe(want.digest);
        // The registry's bytes, read back with a client of its own.
        const res = await fetch(`http://${registry.host}/v2/${repository}/blobs/${want.digest}`);
        const blob = Buffer.from(await res.arrayBuffer());
        expect(blob.length).toBe(want.size);
        expect(sha256(blob)).toBe(want.digest);
      }
      const raw = spawnSync(
        'skopeo',
        [
          'inspect',
          '--raw',
          '--tls-verify=false',
          `docker://${registry.host}/${repository}@${entry.digest}`,
        ],
        { encoding: 'utf8' },
      );
      expect(raw.status).toBe(0);
      expect(sha256(Buffer.from(raw.stdout))).toBe(entry.digest);
    }

    it('imports each file straight into its layer blob, resuming a cut on either side', async () => {
      const dir = project('import');
      // The connection drops as the second chunk goes out: the session keeps the first, and
      // the upload goes on from the held chunk.
      patches = 0;
      secondPatch = { kind: 'drop', afterBytes: 0 };
      const child = spawn(
        process.execPath,
        [
          path.join(REPO_ROOT, 'dist/cli.js'),
          'weights',
          'import',
          '--project',
          dir,
          '--to',
          `${proxy.host}/stream/import`,
        ],
        { env: { ...cleanEnv(), ...onTheSmallDisk('import') }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.resume();
      const status = await new Promise((r) => child.on('exit', r));
      expect(stderr).not.toMatch(/ENOSPC|no space/i);
      expect(status).toBe(0);
      // The source cut resumed where it stopped; the registry cut resumed inside its chunk.
      // The cut resumed where the bytes stopped: after byte 0 and at most at the cut (how much
      // of the cut answer reached the client is the kernel's business). Over ranges, the cut
      // head's rest is a range of its own, ending where the first window begins.
      const resumed = ranges
        .filter((r) => r.startsWith('model-00002-of-00002.safetensors bytes='))
        .map((r) => Number(/bytes=(\d+)-/.exec(r)![1]))
        .filter((at) => at > 0 && at <= 5 * MiB);
      expect(resumed).toHaveLength(1);
      expect(stderr).toMatch(new RegExp(`resuming a streamed blob at byte ${STREAM_CHUNK}\\b`));
      await expectCogLayers('stream/import', dir);
      // Only the small file was kept: none of the large ones ever had a copy on the disk.
      const left = onSmallDisk(path.join(small, 'import'));
      expect(left.filter(([, size]) => size >= MiB)).toEqual([]);
    });

    it('publishes a lockfile weight the registry lacks from its URLs, through the small disk', async () => {
      const dir = project('publish');
      // Cut in the middle of a chunk, distribution drops the whole session: the file is
      // downloaded again from its first byte into a new one.
      patches = 0;
      secondPatch = { kind: 'drop', afterBytes: MiB };
      // weights.lock from an import into a layout on the big disk.
      const layout = path.join(root, 'layout');
      const made = await cli([
        'weights',
        'import',
        '--project',
        dir,
        '--to',
        `oci-layout:${layout}`,
      ]);
      expect(made.status, made.stderr).toBe(0);
      const image = path.join(root, 'image');
      await writeImageLayout(image, [
        { path: 'src/predict.py', source: path.join(REPO_ROOT, 'examples/hello/predict.py') },
      ]);
      const r = await runAction(
        {
          'working-directory': path.relative(REPO_ROOT, dir),
          registry: proxy.host,
          repository: 'stream/publish',
          tag: 'v1',
          build: 'none',
          image: `oci-layout:${image}`,
        },
        onTheSmallDisk('publish'),
      );
      expect(errorLines(r)).toEqual([]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(
        /upload session of a streamed blob is gone; downloading it again from the start/,
      );
      await expectCogLayers('stream/publish', dir);
      const left = onSmallDisk(path.join(small, 'publish'));
      expect(left.filter(([, size]) => size >= MiB)).toEqual([]);
    });
  },
);
