// The transport under the registry client: one repository's origin, its credentials and
// tokens, and every request sent with auth, a deadline that grows with the body, and retries
// with backoff on the answers the distribution spec says are transient (util/retry).

import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { undici, type Undici } from '../../util/undici.js';
import { agent, type ProxySettings } from '../../util/net.js';
import { MEDIA_TYPE } from '../mediatypes.js';
import {
  REGISTRY_RETRY,
  retryAfterMs,
  TRANSIENT_STATUS,
  TransientError,
  withRetries,
  type RetryContext,
  type RetryPolicy,
} from '../../util/retry.js';
import { TargetError } from '../target.js';
import { throwIfCancelled, withCancel } from '../../util/cancel.js';
import {
  BODY_LIMIT,
  BodyTooLargeError,
  describeFetchError,
  isPermanent,
  readLimited,
  isStall,
  STALL_MS,
  type StallLimits,
} from '../../util/http.js';

import { AuthError, Authenticator, repositoryScope } from './auth.js';
import { findCredential, searchedFor, type CredentialOptions } from './credentials.js';

export const MANIFEST_ACCEPT = [
  MEDIA_TYPE.ociManifest,
  MEDIA_TYPE.ociIndex,
  MEDIA_TYPE.dockerManifest,
  MEDIA_TYPE.dockerManifestList,
].join(', ');

export interface RegistryOptions {
  /** Hosts to reach over plain HTTP besides localhost, 127.0.0.0/8 and [::1]. */
  readonly insecureRegistries?: readonly string[];
  readonly credentials?: CredentialOptions;
  readonly retry?: Partial<RetryPolicy>;
  /** How long the registry (and its token realm) may stall; default STALL_MS. */
  readonly stall?: StallLimits | undefined;
  /** Blobs larger than this are uploaded in chunks (Cog: 128 MiB). */
  readonly chunkThreshold?: number;
  /** Chunk size (Cog: 96 MiB), lowered to a registry's advertised maximum. */
  readonly chunkSize?: number;
  readonly log?: (message: string) => void;
  /** The runner's proxies (RuntimeEnv.proxy). */
  readonly proxy?: ProxySettings | undefined;
  /** Stops every request and wait: the publish is being cancelled. */
  readonly signal?: AbortSignal | undefined;
  /** Called with the running byte count while blobs upload (for progress lines). */
  readonly onProgress?: (digest: string, sent: number, total: number) => void;
}

/** What a registry's requests are sent with. */
interface RegistryHttp {
  readonly request: Undici['request'];
  readonly dispatcher: Dispatcher;
}

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

/** Answers to a first PATCH that mean "no chunked uploads here" (GAR and friends). */
export const CHUNKS_REFUSED_STATUS = new Set([400, 405, 415, 416]);

export interface Response {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

export interface Call {
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
  /**
   * The most of an ok answer's body the caller needs, and what it is (a manifest): a larger
   * one is an error naming it. Without it an answer is read only as far as a message shows.
   */
  readonly expect?: { readonly limit: number; readonly what: string };
}

export function header(res: Response, name: string): string | undefined {
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

/** Count what actually left through the body. */
export async function* counted(
  source: AsyncIterable<Uint8Array>,
  onBytes: (n: number) => void,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    onBytes(chunk.length);
    yield chunk;
  }
}

/** Requests to one repository of one registry; RegistryTarget builds the API on it. */
export class RegistryTransport {
  readonly name: string;
  protected readonly origin: string;
  protected readonly retry: RetryPolicy;
  private http: Promise<RegistryHttp> | undefined;
  private auth: Authenticator | undefined;
  private probing: Promise<void> | undefined;
  protected readonly pushScope: string;
  /** Set once the registry refuses a chunked upload: every later blob goes in one request. */
  protected chunkedRefused = false;

  constructor(
    readonly registry: string,
    readonly repository: string,
    protected readonly options: RegistryOptions = {},
  ) {
    this.name = `${registry}/${repository}`;
    this.origin = `${registryScheme(registry, options.insecureRegistries)}://${registry}`;
    this.retry = { ...REGISTRY_RETRY, ...options.retry };
    this.pushScope = repositoryScope(repository, 'pull,push');
  }

