// Downloads straight into the local store: each arriving chunk is copied once into a shared
// slot, and from there written to the partial file and hashed on the pool's workers — the
// file's sha256 and, when the planner will give the file a plain tar layer of its own, that
// layer's digest too (its tar framing depends only on the file's path and size), so packing a
// downloaded weight reads nothing again. A target that takes blobs before their digest is
// known (an OCI layout) gets that layer written from the same slots, so pushing it later
// costs nothing. A dropped connection resumes or starts over by the restart protocol written
// on Transfer below. The file is verified (size and digest) before it is renamed into place;
// a mismatch deletes the partial file and names both digests. Credentials go only to the origin they belong to; a redirect elsewhere drops them.

import type { IncomingHttpHeaders } from 'node:http';
import { Writable } from 'node:stream';
import { stream } from 'undici';
import { TargetError } from '../../oci/target.js';
import { HashPool } from '../../util/hashpool.js';
import type { Limiter } from '../../util/limit.js';
import type { WeightStore } from '../store.js';
import { Arrival, LayerBlobError, SlotSink, type ArrivedLayer, type LayerBlobs } from './slots.js';
import { PartialFile } from './partial.js';
import { SourceError } from './uri.js';
import {
  contentRange,
  ifRangeValue,
  representationOf,
  resumeMismatch,
  type Representation,
} from './representation.js';
import { followRedirects, redirectTarget } from '../../util/redirects.js';
import {
  describeFetchError,
  isPermanent,
  isStall,
  stallOptions,
  type StallLimits,
} from '../../util/http.js';
import {
  DOWNLOAD_RETRY,
  retryAfterMs,
  TRANSIENT_STATUS,
  TransientError,
  withRetries,
  type RetryContext,
} from '../../util/retry.js';
import { throwIfCancelled } from '../../util/cancel.js';
import type { ProgressLines } from '../../util/progress.js';

export interface DownloadRequest {
  readonly url: string;
  /** Sent only to this origin (e.g. the Hub), never to a redirect target elsewhere. */
  readonly authorization?: { origin: string; header: string } | undefined;
  /** When known, the bytes must hash to this (else it is computed and returned). */
  readonly digest?: string | undefined;
  readonly size?: number | undefined;
  /** The file's path inside its weight: lets the digest of its own plain tar layer be taken. */
  readonly weightPath?: string | undefined;
  readonly attempts?: number;
}

export interface Downloaded {
  readonly digest: string;
  readonly size: number;
  /** Its place in the store (where it is only when `kept`). */
  readonly path: string;
  /** A copy is in the store. False for a file that streamed into the target without one. */
  readonly kept: boolean;
  /** The strong ETag of the answer whose bytes these are (the source's fingerprint). */
  readonly etag?: string | undefined;
  /** The file's own plain tar layer (path `weightPath`), when the planner gives it one. */
  readonly layer?: ArrivedLayer | undefined;
}

export interface DownloadOptions {
  /** Hashes the download (one is made for the call when absent). */
  readonly pool?: HashPool | undefined;
  /** Where the file's own plain tar layer is written as it arrives, when it gets one. */
  readonly layerBlobs?: LayerBlobs;
  /** Bounds downloads in flight across every source that shares it. */
  readonly limit?: Limiter | undefined;
  /** How long a file server may stall; default STALL_MS. */
  readonly stall?: StallLimits | undefined;
  /** Stops the download (the publish is being cancelled). */
  readonly signal?: AbortSignal | undefined;
  /** Progress lines for long downloads. */
  readonly progress?: ProgressLines | undefined;
  /** A file streamed into the target larger than this keeps no local copy (cache-max-size). */
  readonly keepMax?: number | undefined;
  /** Where a restarted download says why. */
  readonly log?: ((message: string) => void) | undefined;
}

interface Answer {
  readonly statusCode: number;
  readonly headers: IncomingHttpHeaders;
  /** The start of the body when it went to no writer (an error page). */
  readonly text: string;
}

/**
 * GET with redirects followed by hand, so Authorization never leaves its origin. The body of
 * the final answer goes to the writer `body` gives for it (undici's `stream()`: no Readable in
 * between), or is kept as text (its first 200 bytes) when it gives none.
 */
