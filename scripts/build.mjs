// One bundler step: dist/index.js (the action) and dist/cli.js (cog-push), both ESM for Node.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } });

// Bundled CommonJS dependencies call require(); give the ESM bundle one.
const requireShim =
  "import { createRequire as __cogCreateRequire } from 'node:module';\n" +
  'const require = __cogCreateRequire(import.meta.url);';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['src/main.ts'],
  outfile: `${values.outdir}/index.js`,
  banner: { js: requireShim },
});
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: `${values.outdir}/cli.js`,
  banner: { js: `#!/usr/bin/env node\n${requireShim}` },
});
chmodSync(`${values.outdir}/cli.js`, 0o755);
