// Runs once before any test file. Two things every test run needs and that a fresh machine may
// lack: the real peers the tests start (one clear line naming what to install, never an
// uncaught ENOENT deep inside a test), and a dist/ built from the src/ under test (the action
// and CLI tests run the bundle, so a stale one would test yesterday's code).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingPeers, missingPeersMessage } from '../helpers/peers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function setup(): void {
  const missing = missingPeers();
  if (missing.length > 0) {
    process.stderr.write(`\n${missingPeersMessage(missing)}\n\n`);
    process.exit(1);
  }
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
}
