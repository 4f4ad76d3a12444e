// The one redirect follower: redirects are followed by hand, so a credential goes only to the
// origin it belongs to and is dropped as soon as a redirect leaves it (a blob store, a CDN).

export const MAX_REDIRECTS = 8;

/** A credential for one origin; `header()` is asked on every hop that stays there. */
export interface OriginAuthorization {
  readonly origin: string;
  header(): Promise<string | undefined> | string | undefined;
}

/** What one hop answered: go on to `next`, or the final result. */
export type Hop<T> = { readonly next: URL } | { readonly done: T };

/** The URL a 3xx answer with a Location points at, resolved against the request's. */
export function redirectTarget(
  statusCode: number,
  location: string | string[] | undefined,
  from: URL,
): URL | undefined {
  if (statusCode < 300 || statusCode >= 400 || location === undefined) return undefined;
  return new URL(String(location), from);
}

export async function followRedirects<T>(
  start: URL,
  authorization: OriginAuthorization | undefined,
  hop: (url: URL, headers: Record<string, string>) => Promise<Hop<T>>,
  tooMany: () => Error,
): Promise<T> {
  let url = start;
  for (let n = 0; n < MAX_REDIRECTS; n++) {
    const headers: Record<string, string> = {};
    if (authorization && url.origin === authorization.origin) {
      const value = await authorization.header();
      if (value) headers['authorization'] = value;
    }
    const answer = await hop(url, headers);
    if ('done' in answer) return answer.done;
    url = answer.next;
  }
  throw tooMany();
}
