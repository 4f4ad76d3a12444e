// A registry repository as a Target, over the OCI distribution API with undici. Written for
// multi-GB blobs: bodies are streamed from their source, large blobs go in chunks that resume
// from the session's Range after any failure (a dropped connection, a 5xx, an expired token),
// and every request is retried with backoff on the failures the spec says are transient.

import { setTimeout as sleep } from 'node:timers/promises';
import { Readable } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';
import { sha256 } from '../../util/hashpool.js';
import { takeBytes } from '../../util/bytes.js';
import { MEDIA_TYPE } from '../mediatypes.js';
import type { BlobSource, Manifest, ManifestInfo, PutBlobResult, Target } from '../target.js';
import { TargetError } from '../target.js';
import { AuthError, Authenticator, repositoryScope } from './auth.js';
import { findCredential, type CredentialOptions } from './credentials.js';

export const MANIFEST_ACCEPT = [
  MEDIA_TYPE.ociManifest,
  MEDIA_TYPE.ociIndex,
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export interface RegistryOptions {
  /** Hosts to reach over plain HTTP besides localhost, 127.0.0.0/8 and [::1]. */
  readonly insecureRegistries?: readonly string[];
  readonly credentials?: CredentialOptions;
  readonly retry?: Partial<RetryPolicy>;
  /** Blobs larger than this are uploaded in chunks (Cog: 128 MiB). */
  readonly chunkThreshold?: number;
  /** Chunk size (Cog: 96 MiB), lowered to a registry's advertised maximum. */
  readonly chunkSize?: number;
  readonly log?: (message: string) => void;
  /** Called with the running byte count while blobs upload (for progress lines). */
  readonly onProgress?: (digest: string, sent: number, total: number) => void;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 20_000 };
export const DEFAULT_CHUNK_THRESHOLD = 128 * 1024 * 1024;
export const DEFAULT_CHUNK_SIZE = 96 * 1024 * 1024;

/** Plain HTTP for loopback registries and those the user lists as insecure. */
export function registryScheme(
  registry: string,
  insecure: readonly string[] = [],
): 'http' | 'https' {
  const host = registry.replace(/:\d+$/, '');
  if (host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)) return 'http';
  return insecure.includes(registry) || insecure.includes(host) ? 'http' : 'https';
}

/** A status the caller did not expect and that is not worth retrying. */
export class HttpStatusError extends TargetError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Statuses that mean "try again": the spec's list. */
const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/** Answers to a first PATCH that mean "no chunked uploads here" (GAR and friends). */
const CHUNKS_REFUSED_STATUS = new Set([400, 405, 415, 416]);

/** A failure worth retrying: the request may succeed if sent again. */
class TransientError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

