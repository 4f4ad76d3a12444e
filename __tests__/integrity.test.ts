import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEntry, checkLockfile } from '../src/weights/integrity.js';
import {
  COG_ENVELOPE_FORMAT,
  lockEntry,
  parseLockfile,
  type LockEntry,
} from '../src/weights/lockfile.js';
import { REPO_ROOT, conformanceCases, packCase } from './helpers/conformance.js';
import { cli } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const root = tempDir('integrity-');
const exampleLock = parseLockfile(
  readFileSync(path.join(REPO_ROOT, 'examples/hello/weights.lock'), 'utf8'),
);
const fields = (e: LockEntry) => checkEntry(e).map((f) => f.field);

describe('lockfile integrity', () => {
  it('passes the example lockfile and Cog-identical entries of every conformance case', async () => {
    expect(checkLockfile(exampleLock)).toEqual([]);
    for (const c of conformanceCases()) {
      const packed = await packCase(c);
      const entry = lockEntry(packed, [], '');
      expect(checkEntry(entry)).toEqual([]);
      expect(entry.setDigest).toBe(c.expected.setDigest);
      expect(entry.size).toBe(c.expected.sizeUncompressed);
      expect(entry.files.map((f) => [f.path, f.size, f.digest])).toEqual(
        c.expected.files.map((f) => [f.path, f.size, f.digest]),
      );
      // Plain-tar layers are Cog's to the byte (gzip layers are ours, spec/weights.md), and a
      // weight made only of them has Cog's manifest digest.
      const plain = c.expected.layers.filter((l) => l.mediaType.endsWith('.tar'));
      for (const l of plain)
        expect(entry.layers).toContainEqual(
          expect.objectContaining({ digest: l.digest, size: l.size }),
        );
      if (plain.length === c.expected.layers.length)
        expect(entry.digest).toBe(c.expected.manifestDigest);
    }
    // Cog's envelope for its default packing parameters (spec/lockfile.md).
    expect(COG_ENVELOPE_FORMAT).toBe(
      'sha256:ce2d53f8dd962ace393450e0abadbe227304897be87753a503b61f9c8525726e',
    );
  });

  const entry = exampleLock.weights[1]!; // encoder: two files in one layer

  it('catches an edited file digest', () => {
    const edited = {
      ...entry,
      files: entry.files.map((f, i) =>
        i === 0 ? { ...f, digest: 'sha256:' + 'e'.repeat(64) } : f,
      ),
    };
    expect(fields(edited)).toEqual(['setDigest', 'digest']);
    expect(checkEntry(edited)[0]!.message).toMatch(
      /^recorded sha256:[0-9a-f]{64}, the files give sha256:[0-9a-f]{64}$/,
    );
  });

  it('catches an edited layer digest', () => {
    const other = 'sha256:' + '0'.repeat(64);
    const edited = { ...entry, layers: entry.layers.map((l) => ({ ...l, digest: other })) };
    expect(fields(edited)).toEqual([
      'files[0].layer',
      'files[1].layer',
      'layers[0].sizeUncompressed',
      'digest',
    ]);
  });

  it('catches edited sizes', () => {
    expect(fields({ ...entry, size: entry.size + 1 })).toEqual(['size']);
    expect(fields({ ...entry, sizeCompressed: 1 })).toEqual(['sizeCompressed']);
    const file = {
      ...entry,
      files: entry.files.map((f, i) => (i === 1 ? { ...f, size: f.size + 1 } : f)),
    };
    expect(fields(file)).toEqual(['layers[0].sizeUncompressed', 'size', 'digest']);
  });

  it('catches reordered files', () => {
    expect(fields({ ...entry, files: [...entry.files].reverse() })).toEqual(['files']);
  });
});

describe('cog-push weights verify', () => {
  const project = path.join(root, 'project');
  cpSync(path.join(REPO_ROOT, 'examples/hello'), project, { recursive: true });
  const lockPath = path.join(project, 'weights.lock');
  const good = readFileSync(lockPath, 'utf8');

  it('exits 0 on a consistent lockfile that matches cog.yaml', async () => {
    const r = await cli(['weights', 'verify', '--project', project]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/weights\.lock: 2 weight\(s\), consistent and matching cog\.yaml/);
  });

  it('lists every finding, integrity and drift, and exits 1', async () => {
    const lock = JSON.parse(good);
    lock.weights[0].size += 1;
    lock.weights[1].target = '/src/weights/elsewhere';
    writeFileSync(lockPath, JSON.stringify(lock, null, 2));
    const r = await cli(['weights', 'verify', '--project', project]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/weight "tokenizer": size: recorded \d+, the files add up to \d+/);
    expect(r.stderr).toMatch(
      /changed: weight "encoder": target: cog\.yaml "\/src\/weights\/encoder", weights\.lock "\/src\/weights\/elsewhere"/,
    );
    writeFileSync(lockPath, good);
  });

  it('fails on a lockfile written for another cog.yaml', async () => {
    writeFileSync(
      path.join(project, 'cog.yaml'),
      'model: r.example.com/a/b\nweights:\n  - name: other\n    target: /w\n    source: { uri: ./other }\n',
    );
    const r = await cli(['weights', 'verify', '--project', project]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/pending: weight "other"/);
    expect(r.stderr).toMatch(/orphaned: weight "tokenizer"/);
    expect(r.stderr).toMatch(/orphaned: weight "encoder"/);
  });
});
