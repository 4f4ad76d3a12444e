// A weights.lock as Cog writes it: built here from the conformance vectors' reference values
// (Cog's digests, gzip ones included) and Go's MarshalIndent bytes, without our packer. We must
// read it, verify it, see its sources unchanged, and never rewrite it needlessly; where it
// records gzip bytes we cannot reproduce, an import must not upload ours under Cog's digest.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCogConfig } from '../src/cog/config.js';
import { OciLayoutTarget } from '../src/oci/layout.js';
import { MEDIA_TYPE } from '../src/oci/mediatypes.js';
import { configBlob, weightManifest } from '../src/weights/artifact.js';
import { checkLockfile } from '../src/weights/integrity.js';
import { inventoryDirectory } from '../src/weights/inventory.js';
import { packWeight } from '../src/weights/pack.js';
import {
  lockEntry,
  OUR_ENVELOPE_FORMAT,
  parseLockfile,
  serializeLockfile,
  type LockEntry,
} from '../src/weights/lockfile.js';
import { checkDrift } from '../src/weights/drift.js';
import { cheapFingerprint } from '../src/weights/sources/index.js';
import { conformanceCases, packCase, type ConformanceCase } from './helpers/conformance.js';
import { cli } from './helpers/cli.js';
import { tempDir, writeTree } from './helpers/tmp.js';

const root = tempDir('coglock-');
const sha256 = (b: Uint8Array | string) => 'sha256:' + createHash('sha256').update(b).digest('hex');
/** Directory sources only: no Hub is asked. */
const NO_HUB = { endpoint: 'http://127.0.0.1:9/', token: undefined };
const IMPORTED_AT = '2026-06-12T16:41:25.807184Z';

/** Cog's envelopeFormat for a case's packing options (lockfile.md, envelopeFormat). */
function cogEnvelope(options: ConformanceCase['options'] = {}): string {
  return sha256(
    JSON.stringify({
      bundleFileMax: options['bundle-file-max'] ?? 64 * 1024 * 1024,
      bundleSizeMax: options['bundle-size-max'] ?? 256 * 1024 * 1024,
      gzipLevelBundle: 9,
      gzipLevelLarge: -1,
      incompressibleExts: ['.bin', '.gguf', '.onnx', '.parquet', '.pt', '.pth', '.safetensors'],
      mediaTypeCompressed: 'application/vnd.oci.image.layer.v1.tar+gzip',
      mediaTypeRaw: 'application/vnd.oci.image.layer.v1.tar',
      revision: 1,
    }),
  );
}

