// Downloads straight into the local store: each arriving chunk is copied once into a shared
// slot, and from there written to the partial file and hashed on the pool's workers — the
// file's sha256 and, when the planner will give the file a plain tar layer of its own, that
// layer's digest too (its tar framing depends only on the file's path and size), so packing a
// downloaded weight reads nothing again. A target that takes blobs before their digest is
// known (an OCI layout) gets that layer written from the same slots, so pushing it later
// costs nothing. A dropped connection resumes with a Range request that continues only the
// same version of the file (`If-Range`, representation.ts); a file without a validator, or
// whose version changed, starts over from byte 0. The file is verified (size and digest)
// before it is renamed into place. A mismatch deletes the partial file and names both
// digests. Credentials go only to the origin they belong to; a redirect elsewhere drops them.

import { setTimeout as sleep } from 'node:timers/promises';
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
  STALL_ATTEMPTS,
  stallOptions,
  type StallLimits,
} from '../../util/http.js';
import { DOWNLOAD_RETRY, retryDelayMs, TRANSIENT_STATUS } from '../../util/retry.js';
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
  let written = 0;
  let expected = req.size;
  // The answer the partial file's bytes came from: a resume must continue that version.
  let version: Representation | undefined;
  const attempts = req.attempts ?? DOWNLOAD_RETRY.attempts;
  // Tries in a row that moved the file no further: the budget is DOWNLOAD_RETRY's attempts,
  // and a try that brought bytes starts the count again, so a long file on a link that drops
  // now and then still arrives while a server that never helps is given up on.
  let fruitless = 0;
  // Stalls that brought no bytes, in a row: a server that has gone silent is given up on
  // after STALL_ATTEMPTS of them.
  let silent = 0;
  const startOver = (why: string) => {
    options.log?.(`${req.url}: ${why}; downloading it again from the start`);
    written = 0;
    version = undefined;
  };
  const report = options.progress?.('downloading', req.weightPath ?? shownUrl(req.url));
  try {
    for (;;) {
      const before = written;
      try {
        const validator = version && ifRangeValue(version);
        // Bytes without a validator cannot be continued safely: the file may have changed.
        if (written > 0 && !validator) startOver('the server gave no ETag or Last-Modified');
        const headers: Record<string, string> =
          written > 0 ? { range: `bytes=${written}-`, 'if-range': validator! } : {};
        // Set in the callback below, when the answer has a body for the file.
        let sink = undefined as SlotSink | undefined;
        let cut: unknown;
        let answer: Answer | undefined;
        try {
          answer = await get(
            { ...req, stall: options.stall, signal: options.signal },
            headers,
            (statusCode, got) => {
              if (statusCode !== 200 && statusCode !== 206) return undefined;
              // A 206 must continue exactly the bytes the file began with, or they would be
              // wrong: else its body is refused unread and the file starts over.
              const mismatch =
                statusCode === 206 &&
                (written > 0
                  ? resumeMismatch(version ?? {}, got, written)
                  : contentRange(got)?.start !== 0 &&
                    `Content-Range ${JSON.stringify(got['content-range'] ?? '')} to a request for the whole file`);
              if (mismatch) return refuse(new OtherVersion(mismatch));
              // 200 to a Range request: the server ignored it, or the file changed (If-Range),
              // and this answer starts at byte 0.
              const from = statusCode === 200 ? 0 : written;
              const ready = (async () => {
                if (from === 0) {
                  version = representationOf(statusCode, got);
                  expected = req.size ?? version.total;
                  const streamed = await hashes.begin(expected, req.weightPath);
                  await partial.restart(streamed, expected);
                }
              })();
              sink = new SlotSink(partial, from, hashes, pool.slots, ready);
              sink.onTaken = (bytes) => report?.(bytes, expected);
              return sink.writable();
            },
          );
        } catch (e) {
          cut = e;
        }
        // What arrived before a cut is good: keep it, so the resume asks only for the rest.
        if (sink) written = await sink.settle();
        if (cut !== undefined) throw cut;
        if (TRANSIENT_STATUS.has(answer!.statusCode)) {
          throw new RetryableError(
            `${req.url} answered ${answer!.statusCode}`,
            retryDelayMs(DOWNLOAD_RETRY, fruitless + 1, answer!.headers['retry-after']),
          );
        }
        if (!sink) {
          const text = answer!.text;
          throw new SourceError(
            `${req.url} answered ${answer!.statusCode}${text ? `: ${text}` : ''}`,
          );
        }
        if (expected !== undefined && written !== expected) {
          throw new SourceError(`${req.url}: expected ${expected} bytes, got ${written}`);
        }
        const { digest, layer } = await hashes.finish();
        if (req.digest && digest !== req.digest) {
          throw new SourceError(
            `${req.url}: content is ${digest}, expected ${req.digest}; the partial file was deleted`,
          );
        }
        // The layer's last chunk goes up here: when its session must start over, so does the
        // file (the catch below), as for any chunk before it.
        await hashes.commit();
        const final = store.path(digest);
        const kept = await partial.keepAs(final);
        return { digest, size: written, path: final, kept, layer, etag: version?.etag };
      } catch (e) {
        throwIfCancelled(options.signal, `${req.url} at byte ${written}`);
        // The target's own failure, already retried by its policy: not the source's to retry.
        if (e instanceof TargetError) throw e;
        // The layer's upload broke where it cannot resume: the file starts over, from byte 0.
        if (e instanceof LayerBlobError) startOver(e.message);
        if (e instanceof OtherVersion) startOver(`the resume answered ${e.message}`);
        const retryable =
          e instanceof RetryableError ||
          e instanceof OtherVersion ||
          !(e instanceof SourceError || isPermanent(e));
        fruitless = written > before ? 0 : fruitless + 1;
        silent = isStall(e) && written === before ? silent + 1 : 0;
        if (!retryable || fruitless >= attempts || silent >= STALL_ATTEMPTS) {
          throw e instanceof SourceError
            ? e
            : new SourceError(
                `${req.url} at byte ${written}: ${e instanceof OtherVersion ? `the resume answered ${e.message}` : describeFetchError(e)}${fruitless >= attempts ? ` (${fruitless} tries in a row brought nothing)` : ''}`,
              );
        }
        // Keep what arrived; the next attempt asks for the rest.
        await sleep(
          e instanceof RetryableError ? e.delayMs : retryDelayMs(DOWNLOAD_RETRY, fruitless),
          undefined,
          { signal: options.signal },
        ).catch(() => undefined);
        throwIfCancelled(options.signal, `${req.url} at byte ${written}`);
      }
    }
  } finally {
    await hashes.dispose();
    await partial.dispose();
    await own?.close();
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

class RetryableError extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}
