// What must not outlive the process, however it ends: builder process groups (an orphaned
// `docker push` would publish `cog-image.<tag>` after the step was cancelled) and scratch
// directories (one holds the builder's Docker config, with the registry password). Each is
// registered while it exists. When the runner cancels a step it sends SIGINT, then SIGTERM
// (then SIGKILL 2.5 s later); the doors' handler stops every request (`termination`), gives
// the builder groups a moment after SIGTERM, kills what is left, removes the directories, and
// exits with the signal's code. The normal paths release what they registered themselves.

import { rmSync } from 'node:fs';
import { CancelledError } from './cancel.js';

const controller = new AbortController();

/** Fires when the process received SIGTERM or SIGINT: every request of a session stops. */
export const termination: AbortSignal = controller.signal;

let exitCode: number | undefined;

/** 128 + the number of the signal that is ending the process, once one came. */
export function signalExitCode(): number | undefined {
  return exitCode;
}

const groups = new Set<number>();
const dirs = new Set<string>();

/** Remove `dir` if the process is stopped by a signal; the returned function forgets it. */
export function removeOnSignal(dir: string): () => void {
  dirs.add(dir);
  return () => void dirs.delete(dir);
}

/** Stop the process group led by `pid` if the process is stopped by a signal. */
export function stopOnSignal(pid: number | undefined): () => void {
  if (pid === undefined) return () => undefined;
  groups.add(pid);
  return () => void groups.delete(pid);
}

/** How long builder groups have after SIGTERM, within the runner's 7.5 s before its SIGTERM. */
export const STOP_GRACE_MS = 3_000;

const SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;

function signalGroups(signal: NodeJS.Signals): void {
  for (const pid of groups) {
    try {
      process.kill(-pid, signal);
    } catch {
      groups.delete(pid); // gone already
    }
  }
}

function groupsAlive(): boolean {
  for (const pid of groups) {
    try {
      process.kill(-pid, 0);
    } catch {
      groups.delete(pid);
    }
  }
  return groups.size > 0;
}

/** Kill what is left and remove every registered directory, now (a door about to exit). */
export function releaseNow(): void {
  signalGroups('SIGKILL');
  groups.clear();
  for (const dir of dirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Best effort: the process is ending.
    }
  }
  dirs.clear();
}

/**
 * At a door (the action, the CLI): on SIGTERM or SIGINT, say so with `report`, stop the work,
 * release what is registered and exit with 128 + the signal's number (the door exits with it
 * too, `signalExitCode()`, when its run ends first). A second signal ends it at once.
 */
export function exitOnSignals(report: (message: string) => void): void {
  for (const [name, number] of Object.entries(SIGNALS) as [NodeJS.Signals, number][]) {
    process.on(name, () => {
      const code = 128 + number;
      if (controller.signal.aborted) {
        releaseNow();
        process.exit(code);
      }
      exitCode = code;
      report(`received ${name}: stopping the build and the transfers, removing scratch files`);
      controller.abort(new CancelledError(`received ${name}`));
      signalGroups('SIGTERM');
      const started = Date.now();
      const wait = setInterval(() => {
        if (groupsAlive() && Date.now() - started < STOP_GRACE_MS) return;
        clearInterval(wait);
        releaseNow();
        process.exit(code);
      }, 50);
    });
  }
}
