// The one rule for a weight file's path, wherever the path comes from: a local directory, a
// Hub listing, a URL, or a weights.lock. It becomes a tar entry name that Cog's runtime
// extracts under the weight's target, so it must stay inside it.

/** Why `rel` cannot be a weight file path, or undefined when it can. */
export function pathProblem(rel: string): string | undefined {
  if (rel === '') return 'is empty';
  // A lone surrogate has no UTF-8 form: the tar name would not be the path.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(rel))
    return 'is not valid UTF-8';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(rel)) return 'contains a control character';
  if (rel.includes('\\')) return 'contains a backslash';
  if (rel.startsWith('/') || rel.startsWith('./')) return 'is not a clean relative path';
  if (rel.split('/').some((part) => part === '..' || part === '.' || part === '')) {
    return 'is not a clean relative path';
  }
  return undefined;
}
