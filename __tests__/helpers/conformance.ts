import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HashPool } from '../../src/util/hashpool.js';
import { inventoryDirectory } from '../../src/weights/inventory.js';
import { packWeight } from '../../src/weights/pack.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../..');

/** The conformance vectors, vendored into the repository (see its README). */
export const CONFORMANCE_DIR = path.join(REPO_ROOT, 'testdata/conformance');

export interface ExpectedLayer {
  files: string[];
  mediaType: string;
  tarDigest: string;
  tarSize: number;
  digest: string;
  size: number;
  sizeUncompressed: number;
}

export interface ConformanceCase {
  id: string;
  dir: string;
  name: string;
  target: string;
  options: { 'bundle-file-max'?: number; 'bundle-size-max'?: number };
  expected: {
    files: { path: string; size: number; digest: string }[];
    layers: ExpectedLayer[];
    setDigest: string;
    config: string;
    configDigest: string;
    manifest: string;
    manifestDigest: string;
    manifestSize: number;
    sizeUncompressed: number;
  };
}

export function conformanceCases(): ConformanceCase[] {
  const casesDir = path.join(CONFORMANCE_DIR, 'cases');
  return readdirSync(casesDir)
    .sort()
    .map((id) => {
      const dir = path.join(casesDir, id);
      const json = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8'));
      return { id, dir, options: {}, ...json } as ConformanceCase;
    });
}

/** Pack a case's files with its options, as the reference did. */
export async function packCase(c: ConformanceCase, pool?: HashPool) {
  return packWeight({
    name: c.name,
    target: c.target,
    files: await inventoryDirectory(path.join(c.dir, 'files')),
    options: {
      bundleFileMax: c.options['bundle-file-max'],
      bundleSizeMax: c.options['bundle-size-max'],
    },
    pool,
  });
}

/** `cog-push weights pack` arguments for a case, with its options. */
export function packCaseArgs(c: ConformanceCase): string[] {
  const args = [
    'weights',
    'pack',
    path.join(c.dir, 'files'),
    '--name',
    c.name,
    '--target',
    c.target,
  ];
  if (c.options['bundle-file-max'])
    args.push('--bundle-file-max', String(c.options['bundle-file-max']));
  if (c.options['bundle-size-max'])
    args.push('--bundle-size-max', String(c.options['bundle-size-max']));
  return args;
}
