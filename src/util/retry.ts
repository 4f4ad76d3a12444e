// The one retry policy: which answers are worth asking again, how long to wait (the server's
// Retry-After, else capped exponential backoff with jitter), and how many tries. The registry
// client, downloads and the Hub's API all wait by it; each names its own limits.

/** Answers worth asking again: timeout, rate limit, and the transient 5xx. */
export const TRANSIENT_STATUS: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Registries: five tries from 0.5 s, up to 20 s apart. */
export const REGISTRY_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 20_000 };

/** Downloads and the Hub's API: five tries from 0.4 s, up to 5 s apart. */
export const DOWNLOAD_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 400, maxDelayMs: 5_000 };

/** A server's Retry-After (seconds, or an HTTP date) in ms; undefined when absent or unreadable. */
export function retryAfterMs(value: string | readonly string[] | undefined): number | undefined {
  const v = Array.isArray(value) ? value[0] : (value as string | undefined);
  if (!v) return undefined;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The longest Retry-After honoured: a server that asks for more gets this. */
export const RETRY_AFTER_MAX_MS = 60_000;

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1): the server's
 * Retry-After (at most RETRY_AFTER_MAX_MS), else exponential backoff from `baseDelayMs`,
 * capped at `maxDelayMs`, with jitter in its upper half.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfter?: string | readonly string[],
): number {
  return backoffDelayMs(policy, attempt, retryAfterMs(retryAfter));
}

/** The same, with the server's Retry-After already read (ms). */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, askedMs?: number): number {
  if (askedMs !== undefined) return Math.min(askedMs, RETRY_AFTER_MAX_MS);
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return exp / 2 + Math.random() * (exp / 2);
}