interface Response {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

interface Call {
  readonly method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under the origin, or an absolute URL (upload locations). */
  readonly url: string;
  readonly scopes: readonly string[];
  readonly headers?: Record<string, string>;
  /** A fresh body per attempt. */
  readonly body?: () => AsyncIterable<Uint8Array> | Uint8Array;
  readonly bodySize?: number;
  /** Statuses the caller handles; anything else is an error. */
  readonly ok: readonly number[];
}

function header(res: Response, name: string): string | undefined {
  const v = res.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Bytes a session holds, from its `Range: 0-<last>` header; none when absent. distribution
 * answers `0-0` for an empty session as well as for a one-byte one: read as empty, since
 * resending one byte costs nothing and skipping one would corrupt the blob.
 */
export function receivedFromRange(range: string | undefined): number {
  const m = range ? /^(?:bytes=)?(\d+)-(\d+)$/.exec(range.trim()) : null;
  if (!m || m[2] === '0') return 0;
  return Number(m[2]) + 1;
}

function retryAfterMs(res: Response): number | undefined {
  const v = header(res, 'retry-after');
  if (!v) return undefined;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Count what actually left through the body. */
async function* counted(
  source: AsyncIterable<Uint8Array>,
  onBytes: (n: number) => void,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    onBytes(chunk.length);
    yield chunk;
  }
}

export class RegistryTarget implements Target {
  readonly name: string;
  private readonly origin: string;
  private readonly retry: RetryPolicy;
  private readonly dispatcher: Dispatcher;
  private auth: Authenticator | undefined;
  private probed = false;
  private readonly pushScope: string;
  /** Set once the registry refuses a chunked upload: every later blob goes in one request. */
  private chunkedRefused = false;

  constructor(
    readonly registry: string,
    readonly repository: string,
    private readonly options: RegistryOptions = {},
  ) {
    this.name = `${registry}/${repository}`;
    this.origin = `${registryScheme(registry, options.insecureRegistries)}://${registry}`;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.pushScope = repositoryScope(repository, 'pull,push');
    // No fixed body timeout: a large upload takes as long as it takes; each request gets a
    // deadline that scales with its body instead (see send()).
    this.dispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0, connections: 16 });
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private async authenticator(): Promise<Authenticator> {
    if (!this.auth) {
      const credential = await findCredential(this.registry, this.options.credentials);
      this.auth = new Authenticator(this.registry, credential);
    }
    return this.auth;
  }

  private deadlineMs(bodySize = 0): number {
    // 60 s for the round trip plus 1 s per MB of body (1 MB/s is a floor, not a forecast).
    return 60_000 + Math.ceil(bodySize / 1_000_000) * 1000;
  }

  /** One HTTP exchange, with auth. No retries here. */
  private async send(call: Call, auth: Authenticator): Promise<Response> {
    const url = new URL(call.url, this.origin);
    const headers: Record<string, string> = { ...call.headers };
    // Credentials and tokens only ever go to the registry's own origin.
    if (url.origin === this.origin) {
      const authorization = await auth.authorization(call.scopes);
      if (authorization) headers['authorization'] = authorization;
    }
    const raw = call.body?.();
    let body: Uint8Array | Readable | undefined;
    if (raw instanceof Uint8Array) body = raw;
    else if (raw) body = Readable.from(raw, { objectMode: false });
    if (call.bodySize !== undefined) headers['content-length'] = String(call.bodySize);
    const signal = AbortSignal.timeout(this.deadlineMs(call.bodySize));
    let res;
    try {
      res = await request(url, {
        method: call.method,
        headers,
        body,
        signal,
        dispatcher: this.dispatcher,
      });
    } catch (e) {
      if (body instanceof Readable) body.destroy();
      const err = e as Error & { code?: string };
      if (err instanceof TargetError || err instanceof AuthError) throw err;
      throw new TransientError(
        `${call.method} ${url.pathname}: ${err.code ?? err.name}: ${err.message}`,
      );
    }
    const chunks: Buffer[] = [];
    try {
      for await (const c of res.body) chunks.push(c as Buffer);
    } catch (e) {
      throw new TransientError(
        `${call.method} ${url.pathname}: response cut: ${(e as Error).message}`,
      );
    } finally {
      // A registry may answer before reading the whole body (a 401, a refusal): close the
      // source stream so its file handles are not left open.
      if (body instanceof Readable && !body.readableEnded) body.destroy();
    }
    return { status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) };
  }

