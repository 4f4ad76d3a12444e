import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCogConfig } from '../src/cog/config.js';
import { inventoryDirectory } from '../src/weights/inventory.js';
import {
  COG_ENVELOPE_FORMAT,
  COMPRESSOR,
  OUR_ENVELOPE_FORMAT,
  envelopeFor,
  lockEntry,
  parseLockfile,
  readLockfile,
  serializeLockfile,
  writeLockfile,
  type LockEntry,
  type Lockfile,
} from '../src/weights/lockfile.js';
import { checkDrift, driftMessage } from '../src/weights/drift.js';
import { packWeight } from '../src/weights/pack.js';
import { rfc3339 } from '../src/publish/import.js';
import { REPO_ROOT, conformanceCases } from './helpers/conformance.js';
import { tempDir } from './helpers/tmp.js';

const root = tempDir('lock-');

async function standaloneLock(): Promise<Lockfile> {
  const c = conformanceCases().find((x) => x.id === 'standalone-only')!;
  const packed = await packWeight({
    name: c.name,
    target: c.target,
    files: await inventoryDirectory(path.join(c.dir, 'files')),
    options: { bundleFileMax: c.options['bundle-file-max'] },
  });
  const entry = lockEntry(
    packed,
    [{ uri: 'file://./weights', fingerprint: packed.artifact.setDigest, include: [], exclude: [] }],
    '2026-06-11T20:45:55.187706Z',
  );
  return { version: 1, envelopeFormat: COG_ENVELOPE_FORMAT, weights: [entry] };
}

