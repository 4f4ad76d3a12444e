// One large file over many connections, as hf_transfer and aria2 fetch them: a model hub caps
// each connection well below the link. Once the first answer shows that the server serves
// byte ranges of one version of the file (Accept-Ranges, and a strong ETag or Last-Modified to
// send back in If-Range), the file from `from` on is cut into windows, fetched by up to
// `connections` parallel Range requests into a ring of connections + 2 windows, and handed on
// strictly in byte order: whatever reads the bytes (hashes, the partial file, the early layer
// blob) sees exactly what one stream would have given it. A full ring stops new requests, so
// memory is the ring's whatever the server does. Each window resumes on its own after a cut,
// with a retry budget of its own; an answer that is not exactly the window asked of that
// version (a 200, another ETag, another Content-Range, more bytes than asked) fails the
// download's attempt as OtherVersion, and the file starts over.

import type { IncomingHttpHeaders } from 'node:http';
import { Writable } from 'node:stream';
import { undici } from '../../util/undici.js';
import {
  describeFetchError,
  isPermanent,
  isStall,
  stallOptions,
  type StallLimits,
} from '../../util/http.js';
import type { Limiter } from '../../util/limit.js';
import { BufferPool } from '../../util/pool.js';
import { copyIntoShared } from '../../util/shared-copy.js';
import {
  DOWNLOAD_RETRY,
  retryAfterMs,
  TRANSIENT_STATUS,
  TransientError,
  withRetries,
} from '../../util/retry.js';
import {
  contentRange,
  ifRangeValue,
  resumeMismatch,
  type Representation,
} from './representation.js';
import { SourceError } from './uri.js';
import { refuse, shownUrl } from './get.js';

/** The window size: 8 MiB measured best (64 MiB windows let the head window hold the rest up). */
export const RANGE_WINDOW = 8 * 1024 * 1024;

/**
 * The window buffers of every ranged download of a session, handed out first come, first
 * served: memory is the pool's whatever the number of files. No wait can deadlock: a file's
 * windows are claimed in byte order, so the one its bytes wait for asked before any later one,
 * and a window handed on is released by its readers (hashes, writes), which wait for no window.
 * They are shared memory: a full window goes to the hash workers and the writes as it is
 * (SlotSink.adopt), with no copy into the hash pool's slots.
 */
export class WindowPool extends BufferPool<Buffer> {
  constructor(
    count: number,
    readonly size = RANGE_WINDOW,
  ) {
    super(count, () => Buffer.from(new SharedArrayBuffer(size)));
  }
}

export interface RangeSettings {
  /** Files (the part still to fetch) from this many bytes on are fetched in ranges. */
  readonly threshold: number;
  /** Parallel Range requests per file; 1 fetches every file as one stream. */
  readonly connections: number;
  /** Range requests in flight over every download that shares it. */
  readonly limit?: Limiter | undefined;
  /** Bytes per window (RANGE_WINDOW); the pool's, when there is one. */
  readonly window?: number | undefined;
  /** Window buffers shared over the session; else each file has connections + 2 of its own. */
  readonly buffers?: WindowPool | undefined;
}

/** A 206 or 200 answer that is not the window asked of the version the file began with. */
export class OtherVersion extends Error {}

/** The version of the file being fetched, and where its windows go. */
export interface RangedFile {
  /** Where the first answer came from, after redirects: every window is asked there. */
  readonly url: URL;
  /** Sent with each window: the Authorization, only when `url` is the credential's origin. */
  readonly headers: Readonly<Record<string, string>>;
  readonly version: Representation & { readonly total: number };
  /** The first byte of the first window. */
  readonly from: number;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined); // read in order by drain(); a failed fetch may never be
  return { promise, resolve, reject };
}

/**
 * The windows of one file from `file.from` to its end: `start()` sets the workers going,
 * `drain()` hands the bytes on in order (first the gap a head stream left, if it left one).
 */
