import { defineConfig } from 'vitest/config';

/**
 * The unit tier: tests that run in-process on any machine — no Debian peer (registry, skopeo,
 * buildah, zstd, openssl, Docker…), no built dist/, no global setup. `npm run test:unit`.
 * Everything else is the peers tier, which starts the real peers (global setup: checks they
 * are installed, builds dist/, starts a Docker engine). `npm test` runs both.
 */
export const UNIT_TESTS = [
  'builders',
  'cache-guard',
  'cli',
  'cog-lockfile',
  'config',
  'conformance',
  'conformance-vendored',
  'filter',
  'gojson',
  'gzip',
  'image-spec',
  'index',
  'inputs',
  'integrity',
  'layout',
  'lockfile',
  'modelref',
  'pack',
  'plan',
  'progress',
  'ranged-download',
  'publish',
  'readme',
  'reference',
  'registry-unit',
  'shape',
  'sources',
  'summary',
  'tags',
  'workflows',
].map((name) => `__tests__/${name}.test.ts`);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT_TESTS } },
      {
        extends: true,
        test: {
          name: 'peers',
          include: ['__tests__/**/*.test.ts'],
          exclude: UNIT_TESTS,
          globalSetup: ['__tests__/setup/global.ts'],
        },
      },
    ],
  },
});
