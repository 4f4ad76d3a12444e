// `npm run bench`: the speed and memory targets, measured on this machine (not in tests).
//   BENCH_GIB=2 (default) sets the pack size; the pack also runs at half that size to show
//   that memory stays flat as the size doubles.
import { gzipBench } from './gzip.mjs';
import { packBench, smallFilesBench } from './pack.mjs';
import { pushBench } from './push.mjs';
import { publishBench } from './publish.mjs';
import { cacheBench } from './cache.mjs';
import { importBench, importRegistryBench } from './import.mjs';
import { overlapBench } from './overlap.mjs';
import { engineOverlapBench } from './engine.mjs';
import { streamBench } from './stream.mjs';
import { rangedBench } from './ranged.mjs';

const gib = Number(process.env.BENCH_GIB ?? 2);
const fmt = (n, d = 2) => (n === undefined ? '-' : n.toFixed(d));

console.log('# cog-push benchmarks\n');
for (const size of [gib / 2, gib]) {
  const r = packBench(size);
  console.log(`## ${r.name}`);
  console.log('| tool | median wall s | GB/s | peak RSS MB |\n|---|---|---|---|');
  for (const [tool, s, gbps, rss] of r.rows)
    console.log(`| ${tool} | ${fmt(s)} | ${fmt(gbps)} | ${fmt(rss, 0)} |`);
  console.log(
    `\npack / openssl = ${r.ratio}× (target ≤ 1.2×; spread pack / openssl ${r.spread} s), peak RSS ${fmt(r.rssMB, 0)} MB (target ≤ 200 MB)\n`,
  );
}

const small = smallFilesBench();
console.log(`## ${small.name}`);
console.log('| tool | wall s | peak RSS MB |\n|---|---|---|');
for (const [tool, s, rss] of small.rows) console.log(`| ${tool} | ${fmt(s)} | ${fmt(rss, 0)} |`);
console.log(
  `\npack / (tar | gzip -9 + sha256sum) = ${small.ratio}× (target ≤ 2.2×; pako alone over our tar is ${small.pakoRatio}×), peak RSS ${fmt(small.rssMB, 0)} MB (target ≤ 160 MB)\n`,
);

const push = await pushBench(gib);
console.log(`## ${push.name}`);
console.log('| run | wall s | peak RSS MB |\n|---|---|---|');
for (const [what, s, rss] of push.rows) console.log(`| ${what} | ${fmt(s)} | ${fmt(rss, 0)} |`);
console.log(
  `\npush / skopeo = ${push.ratio}× with digests known (target ≤ 1.1×), ${push.coldRatio}× packing too; second push must upload 0 bytes in < 1 s\n`,
);

const pub = await publishBench(gib);
console.log(`## ${pub.name}`);
console.log('| run | wall s | peak RSS MB |\n|---|---|---|');
for (const [what, s, rss] of pub.rows) console.log(`| ${what} | ${fmt(s)} | ${fmt(rss, 0)} |`);
console.log(`\npublish / push = ${pub.ratio}× (target ≤ 1.05×)\n`);

const overlap = await overlapBench(gib / 2);
console.log(`## ${overlap.name}`);
console.log('| run | wall s | peak RSS MB |\n|---|---|---|');
for (const [what, s, rss] of overlap.rows) console.log(`| ${what} | ${fmt(s)} | ${fmt(rss, 0)} |`);
console.log(
  `\nboth / the longer half = ${overlap.ratio}× (target ≤ 1.10×; one after the other would be ${overlap.sumRatio}×)\n`,
);

const real = await engineOverlapBench(0.75, 6);
if (real.skipped)
  console.log(`## cold publish with a real docker build: skipped (${real.skipped})\n`);
else {
  console.log(`## ${real.name}`);
  console.log('| run | wall s | peak RSS MB |\n|---|---|---|');
  for (const [what, s, rss] of real.rows) console.log(`| ${what} | ${fmt(s)} | ${fmt(rss, 0)} |`);
  console.log(
    `\nboth / the longer half = ${real.ratio}× (target ≤ 1.10×); both / the sum of the halves = ${real.sumRatio}×\n`,
  );
}

const cached = await cacheBench(1);
console.log(`## ${cached.name}`);
console.log('| step | wall s |\n|---|---|');
for (const [what, s] of cached.rows) console.log(`| ${what} | ${fmt(s)} |`);
console.log(
  `\nrestore / raw library restore = ${cached.rawRatio}× (target ≤ 1.15×); restore / cp = ${cached.ratio}×\n`,
);

const imported = await importBench(gib);
console.log(`## ${imported.name}`);
console.log('| tool | median wall s | spread s | peak RSS MB |\n|---|---|---|---|');
for (const [what, s, spread, rss] of imported.rows)
  console.log(`| ${what} | ${fmt(s)} | ${spread} | ${fmt(rss, 0)} |`);
console.log(
  `\nimport / curl = ${imported.ratio}× (target ≤ 2.0×); the tee floor / curl = ${imported.floorRatio}×\n`,
);

const intoRegistry = await importRegistryBench(1);
console.log(`## ${intoRegistry.name}`);
console.log('| run | median wall s | spread s | peak RSS MB |\n|---|---|---|---|');
for (const [what, s, spread, rss] of intoRegistry.rows)
  console.log(`| ${what} | ${fmt(s)} | ${spread} | ${fmt(rss, 0)} |`);
console.log(
  `\nimport / by hand = ${intoRegistry.ratio}× (target ≤ 0.85×; the ideal, the longer step alone: ${intoRegistry.idealRatio}×)\n`,
);

const ranged = await rangedBench(5);
if (ranged.skipped) console.log(`## one large file over ranges: skipped (${ranged.skipped})\n`);
else {
  console.log(`## ${ranged.name}`);
  console.log(
    '| run | median wall s | spread s | of the link | peak RSS MB |\n|---|---|---|---|---|',
  );
  for (const [what, s, spread, link, rss] of ranged.rows)
    console.log(`| ${what} | ${fmt(s)} | ${spread} | ${link} | ${fmt(rss, 0)} |`);
  console.log(
    `\nlayout / aria2c = ${ranged.layoutRatio}×, registry / aria2c = ${ranged.registryRatio}× (targets ≤ 1.15×; registry / the push alone = ${ranged.registryFloorRatio}×), peak RSS ${fmt(ranged.rssMB, 0)} MB (target ≤ 300 MB)\n`,
  );
}

const streamed = await streamBench();
if (streamed.skipped)
  console.log(`## weights larger than the disk: skipped (${streamed.skipped})\n`);
else {
  console.log(`## ${streamed.name}`);
  console.log('| run | wall s | peak RSS MB |\n|---|---|---|');
  for (const [what, s, rss] of streamed.rows)
    console.log(`| ${what} | ${fmt(s)} | ${fmt(rss, 0)} |`);
  console.log(
    `\nimport / push from disk = ${streamed.ratio}×; layers byte-identical to Cog's framing: ${streamed.exact}; peak RSS ${fmt(streamed.rssMB, 0)} MB (target ≤ 300 MB)\n`,
  );
}

console.log('## gzip: pinned pako vs node:zlib (32 MiB of tokenizer-like JSON)');
console.log('| level | pako MB/s | pako bytes | zlib MB/s | zlib bytes |\n|---|---|---|---|---|');
for (const [level, p, pb, z, zb] of gzipBench())
  console.log(`| ${level} | ${fmt(p, 1)} | ${pb} | ${fmt(z, 1)} | ${zb} |`);
