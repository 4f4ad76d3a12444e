// undici is loaded on the first HTTP request, not at start-up: it is a quarter of the bundle,
// and a command that makes no request (weights pack, or a publish into an OCI layout from
// local files) would otherwise parse it for nothing (0.04 s of a 0.13 s start). Every module
// takes it from here, so it is loaded once.

export type Undici = typeof import('undici');

let loading: Promise<Undici> | undefined;

/** The undici module, loaded on first use. */
export function undici(): Promise<Undici> {
  // A CommonJS module imported dynamically: the bundle gives its exports as `default` only,
  // Node gives them named too.
  return (loading ??= import('undici').then((m) => (m as { default?: Undici }).default ?? m));
}
