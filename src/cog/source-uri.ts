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

/** `hf://org/repo[@ref]` (or `huggingface://`): the repository and the ref (`main` when absent). */
export function parseHfUri(uri: string): { repo: string; ref: string } {
  const rest = uri.replace(/^(hf|huggingface):\/\//, '');
  const at = rest.lastIndexOf('@');
  const repo = at > 0 ? rest.slice(0, at) : rest;
  const ref = at > 0 ? rest.slice(at + 1) : 'main';
  if (!/^[^/@]+\/[^/@]+$/.test(repo))
    throw new SourceError(`hf source "${uri}" must name org/repo`);
  if (ref === '') throw new SourceError(`hf source "${uri}" has an empty @ref`);
  return { repo, ref };
}

/** `hf://org/repo[@ref]` with `@main` dropped; `huggingface://` becomes `hf://`. */
function normalizeHfUri(uri: string): string {
  const { repo, ref } = parseHfUri(uri);
  return ref === 'main' ? `hf://${repo}` : `hf://${repo}@${ref}`;
}

function normalizeHttpUri(uri: string): string {
  const url = new URL(uri);
  if (url.username || url.password)
    throw new SourceError('HTTP URI must not embed credentials (user:pass@host)');
  return url.href;
}

/** The kinds of weight source, each with its canonical form: the one list of what Cog takes. */
export const SOURCE_KINDS = {
  file: normalizeFileUri,
  hf: normalizeHfUri,
  http: normalizeHttpUri,
} as const;

export type SourceKind = keyof typeof SOURCE_KINDS;

/** The URI schemes each kind is written with (none at all is a local path). */
const SCHEME_KINDS: Readonly<Record<string, SourceKind>> = {
  '': 'file',
  file: 'file',
  hf: 'hf',
  huggingface: 'hf',
  http: 'http',
  https: 'http',
};

/** The kind of source `uri` names; an unsupported scheme is an error naming it. */
export function sourceKind(uri: string): SourceKind {
  const sep = uri.indexOf('://');
  const scheme = sep < 0 ? '' : uri.slice(0, sep);
  const kind = SCHEME_KINDS[scheme];
  if (!kind) throw new SourceError(`unsupported weight source scheme "${scheme}" in URI "${uri}"`);
  return kind;
}

export function normalizeSourceUri(uri: string): string {
  return SOURCE_KINDS[sourceKind(uri)](uri);
}
