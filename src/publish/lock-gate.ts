// The lock gate: weights.lock against itself (integrity) and against cog.yaml (drift), before
// any network. `publish` stops at the first finding; `weights verify` lists them all.

import type { CogConfig } from '../cog/config.js';
import { checkLockfile, integrityMessage } from '../weights/integrity.js';
import { checkDrift, driftMessage } from '../weights/drift.js';
import { readLockfile, type Lockfile } from '../weights/lockfile.js';
import { PublishError } from './types.js';

export interface LockFinding {
  readonly message: string;
  /** What a publish adds to the message: how to fix it. */
  readonly fix?: string;
}

/** Every problem of `lock` (undefined: no lockfile) for this cog.yaml, in the order found. */
export function lockFindings(
  config: CogConfig,
  lock: Lockfile | undefined,
  lockPath: string,
): LockFinding[] {
  if (!lock) {
    // As Cog reports it: every declared weight, not imported yet.
    const pending = config.weights.map((w) => `\n  weight "${w.name}": not imported yet`).join('');
    return config.weights.length > 0
      ? [
          {
            message: `${lockPath} not found, but cog.yaml declares ${config.weights.length} weight(s):${pending}`,
            fix: 'fix: run `cog weights import` and commit weights.lock, or set the action input `import-weights: true`',
          },
        ]
      : [];
  }
  const findings: LockFinding[] = [];
  const broken = checkLockfile(lock);
  if (broken.length > 0) findings.push({ message: integrityMessage(broken, lockPath) });
  const drift = checkDrift(config, lock);
  if (drift.length > 0) findings.push({ message: driftMessage(drift, lockPath) });
  return findings;
}

/**
 * Read weights.lock for a publish. Without `import-weights` a project with weights needs a
 * lockfile that holds together and matches cog.yaml: else the publish stops here.
 */
export async function lockGate(
  config: CogConfig,
  lockPath: string,
  importWeights: boolean,
): Promise<Lockfile | undefined> {
  const lock = await readLockfile(config.projectDir);
  if (importWeights || config.weights.length === 0) return lock;
  const first = lockFindings(config, lock, lockPath)[0];
  if (first) throw new PublishError(first.fix ? `${first.message}\n${first.fix}` : first.message);
  return lock;
}