describe('weights.lock', () => {
  it('knows Cog default envelope digest, and ours names the pinned compressor', () => {
    expect(COG_ENVELOPE_FORMAT).toBe(
      'sha256:ce2d53f8dd962ace393450e0abadbe227304897be87753a503b61f9c8525726e',
    );
    const pako = JSON.parse(
      readFileSync(path.join(REPO_ROOT, 'node_modules/pako/package.json'), 'utf8'),
    );
    expect(COMPRESSOR).toBe(`pako@${pako.version}`);
    expect(OUR_ENVELOPE_FORMAT).toBe(
      'sha256:3baeef2393f554bcbe4ca41a0ec0025dbd8b6de800f2ed6d3c2ce2a843832347',
    );
    const entry = (mediaType: string) => ({ layers: [{ mediaType }] }) as unknown as LockEntry;
    expect(envelopeFor([entry('application/vnd.oci.image.layer.v1.tar')])).toBe(
      COG_ENVELOPE_FORMAT,
    );
    expect(envelopeFor([entry('application/vnd.oci.image.layer.v1.tar+gzip')])).toBe(
      OUR_ENVELOPE_FORMAT,
    );
  });

  it('writes Go MarshalIndent bytes and reads them back unchanged', async () => {
    const lock = await standaloneLock();
    const c = conformanceCases().find((x) => x.id === 'standalone-only')!;
    expect(lock.weights[0]!.digest).toBe(c.expected.manifestDigest);
    const text = serializeLockfile(lock);
    expect(text.startsWith('{\n  "version": 1,\n  "envelopeFormat": "sha256:ce2d53f8')).toBe(true);
    expect(text).toContain('\n      "sources": [\n        {\n          "uri": "file://./weights",');
    expect(text).toContain('"include": [],\n          "exclude": []');
    expect(text.endsWith('}')).toBe(true);
    expect(serializeLockfile(parseLockfile(text))).toBe(text);
    // Layers are written sorted by digest, files by path.
    const parsed = parseLockfile(text).weights[0]!;
    expect(parsed.layers.map((l) => l.digest)).toEqual(
      [...parsed.layers.map((l) => l.digest)].sort(),
    );

    const dir = path.join(root, 'write');
    mkdirSync(dir, { recursive: true });
    expect((await writeLockfile(dir, lock)).changed).toBe(true);
    expect((await writeLockfile(dir, lock)).changed).toBe(false);
    expect(await readLockfile(dir)).toEqual(parseLockfile(text, 'x'));
  });

  it('rejects bad versions, duplicates and malformed digests, naming the field', () => {
    expect(() => parseLockfile('{"version":2,"weights":[]}')).toThrow(
      /version: unsupported weights.lock version 2 \(want 1\)/,
    );
    expect(() => parseLockfile('{"weights":[]}')).toThrow(/unsupported weights.lock version/);
    expect(() => parseLockfile('{"version":1')).toThrow(/not valid JSON/);
    const entry = (name: string, target: string) => ({
      name,
      target,
      sources: [],
      importedAt: '',
      digest: 'sha256:' + '0'.repeat(64),
      setDigest: 'sha256:' + '1'.repeat(64),
      size: 1,
      sizeCompressed: 1,
      files: [],
      layers: [],
    });
    expect(() =>
      parseLockfile(JSON.stringify({ version: 1, weights: [entry('a', '/w'), entry('a', '/x')] })),
    ).toThrow(/weights\[1\]\.name: duplicate weight name "a"/);
    // A file path that would leave the weight's target is refused by name, whatever digests
    // the entry carries: the rule local files pass applies to the lockfile too.
    const withPath = (p: string) => ({
      ...entry('a', '/w'),
      files: [
        { path: p, size: 1, digest: 'sha256:' + '2'.repeat(64), layer: 'sha256:' + '3'.repeat(64) },
      ],
    });
    for (const [p, why] of [
      ['../../etc/cron.d/x', 'is not a clean relative path'],
      ['/etc/passwd', 'is not a clean relative path'],
      ['a/../../b', 'is not a clean relative path'],
      ['', 'is empty'],
      ['new\nline', 'contains a control character'],
    ] as const) {
      expect(() => parseLockfile(JSON.stringify({ version: 1, weights: [withPath(p)] }))).toThrow(
        `weights.lock: weights[0].files[0].path: ${JSON.stringify(p)} ${why}`,
      );
    }
    expect(() =>
      parseLockfile(JSON.stringify({ version: 1, weights: [entry('a', '/w/'), entry('b', '/w')] })),
    ).toThrow(/weights\[1\]\.target: duplicate weight target "\/w"/);
    expect(() =>
      parseLockfile(
        JSON.stringify({ version: 1, weights: [{ ...entry('a', '/w'), digest: 'sha256:xyz' }] }),
      ),
    ).toThrow(/weights\[0\]\.digest: must be sha256:<64 hex>/);
  });

  it('reports every kind of drift with the fix', () => {
    const config = parseCogConfig(
      `model: r.example.com/a/b
weights:
  - name: same
    target: /w/same
    source: { uri: ./same }
  - name: moved
    target: /w/new
    source: { uri: ./moved, include: ["*.bin", "*.json"] }
  - name: fresh
    target: /w/fresh
    source: { uri: hf://org/repo@main }
`,
      'cog.yaml',
      '/project',
    );
    const e = (name: string, target: string, uri: string, include: string[] = []) => ({
      name,
      target,
      sources: [{ uri, fingerprint: '', include, exclude: [] }],
      importedAt: '',
      digest: 'sha256:' + '0'.repeat(64),
      setDigest: 'sha256:' + '0'.repeat(64),
      size: 1,
      sizeCompressed: 1,
      files: [],
      layers: [],
    });
    const lock: Lockfile = {
      version: 1,
      envelopeFormat: COG_ENVELOPE_FORMAT,
      weights: [
        e('same', '/w/same', 'file://./same'),
        e('moved', '/w/old', 'file://./elsewhere', ['*.json']),
        e('gone', '/w/gone', 'file://./gone'),
      ],
    };
    const findings = checkDrift(config, lock);
    expect(findings).toEqual([
      {
        kind: 'changed',
        name: 'moved',
        fields: [
          'target: cog.yaml "/w/new", weights.lock "/w/old"',
          'sources[0].uri: cog.yaml "file://./moved", weights.lock "file://./elsewhere"',
          'sources[0].include: cog.yaml ["*.bin","*.json"], weights.lock ["*.json"]',
        ],
      },
      { kind: 'pending', name: 'fresh' },
      { kind: 'orphaned', name: 'gone' },
    ]);
    const message = driftMessage(findings, 'weights.lock');
    expect(message).toMatch(
      /^weights.lock does not match cog.yaml:\n {2}changed: weight "moved": target/,
    );
    expect(message).toMatch(/\n {2}pending: weight "fresh" is in cog.yaml but not in weights.lock/);
    expect(message).toMatch(/\n {2}orphaned: weight "gone" is in weights.lock but not in cog.yaml/);
    expect(message).toMatch(/\nfix: run `cog weights import`.*`import-weights: true`$/);
    // hf://org/repo@main normalizes to hf://org/repo.
    expect(
      checkDrift(config, {
        ...lock,
        weights: [
          lock.weights[0]!,
          e('moved', '/w/new', 'file://./moved', ['*.json', '*.bin']),
          e('fresh', '/w/fresh', 'hf://org/repo'),
        ],
      }),
    ).toEqual([]);
  });
});

describe('importedAt', () => {
  it('is Go RFC3339Nano in UTC, trailing fractional zeros dropped', () => {
    expect(rfc3339(new Date('2026-06-11T20:45:55.120Z'))).toBe('2026-06-11T20:45:55.12Z');
    expect(rfc3339(new Date('2026-04-16T17:27:07.000Z'))).toBe('2026-04-16T17:27:07Z');
    expect(rfc3339(new Date('2026-04-16T17:27:10.500Z'))).toBe('2026-04-16T17:27:10.5Z');
  });
});
