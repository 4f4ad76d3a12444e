// Cog's ref tree after a push (pkg/cli/push.go), character for character: `  %-6s  %s` for the
// model, `  ├─ %-6s  %s` for the image, `  ├─ %-6s  %-Ns  %s` for each weight, `└─` for the
// last child, no trailing newline.

export interface RefTree {
  /** `registry/repo` */
  readonly repository: string;
  readonly indexDigest: string;
  readonly imageDigest: string;
  readonly weights: readonly { name: string; digest: string }[];
}

export function formatRefTree(tree: RefTree): string {
  const ref = (digest: string) => `${tree.repository}@${digest}`;
  const width = Math.max(0, ...tree.weights.map((w) => w.name.length));
  const children = [
    `${'image'.padEnd(6)}  ${ref(tree.imageDigest)}`,
    ...tree.weights.map((w) => `${'weight'.padEnd(6)}  ${w.name.padEnd(width)}  ${ref(w.digest)}`),
  ];
  return [
    `  ${'model'.padEnd(6)}  ${ref(tree.indexDigest)}`,
    ...children.map((c, i) => `  ${i === children.length - 1 ? '└─' : '├─'} ${c}`),
  ].join('\n');
}

/** A legacy `image:` publish: one line. */
export function formatImageRef(repository: string, digest: string): string {
  return `  image  ${repository}@${digest}`;
}
