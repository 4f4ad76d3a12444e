// Work that calls the file system synchronously (many small local files: a stat or a read
// takes microseconds, while through the thread pool each costs a promise and a hop) gives the
// event loop a turn every few milliseconds, so the downloads, uploads and timers beside it
// still move.

/** How long synchronous work may hold the event loop. */
export const YIELD_MS = 20;

export class Yielder {
  private since = performance.now();

  /** Let the event loop run if YIELD_MS have passed since it last did. */
  async turn(): Promise<void> {
    if (performance.now() - this.since < YIELD_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}
