// include/exclude patterns, compiled exactly as Cog compiles them (go-gitignore, as used by
// weightsource/filter.go), so a filter selects the same files here as in `cog weights import`.
// A file is kept when it matches some include (or there are none) and no exclude: exclude wins.

const MAGIC_STAR = '#$~';

/** One pattern as go-gitignore's getPatternFromLine compiles it; undefined for no-ops. */
export function compilePattern(input: string): RegExp | undefined {
  let line = input.replace(/\r+$/, '');
  if (line.startsWith('#')) return undefined;
  line = line.replace(/^ +| +$/g, '');
  if (line === '') return undefined;
  if (line.startsWith('!')) line = line.slice(1); // Cog rejects negation at config load
  if (/^(#|!)/.test(line)) line = line.slice(1);
  if (/([^/+])\/.*\*\./.test(line) && line[0] !== '/') line = '/' + line;
  line = line.replace(/\./g, '\\.');
  if (line.startsWith('/**/')) line = line.slice(1);
  line = line.replace(/\/\*\*\//g, '(/|/.+/)');
  line = line.replace(/\*\*\//g, `(|.${MAGIC_STAR}/)`);
  line = line.replace(/\/\*\*/g, `(|/.${MAGIC_STAR})`);
  line = line.replace(/\\\*/g, `\\${MAGIC_STAR}`);
  line = line.replace(/\*/g, '([^/]*)');
  line = line.split('?').join('\\?');
  line = line.split(MAGIC_STAR).join('*');
  let expr = line.endsWith('/') ? `${line}(|.*)$` : `${line}(|/.*)$`;
  expr = expr.startsWith('/') ? `^(|/)${expr.slice(1)}` : `^(|.*/)${expr}`;
  try {
    return new RegExp(expr);
  } catch {
    return undefined; // go-gitignore drops a pattern whose regex does not compile
  }
}

export interface PathFilter {
  (path: string): boolean;
}

/** The keep/drop decision for `include`/`exclude` lists. */
export function pathFilter(include: readonly string[], exclude: readonly string[]): PathFilter {
  const inc = include.map(compilePattern).filter((r): r is RegExp => r !== undefined);
  const exc = exclude.map(compilePattern).filter((r): r is RegExp => r !== undefined);
  return (p) => {
    if (exc.some((r) => r.test(p))) return false;
    return include.length === 0 || inc.some((r) => r.test(p));
  };
}

/** Cog's zero-survivors message. */
export function noSurvivorsMessage(
  total: number,
  include: readonly string[],
  exclude: readonly string[],
): string {
  const list = (xs: readonly string[]) => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
  let m = `include/exclude patterns matched zero files out of ${total} in the source`;
  if (include.length > 0) m += `\n  include: ${list(include)}`;
  if (exclude.length > 0) m += `\n  exclude: ${list(exclude)}`;
  return m + '\n  check your patterns — did you mean a different glob?';
}