export class RangedFetch {
  private readonly window: number;
  private readonly count: number;
  private readonly capacity: number;
  private readonly ready: Deferred<Uint8Array>[];
  private readonly buffers: WindowPool;
  /** Windows fetched and not yet handed on: their buffers go back to the pool either way. */
  private readonly held = new Map<number, Buffer>();
  private next = 0;
  private consumed = 0;
  private roomChanged = deferred<void>();
  private readonly stopping = new AbortController();
  private readonly signal: AbortSignal;
  private failure: unknown;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly file: RangedFile,
    private readonly settings: RangeSettings,
    private readonly io: { stall?: StallLimits | undefined; signal?: AbortSignal | undefined },
  ) {
    this.window = settings.buffers?.size ?? settings.window ?? RANGE_WINDOW;
    this.count = Math.ceil((file.version.total - file.from) / this.window);
    this.capacity = settings.connections + 2;
    this.buffers = settings.buffers ?? new WindowPool(this.capacity, this.window);
    this.ready = Array.from({ length: this.count }, () => deferred<Uint8Array>());
    this.signal = io.signal
      ? AbortSignal.any([io.signal, this.stopping.signal])
      : this.stopping.signal;
  }

  /** The first byte of the first window: where a head stream stops. */
  get from(): number {
    return this.file.from;
  }

  start(): void {
    const n = Math.max(1, Math.min(this.settings.connections, this.count));
    this.workers = Array.from({ length: n }, () => this.work());
  }

  /**
   * Hand every byte from `reached` (where the head stream stopped) to `take`, in order. A
   * chunk `take` is given is its own until it calls the chunk's `release` (exactly once): only
   * then is its window fetched into again.
   */
  async drain(
    take: (chunk: Uint8Array, release: () => void) => Promise<void>,
    reached: number,
  ): Promise<void> {
    try {
      if (reached < this.file.from) {
        // The head stream was cut before the first window: its rest, as a window of its own.
        const gap = Buffer.allocUnsafe(this.file.from - reached);
        await take(await this.fetch(reached, this.file.from - 1, gap), () => undefined);
      }
      for (let i = 0; i < this.count; i++) {
        const data = await this.ready[i]!.promise.catch((e: unknown) => {
          throw this.failure ?? e;
        });
        // The taker has it now: an abandon must not hand it out again while it is read.
        const window = this.held.get(i)!;
        this.held.delete(i);
        await take(data, () => this.buffers.release(window));
        this.consumed++;
        this.roomChanged.resolve();
        this.roomChanged = deferred<void>();
      }
      await Promise.all(this.workers);
    } catch (e) {
      await this.abandon(e);
      throw this.failure ?? e;
    }
  }

  /** Stop every request and wait for the workers: the download failed elsewhere. */
  async abandon(why: unknown): Promise<void> {
    this.stop(why);
    // Held windows go back first: a worker of this file may be waiting for one of them.
    this.releaseHeld();
    await Promise.allSettled(this.workers);
    this.releaseHeld();
  }

  private releaseHeld(): void {
    for (const buffer of this.held.values()) this.buffers.release(buffer);
    this.held.clear();
  }

  /** Stop every request (the download failed elsewhere, or one window for good). */
  private stop(why: unknown): void {
    this.failure ??= why;
    this.stopping.abort(why);
    this.roomChanged.resolve(); // a worker waiting for room sees the stop
  }

  private async work(): Promise<void> {
    for (;;) {
      // A full ring stops new requests until the consumer takes a window.
      while (this.next < this.count && this.next >= this.consumed + this.capacity)
        await this.roomChanged.promise;
      if (this.next >= this.count || this.signal.aborted) return;
      const i = this.next++;
      const start = this.file.from + i * this.window;
      const end = Math.min(start + this.window, this.file.version.total) - 1;
      const buffer = await this.buffers.acquire();
      if (this.signal.aborted) return this.buffers.release(buffer);
      try {
        const limit = this.settings.limit;
        const fetched = limit
          ? await limit.run(() => this.fetch(start, end, buffer))
          : await this.fetch(start, end, buffer);
        if (this.signal.aborted) return this.buffers.release(buffer);
        this.held.set(i, buffer);
        this.ready[i]!.resolve(fetched);
      } catch (e) {
        this.buffers.release(buffer);
        this.stop(e);
        this.ready[i]!.reject(e);
        return;
      }
    }
  }

  /** Bytes [start, end] into `buffer`, resumed where a cut left them, with their own budget. */
  private async fetch(start: number, end: number, buffer: Buffer): Promise<Uint8Array> {
    const length = end - start + 1;
    let got = 0;
    await withRetries(
      DOWNLOAD_RETRY,
      {
        what: this.file.url.href,
        signal: this.signal,
        progress: () => got,
        giveUp: (last, fruitless) =>
          new SourceError(`${last.message} (${fruitless} tries in a row brought nothing)`),
      },
      async () => {
        const at = start + got;
        await this.request(at, end, (chunk) => {
          if (got + chunk.length > length)
            throw new OtherVersion(`more than the ${length} bytes of bytes=${start}-${end}`);
          copyIntoShared(buffer, chunk, got);
          got += chunk.length;
        });
        if (got < length)
          throw new TransientError(`${this.where(start + got)}: the answer ended early`);
      },
    );
    return buffer.subarray(0, length);
  }

  /** One Range request, answered 206 with the window; the body goes to `take`. */
  private async request(at: number, end: number, take: (chunk: Uint8Array) => void): Promise<void> {
    const headers = {
      ...this.file.headers,
      range: `bytes=${at}-${end}`,
      'if-range': ifRangeValue(this.file.version)!,
    };
    let status = 0;
    let answered: IncomingHttpHeaders = {};
    const { stream } = await undici();
    try {
      await stream(
        this.file.url,
        { method: 'GET', headers, signal: this.signal, ...stallOptions(this.io.stall) },
        ({ statusCode, headers: got }) => {
          status = statusCode;
          answered = got;
          if (statusCode === 206) {
            const mismatch = windowMismatch(this.file.version, got, at, end);
            return mismatch ? refuse(new OtherVersion(mismatch)) : collect(take);
          }
          if (statusCode === 200)
            return refuse(
              new OtherVersion(
                'a 200 (the whole file) to a Range request: the file changed, or the server stopped serving ranges',
              ),
            );
          return collect(() => undefined);
        },
      );
    } catch (e) {
      if (e instanceof OtherVersion || e instanceof SourceError) throw e;
      if (this.signal.aborted) throw this.failure ?? e;
      if (isPermanent(e)) throw new SourceError(`${this.where(at)}: ${describeFetchError(e)}`);
      throw new TransientError(
        `${this.where(at)}: ${describeFetchError(e)}`,
        undefined,
        isStall(e),
      );
    }
    if (status === 206) return;
    if (TRANSIENT_STATUS.has(status))
      throw new TransientError(
        `${this.where(at)} answered ${status}`,
        retryAfterMs(answered['retry-after']),
      );
    throw new SourceError(`${this.where(at)} answered ${status}`);
  }

  private where(at: number): string {
    return `${shownUrl(this.file.url)} at byte ${at}`;
  }
}

/** Why a 206 is not bytes [at, end] of `version`, or undefined when it is. */
function windowMismatch(
  version: Representation,
  headers: IncomingHttpHeaders,
  at: number,
  end: number,
): string | undefined {
  const other = resumeMismatch(version, headers, at);
  if (other) return other;
  const range = contentRange(headers);
  if (range?.end !== end)
    return `bytes to ${range?.end} (Content-Range: ${JSON.stringify(headers['content-range'])}) to a request for bytes ${at}-${end}`;
  return undefined;
}

/** A writer that hands each chunk to `take` (which may throw, stopping the request). */
function collect(take: (chunk: Uint8Array) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        take(chunk);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
}
