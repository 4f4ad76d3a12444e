// How sizes read in logs, tables and summaries: one formatter for all of them.

/** `512 B`, `37.0 KiB`, `1.5 GiB`. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}

/** A value as an error message shows it: at most 200 characters of it. */
export function shown(v: string): string {
  return v.length > 200 ? `${v.slice(0, 200)}… (${v.length} characters)` : v;
}
