// A blob streamed into a registry as its bytes arrive, named only at the end: the upload
// session takes chunks (PATCH) as they fill and the digest at the final PUT, so a weight file
// can go from its source to the registry without a local copy. A chunk is held until the
// registry has it: a cut PATCH resumes from the session's Range inside the held chunk. When
// that cannot be done — the session is gone, or its Range points before the held chunk (ECR
// has been seen reporting a stale Range) — the writer fails with RestartBlobError, and the
// caller starts the blob over from its first byte (the download asks its source again).

import type { RetryPolicy } from '../../util/retry.js';
import type { BlobSource, BlobWriter, PutBlobResult } from '../target.js';
import { takeBytes } from '../../util/bytes.js';
import { RestartBlobError, TargetError } from '../target.js';
import {
  CHUNKS_REFUSED_STATUS,
  header,
  HttpStatusError,
  receivedFromRange,
  TransientError,
  attemptsFor,
  counted,
  type Call,
  type Response,
} from './transport.js';

/** Chunk size of a streamed upload: ECR wants ≥ 5 MiB but the last; memory holds one per blob. */
export const STREAM_CHUNK = 16 * 1024 * 1024;

/** What the writer needs of the transport. */
export interface UploadChannel {
  readonly registry: string;
  readonly retry: RetryPolicy;
  call(call: Call, replay?: boolean): Promise<Response>;
  backoff(attempt: number, why: string, retryAfterMs?: number): Promise<void>;
  startSession(): Promise<{ location: string; minChunk: number; maxChunk: number }>;
  finish(location: string, digest: string): Promise<void>;
  /** The registry refused a chunk: no blob is streamed to it again. */
  refuseChunks(): void;
  readonly scopes: readonly string[];
  log(message: string): void;
}

export { RestartBlobError };

/** The registry takes no chunked uploads: a streamed blob cannot go there (nor start over). */
export class ChunksRefusedError extends RestartBlobError {
  override name = 'ChunksRefusedError';
}

/** The chunk size for a session: `wanted`, within the bounds the registry advertised. */
function chunkSizeFor(session: { minChunk: number; maxChunk: number }, wanted: number): number {
  const size = session.maxChunk > 0 ? Math.min(wanted, session.maxChunk) : wanted;
  return Math.max(size, session.minChunk);
}

/** The answer to a first PATCH that means "no chunked uploads here" (Artifact Registry). */
const refusesChunks = (e: unknown, offset: number): e is HttpStatusError =>
  e instanceof HttpStatusError && offset === 0 && CHUNKS_REFUSED_STATUS.has(e.status);

/** The session's newest Location (an answer may move it; relative ones resolve against it). */
const nextLocation = (res: Response, location: string): string =>
  new URL(header(res, 'location') ?? location, location).href;

export class StreamedBlobWriter implements BlobWriter {
  private location: string | undefined;
  private buffer: Uint8Array | undefined;
  private filled = 0;
  /** Blob offset of buffer[0]: every byte before it is in the registry. */
  private start = 0;
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(private readonly channel: UploadChannel) {}

  /** Writes must come in order, each where the last one ended (a download's slots do). */
  write(data: Uint8Array, position: number): Promise<void> {
    return this.enqueue(() => this.take(data, position));
  }

  async commit(digest: string, size: number): Promise<void> {
    await this.enqueue(async () => {
      if (this.start + this.filled !== size)
        throw new TargetError(
          `${this.channel.registry}: streamed blob ${digest} has ${this.start + this.filled} bytes, not ${size}`,
        );
      await this.open();
      if (this.filled > 0) await this.flush();
      await this.channel.finish(this.location!, digest);
      this.location = undefined;
    });
  }

  async abort(): Promise<void> {
    await this.queue;
    const location = this.location;
    this.location = undefined;
    this.buffer = undefined;
    if (!location) return;
    await this.channel
      .call({ method: 'DELETE', url: location, scopes: this.channel.scopes, ok: [204, 404] })
      .catch(() => undefined);
  }