/** Go's json.MarshalIndent(v, "", "  "): JSON.stringify's layout, with Go's extra escapes. */
function goMarshalIndent(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The entry Cog's import writes for a case, from the reference values alone. */
function cogEntry(c: ConformanceCase, uri: string) {
  const e = c.expected;
  const layerOf = new Map(e.layers.flatMap((l) => l.files.map((f) => [f, l.digest] as const)));
  return {
    name: c.name,
    target: c.target,
    sources: [{ uri, fingerprint: e.setDigest, include: [], exclude: [] }],
    importedAt: IMPORTED_AT,
    digest: e.manifestDigest,
    setDigest: e.setDigest,
    size: e.sizeUncompressed,
    sizeCompressed: e.layers.reduce((n, l) => n + l.size, 0),
    files: [...e.files]
      .sort((a, b) => byUtf8(a.path, b.path))
      .map((f) => ({ path: f.path, size: f.size, digest: f.digest, layer: layerOf.get(f.path)! })),
    layers: [...e.layers]
      .sort((a, b) => byUtf8(a.digest, b.digest))
      .map((l) => ({
        digest: l.digest,
        mediaType: l.mediaType,
        size: l.size,
        sizeUncompressed: l.sizeUncompressed,
      })),
  };
}

/** A project whose one weight is `files` at ./weights, with `lock` as its weights.lock. */
function project(name: string, weight: { name: string; target: string }, files: string) {
  const dir = path.join(root, name);
  cpSync(files, path.join(dir, 'weights'), { recursive: true });
  writeTree(dir, {
    'cog.yaml': [
      'model: registry.example.com/acct/model',
      'weights:',
      `  - name: ${JSON.stringify(weight.name)}`,
      `    target: ${weight.target}`,
      '    source:',
      '      uri: ./weights',
      '',
    ].join('\n'),
  });
  return dir;
}

describe('a weights.lock written by Cog (conformance reference values)', () => {
  it('has the envelope of the spec for the defaults', () => {
    expect(cogEnvelope()).toBe(
      'sha256:ce2d53f8dd962ace393450e0abadbe227304897be87753a503b61f9c8525726e',
    );
  });

  for (const c of conformanceCases()) {
    it(`${c.id}: is read, verified, found current, and would be written back byte for byte`, async () => {
      const dir = project(c.id, c, path.join(c.dir, 'files'));
      const text = goMarshalIndent({
        version: 1,
        envelopeFormat: cogEnvelope(c.options),
        weights: [cogEntry(c, 'file://./weights')],
      });
      writeFileSync(path.join(dir, 'weights.lock'), text);

      const lock = parseLockfile(text);
      expect(serializeLockfile(lock)).toBe(text);
      expect(checkLockfile(lock)).toEqual([]);
      // Plain tar layers are Cog's bytes: our own entry for the case is Cog's, to the byte.
      if (c.expected.layers.every((l) => l.mediaType === MEDIA_TYPE.layerTar)) {
        const ours = lockEntry(await packCase(c), lock.weights[0]!.sources, IMPORTED_AT);
        expect(serializeLockfile({ ...lock, weights: [ours] })).toBe(text);
      }
      // Some cases name weights Cog's cog.yaml would refuse ("odd/paths"): no project of
      // Cog's can hold them, so the checks against cog.yaml stop here for those.
      if (!/^[a-z0-9][a-z0-9._-]*$/.test(c.name)) return;
      const config = await loadCogConfig(dir);
      expect(checkDrift(config, lock)).toEqual([]);
      // The import would find the source unchanged: same fingerprint, computed here.
      expect(await cheapFingerprint(config, config.weights[0]!.sources[0]!, NO_HUB)).toBe(
        lock.weights[0]!.sources[0]!.fingerprint,
      );
      const verify = await cli(['weights', 'verify', '--project', dir]);
      expect(verify.stderr).toBe('');
      expect(verify.status).toBe(0);
      expect(readFileSync(path.join(dir, 'weights.lock'), 'utf8')).toBe(text);
    });
  }
});

describe('cog-push weights import over a lockfile Cog wrote with gzip layers', () => {
  // Two small JSON files: one tar+gzip bundle under the default plan. Cog's gzip bytes differ
  // from ours, so the lockfile's layer digest is one we cannot reproduce.
  const files = writeTree(path.join(root, 'gz-files'), {
    'config.json': JSON.stringify({ hidden: 64, layers: 2 }),
    // Over 1024 bytes: a layer of its own when bundle-file-max is 1024 (another envelope).
    'tokenizer.json': JSON.stringify({
      vocab: Object.fromEntries([...Array(200).keys()].map((i) => [`tok${i}`, i])),
    }),
  });
  const weight = { name: 'tok', target: '/src/weights/tok' };

  /** Our entry for the files (packed with `options`), as an import of `dir` records it. */
  async function ourEntry(dir: string, options = {}) {
    const config = await loadCogConfig(dir);
    return lockEntry(
      await packWeight({ ...weight, files: await inventoryDirectory(files), options }),
      [
        {
          uri: 'file://./weights',
          fingerprint: (await cheapFingerprint(config, config.weights[0]!.sources[0]!, NO_HUB))!,
          include: [],
          exclude: [],
        },
      ],
      IMPORTED_AT,
    );
  }

  /** Our pack of the files, with its gzip layer re-recorded under Cog's (unknowable) digest. */
  async function cogWrittenLock(dir: string) {
    const ours = await ourEntry(dir);
    const cogLayer = {
      ...ours.layers[0]!,
      digest: sha256('cog gzip'),
      size: ours.layers[0]!.size + 7,
    };
    const cogFiles = ours.files.map((f) => ({ ...f, layer: cogLayer.digest }));
    const config = Buffer.from(configBlob(weight.name, weight.target, ours.setDigest, cogFiles));
    const manifest = Buffer.from(
      weightManifest(weight.name, weight.target, ours.setDigest, config.toString(), [cogLayer]),
    );
    const entry: LockEntry = {
      ...ours,
      digest: sha256(manifest),
      sizeCompressed: cogLayer.size,
      files: cogFiles,
      layers: [cogLayer],
    };
    return { ours, entry, config, manifest };
  }

  it("keeps it untouched when the target holds Cog's manifest, and never uploads ours under Cog's digest otherwise", async () => {
    const dir = project('gz', weight, files);
    const { ours, entry, config, manifest } = await cogWrittenLock(dir);
    expect(ours.layers[0]!.mediaType).toBe(MEDIA_TYPE.layerTarGzip);
    const text = goMarshalIndent({ version: 1, envelopeFormat: cogEnvelope(), weights: [entry] });
    const lockPath = path.join(dir, 'weights.lock');
    writeFileSync(lockPath, text);
    expect(checkLockfile(parseLockfile(text))).toEqual([]);

    // The registry has what Cog pushed (its manifest; the fast path looks no further).
    const cogTarget = new OciLayoutTarget(path.join(root, 'gz-cog-target'));
    await cogTarget.putBlob({
      digest: sha256(config),
      size: config.length,
      async *open() {
        yield config;
      },
    });
    await cogTarget.putManifest(manifest, MEDIA_TYPE.ociManifest, 'cog-weight.tok');
    const kept = await cli([
      'weights',
      'import',
      '--project',
      dir,
      '--to',
      `oci-layout:${cogTarget.dir}`,
    ]);
    expect(kept.status).toBe(0);
    expect(kept.stdout).toMatch(/^tok {2}2 file\(s\) {2}.* {2}unchanged\n$/);
    expect(kept.stderr).toMatch(/unchanged .*weights\.lock with Cog's envelope/);
    expect(readFileSync(lockPath, 'utf8')).toBe(text);

    // An empty registry: our gzip bytes go up under our digest, and the lockfile says so.
    const fresh = path.join(root, 'gz-empty-target');
    const repacked = await cli([
      'weights',
      'import',
      '--project',
      dir,
      '--to',
      `oci-layout:${fresh}`,
    ]);
    expect(repacked.status).toBe(0);
    expect(repacked.stdout).toMatch(/^tok {2}2 file\(s\) {2}.* {2}repacked\n$/);
    expect(repacked.stderr).toMatch(/wrote .*weights\.lock with our envelope \(compressor pako@/);
    const written = parseLockfile(readFileSync(lockPath, 'utf8'));
    expect(written.envelopeFormat).toBe(OUR_ENVELOPE_FORMAT);
    expect(written.weights[0]!.layers).toEqual(ours.layers);
    expect(written.weights[0]!.digest).toBe(ours.digest);
    expect(written.weights[0]!.setDigest).toBe(entry.setDigest);
    const blob = (d: string) => path.join(fresh, 'blobs/sha256', d.slice('sha256:'.length));
    expect(existsSync(blob(ours.layers[0]!.digest))).toBe(true);
    expect(existsSync(blob(entry.layers[0]!.digest))).toBe(false);
  });

  it('does not trust a lockfile packed with other parameters (another envelope), and rewrites it', async () => {
    const dir = project('gz-envelope', weight, files);
    // Packed with bundle-file-max 1024: tokenizer.json gets a layer of its own.
    const other = await ourEntry(dir, { bundleFileMax: 1024 });
    expect(other.layers).toHaveLength(2);
    const lockPath = path.join(dir, 'weights.lock');
    const text = goMarshalIndent({
      version: 1,
      envelopeFormat: cogEnvelope({ 'bundle-file-max': 1024 }),
      weights: [other],
    });
    writeFileSync(lockPath, text);
    // The target has that weight, so only the envelope stands between it and the fast path.
    const target = `oci-layout:${path.join(root, 'gz-envelope-target')}`;
    const pushed = await cli([
      ...['weights', 'push', files, '--name', weight.name, '--target', weight.target],
      ...['--to', target, '--bundle-file-max', '1024', '--json'],
    ]);
    expect(JSON.parse(pushed.stdout).digest).toBe(other.digest);
    const r = await cli(['weights', 'import', '--project', dir, '--to', target]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^tok {2}2 file\(s\) {2}.* {2}repacked\n$/);
    const written = parseLockfile(readFileSync(lockPath, 'utf8'));
    expect(written.envelopeFormat).toBe(OUR_ENVELOPE_FORMAT);
    expect(written.weights[0]!.layers).toHaveLength(1);
  });
});
