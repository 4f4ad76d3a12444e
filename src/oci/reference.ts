// Image references parsed the way go-containerregistry's `name` package parses them (Cog uses
// it), so a reference means the same registry/repository/tag here as in `cog push`.
//
// Grammar: [host[:port]/]path[:tag][@sha256:hex]. The first component is a host only when it
// contains `.` or `:`; otherwise the whole thing is a Docker Hub path (`localhost/foo` too).

import { isDigest } from './digest.js';
import { shown } from '../util/format.js';

export const DOCKER_HUB = 'index.docker.io';
const DOCKER_HUB_ALIAS = 'docker.io';

const REPOSITORY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_-./';
const TAG_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.';
// RFC 3986 authority as Go's url.Parse("//" + name) accepts it with Host == name.
const AUTHORITY = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]*)(?::[0-9]*)?$/;

export class ReferenceError extends Error {
  override name = 'ReferenceError';
}

export interface Repository {
  /** host[:port], with Docker Hub written `index.docker.io`. */
  readonly registry: string;
  /** The path, with `library/` added for one-component Docker Hub paths. */
  readonly repository: string;
}

export interface Reference extends Repository {
  readonly tag: string | null;
  readonly digest: string | null;
}

export function checkRegistry(name: string): void {
  if (!AUTHORITY.test(name)) {
    throw new ReferenceError(`registries must be valid RFC 3986 URI authorities: ${shown(name)}`);
  }
}

function normalizeRegistry(name: string): string {
  checkRegistry(name);
  if (name === '' || name === DOCKER_HUB_ALIAS) return DOCKER_HUB;
  return name;
}

function checkElement(kind: string, value: string, chars: string, min: number, max: number) {
  const runes = [...value].length;
  if (runes < min || runes > max) {
    throw new ReferenceError(
      `${kind} must be between ${min} and ${max} characters in length: ${shown(value)}`,
    );
  }
  if ([...value].some((ch) => !chars.includes(ch))) {
    throw new ReferenceError(
      `${kind} can only contain the characters \`${chars}\`: ${shown(value)}`,
    );
  }
}

/** ggcr name.NewRepository: `[host/]path`, no tag, no digest. */
export function parseRepository(name: string): Repository {
  if (name.length === 0) throw new ReferenceError('a repository name must be specified');
  let registry = '';
  let repo = name;
  const slash = name.indexOf('/');
  if (slash >= 0) {
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':')) {
      registry = first;
      repo = name.slice(slash + 1);
    }
  }
  checkElement('repository', repo, REPOSITORY_CHARS, 2, 255);
  const reg = normalizeRegistry(registry);
  if (reg === DOCKER_HUB && !repo.includes('/')) repo = 'library/' + repo;
  return { registry: reg, repository: repo };
}

/** ggcr name.NewTag: `[host/]path[:tag]`; the tag defaults to `defaultTag`. */
export function parseTagged(name: string, defaultTag: string): Reference {
  let base = name;
  let tag = '';
  const colon = name.lastIndexOf(':');
  // A colon followed by a `/` belongs to host:port, not to a tag.
  if (colon >= 0 && !name.slice(colon + 1).includes('/')) {
    base = name.slice(0, colon);
    tag = name.slice(colon + 1);
    if (tag === '')
      throw new ReferenceError(`${shown(name)} must specify a tag name after the colon`);
  }
  if (tag !== '') checkElement('tag', tag, TAG_CHARS, 1, 128);
  return { ...parseRepository(base), tag: tag || defaultTag, digest: null };
}

/** ggcr name.NewDigest: `[host/]path[:tag]@sha256:hex` (a tag before the digest is dropped). */
export function parseDigested(name: string): Reference {
  const parts = name.split('@');
  if (parts.length !== 2) {
    throw new ReferenceError(
      `a digest must contain exactly one '@' separator (e.g. registry/repository@digest) saw: ${shown(name)}`,
    );
  }
  const [base, digest] = parts as [string, string];
  if (!digest.startsWith('sha256:'))
    throw new ReferenceError(`unsupported digest algorithm: ${shown(digest)}`);
  if (!isDigest(digest))
    throw new ReferenceError(`invalid checksum digest format: ${shown(digest)}`);
  let repoName = base;
  try {
    const t = parseTagged(base, 'latest');
    repoName = t.registry + '/' + t.repository;
  } catch {
    // fall through: NewRepository below reports the problem
  }
  return { ...parseRepository(repoName), tag: null, digest };
}

/** ggcr name.ParseReference: a tag reference, else a digest reference. */
export function parseReference(name: string, defaultTag = 'latest'): Reference {
  try {
    return parseTagged(name, defaultTag);
  } catch (tagError) {
    try {
      return parseDigested(name);
    } catch {
      throw new ReferenceError(
        `could not parse reference: ${shown(name)} (${(tagError as Error).message})`,
      );
    }
  }
}

/** `registry/repository`, the part every pinned reference starts with. */
export function repositoryName(r: Repository): string {
  return `${r.registry}/${r.repository}`;
}

/** `registry/repo@digest` when a digest is known, else `registry/repo:tag`. */
export function referenceString(r: Reference): string {
  if (r.digest) return `${repositoryName(r)}@${r.digest}`;
  return `${repositoryName(r)}:${r.tag ?? 'latest'}`;
}
