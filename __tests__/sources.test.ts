import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCogConfig } from '../src/cog/config.js';
import { setDigest } from '../src/weights/artifact.js';
import { packWeight } from '../src/weights/pack.js';
import { localFingerprints, localWeightFiles } from '../src/weights/sources/index.js';
import { tempDir, writeTree } from './helpers/tmp.js';

const root = tempDir('sources-');
const sha = (s: string) => 'sha256:' + createHash('sha256').update(s).digest('hex');

function project(yaml: string, files: Record<string, string>) {
  const dir = writeTree(path.join(root, `p${Math.random().toString(36).slice(2)}`), {
    'cog.yaml': yaml,
    ...files,
  });
  return { dir, config: parseCogConfig(yaml, 'cog.yaml', dir) };
}

const head = 'model: r.example.com/a/b\nweights:\n  - name: w\n    target: /w\n    source:\n';

describe('local weight sources', () => {
  it('with no patterns, the fingerprint is the set digest', async () => {
    const { config } = project(`${head}      uri: ./a\n`, { 'a/x.json': 'x', 'a/y.bin': 'yy' });
    const sourced = await localWeightFiles(config, config.weights[0]!, () => undefined);
    const { files } = sourced;
    const packed = await packWeight({ name: 'w', target: '/w', files });
    expect(await localFingerprints(sourced, new Map())).toEqual([packed.artifact.setDigest]);
  });

  it('filters each source, and fingerprints its whole unfiltered inventory', async () => {
    const { dir, config } = project(
      `${head}      uri: ./a\n      include: ["*.json"]\n      exclude: ["skip/"]\n`,
      {
        'a/x.json': 'x',
        'a/y.bin': 'yy',
        'a/skip/z.json': 'z',
      },
    );
    const sourced = await localWeightFiles(config, config.weights[0]!, () => undefined);
    const { files } = sourced;
    expect(files.map((f) => f.path)).toEqual(['x.json']);
    const [fingerprint] = await localFingerprints(sourced, new Map());
    expect(fingerprint).toBe(
      setDigest([
        { path: 'skip/z.json', digest: sha('z') },
        { path: 'x.json', digest: sha('x') },
        { path: 'y.bin', digest: sha('yy') },
      ]),
    );
    // Editing an excluded file changes the fingerprint, not the files.
    writeFileSync(path.join(dir, 'a/y.bin'), 'other');
    const again = await localWeightFiles(config, config.weights[0]!, () => undefined);
    expect(again.files.map((f) => f.path)).toEqual(['x.json']);
    expect((await localFingerprints(again, new Map()))[0]).not.toBe(fingerprint);
  });

  it('merges sources in order: a later file replaces an earlier one, and says so', async () => {
    const { config } = project(
      `${head}      - uri: ./a\n      - uri: ./b\n        exclude: ["*.md"]\n`,
      {
        'a/config.json': 'from a',
        'a/only-a.txt': 'a',
        'b/config.json': 'from b',
        'b/README.md': 'excluded',
      },
    );
    const log: string[] = [];
    const sourced = await localWeightFiles(config, config.weights[0]!, (m) => log.push(m));
    const { files } = sourced;
    expect(files.map((f) => [f.path, path.basename(path.dirname(f.source))])).toEqual([
      ['config.json', 'b'],
      ['only-a.txt', 'a'],
    ]);
    expect(log).toEqual(['weight w: config.json from source[1] replaces the one from source[0]']);
    expect(await localFingerprints(sourced, new Map())).toHaveLength(2);
  });

  it('names the weight and the patterns when nothing survives', async () => {
    const { config } = project(`${head}      uri: ./a\n      include: ["*.safetensors"]\n`, {
      'a/x.json': 'x',
    });
    await expect(localWeightFiles(config, config.weights[0]!, () => undefined)).rejects.toThrow(
      'weight "w": include/exclude patterns matched zero files out of 1 in the source\n  include: ["*.safetensors"]\n  check your patterns — did you mean a different glob?',
    );
  });

  it('refuses remote sources when there is no store to download into', async () => {
    const { config } = project(`${head}      uri: hf://org/repo\n`, {});
    await expect(localWeightFiles(config, config.weights[0]!, () => undefined)).rejects.toThrow(
      /source hf:\/\/org\/repo cannot be read here/,
    );
  });
});
