import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // Checks the real peers are installed and builds dist/ from src/, once per run.
    globalSetup: ['__tests__/setup/global.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
