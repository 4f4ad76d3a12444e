// What `cog-push weights pack` prints: the conformance `expected` shape as JSON, or a table.

import { formatBytes } from '../util/format.js';
import type { PackedWeight } from '../weights/pack.js';

/** The same keys, in the same order, as `expected` in the conformance cases. */
export function packJson(packed: PackedWeight) {
  const a = packed.artifact;
  return {
    config: a.config,
    configDigest: a.configDigest,
    files: packed.files.map(({ path, size, digest }) => ({ path, size, digest })),
    layers: packed.layers.map((l) => ({
      tarDigest: l.tarDigest,
      tarSize: l.tarSize,
      digest: l.digest,
      mediaType: l.mediaType,
      size: l.size,
      sizeUncompressed: l.sizeUncompressed,
      files: l.files.map((f) => f.path),
    })),
    manifest: a.manifest,
    manifestDigest: a.manifestDigest,
    manifestSize: a.manifestSize,
    setDigest: a.setDigest,
    sizeUncompressed: a.sizeUncompressed,
  };
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

export function packTable(packed: PackedWeight): string {
  const a = packed.artifact;
  const lines = [
    `weight    ${a.name} → ${a.target}`,
    `tag       ${a.tag}`,
    `manifest  ${a.manifestDigest} (${a.manifestSize} bytes)`,
    `set       ${a.setDigest}`,
    `files     ${packed.files.length} files, ${formatBytes(a.sizeUncompressed)}`,
    '',
    ...table([
      ['layer', 'type', 'files', 'size', 'uncompressed', 'digest'],
      ...packed.layers.map((l, i) => [
        String(i),
        l.mediaType.endsWith('+gzip') ? 'tar+gzip' : 'tar',
        String(l.files.length),
        formatBytes(l.size),
        formatBytes(l.sizeUncompressed),
        l.digest,
      ]),
    ]),
  ];
  return lines.join('\n');
}
