// A builder's output while the weights upload beside it. GitHub log groups cannot interleave,
// so while both halves run the build's lines are held (in a scratch file, not in memory) and
// a heartbeat line says how the build is doing; the weights' lines go out as they come. When
// one half is done the held lines are written out in the build's own group — and if the build
// is still running, its next lines follow there live.

import { removeOnSignal } from '../util/termination.js';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Log } from '../util/log.js';

/** Held output past this is not kept (the heartbeat and the error's tail still show it). */
const HELD_LIMIT = 64 * 1024 * 1024;

export class HeldBuildOutput {
  /** Forgets the directory registered for removal on a signal. */
  private forget: () => void = () => undefined;
  private mode: 'held' | 'replaying' | 'live' = 'held';
  private readonly pending: string[] = [];
  private held = 0;
  private dropped = 0;
  private count = 0;
  private last = '';
  private readonly started = Date.now();
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly log: Log,
    private readonly dir: string,
    private readonly file: WriteStream,
    private readonly beat: { readonly label: string; readonly intervalMs: number },
  ) {
    this.timer = setInterval(() => this.heartbeat(), beat.intervalMs);
    this.timer.unref();
  }

  static async start(
    log: Log,
    scratchRoot: string,
    label: string,
    intervalMs: number,
  ): Promise<HeldBuildOutput> {
    const dir = await mkdtemp(path.join(scratchRoot, 'cog-push-build-log-'));
    const forget = removeOnSignal(dir);
    const file = createWriteStream(path.join(dir, 'output.log'));
    const output = new HeldBuildOutput(log, dir, file, { label, intervalMs });
    output.forget = forget;
    return output;
  }

  /** One line of the builder's output. */
  line(text: string): void {
    this.count++;
    if (text.trim()) this.last = text;
    if (this.mode === 'live') return this.log.info(text);
    if (this.mode === 'replaying') {
      this.pending.push(text);
      return;
    }
    if (this.held + text.length > HELD_LIMIT) {
      this.dropped++;
      return;
    }
    this.held += text.length + 1;
    this.file.write(`${text}\n`);
  }

  private heartbeat(): void {
    if (this.mode !== 'held') return;
    const s = Math.round((Date.now() - this.started) / 1000);
    const since = s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
    const last = this.last ? `, last: ${this.last.trim().slice(0, 160)}` : '';
    this.log.info(
      `image: ${this.beat.label} running for ${since}, ${this.count} lines of output${last}`,
    );
  }

  /**
   * Write out what was held (the caller has opened the build's group), then pass the next
   * lines straight to the log.
   */
  async release(): Promise<void> {
    if (this.mode !== 'held') return;
    this.mode = 'replaying';
    clearInterval(this.timer);
    await new Promise<void>((resolve, reject) =>
      this.file.end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
    const lines = createInterface({ input: createReadStream(this.file.path as string) });
    for await (const l of lines) this.log.info(l);
    if (this.dropped > 0) this.log.info(`(${this.dropped} more lines were not kept)`);
    for (const l of this.pending.splice(0)) this.log.info(l);
    this.mode = 'live';
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    if (!this.file.closed) await new Promise((resolve) => this.file.end(resolve));
    await rm(this.dir, { recursive: true, force: true });
    this.forget();
  }
}
