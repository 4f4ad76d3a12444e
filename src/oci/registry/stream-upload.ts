// A blob streamed into a registry as its bytes arrive, named only at the end: the upload
// session takes chunks (PATCH) as they fill and the digest at the final PUT, so a weight file
// can go from its source to the registry without a local copy. A chunk is held until the
// registry has it: a cut PATCH resumes from the session's Range inside the held chunk. When
// that cannot be done — the session is gone, or its Range points before the held chunk (ECR
// has been seen reporting a stale Range) — the writer fails with RestartBlobError, and the
// caller starts the blob over from its first byte (the download asks its source again).
// A blob that can be read again (uploadChunked) goes through the same chunks, its bytes read
// from the blob instead of held: every PATCH of the client is sent by ChunkedSession.send.

import {
  TransientError,
  withRetries,
  type RetryContext,
  type RetryPolicy,
} from '../../util/retry.js';
import type { BlobSource, BlobWriter, PutBlobResult } from '../target.js';
import { takeBytes } from '../../util/bytes.js';
import { RestartBlobError, TargetError } from '../target.js';
import {
  CHUNKS_REFUSED_STATUS,
  counted,
  header,
  HttpStatusError,
  receivedFromRange,
  type Call,
  type Response,
} from './transport.js';

/**
 * Chunk size of a streamed upload: ECR wants ≥ 5 MiB but the last; memory holds one per blob
 * in flight (at most the `concurrency` input's downloads). Fewer, larger PATCHes: at 16 MiB a
 * 1 GiB file took 1.09× the same file pushed from disk, at 32 MiB 1.01×.
 */
export const STREAM_CHUNK = 32 * 1024 * 1024;

export interface SessionStart {
  readonly location: string;
  readonly minChunk: number;
  readonly maxChunk: number;
}

/** What chunked uploads need of the transport. */
export interface UploadChannel {
  readonly registry: string;
  readonly retry: RetryPolicy;
  /** Cancellation and the log, for the retries of each chunk. */
  readonly retryContext: RetryContext;
  call(call: Call, replay?: boolean): Promise<Response>;
  startSession(): Promise<SessionStart>;
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

/** The answer to a first PATCH that means "no chunked uploads here" (Artifact Registry). */
const refusesChunks = (e: unknown, offset: number): e is HttpStatusError =>
  e instanceof HttpStatusError && offset === 0 && CHUNKS_REFUSED_STATUS.has(e.status);

/** The session's newest Location (an answer may move it; relative ones resolve against it). */
const nextLocation = (res: Response, location: string): string =>
  new URL(header(res, 'location') ?? location, location).href;

/** Where the bytes of one chunk come from, and what may be asked of them again. */
interface ChunkBytes {
  /** How messages name the blob. */
  readonly name: string;
  /** The lowest offset whose bytes can be given again: a session before it starts over. */
  readonly floor: number;
  /** The chunk's bytes from `offset` (at least `floor`) to its end; a fresh body each call. */
  bytes(offset: number): AsyncIterable<Uint8Array> | Uint8Array;
  /**
   * A Range short of the end after a chunk the registry accepted: `resend` from it (a blob
   * read again), or `restart` the blob (held bytes cannot trust a session that contradicts
   * what it just took: ECR has been seen reporting a stale Range).
   */
  readonly shortRange: 'resend' | 'restart';
  readonly giveUp: (last: TransientError, fruitless: number) => Error;
}

/**
 * One upload session, its chunks PATCHed in order: the only place a PATCH is sent. A failed
 * PATCH is resumed where the session says it stands, inside the chunk, by the retry policy;
 * a session that is gone, or stands outside the bytes at hand, is a RestartBlobError.
 */
class ChunkedSession {
  /** Bytes the session holds: every PATCH starts here. */
  held = 0;

  private constructor(
    private readonly channel: UploadChannel,
    public location: string,
    readonly chunkSize: number,
  ) {}

  /** A new session, its chunk size `wanted` within the bounds the registry advertised. */
  static async open(channel: UploadChannel, wanted: number): Promise<ChunkedSession> {
    const start = await channel.startSession();
    const size = start.maxChunk > 0 ? Math.min(wanted, start.maxChunk) : wanted;
    return new ChunkedSession(channel, start.location, Math.max(size, start.minChunk));
  }

  /** PATCH until the session holds `end`. */
  async send(end: number, chunk: ChunkBytes): Promise<void> {
    const context = {
      ...this.channel.retryContext,
      progress: () => this.held,
      giveUp: chunk.giveUp,
    };
    // Every attempt after the first follows a failed PATCH: it asks the session first.
    await withRetries(this.channel.retry, context, async (attempt) => {
      if (attempt > 1) await this.resume(end, chunk);
      while (this.held < end) await this.patch(end, chunk);
    });
  }

