// Tag rules of Cog (pkg/model/tag.go): the reserved `cog-` prefix, the image and weight tags,
// and the timestamp tag used when no tag is given.

export const RESERVED_TAG_PREFIX = 'cog-';
export const IMAGE_TAG_PREFIX = 'cog-image.';
export const WEIGHT_TAG_PREFIX = 'cog-weight.';

/** The OCI distribution tag grammar, which is also what Cog accepts for COG_MODEL_TAG. */
export const TAG_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;

const SEGMENT_MAX = 104;

export function isReservedTag(tag: string): boolean {
  return tag.startsWith(RESERVED_TAG_PREFIX);
}

/** Why `tag` cannot be a user-chosen model tag, or undefined when it can. */
export function userTagProblem(tag: string): string | undefined {
  if (isReservedTag(tag))
    return `"${RESERVED_TAG_PREFIX}" is a reserved prefix — choose a different tag`;
  if (!TAG_PATTERN.test(tag)) return `must match ${TAG_PATTERN.source}`;
  return undefined;
}

/** The text after the first `:`, cut to 12 characters; "" when there is none. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  if (colon < 0) return '';
  return digest.slice(colon + 1, colon + 13);
}

/** One tag segment: runs of characters outside [A-Za-z0-9_-] become one `-`, trimmed, ≤ 104. */
export function sanitizeTagSegment(name: string): string {
  // Iterate by code point: Go maps each rune (not each UTF-16 unit) to one hyphen.
  let out = '';
  for (const ch of name) out += /^[A-Za-z0-9_-]$/.test(ch) ? ch : '-';
  out = out.replace(/-+/g, '-').replace(/^-+|-+$/g, '');
  if (out.length > SEGMENT_MAX) out = out.slice(0, SEGMENT_MAX).replace(/-+$/, '');
  return out === '' ? 'unnamed' : out;
}

export function weightTag(name: string, setDigest: string): string {
  const short = shortDigest(setDigest);
  const segment = sanitizeTagSegment(name);
  return short === '' ? WEIGHT_TAG_PREFIX + segment : `${WEIGHT_TAG_PREFIX}${segment}.${short}`;
}

export function imageTag(modelTag: string): string {
  return IMAGE_TAG_PREFIX + modelTag;
}

/** UTC `YYYYMMDDTHHMMSSZ` (Go layout 20060102T150405Z). */
export function timestampTag(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}
