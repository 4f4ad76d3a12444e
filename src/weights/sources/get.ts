// The GET of a download: redirects followed by hand, so Authorization never leaves its origin,
// and the body of the final answer handed straight to a writer (undici's stream(): no Readable
// in between).

import type { IncomingHttpHeaders } from 'node:http';
import { Writable } from 'node:stream';
import { undici } from '../../util/undici.js';
import { followRedirects, redirectTarget } from '../../util/redirects.js';
import { stallOptions, type StallLimits } from '../../util/http.js';
import { SourceError } from './uri.js';

export interface GetRequest {
  readonly url: string;
  /** Sent only to this origin (e.g. the Hub), never to a redirect target elsewhere. */
  readonly authorization?: { origin: string; header: string } | undefined;
  readonly stall?: StallLimits | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface Answer {
  readonly statusCode: number;
  readonly headers: IncomingHttpHeaders;
  /** The start of the body when it went to no writer (an error page). */
  readonly text: string;
}

/**
 * GET with redirects followed by hand, so Authorization never leaves its origin. The body of
 * the final answer goes to the writer `body` gives for it (undici's `stream()`: no Readable in
 * between), or is kept as text (its first 200 bytes) when it gives none.
 */
export async function get(
  req: GetRequest,
  headers: Record<string, string>,
  body: (statusCode: number, headers: IncomingHttpHeaders, url: URL) => Writable | undefined,
): Promise<Answer> {
  const url = req.url;
  const auth = req.authorization;
  const { stream } = await undici();
  return followRedirects<Answer>(
    new URL(url),
    auth && { origin: auth.origin, header: () => auth.header },
    async (target, authorization) => {
      let answer: Omit<Answer, 'text'> = { statusCode: 0, headers: {} };
      let next: URL | undefined;
      let text = '';
      const h = { ...headers, ...authorization };
      const request = {
        method: 'GET' as const,
        headers: h,
        signal: req.signal,
        ...stallOptions(req.stall),
      };
      await stream(target, request, ({ statusCode, headers: got }) => {
        answer = { statusCode, headers: got };
        next = redirectTarget(statusCode, got['location'], target);
        if (next) return discard();
        return (
          body(statusCode, got, target) ??
          discard((chunk) => {
            if (text.length < 200) text += chunk.toString('utf8').slice(0, 200 - text.length);
          })
        );
      });
      return next ? { next } : { done: { ...answer, text } };
    },
    () => new SourceError(`${url}: too many redirects`),
  );
}

/** A writer that drops what it is given (after showing it to `see`). */
function discard(see: (chunk: Buffer) => void = () => undefined): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      see(chunk);
      done();
    },
  });
}

/** A writer that fails at once: undici stops the request, so a refused body is never read. */
export function refuse(error: Error): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done(error);
    },
    final(done) {
      done(error);
    },
  });
}

/** A URL as a message names it: no query string (it may hold a signature). */
export function shownUrl(url: URL | string): string {
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
}