  /** Run `step` after every earlier one; after a failure, every later step fails with it. */
  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.queue.then(() => {
      if (this.failure !== undefined) throw this.failure;
      return step();
    });
    this.queue = run.catch((e: unknown) => {
      this.failure ??= e;
    });
    return run;
  }

  private async open(): Promise<void> {
    if (this.location) return;
    const session = await this.channel.startSession();
    this.location = session.location;
    this.buffer = new Uint8Array(chunkSizeFor(session, STREAM_CHUNK));
  }

  private async take(data: Uint8Array, position: number): Promise<void> {
    if (position !== this.start + this.filled)
      throw new TargetError(
        `${this.channel.registry}: streamed blob written at ${position}, where ${this.start + this.filled} was next`,
      );
    await this.open();
    const buffer = this.buffer!;
    for (let at = 0; at < data.length;) {
      const n = Math.min(buffer.length - this.filled, data.length - at);
      buffer.set(data.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === buffer.length) await this.flush();
    }
  }

  /** Send the held chunk; resume inside it after a failure. */
  private async flush(): Promise<void> {
    const { channel } = this;
    const end = this.start + this.filled;
    let offset = this.start;
    let failures = 0;
    while (offset < end) {
      const from = offset - this.start;
      try {
        const res = await channel.call(
          {
            method: 'PATCH',
            url: this.location!,
            scopes: channel.scopes,
            headers: {
              'content-type': 'application/octet-stream',
              'content-range': `${offset}-${end - 1}`,
            },
            body: () => this.buffer!.subarray(from, this.filled),
            bodySize: end - offset,
            ok: [202, 201, 204],
          },
          false,
        );
        this.location = nextLocation(res, this.location!);
        // The registry took the whole chunk; a Range that says otherwise cannot be trusted
        // with bytes this writer no longer holds.
        const held = receivedFromRange(header(res, 'range'));
        if (held > 0 && held !== end)
          throw new RestartBlobError(
            `${channel.registry}: after a chunk up to byte ${end}, the session says it holds ${held}`,
          );
        offset = end;
        failures = 0;
      } catch (e) {
        if (refusesChunks(e, offset)) {
          channel.refuseChunks();
          throw new ChunksRefusedError(
            `${channel.registry} refused a chunked upload: ${e.message}`,
          );
        }
        if (!(e instanceof TransientError)) throw e;
        failures++;
        if (failures >= attemptsFor(e, channel.retry))
          throw new TargetError(`${channel.registry}: ${e.message} (PATCH failed after retries)`);
        await channel.backoff(failures, e.message, e.retryAfterMs);
        offset = await this.resumeAt(end);
      }
    }
    this.start = end;
    this.filled = 0;
  }

  /** Where the session stands after a failed PATCH: a byte inside the held chunk. */
  private async resumeAt(end: number): Promise<number> {
    const { channel } = this;
    const status = await channel.call({
      method: 'GET',
      url: this.location!,
      scopes: channel.scopes,
      ok: [204, 404],
    });
    if (status.status === 404) {
      this.location = undefined;
      throw new RestartBlobError(
        `${channel.registry}: the upload session of a streamed blob is gone`,
      );
    }
    this.location = nextLocation(status, this.location!);
    const held = receivedFromRange(header(status, 'range'));
    if (held < this.start || held > end)
      throw new RestartBlobError(
        `${channel.registry}: the session holds ${held} bytes of a streamed blob; the bytes from ${this.start} to ${end} are the ones at hand`,
      );
    channel.log(`${channel.registry}: resuming a streamed blob at byte ${held}`);
    return held;
  }
}

/**
 * A blob whose bytes can be read again (a BlobSource) in chunks, resuming from the session's
 * Range after any failure; 'refused' when the registry takes no chunks.
 */
export async function uploadChunked(
  channel: UploadChannel,
  blob: BlobSource,
  options: {
    chunkSize: number;
    onProgress?: ((digest: string, sent: number, total: number) => void) | undefined;
  },
): Promise<PutBlobResult | 'refused'> {
  let session = await channel.startSession();
  let location = session.location;
  const chunkSize = chunkSizeFor(session, options.chunkSize);
  let offset = 0;
  let sent = 0;
  // PATCHes in a row that left the session no further than it had ever been (failed, or
  // answered with a Range that did not advance): the retry policy's attempts, then an error.
  let fruitless = 0;
  let furthest = 0;
  const noProgress = (why: string) => {
    if (++fruitless < channel.retry.attempts) return;
    throw new TargetError(
      `${channel.registry}: the upload of ${blob.digest} got no further than byte ${furthest} in ${fruitless} PATCHes in a row (${why})`,
    );
  };
  while (offset < blob.size) {
    const end = Math.min(offset + chunkSize, blob.size);
    try {
      const res = await channel.call(
        {
          method: 'PATCH',
          url: location,
          scopes: channel.scopes,
          headers: {
            'content-type': 'application/octet-stream',
            'content-range': `${offset}-${end - 1}`,
          },
          body: () => {
            const start = offset;
            let chunkSent = 0;
            return counted(takeBytes(blob.open(start), end - start), (n) => {
              sent += n;
              chunkSent += n;
              options.onProgress?.(blob.digest, start + chunkSent, blob.size);
            });
          },
          bodySize: end - offset,
          ok: [202, 201, 204],
        },
        false,
      );
      location = nextLocation(res, location);
      const received = receivedFromRange(header(res, 'range'));
      const next = received > 0 ? received : end;
      if (next > end)
        throw new TargetError(
          `${channel.registry}: after a chunk up to byte ${end} of ${blob.digest}, the session says it holds ${next}`,
        );
      offset = next;
      if (offset > furthest) {
        furthest = offset;
        fruitless = 0;
      } else {
        noProgress(`the session's Range stayed at ${offset}`);
        channel.log(
          `${channel.registry}: the session of ${blob.digest} holds ${offset} bytes after a chunk up to ${end}; sending from there`,
        );
      }
    } catch (e) {
      if (refusesChunks(e, offset)) return 'refused';
      if (!(e instanceof TransientError)) throw e;
      if (e.stalled && fruitless + 1 >= attemptsFor(e, channel.retry))
        throw new TargetError(
          `${channel.registry}: ${e.message} (PATCH stalled ${fruitless + 1} times)`,
        );
      noProgress(e.message);
      await channel.backoff(fruitless, e.message, e.retryAfterMs);
      // Ask the session how much it kept, and continue from there.
      const status = await channel.call({
        method: 'GET',
        url: location,
        scopes: channel.scopes,
        ok: [204, 404],
      });
      if (status.status === 404) {
        channel.log(`${channel.registry}: upload session of ${blob.digest} is gone; starting over`);
        session = await channel.startSession();
        location = session.location;
        offset = 0;
      } else {
        location = nextLocation(status, location);
        offset = Math.min(receivedFromRange(header(status, 'range')), blob.size);
        channel.log(`${channel.registry}: resuming ${blob.digest} at byte ${offset}`);
      }
    }
  }
  await channel.finish(location, blob.digest);
  return { bytesWritten: sent };
}
