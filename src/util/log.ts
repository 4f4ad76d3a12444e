// The log every stage writes to: the action's (@actions/core) or the CLI's (stderr). Both doors
// wrap theirs in `boundedLog`, the one place text reaches the log: much of it comes from peers
// (a registry's error page, a file server's ETag, a builder's output), and the runner obeys any
// line of a step's output that starts with `::` (`::add-mask::`, `::error::`, …).

export interface Log {
  info(message: string): void;
  warning(message: string): void;
  notice(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** The longest line the log shows; the rest is counted, not shown. */
export const LOG_LINE_MAX = 4096;

/**
 * Text as the log may show it: each line at most LOG_LINE_MAX characters, carriage returns
 * and other control characters (but tabs) shown as `\x..`, and a line that would be a workflow
 * command (`::name::`, or `##[name]` anywhere) shown with `> ` before it, or with `##[` split.
 */
export function logSafe(text: string): string {
  return text.split('\n').map(safeLine).join('\n');
}

function safeLine(line: string): string {
  // eslint-disable-next-line no-control-regex
  let shown = line.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => {
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  if (shown.length > LOG_LINE_MAX)
    shown = `${shown.slice(0, LOG_LINE_MAX)}… (${shown.length - LOG_LINE_MAX} more characters)`;
  shown = shown.replaceAll('##[', '## [');
  return /^\s*::/.test(shown) ? `> ${shown}` : shown;
}

/** `sink` with every message made log-safe first. */
export function boundedLog(sink: Log): Log {
  return {
    info: (m) => sink.info(logSafe(m)),
    warning: (m) => sink.warning(logSafe(m)),
    notice: (m) => sink.notice(logSafe(m)),
    group: (name, fn) => sink.group(logSafe(name), fn),
  };
}