  /**
   * Send with auth and retries. A 401 renews auth and resends once; transient failures back
   * off and resend while attempts remain (`replay: false` turns that off for requests whose
   * caller resumes on its own, i.e. upload chunks).
   */
  private async call(call: Call, replay = true): Promise<Response> {
    const auth = await this.authenticator();
    let reauthed = false;
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await this.send(call, auth);
      } catch (e) {
        // Without replay the caller resumes on its own: hand it the transient failure as is.
        if (e instanceof TransientError && !replay) throw e;
        if (!(e instanceof TransientError) || attempt >= this.retry.attempts) {
          throw this.wrap(e, call);
        }
        await this.backoff(attempt, e.message, e.retryAfterMs);
        continue;
      }
      if (res.status === 401) {
        auth.invalidate(call.scopes);
        const challenged = header(res, 'www-authenticate');
        if (!reauthed && challenged) {
          auth.setChallenge(challenged);
          reauthed = true;
          if (replay) {
            attempt--;
            continue;
          }
          throw new TransientError(
            `${call.method} ${new URL(call.url, this.origin).pathname}: 401, token renewed`,
          );
        }
        throw new AuthError(
          `${this.registry} refused the credentials (401 on ${call.method} ${new URL(call.url, this.origin).pathname}); credentials tried: ${auth.credentialSource}`,
        );
      }
      if (call.ok.includes(res.status)) return res;
      const message = this.describe(res, call);
      if (!TRANSIENT_STATUS.has(res.status)) throw new HttpStatusError(message, res.status);
      if (!replay || attempt >= this.retry.attempts) {
        throw replay
          ? new TargetError(`${message} (gave up after ${attempt} attempts)`)
          : new TransientError(message, retryAfterMs(res));
      }
      await this.backoff(attempt, message, retryAfterMs(res));
    }
  }

  private wrap(e: unknown, call: Call): Error {
    if (e instanceof TransientError) {
      return new TargetError(
        `${this.registry}: ${e.message} (${call.method} failed after retries)`,
      );
    }
    return e as Error;
  }

  private describe(res: Response, call: Call): string {
    let detail = '';
    try {
      const errors = JSON.parse(res.body.toString('utf8')).errors as {
        code?: string;
        message?: string;
      }[];
      detail = errors.map((x) => `${x.code}: ${x.message}`).join('; ');
    } catch {
      detail = res.body.toString('utf8').slice(0, 200).trim();
    }
    const path = new URL(call.url, this.origin).pathname;
    return `${this.registry}: ${call.method} ${path} answered ${res.status}${detail ? ` (${detail})` : ''}`;
  }

  private async backoff(attempt: number, why: string, retryAfter?: number): Promise<void> {
    const exp = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    const delay = retryAfter ?? exp / 2 + Math.random() * (exp / 2);
    this.options.log?.(`retrying in ${(delay / 1000).toFixed(1)} s: ${why}`);
    await sleep(Math.min(delay, this.retry.maxDelayMs * 3));
  }

  /** GET /v2/: learns the auth challenge, and fails early on an unreachable registry. */
  async probe(): Promise<void> {
    if (this.probed) return;
    // A 401 here teaches the authenticator the challenge and is answered inside call().
    await this.call({ method: 'GET', url: '/v2/', scopes: [], ok: [200] }).catch((e: Error) => {
      if (e instanceof AuthError) throw e;
      throw new TargetError(
        `cannot reach registry ${this.registry} (${this.origin}): ${e.message}`,
      );
    });
    this.probed = true;
  }

  async hasBlob(digest: string): Promise<number | null> {
    await this.probe();
    const res = await this.call({
      method: 'HEAD',
      url: `/v2/${this.repository}/blobs/${digest}`,
      scopes: [repositoryScope(this.repository, 'pull')],
      ok: [200, 404],
    });
    return res.status === 200 ? Number(header(res, 'content-length') ?? -1) : null;
  }

  async mountBlob(digest: string, fromRepository: string): Promise<boolean> {
    await this.probe();
    const q = new URLSearchParams({ mount: digest, from: fromRepository });
    const res = await this.call({
      method: 'POST',
      url: `/v2/${this.repository}/blobs/uploads/?${q}`,
      scopes: [this.pushScope, repositoryScope(fromRepository, 'pull')],
      bodySize: 0,
      ok: [201, 202],
    });
    if (res.status === 201) return true;
    // 202: the registry opened a normal session instead. Cancel it; putBlob opens its own.
    const location = header(res, 'location');
    if (location) {
      await this.call({
        method: 'DELETE',
        url: location,
        scopes: [this.pushScope],
        ok: [204, 404],
      }).catch(() => undefined);
    }
    return false;
  }

  async putBlob(blob: BlobSource): Promise<PutBlobResult> {
    const have = await this.hasBlob(blob.digest);
    if (have !== null) return { bytesWritten: 0 };
    const threshold = this.options.chunkThreshold ?? DEFAULT_CHUNK_THRESHOLD;
    if (blob.size > threshold && !this.chunkedRefused) {
      const chunked = await this.uploadChunked(blob);
      if (chunked !== 'refused') return chunked;
      this.chunkedRefused = true;
      this.options.log?.(
        `${this.registry} refused a chunked upload; sending blobs in one request from now on`,
      );
    }
    return this.uploadMonolithic(blob);
  }

  private async startSession(): Promise<{ location: string; minChunk: number; maxChunk: number }> {
    const res = await this.call({
      method: 'POST',
      url: `/v2/${this.repository}/blobs/uploads/`,
      scopes: [this.pushScope],
      bodySize: 0,
      ok: [202],
    });
    const location = header(res, 'location');
    if (!location) throw new TargetError(`${this.registry}: upload session without a Location`);
    return {
      location: new URL(location, this.origin + '/').href,
      minChunk: Number(header(res, 'oci-chunk-min-length') ?? 0) || 0,
      maxChunk: Number(header(res, 'oci-chunk-max-length') ?? 0) || 0,
    };
  }

  private withDigest(location: string, digest: string): string {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    return url.href;
  }

  private checkDigest(res: Response, digest: string): void {
    const echoed = header(res, 'docker-content-digest');
    if (echoed && echoed !== digest) {
      throw new TargetError(
        `${this.registry}: stored ${echoed} for blob ${digest}; the registry and the bytes disagree`,
      );
    }
  }

  private async uploadMonolithic(blob: BlobSource): Promise<PutBlobResult> {
    let sent = 0;
    for (let attempt = 1; ; attempt++) {
      // A failed PUT may leave its session half-written: every attempt gets a new session.
      const session = await this.startSession();
      sent = 0;
      try {
        const res = await this.call(
          {
            method: 'PUT',
            url: this.withDigest(session.location, blob.digest),
            scopes: [this.pushScope],
            headers: { 'content-type': 'application/octet-stream' },
            body: () =>
              counted(blob.open(0), (n) => {
                sent += n;
                this.options.onProgress?.(blob.digest, sent, blob.size);
              }),
            bodySize: blob.size,
            ok: [201],
          },
          false,
        );
        this.checkDigest(res, blob.digest);
        return { bytesWritten: sent };
      } catch (e) {
        if (!(e instanceof TransientError) || attempt >= this.retry.attempts)
          throw this.wrap(e, { method: 'PUT' } as Call);
        await this.backoff(attempt, e.message, e.retryAfterMs);
      }
    }
  }

  /** Chunked upload that resumes from the session's Range; 'refused' when chunks are not accepted. */
  private async uploadChunked(blob: BlobSource): Promise<PutBlobResult | 'refused'> {
    let session = await this.startSession();
    let location = session.location;
    let chunkSize = this.options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    if (session.maxChunk > 0) chunkSize = Math.min(chunkSize, session.maxChunk);
    chunkSize = Math.max(chunkSize, session.minChunk);
    let offset = 0;
    let sent = 0;
    let failures = 0;
    while (offset < blob.size) {
      const end = Math.min(offset + chunkSize, blob.size);
      try {
        const res = await this.call(
          {
            method: 'PATCH',
            url: location,
            scopes: [this.pushScope],
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
                this.options.onProgress?.(blob.digest, start + chunkSent, blob.size);
              });
            },
            bodySize: end - offset,
            ok: [202, 201, 204],
          },
          false,
        );
        location = new URL(header(res, 'location') ?? location, location).href;
        const received = receivedFromRange(header(res, 'range'));
        offset = received > 0 ? received : end;
        failures = 0;
      } catch (e) {
        if (e instanceof HttpStatusError && offset === 0 && CHUNKS_REFUSED_STATUS.has(e.status)) {
          return 'refused';
        }
        if (!(e instanceof TransientError)) throw e;
        failures++;
        if (failures >= this.retry.attempts) throw this.wrap(e, { method: 'PATCH' } as Call);
        await this.backoff(failures, e.message, e.retryAfterMs);
        // Ask the session how much it kept, and continue from there.
        const status = await this.call({
          method: 'GET',
          url: location,
          scopes: [this.pushScope],
          ok: [204, 404],
        });
        if (status.status === 404) {
          this.options.log?.(
            `${this.registry}: upload session of ${blob.digest} is gone; starting over`,
          );
          session = await this.startSession();
          location = session.location;
          offset = 0;
        } else {
          location = new URL(header(status, 'location') ?? location, location).href;
          offset = receivedFromRange(header(status, 'range'));
          this.options.log?.(`${this.registry}: resuming ${blob.digest} at byte ${offset}`);
        }
      }
    }
    const res = await this.call({
      method: 'PUT',
      url: this.withDigest(location, blob.digest),
      scopes: [this.pushScope],
      headers: { 'content-type': 'application/octet-stream' },
      bodySize: 0,
      ok: [201],
    });
    this.checkDigest(res, blob.digest);
    return { bytesWritten: sent };
  }

  /**
   * Stream a blob. Registries often redirect blob GETs to object storage: the redirect is
   * followed without the Authorization header, which belongs to the registry alone.
   */
  async *openBlob(digest: string): AsyncIterable<Uint8Array> {
    await this.probe();
    const auth = await this.authenticator();
    const scopes = [repositoryScope(this.repository, 'pull')];
    let url = new URL(`/v2/${this.repository}/blobs/${digest}`, this.origin);
    for (let hop = 0; hop < 5; hop++) {
      const headers: Record<string, string> = {};
      if (url.origin === this.origin) {
        const authorization = await auth.authorization(scopes);
        if (authorization) headers['authorization'] = authorization;
      }
      const res = await request(url, { method: 'GET', headers, dispatcher: this.dispatcher });
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers['location']) {
        await res.body.dump();
        url = new URL(String(res.headers['location']), url);
        continue;
      }
      if (res.statusCode !== 200) {
        const text = await res.body.text();
        throw new TargetError(
          `${this.name}: GET blob ${digest} answered ${res.statusCode}: ${text.slice(0, 200)}`,
        );
      }
      yield* res.body as AsyncIterable<Uint8Array>;
      return;
    }
    throw new TargetError(`${this.name}: GET blob ${digest}: too many redirects`);
  }

  /** HEAD or GET a manifest by tag or digest; null when the registry does not have it. */
  private async fetchManifest(method: 'HEAD' | 'GET', reference: string): Promise<Response | null> {
    await this.probe();
    const res = await this.call({
      method,
      url: `/v2/${this.repository}/manifests/${reference}`,
      scopes: [repositoryScope(this.repository, 'pull')],
      headers: { accept: MANIFEST_ACCEPT },
      ok: [200, 404],
    });
    return res.status === 404 ? null : res;
  }

  async hasManifest(reference: string): Promise<ManifestInfo | null> {
    const res = await this.fetchManifest('HEAD', reference);
    if (!res) return null;
    const digest = header(res, 'docker-content-digest');
    if (!digest) {
      const full = await this.getManifest(reference);
      return full && { digest: full.digest, mediaType: full.mediaType, size: full.size };
    }
    if (reference.startsWith('sha256:') && digest !== reference) {
      throw new TargetError(
        `${this.name}: asked for manifest ${reference}, registry says ${digest}`,
      );
    }
    return {
      digest,
      mediaType: header(res, 'content-type') ?? MEDIA_TYPE.ociManifest,
      size: Number(header(res, 'content-length') ?? 0),
    };
  }

  async getManifest(reference: string): Promise<Manifest | null> {
    const res = await this.fetchManifest('GET', reference);
    if (!res) return null;
    const digest = sha256(res.body);
    const echoed = header(res, 'docker-content-digest');
    if (
      (echoed && echoed !== digest) ||
      (reference.startsWith('sha256:') && reference !== digest)
    ) {
      throw new TargetError(
        `${this.name}: manifest ${reference} bytes hash to ${digest}, registry says ${echoed ?? reference}`,
      );
    }
    return {
      digest,
      mediaType: header(res, 'content-type') ?? MEDIA_TYPE.ociManifest,
      size: res.body.length,
      bytes: new Uint8Array(res.body),
    };
  }

  async putManifest(bytes: Uint8Array, mediaType: string, reference: string): Promise<string> {
    await this.probe();
    const digest = sha256(bytes);
    if (reference.startsWith('sha256:') && reference !== digest) {
      throw new TargetError(`${this.name}: manifest bytes are ${digest}, not ${reference}`);
    }
    const res = await this.call({
      method: 'PUT',
      url: `/v2/${this.repository}/manifests/${reference}`,
      scopes: [this.pushScope],
      headers: { 'content-type': mediaType },
      body: () => bytes,
      bodySize: bytes.length,
      ok: [201],
    });
    const echoed = header(res, 'docker-content-digest');
    if (echoed && echoed !== digest) {
      throw new TargetError(
        `${this.name}: registry stored manifest ${reference} as ${echoed}, but its bytes are ${digest}`,
      );
    }
    return digest;
  }
}
