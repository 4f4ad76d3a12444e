// Runs once before any test file. What every test run needs and a fresh machine may lack: the
// real peers the tests start (one clear line naming what to install, never an uncaught ENOENT
// deep inside a test), a dist/ built from the src/ under test (the action and CLI tests run
// the bundle, so a stale one would test yesterday's code), and a Docker engine of the run's
// own (stopped by its pid when the run ends; where none can start, the engine tests are
// skipped with the reason in their names).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startEngine, stopEngine, type EngineInfo } from '../helpers/engine.js';
import { missingPeers, missingPeersMessage } from '../helpers/peers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    engine: EngineInfo;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = missingPeers();
  if (missing.length > 0) {
    process.stderr.write(`\n${missingPeersMessage(missing)}\n\n`);
    process.exit(1);
  }
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'cog-push-engine-'));
  const engine = await startEngine(dir);
  if (!engine.ok) process.stderr.write(`\nno Docker engine for the tests: ${engine.reason}\n\n`);
  project.provide('engine', engine);
  return async () => {
    if (engine.ok) await stopEngine(engine.engine.pid);
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch (e) {
      // A mount the engine left behind: the run's result does not depend on it.
      process.stderr.write(
        `could not remove the engine's directory ${dir}: ${(e as Error).message}\n`,
      );
    }
  };
}
