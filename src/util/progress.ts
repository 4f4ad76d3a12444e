// Progress lines for long transfers (uploads, downloads, cache restores): one line per
// transfer at the progress interval, naming it, with bytes done / total and the rate, and a
// last line when it ends — only for a transfer long enough to have shown one before.

import { formatBytes } from './format.js';

/** Report `done` bytes of `total` (when known). */
export type Progress = (done: number, total?: number) => void;

/** Makes a Progress for one transfer: `verb` (downloading…) and what it moves. */
export type ProgressLines = (verb: string, what: string) => Progress;

export function progressLines(
  log: (line: string) => void,
  intervalMs: number,
  clock: () => number = Date.now,
): ProgressLines {
  return (verb, what) => {
    const start = clock();
    let last = start;
    let shown = false;
    return (done, total) => {
      const now = clock();
      const ended = total !== undefined && done >= total;
      if (now - last < intervalMs && !(ended && shown)) return;
      if (ended && !shown && intervalMs > 0) return;
      last = now;
      shown = !ended;
      const seconds = (now - start) / 1000;
      const rate = seconds > 0 ? `, ${formatBytes(Math.round(done / seconds))}/s` : '';
      const of =
        total !== undefined && total > 0
          ? ` / ${formatBytes(total)} (${Math.floor((100 * done) / total)}%)`
          : '';
      log(`${verb} ${what}  ${formatBytes(done)}${of}${rate}`);
    };
  };
}
