// A worker thread spoken to by calls: each message gets a sequence number, and the reply with
// that number settles its call (a reply with `error` rejects it). A worker that fails or exits
// rejects every call still waiting, and every later one. The hash pool's workers and the gzip
// worker both work this way.

import { Worker, type WorkerOptions } from 'node:worker_threads';

export interface Reply {
  readonly seq: number;
  readonly error?: string;
}

export class WorkerCalls<R extends Reply> {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(m: R): void; reject(e: Error): void }>();
  private seq = 0;
  private failure: Error | undefined;

  /** `source`: the worker's code, evaluated (no file to find from the bundle or the tests). */
  constructor(source: string, what: string, options: Omit<WorkerOptions, 'eval'> = {}) {
    this.worker = new Worker(source, { ...options, eval: true });
    this.worker.on('message', (m: R) => {
      const w = this.waiting.get(m.seq);
      this.waiting.delete(m.seq);
      if (m.error !== undefined) w?.reject(new Error(m.error));
      else w?.resolve(m);
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => {
      if (this.waiting.size > 0) this.fail(new Error(`${what} exited with code ${code}`));
    });
  }

  private fail(e: Error): void {
    this.failure = e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  /** Post `message` (moving `transfer`), and resolve with its reply. */
  call(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<R> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.seq++;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.worker.postMessage({ ...message, seq }, transfer);
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}