async function get(
  req: DownloadRequest & {
    readonly stall?: StallLimits | undefined;
    readonly signal?: AbortSignal | undefined;
  },
  headers: Record<string, string>,
  body: (statusCode: number, headers: IncomingHttpHeaders) => Writable | undefined,
): Promise<Answer> {
  const url = req.url;
  const auth = req.authorization;
  return followRedirects<Answer>(
    new URL(url),
    auth && { origin: auth.origin, header: () => auth.header },
    async (target, authorization) => {
      let answer: Omit<Answer, 'text'> = { statusCode: 0, headers: {} };
      let next: URL | undefined;
      let text = '';
      const h = { ...headers, ...authorization };
      const request = {
        method: 'GET' as const,
        headers: h,
        signal: req.signal,
        ...stallOptions(req.stall),
      };
      await stream(target, request, ({ statusCode, headers: got }) => {
        answer = { statusCode, headers: got };
        next = redirectTarget(statusCode, got['location'], target);
        if (next) return discard();
        return (
          body(statusCode, got) ??
          discard((chunk) => {
            if (text.length < 200) text += chunk.toString('utf8').slice(0, 200 - text.length);
          })
        );
      });
      return next ? { next } : { done: { ...answer, text } };
    },
    () => new SourceError(`${url}: too many redirects`),
  );
}

/** A writer that drops what it is given (after showing it to `see`). */
function discard(see: (chunk: Buffer) => void = () => undefined): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      see(chunk);
      done();
    },
  });
}

/** Download `req.url` into the store; returns the verified digest and the stored path. */
export async function downloadToStore(
  store: WeightStore,
  req: DownloadRequest,
  options: DownloadOptions = {},
): Promise<Downloaded> {
  return options.limit
    ? options.limit.run(() => download(store, req, options))
    : download(store, req, options);
}

async function download(
  store: WeightStore,
  req: DownloadRequest,
  options: DownloadOptions,
): Promise<Downloaded> {
  if (req.digest && req.size !== undefined && (await store.has(req.digest, req.size))) {
    return { digest: req.digest, size: req.size, path: store.path(req.digest), kept: true };
  }
  const own = options.pool ? undefined : new HashPool(2);
  const pool = (options.pool ?? own)!;
  const hashes = new Arrival(pool, options.layerBlobs);
  const partial = await PartialFile.create(store, options.keepMax);
  const transfer = new Transfer(store, req, options, { pool, hashes, partial });
  const policy = { ...DOWNLOAD_RETRY, attempts: req.attempts ?? DOWNLOAD_RETRY.attempts };
  try {
    return await withRetries(policy, transfer.retryContext(policy.attempts), () =>
      transfer.attempt().catch((e: unknown) => transfer.verdict(e)),
    );
  } finally {
    await hashes.dispose();
    await partial.dispose();
    await own?.close();
  }
}

/**
 * One file on its way into the store, across attempts. The restart protocol: the partial
 * file holds bytes [0, written) of one version of the file (`version`); an attempt asks for
 * the rest (`Range`, with `If-Range` naming that version) and the answer must continue
 * exactly there (resumeMismatch), else its body is refused unread and the file starts over
 * from byte 0 — as it does when the server gives no validator, answers a resume with a whole
 * 200, or when the file's early layer blob cannot resume (LayerBlobError).
 */
class Transfer {
  /** Bytes the partial file holds: where the next attempt starts. */
  private written = 0;
  private expected: number | undefined;
  /** The answer the partial file's bytes came from: a resume must continue that version. */
  private version: Representation | undefined;
  private readonly report: ((bytes: number, total?: number) => void) | undefined;

  private readonly pool: HashPool;
  private readonly hashes: Arrival;
  private readonly partial: PartialFile;

  constructor(
    private readonly store: WeightStore,
    private readonly req: DownloadRequest,
    private readonly options: DownloadOptions,
    parts: { pool: HashPool; hashes: Arrival; partial: PartialFile },
  ) {
    ({ pool: this.pool, hashes: this.hashes, partial: this.partial } = parts);
    this.expected = req.size;
    this.report = options.progress?.('downloading', req.weightPath ?? shownUrl(req.url));
  }

  /**
   * A try that brought bytes starts the count of fruitless ones again, so a long file on a
   * link that drops now and then still arrives while a server that never helps is given up on.
   */
  retryContext(attempts: number): RetryContext {
    return {
      what: this.req.url,
      signal: this.options.signal,
      progress: () => this.written,
      giveUp: (last, fruitless) =>
        new SourceError(
          `${last.message}${fruitless >= attempts ? ` (${fruitless} tries in a row brought nothing)` : ''}`,
        ),
    };
  }

  private startOver(why: string): void {
    this.options.log?.(`${this.req.url}: ${why}; downloading it again from the start`);
    this.written = 0;
    this.version = undefined;
  }

