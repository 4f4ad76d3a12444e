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
import { TargetError } from '../../oci/target.js';
import { HashPool } from '../../util/hashpool.js';
import type { Limiter } from '../../util/limit.js';
import type { WeightStore } from '../store.js';
import {
  Arrival,
  HeadDone,
  LayerBlobError,
  SlotSink,
  type ArrivedLayer,
  type LayerBlobs,
} from './slots.js';
import { OtherVersion, RANGE_WINDOW, RangedFetch, type RangeSettings } from './ranges.js';
import { PartialFile } from './partial.js';
import { SourceError } from './uri.js';
import {
  contentRange,
  ifRangeValue,
  representationOf,
  resumeMismatch,
  type Representation,
} from './representation.js';
import { get, refuse, shownUrl, type Answer } from './get.js';
import { describeFetchError, isPermanent, isStall, type StallLimits } from '../../util/http.js';
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
  /** Large files over parallel Range requests (ranges.ts); absent, every file is one stream. */
  readonly ranges?: RangeSettings | undefined;
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
  /** Set once the server answered a range wrongly: the rest of this download is one stream. */
  private oneStream = false;

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

  /**
   * One GET: the rest of the file, into the partial file; then the finish. When the answer
   * shows a large file the server serves in ranges, this GET is only its head (the first
   * window's worth) and the rest comes over parallel Range requests, in order (ranges.ts).
   */
  async attempt(): Promise<Downloaded> {
    const validator = this.version && ifRangeValue(this.version);
    // Bytes without a validator cannot be continued safely: the file may have changed.
    if (this.written > 0 && !validator) this.startOver('the server gave no ETag or Last-Modified');
    const headers: Record<string, string> =
      this.written > 0 ? { range: `bytes=${this.written}-`, 'if-range': validator! } : {};
    // Set when the answer has a body for the file.
    let sink: SlotSink | undefined;
    let ranges: RangedFetch | undefined;
    let cut: unknown;
    let answer: Answer | undefined;
    const { stall, signal } = this.options;
    try {
      answer = await get({ ...this.req, stall, signal }, headers, (status, got, url) => {
        const taken = this.sinkFor(status, got);
        if (taken instanceof OtherVersion) return refuse(taken);
        sink = taken;
        ranges = sink && this.rangesAfter(status, got, url, sink.queued);
        ranges?.start();
        return sink?.writable(ranges?.from);
      });
    } catch (e) {
      cut = e;
    }
    if (sink && ranges) cut = await this.rest(sink, ranges, cut);
    if (ranges && cut instanceof OtherVersion) {
      this.oneStream = true;
      this.options.log?.(
        `${shownUrl(this.req.url)}: a range answered ${cut.message}; fetching it as one stream`,
      );
    }
    // What arrived before a cut is good: keep it, so the resume asks only for the rest.
    if (sink) this.written = await sink.settle();
    if (cut !== undefined) throw cut;
    if (ranges) return this.finish();
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
   * The windows after the head stream, in order; what stopped the attempt, if anything. A
   * head cut by the network is no failure: its rest is fetched as a range of its own.
   */
  private async rest(sink: SlotSink, ranges: RangedFetch, headCut: unknown): Promise<unknown> {
    const fatal =
      headCut !== undefined &&
      !(headCut instanceof HeadDone) &&
      (this.options.signal?.aborted ||
        headCut instanceof SourceError ||
        headCut instanceof LayerBlobError ||
        headCut instanceof TargetError);
    if (fatal) {
      await ranges.abandon(headCut);
      return headCut;
    }
    try {
      await ranges.drain((chunk, release) => sink.adopt(chunk, release), sink.queued);
      return undefined;
    } catch (e) {
      return e;
    }
  }

  /**
   * The ranged fetch of the rest of the file, when this answer shows a file large enough that
   * the server serves in ranges of one version; else undefined (one stream, as ever).
   */
  private rangesAfter(
    statusCode: number,
    got: IncomingHttpHeaders,
    url: URL,
    from: number,
  ): RangedFetch | undefined {
    const settings = this.options.ranges;
    if (!settings || settings.connections < 2 || this.oneStream) return undefined;
    const version = representationOf(statusCode, got);
    const total = version.total;
    const window = settings.window ?? RANGE_WINDOW;
    if (total === undefined || !ifRangeValue(version) || total - from < settings.threshold)
      return undefined;
    // A 206 shows ranges are served; a 200 must say so. Ranges of an encoded body are not
    // ranges of the file.
    if (statusCode === 200 && !/\bbytes\b/i.test(String(got['accept-ranges'] ?? '')))
      return undefined;
    const encoding = String(got['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity') return undefined;
    const auth = this.req.authorization;
    const headers: Record<string, string> =
      auth && url.origin === auth.origin ? { authorization: auth.header } : {};
    const file = { url, headers, version: { ...version, total }, from: from + window };
    const { stall, signal } = this.options;
    return new RangedFetch(file, { ...settings, window }, { stall, signal });
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
