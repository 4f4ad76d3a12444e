// Regenerates the bundled example's weights.lock and its prebuilt image (an OCI layout with
// /src/predict.py and /.cog/weights.json, as `cog build` would write them), so the README demo
// runs with no registry and no builder. Run: node --import tsx scripts/make-example.mjs
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCogConfig } from '../src/cog/config.ts';
import { goMarshal } from '../src/util/gojson.ts';
import { inventoryDirectory } from '../src/weights/inventory.ts';
import { envelopeFor, lockEntry, writeLockfile } from '../src/weights/lockfile.ts';
import { packWeight } from '../src/weights/pack.ts';
import { localSourceDir } from '../src/weights/sources/file.ts';
import { normalizeSourceUri } from '../src/weights/sources/uri.ts';
import { writeImageLayout } from './image-layout.mjs';

const project = path.resolve('examples/hello');
const config = await loadCogConfig(project);
const weights = [];
for (const w of config.weights) {
  const packed = await packWeight({
    name: w.name,
    target: w.target,
    files: await inventoryDirectory(localSourceDir(w.sources[0], project)),
  });
  const sources = w.sources.map((s) => ({
    uri: normalizeSourceUri(s.uri),
    fingerprint: packed.artifact.setDigest,
    include: s.include,
    exclude: s.exclude,
  }));
  weights.push(lockEntry(packed, sources, '2026-11-24T00:00:00Z'));
}
const lock = { version: 1, envelopeFormat: envelopeFor(weights), weights };
await writeLockfile(project, lock);

// The image: one plain tar layer.
const scratch = mkdtempSync(path.join(tmpdir(), 'cog-example-'));
const weightsJson = path.join(scratch, 'weights.json');
writeFileSync(
  weightsJson,
  goMarshal(
    { weights: weights.map((w) => ({ name: w.name, target: w.target, setDigest: w.setDigest })) },
    '  ',
  ),
);
const dir = path.join(project, 'image');
rmSync(dir, { recursive: true, force: true });
const image = await writeImageLayout(dir, [
  { path: '.cog/weights.json', source: weightsJson },
  { path: 'src/cog.yaml', source: path.join(project, 'cog.yaml') },
  { path: 'src/predict.py', source: path.join(project, 'predict.py') },
]);
rmSync(scratch, { recursive: true, force: true });
console.log(
  `wrote ${path.relative('.', path.join(project, 'weights.lock'))} and ${path.relative('.', dir)} (image ${image})`,
);