  /** One GET: the rest of the file, into the partial file; then the finish. */
  async attempt(): Promise<Downloaded> {
    const validator = this.version && ifRangeValue(this.version);
    // Bytes without a validator cannot be continued safely: the file may have changed.
    if (this.written > 0 && !validator) this.startOver('the server gave no ETag or Last-Modified');
    const headers: Record<string, string> =
      this.written > 0 ? { range: `bytes=${this.written}-`, 'if-range': validator! } : {};
    // Set when the answer has a body for the file.
    let sink: SlotSink | undefined;
    let cut: unknown;
    let answer: Answer | undefined;
    const { stall, signal } = this.options;
    try {
      answer = await get({ ...this.req, stall, signal }, headers, (status, got) => {
        const taken = this.sinkFor(status, got);
        if (taken instanceof OtherVersion) return refuse(taken);
        sink = taken;
        return sink?.writable();
      });
    } catch (e) {
      cut = e;
    }
    // What arrived before a cut is good: keep it, so the resume asks only for the rest.
    if (sink) this.written = await sink.settle();
    if (cut !== undefined) throw cut;
    const { statusCode, text, headers: got } = answer!;
    if (TRANSIENT_STATUS.has(statusCode))
      throw new TransientError(
        `${this.req.url} answered ${statusCode}`,
        retryAfterMs(got['retry-after']),
      );
    if (!sink)
      throw new SourceError(`${this.req.url} answered ${statusCode}${text ? `: ${text}` : ''}`);
    return this.finish();
  }

  /**
   * Where the body of an answer goes: a sink into the partial file for a 200 or a 206 that
   * continues it; the refusal of a 206 that does not; nothing for any other answer.
   */
  private sinkFor(
    statusCode: number,
    got: IncomingHttpHeaders,
  ): SlotSink | OtherVersion | undefined {
    if (statusCode !== 200 && statusCode !== 206) return undefined;
    const { written } = this;
    // A 206 must continue exactly the bytes the file began with, or they would be wrong.
    const mismatch =
      statusCode === 206 &&
      (written > 0
        ? resumeMismatch(this.version ?? {}, got, written)
        : contentRange(got)?.start !== 0 &&
          `Content-Range ${JSON.stringify(got['content-range'] ?? '')} to a request for the whole file`);
    if (mismatch) return new OtherVersion(mismatch);
    // 200 to a Range request: the server ignored it, or the file changed (If-Range), and this
    // answer starts at byte 0.
    const from = statusCode === 200 ? 0 : written;
    const ready = from === 0 ? this.begin(statusCode, got) : Promise.resolve();
    const sink = new SlotSink(this.partial, from, this.hashes, this.pool.slots, ready);
    sink.onTaken = (bytes) => this.report?.(bytes, this.expected);
    return sink;
  }

  /** Byte 0 of a version of the file: the hashes, the early layer and the partial file restart. */
  private async begin(statusCode: number, got: IncomingHttpHeaders): Promise<void> {
    this.version = representationOf(statusCode, got);
    this.expected = this.req.size ?? this.version.total;
    const streamed = await this.hashes.begin(this.expected, this.req.weightPath);
    await this.partial.restart(streamed, this.expected);
  }

  /** Every byte is in: verify the size and digest, keep the layer blob, name the file. */
  private async finish(): Promise<Downloaded> {
    const { req, written, expected } = this;
    if (expected !== undefined && written !== expected)
      throw new SourceError(`${req.url}: expected ${expected} bytes, got ${written}`);
    const { digest, layer } = await this.hashes.finish();
    if (req.digest && digest !== req.digest)
      throw new SourceError(
        `${req.url}: content is ${digest}, expected ${req.digest}; the partial file was deleted`,
      );
    // The layer's last chunk goes up here: when its session must start over, so does the
    // file (the verdict), as for any chunk before it.
    await this.hashes.commit();
    const final = this.store.path(digest);
    const kept = await this.partial.keepAs(final);
    return { digest, size: written, path: final, kept, layer, etag: this.version?.etag };
  }

  /** What a failed attempt means: worth another (a TransientError), or the end. */
  verdict(e: unknown): never {
    const where = `${this.req.url} at byte ${this.written}`;
    throwIfCancelled(this.options.signal, where);
    // The target's own failure, already retried by its policy: not the source's to retry.
    if (e instanceof TargetError || e instanceof TransientError) throw e;
    // The layer's upload broke where it cannot resume: the file starts over, from byte 0.
    if (e instanceof LayerBlobError) {
      this.startOver(e.message);
      throw new TransientError(`${where}: ${e.message}`);
    }
    if (e instanceof OtherVersion) {
      this.startOver(`the resume answered ${e.message}`);
      throw new TransientError(`${where}: the resume answered ${e.message}`);
    }
    if (e instanceof SourceError) throw e;
    if (isPermanent(e)) throw new SourceError(`${where}: ${describeFetchError(e)}`);
    throw new TransientError(`${where}: ${describeFetchError(e)}`, undefined, isStall(e));
  }
}

/** A URL as a progress line names it: no query string (it may hold a signature). */
function shownUrl(url: string): string {
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
}

/** A writer that fails at once: undici stops the request, so a refused body is never read. */
function refuse(error: Error): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done(error);
    },
    final(done) {
      done(error);
    },
  });
}

/** A 206 that does not continue the bytes the file began with. */
class OtherVersion extends Error {}
