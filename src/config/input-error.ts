// What every input parser shares: how an input is read, and the error that names it.

/** Reads one input as @actions/core does: trimmed, "" when unset. */
export type InputReader = (name: string) => string;

export class InputError extends Error {
  override name = 'InputError';
}
