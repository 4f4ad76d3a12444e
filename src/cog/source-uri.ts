// Source URIs in the canonical form weights.lock records (Cog's NormalizeURI): what drift
// compares, so `weights`, `./weights/` and `file://weights` are one source. Pure: cog.yaml
// checks its sources with it, and the weight sources read them by it.

import { cleanPosix } from '../util/posix.js';

export class SourceError extends Error {
  override name = 'SourceError';
}

/** `file://./weights`, `file:///abs`; `.` and paths out of the project are errors. */
export function normalizeFileUri(uri: string): string {
  const raw = uri.startsWith('file://') ? uri.slice('file://'.length) : uri;
  const clean = cleanPosix(raw);
  if (clean.startsWith('/')) return `file://${clean}`;
  if (clean === '.') throw new SourceError('weight source cannot be the project directory itself');
  if (clean.startsWith('..'))
    throw new SourceError(`weight source "${uri}" escapes the project directory`);
  return `file://./${clean}`;
}

/** `hf://org/repo[@ref]` with `@main` dropped; `huggingface://` becomes `hf://`. */
function normalizeHfUri(uri: string): string {
  const rest = uri.replace(/^(hf|huggingface):\/\//, '');
  const at = rest.lastIndexOf('@');
  const repo = at > 0 ? rest.slice(0, at) : rest;
  const ref = at > 0 ? rest.slice(at + 1) : undefined;
  if (!/^[^/]+\/[^/]+$/.test(repo)) throw new SourceError(`hf source "${uri}" must name org/repo`);
  if (ref === '') throw new SourceError(`hf source "${uri}" has an empty @ref`);
  return ref === undefined || ref === 'main' ? `hf://${repo}` : `hf://${repo}@${ref}`;
}

export function normalizeSourceUri(uri: string): string {
  const sep = uri.indexOf('://');
  const scheme = sep < 0 ? '' : uri.slice(0, sep);
  switch (scheme) {
    case '':
    case 'file':
      return normalizeFileUri(uri);
    case 'hf':
    case 'huggingface':
      return normalizeHfUri(uri);
    case 'http':
    case 'https': {
      const url = new URL(uri);
      if (url.username || url.password)
        throw new SourceError('HTTP URI must not embed credentials (user:pass@host)');
      return url.href;
    }
    default:
      throw new SourceError(`unsupported weight source scheme "${scheme}" in URI "${uri}"`);
  }
}