  /** undici's request() and this registry's agent, made on the first request. */
  protected httpClient(): Promise<RegistryHttp> {
    // A registry that sends nothing for STALL_MS is stalled: no headers (measured once the
    // request is sent, so an upload's own length does not count) or no body bytes. Uploads
    // also get a deadline that scales with their body (see send()).
    const stall = this.stall;
    this.http ??= Promise.all([
      undici(),
      agent(
        {
          headersTimeout: stall.headers,
          bodyTimeout: stall.body,
          connect: { timeout: stall.connect },
          connections: 16,
        },
        this.options.proxy,
      ),
    ]).then(([{ request }, dispatcher]) => ({ request, dispatcher }));
    return this.http;
  }

  async close(): Promise<void> {
    if (this.http) await (await this.http).dispatcher.close();
  }

  protected async authenticator(): Promise<Authenticator> {
    if (!this.auth) {
      const credential = await findCredential(
        this.registry,
        this.options.credentials,
        this.repository,
      );
      const searched = credential
        ? undefined
        : await searchedFor(this.registry, this.options.credentials);
      this.auth = new Authenticator(this.registry, credential, Date.now, this.stall, searched);
    }
    return this.auth;
  }

  protected deadlineMs(bodySize = 0, streamed = false): number {
    // The stall bound for the round trip plus 1 s per MB of body (1 MB/s is a floor, not a
    // forecast). A streamed body may come from another peer that pauses to retry (a prebuilt
    // image's registry): its own retries get a minute, so its error, not ours, is reported.
    return this.stall.headers + Math.ceil(bodySize / 1_000_000) * 1000 + (streamed ? 60_000 : 0);
  }

  protected get stall(): StallLimits {
    return this.options.stall ?? STALL_MS;
  }

  /** One HTTP exchange, with auth. No retries here. */
  protected async send(call: Call, auth: Authenticator): Promise<Response> {
    const url = new URL(call.url, this.origin);
    const headers: Record<string, string> = { ...call.headers };
    // Credentials and tokens only ever go to the registry's own origin.
    if (url.origin === this.origin) {
      const authorization = await auth.authorization(call.scopes);
      if (authorization) headers['authorization'] = authorization;
    }
    const raw = call.body?.();
    const body =
      raw && !(raw instanceof Uint8Array) ? Readable.from(raw, { objectMode: false }) : raw;
    if (call.bodySize !== undefined) headers['content-length'] = String(call.bodySize);
    const signal = withCancel(
      AbortSignal.timeout(this.deadlineMs(call.bodySize, body instanceof Readable)),
      this.options.signal,
    );
    const { request, dispatcher } = await this.httpClient();
    let res;
    try {
      res = await request(url, { method: call.method, headers, body, signal, dispatcher });
    } catch (e) {
      if (body instanceof Readable) body.destroy();
      throw this.failure(e, call, url, false);
    }
    let data: Buffer;
    try {
      const wanted = call.expect && call.ok.includes(res.statusCode) ? call.expect : undefined;
      data = await readLimited(
        res.body,
        wanted?.limit ?? BODY_LIMIT.error,
        `${this.registry}: ${wanted?.what ?? 'the answer'}`,
        !wanted,
      );
      if (!wanted) res.body.destroy();
    } catch (e) {
      res.body.destroy();
      throw this.failure(e, call, url, true);
    } finally {
      // A registry may answer before reading the whole body (a 401, a refusal): close the
      // source stream so its file handles are not left open.
      if (body instanceof Readable && !body.readableEnded) body.destroy();
    }
    return { status: res.statusCode, headers: res.headers, body: data };
  }

  /** A request that failed (or whose answer was `cut` short) as the error to throw. */
  private failure(e: unknown, call: Call, url: URL, cut: boolean): Error {
    if (e instanceof TargetError || e instanceof AuthError) return e;
    if (e instanceof BodyTooLargeError) return new TargetError(e.message);
    throwIfCancelled(this.options.signal, `${this.registry}: ${call.method} ${url.pathname}`);
    const what = `${call.method} ${url.pathname}: ${cut ? 'response cut: ' : ''}${describeFetchError(e)}`;
    if (isPermanent(e) && !cut) return new TargetError(what);
    return new TransientError(what, undefined, isStall(e));
  }

