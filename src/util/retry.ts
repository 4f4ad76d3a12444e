// The one retry policy: which answers are worth asking again, how long to wait (the server's
// Retry-After, else capped exponential backoff with jitter), and how many tries. The registry
// client, downloads and the Hub's API all wait by it (withRetries); each names its own limits.

import { setTimeout as sleep } from 'node:timers/promises';
import { throwIfCancelled } from './cancel.js';
import { STALL_ATTEMPTS } from './http.js';

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

/**
 * The one mark of a failure worth another attempt: a dropped connection, a stall, a transient
 * status. Anything else thrown inside withRetries ends it at once.
 */
export class TransientError extends Error {
  constructor(
    message: string,
    /** The server's Retry-After, in ms. */
    readonly retryAfterMs?: number,
    /** The peer went silent (a timeout): see STALL_ATTEMPTS. */
    readonly stalled = false,
  ) {
    super(message);
  }
}

export interface RetryContext {
  /** Names the work in a cancellation. */
  readonly what: string;
  readonly signal?: AbortSignal | undefined;
  /** Told each wait and why; silent when absent. */
  readonly log?: ((message: string) => void) | undefined;
  /**
   * How far the work has got (bytes held, say). An attempt that moved it on starts the count
   * of fruitless attempts again, so a long transfer on a link that drops now and then still
   * ends while a peer that never helps is given up on. Without it every attempt counts.
   */
  readonly progress?: (() => number) | undefined;
  /**
   * Failures counted so far, shared by calls that are one piece of work (a blob read chunk by
   * chunk): without it each call starts with the whole budget.
   */
  readonly budget?: RetryBudget | undefined;
  /** The error once the budget is spent (default: the last failure's, with the count). */
  readonly giveUp?: ((last: TransientError, fruitless: number) => Error) | undefined;
}

/** Failures in a row: fruitless attempts, and stalls among them that brought nothing. */
export class RetryBudget {
  fruitless = 0;
  silent = 0;
}

/**
 * Run `attempt` until it returns, throws anything but a TransientError, or the budget is
 * spent: `policy.attempts` fruitless attempts in a row, or STALL_ATTEMPTS stalls in a row that
 * brought nothing (a stall is rarely cured by waiting). Between attempts it waits the server's
 * Retry-After, else the policy's backoff. This is the only retry loop in the tree: every
 * request, upload, download and API call that is asked again is asked through it.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  context: RetryContext,
  attempt: (number: number) => Promise<T>,
): Promise<T> {
  const { signal, what } = context;
  const spent = context.budget ?? new RetryBudget();
  for (let n = 1; ; n++) {
    throwIfCancelled(signal, what);
    const before = context.progress?.();
    try {
      return await attempt(n);
    } catch (e) {
      if (!(e instanceof TransientError)) throw e;
      throwIfCancelled(signal, what);
      const moved = before !== undefined && context.progress!() > before;
      const fruitless = (spent.fruitless = moved ? 0 : spent.fruitless + 1);
      spent.silent = e.stalled && !moved ? spent.silent + 1 : 0;
      if (fruitless >= policy.attempts || spent.silent >= STALL_ATTEMPTS)
        throw (
          context.giveUp?.(e, fruitless) ?? new Error(`${e.message} (gave up after ${n} attempts)`)
        );
      const delay = backoffDelayMs(policy, Math.max(1, fruitless), e.retryAfterMs);
      context.log?.(`retrying in ${(delay / 1000).toFixed(1)} s: ${e.message}`);
      await sleep(delay, undefined, { signal }).catch(() => undefined);
    }
  }
}
