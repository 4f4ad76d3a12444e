// One policy for what we read from peers: how long a peer may stall before we give up on it,
// and how much of an answer we read, by kind. Nothing a peer sends is read whole without a
// bound: a manifest past the OCI limit, a token page of megabytes, an error page of gigabytes
// each stop at their limit with a message naming what was too large.

/** How long a peer may send nothing (ms) before it counts as stalled. */
export interface StallLimits {
  /** Until the answer's headers, once the request is sent. */
  readonly headers: number;
  /** Between two chunks of the answer's body. */
  readonly body: number;
  readonly connect: number;
}

/** The defaults: a stall fails within a minute or two, STALL_ATTEMPTS tries in all. */
export const STALL_MS: StallLimits = { headers: 45_000, body: 30_000, connect: 30_000 };

/** `COG_PUSH_STALL_SECONDS` (RuntimeEnv): one bound for all three, for slow links and tests. */
export function stallLimits(seconds: number | undefined): StallLimits {
  if (seconds === undefined || !(seconds > 0)) return STALL_MS;
  const ms = seconds * 1000;
  return { headers: ms, body: ms, connect: ms };
}

/** How many times a stalled request is tried in all: a stall is rarely cured by waiting. */
export const STALL_ATTEMPTS = 2;

const MiB = 1024 * 1024;

/** The most we read of each kind of answer. */
export const BODY_LIMIT = {
  /** The OCI distribution spec's manifest limit. */
  manifest: 4 * MiB,
  /** A token answer, a verify-token answer. */
  token: 1 * MiB,
  /** A JSON API answer (a Hub listing page). */
  json: 16 * MiB,
  /** Of an error answer we keep what a message shows. */
  error: 64 * 1024,
  /** Files of an image or project read whole: .cog/weights.json, manifest.json, cog.yaml, weights.lock. */
  file: 8 * MiB,
} as const;

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/**
 * Read at most `limit` bytes of `body`. Past the limit: `truncate` keeps the first `limit`
 * bytes and stops reading; otherwise a BodyTooLargeError names `what`.
 */
export async function readLimited(
  body: AsyncIterable<Uint8Array>,
  limit: number,
  what: string,
  truncate = false,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const c = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (size + c.length > limit) {
      if (truncate) {
        chunks.push(c.subarray(0, limit - size));
        size = limit;
        break;
      }
      throw new BodyTooLargeError(`${what} is larger than ${limit} bytes; refusing to read it`);
    }
    chunks.push(c);
    size += c.length;
  }
  return Buffer.concat(chunks, size);
}

/** TLS errors that mean the peer's certificate is not one Node trusts. */
const CERTIFICATE_CODE =
  /^(CERT_|UNABLE_TO_(GET|VERIFY)_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|ERR_TLS_CERT_)/;

/**
 * Errors no retry can fix: the certificate is not trusted, the peer does not speak TLS (or
 * HTTP) on that port, the name does not resolve. Asking again only adds the backoff's wait.
 */
const PERMANENT_CODE = /^(ERR_SSL_|ERR_TLS_|EPROTO$|ENOTFOUND$|HPE_|ERR_INVALID_URL$)/;

/** Is this fetch error one that no retry can fix? */
export function isPermanent(e: unknown): boolean {
  const err = e as { name?: string; code?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  return CERTIFICATE_CODE.test(code) || PERMANENT_CODE.test(code) || err.name === 'HTTPParserError';
}

/** A fetch error as a person reads it: a timeout says so, not "23: …" (a DOMException code). */
export function describeFetchError(e: unknown): string {
  const err = e as Error & { code?: unknown };
  if (err.name === 'TimeoutError' || err.code === 'UND_ERR_HEADERS_TIMEOUT')
    return 'no answer (timed out)';
  if (err.code === 'UND_ERR_BODY_TIMEOUT') return 'the answer stalled (timed out)';
  const code = typeof err.code === 'string' ? `${err.code}: ` : '';
  if (CERTIFICATE_CODE.test(String(err.code ?? '')))
    return `${code}${err.message} (the server's TLS certificate is not trusted here: for a private CA, set NODE_EXTRA_CA_CERTS to its PEM file)`;
  if (err.name === 'HTTPParserError')
    return `the server does not speak HTTP there (${err.message}): check the host and port`;
  return `${code}${err.message}`;
}

/** Is this fetch error a timeout (a stalled peer)? */
export function isStall(e: unknown): boolean {
  const err = e as { name?: string; code?: unknown };
  return (
    err.name === 'TimeoutError' ||
    err.code === 'UND_ERR_HEADERS_TIMEOUT' ||
    err.code === 'UND_ERR_BODY_TIMEOUT' ||
    err.code === 'UND_ERR_CONNECT_TIMEOUT'
  );
}

/** undici per-request timeouts for a peer that may stall. */
export const stallOptions = (stall: StallLimits = STALL_MS) => ({
  headersTimeout: stall.headers,
  bodyTimeout: stall.body,
});
