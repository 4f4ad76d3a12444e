// The vendored conformance vectors are the reference our packer is checked against: they must
// stay exactly as copied (scripts/sync-conformance.mjs writes SHA256SUMS when it copies them).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CONFORMANCE_DIR } from './helpers/conformance.js';

const casesDir = path.join(CONFORMANCE_DIR, 'cases');

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

it('every vendored vector file is byte for byte as copied, and none is missing or extra', () => {
  const recorded = readFileSync(path.join(CONFORMANCE_DIR, 'SHA256SUMS'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => {
      const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
      if (!m) throw new Error(`SHA256SUMS: malformed line ${JSON.stringify(line)}`);
      return { digest: m[1]!, file: m[2]! };
    });
  expect(filesBelow(casesDir)).toEqual(recorded.map((r) => r.file));
  for (const { digest, file } of recorded) {
    const actual = createHash('sha256')
      .update(readFileSync(path.join(casesDir, file)))
      .digest('hex');
    expect(actual, file).toBe(digest);
  }
  // Every case the packing tests iterate is here: one folder per case with its case.json.
  expect(recorded.filter((r) => r.file.endsWith('/case.json')).length).toBeGreaterThanOrEqual(4);
});
