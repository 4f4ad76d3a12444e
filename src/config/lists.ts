// The list inputs, read as docker/build-push-action reads its own: entries separated by
// newlines or commas (annotations by newlines only: a value such as a description holds
// commas), trimmed, empty ones dropped — so docker/metadata-action's `tags` and `annotations`
// outputs can be passed straight in.

import { userTagProblem } from '../cog/tags.js';

export class ListInputError extends Error {
  override name = 'ListInputError';
}

export function parseList(text: string, separators: RegExp = /[\n,]/): string[] {
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A `tags` entry: a bare tag, or a full `registry/repository:tag` (metadata-action's form). */
export interface TagEntry {
  readonly tag: string;
  /** The repository a full entry names; it must be where the model goes. */
  readonly repository?: string | undefined;
}

export function parseTags(text: string): TagEntry[] {
  const out: TagEntry[] = [];
  for (const entry of parseList(text)) {
    if (entry.includes('@'))
      throw new ListInputError(`input 'tags': "${entry}" is a digest reference, not a tag`);
    const slash = entry.lastIndexOf('/');
    const colon = entry.lastIndexOf(':');
    // A tag has neither `/` nor `:`: with either, the entry is a reference (metadata-action
    // writes a Docker Hub image as `user/model:tag`, or `name:tag` for a top-level one).
    const full = slash >= 0 || colon >= 0;
    if (full && colon < slash)
      throw new ListInputError(`input 'tags': "${entry}" names a repository but no tag`);
    const tag = full ? entry.slice(colon + 1) : entry;
    const problem = userTagProblem(tag);
    if (problem) throw new ListInputError(`input 'tags': "${entry}": ${problem}`);
    if (!out.some((t) => t.tag === tag))
      out.push(full ? { tag, repository: entry.slice(0, colon) } : { tag });
  }
  return out;
}

/** `annotations` entries: `key=value`, optionally `index:` or `manifest:` first. */
export function parseAnnotations(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of parseList(text, /\n/)) {
    const m = /^(?:([a-z-]+):)?([^=:\s][^=\s]*)=(.*)$/s.exec(entry);
    const level = m?.[1];
    if (!m || (level !== undefined && level !== 'index' && level !== 'manifest'))
      throw new ListInputError(
        `input 'annotations': "${entry}" must be key=value, optionally after index: or manifest: (docker/metadata-action's form)`,
      );
    // The model's own manifest is its index: the image's and the weights' manifests are
    // pinned by digest (weights.lock, the build), so both levels annotate the index.
    out[m[2]!] = m[3]!;
  }
  return out;
}