  private async patch(end: number, chunk: ChunkBytes): Promise<void> {
    const { channel } = this;
    const from = this.held;
    let res: Response;
    try {
      res = await channel.call(
        {
          method: 'PATCH',
          url: this.location,
          scopes: channel.scopes,
          headers: {
            'content-type': 'application/octet-stream',
            'content-range': `${from}-${end - 1}`,
          },
          body: () => chunk.bytes(from),
          bodySize: end - from,
          ok: [202, 201, 204],
        },
        false,
      );
    } catch (e) {
      if (!refusesChunks(e, from)) throw e;
      channel.refuseChunks();
      throw new ChunksRefusedError(`${channel.registry} refused a chunked upload: ${e.message}`);
    }
    this.location = nextLocation(res, this.location);
    const said = receivedFromRange(header(res, 'range'));
    const held = said > 0 ? said : end;
    if (held > end || (held < end && chunk.shortRange === 'restart'))
      throw new RestartBlobError(
        `${channel.registry}: after a chunk up to byte ${end}, the session says it holds ${held}`,
      );
    const moved = held > from;
    this.held = held;
    if (moved) return;
    channel.log(
      `${channel.registry}: the session of ${chunk.name} holds ${held} bytes after a chunk up to ${end}; sending from there`,
    );
    throw new TransientError(`the session's Range stayed at ${held}`);
  }

  /** Ask the session where it stands after a failed PATCH, and continue from there. */
  private async resume(end: number, chunk: ChunkBytes): Promise<void> {
    const { channel } = this;
    const status = await channel.call({
      method: 'GET',
      url: this.location,
      scopes: channel.scopes,
      ok: [204, 404],
    });
    if (status.status === 404)
      throw new RestartBlobError(
        `${channel.registry}: the upload session of ${chunk.name} is gone`,
      );
    this.location = nextLocation(status, this.location);
    const held = receivedFromRange(header(status, 'range'));
    if (held < chunk.floor || held > end)
      throw new RestartBlobError(
        `${channel.registry}: the session holds ${held} bytes of ${chunk.name}; the bytes from ${chunk.floor} to ${end} are the ones at hand`,
      );
    channel.log(`${channel.registry}: resuming ${chunk.name} at byte ${held}`);
    this.held = held;
  }
}

export class StreamedBlobWriter implements BlobWriter {
  private session: ChunkedSession | undefined;
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
      const session = await this.open();
      if (this.filled > 0) await this.flush();
      await this.channel.finish(session.location, digest);
      this.session = undefined;
    });
  }

  async abort(): Promise<void> {
    await this.queue;
    const location = this.session?.location;
    this.session = undefined;
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

  private async open(): Promise<ChunkedSession> {
    if (!this.session) {
      this.session = await ChunkedSession.open(this.channel, STREAM_CHUNK);
      this.buffer = new Uint8Array(this.session.chunkSize);
    }
    return this.session;
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

  /** Send the held chunk; a failure resumes inside it. */
  private async flush(): Promise<void> {
    const { start, filled } = this;
    const end = start + filled;
    await this.session!.send(end, {
      name: 'a streamed blob',
      floor: start,
      bytes: (offset) => this.buffer!.subarray(offset - start, filled),
      shortRange: 'restart',
      giveUp: (last) =>
        new TargetError(`${this.channel.registry}: ${last.message} (PATCH failed after retries)`),
    });
    this.start = end;
    this.filled = 0;
  }
}

/** A chunked upload given up on: a stall is named as one; else the byte it could not pass. */
function stuckUpload(
  registry: string,
  name: string,
  furthest: number,
  last: TransientError,
  fruitless: number,
): Error {
  return new TargetError(
    last.stalled
      ? `${registry}: ${last.message} (PATCH stalled ${fruitless} times)`
      : `${registry}: the upload of ${name} got no further than byte ${furthest} in ${fruitless} PATCHes in a row (${last.message})`,
  );
}

/**
 * A blob whose bytes can be read again (a BlobSource) in chunks, each resumed from the
 * session's Range after a failure, the blob started over in a new session when its session
 * is lost; 'refused' when the registry takes no chunks.
 */
export async function uploadChunked(
  channel: UploadChannel,
  blob: BlobSource,
  options: {
    chunkSize: number;
    onProgress?: ((digest: string, sent: number, total: number) => void) | undefined;
  },
): Promise<PutBlobResult | 'refused'> {
  let sent = 0;
  // The most any session has held: a new session that gets no further is no progress.
  let furthest = 0;
  const name = blob.digest;
  const giveUp = (last: TransientError, fruitless: number) =>
    stuckUpload(channel.registry, name, furthest, last, fruitless);
  const bytesOf = (offset: number, end: number) => {
    let chunkSent = 0;
    return counted(takeBytes(blob.open(offset), end - offset), (n) => {
      sent += n;
      chunkSent += n;
      options.onProgress?.(blob.digest, offset + chunkSent, blob.size);
    });
  };
  const attempt = async (): Promise<PutBlobResult> => {
    const session = await ChunkedSession.open(channel, options.chunkSize);
    try {
      while (session.held < blob.size) {
        const end = Math.min(session.held + session.chunkSize, blob.size);
        await session
          .send(end, {
            name,
            floor: 0,
            bytes: (offset) => bytesOf(offset, end),
            shortRange: 'resend',
            giveUp,
          })
          .finally(() => (furthest = Math.max(furthest, session.held)));
      }
    } catch (e) {
      if (!(e instanceof RestartBlobError) || e instanceof ChunksRefusedError) throw e;
      channel.log(`${e.message}; starting over in a new session`);
      throw new TransientError(e.message);
    }
    await channel.finish(session.location, blob.digest);
    return { bytesWritten: sent };
  };
  try {
    return await withRetries(
      channel.retry,
      { ...channel.retryContext, progress: () => furthest, giveUp },
      attempt,
    );
  } catch (e) {
    if (e instanceof ChunksRefusedError) return 'refused';
    throw e;
  }
}
