// Which version of a file an answer carries, so a resumed download continues only the bytes it
// began with. A file that changed on the server between a cut and the resume must not become
// the first N bytes of one version and the rest of the next: the resume asks with `If-Range`
// (RFC 9110 §13.1.5: the strong ETag, else Last-Modified), and a 206 is taken only when its
// start, its validator and its total are those of the answer the kept bytes came from. Anything
// else starts the file over from byte 0. Pure: headers in, decisions out.

import type { IncomingHttpHeaders } from 'node:http';

/** What identifies the bytes of one answer. */
export interface Representation {
  /** The strong ETag, when the server gave one (a weak one says nothing about the bytes). */
  readonly etag?: string | undefined;
  readonly lastModified?: string | undefined;
  /** The whole file's length, when the answer says it. */
  readonly total?: number | undefined;
}

const one = (v: string | string[] | undefined): string | undefined =>
  typeof v === 'string' ? v : undefined;

/** The strong ETag of an answer, or undefined (missing or weak). */
export function strongEtagOf(headers: IncomingHttpHeaders): string | undefined {
  const etag = one(headers['etag']);
  return etag && !etag.startsWith('W/') ? etag : undefined;
}

/** A `Content-Range: bytes <start>-<end>/<total>` header, read. */
export function contentRange(
  headers: IncomingHttpHeaders,
): { start: number; end: number; total?: number } | undefined {
  const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(one(headers['content-range'])?.trim() ?? '');
  if (!m) return undefined;
  return {
    start: Number(m[1]),
    end: Number(m[2]),
    ...(m[3] !== '*' ? { total: Number(m[3]) } : {}),
  };
}

/** The representation a 200 (whole file) or 206 (part of it) answer carries. */
export function representationOf(statusCode: number, headers: IncomingHttpHeaders): Representation {
  const length = Number(one(headers['content-length']));
  const total =
    statusCode === 206
      ? contentRange(headers)?.total
      : Number.isSafeInteger(length) && length >= 0
        ? length
        : undefined;
  return {
    etag: strongEtagOf(headers),
    lastModified: one(headers['last-modified']),
    total,
  };
}

/** The `If-Range` value a resume sends; undefined when there is no validator to send. */
export function ifRangeValue(kept: Representation): string | undefined {
  return kept.etag ?? kept.lastModified;
}

/**
 * Why a 206 answer to `Range: bytes=<from>-` does not continue `kept`'s bytes, or undefined when
 * it does: it must start at `from`, carry the same validator `If-Range` sent, and have the same
 * total length.
 */
export function resumeMismatch(
  kept: Representation,
  headers: IncomingHttpHeaders,
  from: number,
): string | undefined {
  const range = contentRange(headers);
  const shown = JSON.stringify(one(headers['content-range']) ?? '');
  if (!range) return `a 206 without a readable Content-Range (${shown})`;
  if (range.start !== from)
    return `bytes from ${range.start} (Content-Range: ${shown}) to a request for bytes ${from}-`;
  if (kept.total !== undefined && range.total !== kept.total)
    return `a total of ${range.total ?? 'unknown'} bytes where the file began with ${kept.total}`;
  const got = representationOf(206, headers);
  if (kept.etag !== undefined) {
    if (got.etag !== kept.etag)
      return `ETag ${got.etag ?? '(none)'} where the file began with ${kept.etag}`;
  } else if (got.lastModified !== kept.lastModified) {
    return `Last-Modified ${got.lastModified ?? '(none)'} where the file began with ${kept.lastModified}`;
  }
  return undefined;
}