  /**
   * Send with auth and retries (util/retry): transient failures back off and resend while the
   * policy allows. `replay: false` sends once and hands a transient failure to the caller as
   * it is, for requests whose caller resumes on its own (upload chunks).
   */
  protected async call(call: Call, replay = true): Promise<Response> {
    const auth = await this.authenticator();
    if (!replay) return this.exchange(call, auth, false);
    return withRetries(this.retry, this.retryContext(call.method), () =>
      this.exchange(call, auth, true),
    );
  }

  /** How this registry's requests are retried: logged, cancellable, named in the give-up. */
  protected retryContext(method: string): RetryContext {
    return {
      what: `${this.registry}: ${method}`,
      signal: this.options.signal,
      log: this.options.log,
      giveUp: (last, tries) =>
        new TargetError(
          `${this.registry}: ${last.message} (${method} failed after ${tries} attempts)`,
        ),
    };
  }

  /**
   * One request and its answer. A 401 with a challenge renews the token and is sent once
   * more (without `replay`, the caller is told to resume instead); a transient answer is a
   * TransientError, any other unexpected one an HttpStatusError.
   */
  private async exchange(call: Call, auth: Authenticator, replay: boolean): Promise<Response> {
    let res = await this.send(call, auth);
    if (res.status === 401) {
      this.renewAuth(res, call, auth);
      if (!replay)
        throw new TransientError(
          `${call.method} ${new URL(call.url, this.origin).pathname}: 401, token renewed`,
        );
      res = await this.send(call, auth);
      if (res.status === 401) this.renewAuth(res, call, auth, true);
    }
    if (call.ok.includes(res.status)) return res;
    const message = this.describe(res, call);
    if (!TRANSIENT_STATUS.has(res.status))
      throw new HttpStatusError(`${this.registry}: ${message}`, res.status);
    throw new TransientError(message, retryAfterMs(header(res, 'retry-after')));
  }

  /** After a 401: drop the token and take the new challenge, or fail when there is none. */
  private renewAuth(res: Response, call: Call, auth: Authenticator, again = false): void {
    auth.invalidate(call.scopes);
    const challenged = header(res, 'www-authenticate');
    if (challenged && !again) {
      auth.setChallenge(challenged);
      return;
    }
    throw new AuthError(
      `${this.registry} refused the credentials (401 on ${call.method} ${new URL(call.url, this.origin).pathname}); credentials tried: ${auth.credentialSource}`,
    );
  }

  protected describe(res: Response, call: Call): string {
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
    const writing = call.method !== 'GET' && call.method !== 'HEAD';
    const hint = res.status === 403 && writing ? writeDeniedHint(this.registry) : '';
    return `${call.method} ${path} answered ${res.status}${detail ? ` (${detail})` : ''}${hint}`;
  }

  /** GET /v2/: learns the auth challenge, and fails early on an unreachable registry. */
  async probe(): Promise<void> {
    // One probe for every operation that starts before it ends: a registry that cannot be
    // reached is tried (and retried) once, not once per blob in flight.
    this.probing ??= this.call({ method: 'GET', url: '/v2/', scopes: [], ok: [200] }).then(
      () => undefined,
      (e: Error) => {
        if (e instanceof AuthError) throw e;
        throw new TargetError(
          `cannot reach registry ${this.registry} (${this.origin}): ${e.message}`,
        );
      },
    );
    return this.probing;
  }
}

/** What a refused write most often means, and the fix. */
function writeDeniedHint(registry: string): string {
  if (registry === 'ghcr.io')
    return ': the token may read but not write this package. In a workflow, give the job `permissions: packages: write` (and, for a package that exists already, grant this repository Write access in the package settings)';
  return ': the credentials may read this repository but not write it; use a login with push access';
}
