// Cancellation: one half of a publish failing stops the other. A signal reaches every request
// and every wait of a stage; what it stops ends in a CancelledError, which is never retried.

export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** Throw a CancelledError when `signal` has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new CancelledError(`${what}: cancelled (${reasonOf(signal)})`);
}

/** `timeout`, and `signal` when there is one: whichever fires first. */
export function withCancel(timeout: AbortSignal, signal: AbortSignal | undefined): AbortSignal {
  return signal ? AbortSignal.any([timeout, signal]) : timeout;
}

function reasonOf(signal: AbortSignal): string {
  const r: unknown = signal.reason;
  return r instanceof Error ? r.message : String(r);
}
