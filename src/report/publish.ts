// What a publish reports: step outputs, Cog's ref tree, and the job summary — all pure
// functions of the result, so the action and the CLI print the same thing.

import type { LedgerEntry, LedgerView } from '../publish/ledger.js';
import type { PublishResult } from '../publish/types.js';
import { formatBytes } from '../util/format.js';
import { formatImageRef, formatRefTree } from './reftree.js';

export function totals(result: PublishResult) {
  return {
    weightBytesUploaded: result.weights.reduce((n, w) => n + w.bytesUploaded, 0),
    weightBytesSkipped: result.weights.reduce((n, w) => n + w.bytesSkipped, 0),
  };
}

/** Step outputs, by name. */
export function publishOutputs(result: PublishResult): Record<string, string> {
  const repo = result.repository;
  const pinned = (digest: string | undefined) => (digest ? `${repo}@${digest}` : '');
  const weights = result.weights.map((w) => ({
    name: w.name,
    setDigest: w.setDigest,
    ref: pinned(w.digest),
    tag: w.tag,
    size: w.size,
  }));
  const mainDigest = result.format === 'bundle' ? result.indexDigest : result.image?.digest;
  const taggedRefs = result.tags.map((t) => `${repo}:${t}`);
  const outputs = {
    ref: pinned(mainDigest),
    digest: mainDigest ?? '',
    // The bare name, as actions/attest-build-provenance's subject-name wants it.
    name: repo,
    tag: result.tag,
    'tagged-ref': `${repo}:${result.tag}`,
    tags: taggedRefs.join('\n'),
    'image-ref': pinned(result.image?.digest || undefined),
    'image-digest': result.image?.digest ?? '',
    weights: JSON.stringify(weights),
    lockfile: result.lockfile ?? '',
    'cache-hits': JSON.stringify(result.cache.hits),
    'cache-misses': JSON.stringify(result.cache.misses),
  };
  const metadata = {
    format: result.format,
    dryRun: result.dryRun,
    ...outputs,
    // Values, not the strings the step outputs have to be.
    tags: taggedRefs,
    'cache-hits': result.cache.hits,
    'cache-misses': result.cache.misses,
    weights,
    image: result.image ?? null,
    weightOrigins: Object.fromEntries(result.weights.map((w) => [w.name, w.origin])),
    lockfileChanged: result.lockfileChanged,
    imported: result.imported ?? null,
    ...totals(result),
  };
  return { ...outputs, metadata: JSON.stringify(metadata) };
}

/** Cog's tree after a push (or one line for a legacy image). */
export function refTreeText(result: PublishResult): string {
  if (result.format === 'image')
    return formatImageRef(result.repository, result.image?.digest ?? '');
  return formatRefTree({
    repository: result.repository,
    indexDigest: result.indexDigest ?? '(dry run)',
    imageDigest: result.image?.digest || '(dry run)',
    weights: result.weights.map((w) => ({ name: w.name, digest: w.digest })),
  });
}

const ORIGIN_WORDS: Record<string, string> = {
  registry: 'in registry',
  store: 'from local store',
  cache: 'from cache',
  source: 'from source',
};

export function summaryMarkdown(result: PublishResult): string {
  const what = result.format === 'bundle' ? 'Cog model' : 'Cog model image';
  const lines = [
    result.dryRun
      ? `### Dry run: ${what} not published (nothing was pushed)`
      : `### ${what} published`,
    '',
    ...result.tags.map((tag) => `- \`${result.repository}:${tag}\``),
    '',
    ...pinsTable(result),
    '',
    ...imageTable(result),
    ...(result.weights.length > 0 ? weightsTable(result) : []),
    '',
    '<details><summary>Ref tree</summary>',
    '',
    '```',
    refTreeText(result),
    '```',
    '',
    '</details>',
  ];
  return lines.join('\n') + '\n';
}

/**
 * Each digest short in its column, the full pinned ref in a code span: legible at GHCR's
 * lengths, and copyable whole.
 */
function pinsTable(result: PublishResult): string[] {
  const repo = result.repository;
  const pins: [string, string | undefined][] = [
    ...(result.format === 'bundle'
      ? [['model index', result.indexDigest] as [string, string | undefined]]
      : []),
    ['image', result.image?.digest || undefined],
    ...result.weights.map((w) => [`weight ${w.name}`, w.digest] as [string, string]),
  ];
  return [
    '| what | digest | pinned ref |',
    '|---|---|---|',
    ...pins.map(([name, digest]) =>
      digest
        ? `| ${name} | \`${digest.slice(0, 19)}\` | \`${repo}@${digest}\` |`
        : `| ${name} | (dry run) | |`,
    ),
  ];
}

/** The image: how it was made, its size, what this run sent for it, and how long it took. */
function imageTable(result: PublishResult): string[] {
  const r = result.imageReport;
  if (!r || result.dryRun) return [];
  const sent = r.bytesUploaded === undefined ? 'by the builder' : formatBytes(r.bytesUploaded);
  const size = r.size === undefined ? '' : formatBytes(r.size);
  return [
    '| image | size | uploaded | time |',
    '|---|---:|---:|---:|',
    `| ${r.how} | ${size} | ${sent} | ${r.seconds.toFixed(1)} s |`,
    '',
  ];
}

/** Each weight's bytes and origin; with import-weights, what the import made of it too. */
function weightsTable(result: PublishResult): string[] {
  const t = totals(result);
  const imported = new Map(result.imported?.map((i) => [i.name, i]));
  const importColumn = result.imported !== undefined;
  // A dry run moved nothing: its columns say what a run would move.
  const [up, skip] = result.dryRun ? ['would upload', 'already there'] : ['uploaded', 'skipped'];
  return [
    `| weight | size | ${up} | ${skip} | origin |${importColumn ? ' import |' : ''}`,
    `|---|---:|---:|---:|---|${importColumn ? '---|' : ''}`,
    ...result.weights.map((w) => {
      const i = imported.get(w.name);
      return (
        `| ${w.name} | ${formatBytes(w.size)} | ${formatBytes(w.bytesUploaded)} | ${formatBytes(w.bytesSkipped)} | ${ORIGIN_WORDS[w.origin]} |` +
        (importColumn ? ` ${i ? `${i.status}, ${i.files} file(s)` : ''} |` : '')
      );
    }),
    '',
    result.dryRun
      ? `Weights: ${formatBytes(t.weightBytesUploaded)} would be uploaded, ${formatBytes(t.weightBytesSkipped)} already there.`
      : `Weights: ${formatBytes(t.weightBytesUploaded)} uploaded, ${formatBytes(t.weightBytesSkipped)} already there.`,
  ];
}

/**
 * The job summary of a publish that failed: the error; then, when the publish had got as far
 * as its destination, each artifact it set out to publish and what became of it; and what that
 * means for the tags. Nothing is tagged until everything the model names is verified, so the
 * tags are as they were; what went up before the failure stays, and the next run skips it.
 */
export function failureMarkdown(error: string, ledger?: LedgerView): string {
  const first = error.split('\n')[0] ?? error;
  const head = ['### Cog model not published', '', `> ${first}`, ''];
  const plan = ledger?.plan;
  if (!plan) {
    return [
      ...head,
      'No tag moved: the model tag goes up last, only after everything it names is verified, so each tag still names what it named before this run. Weights and image layers uploaded before the failure stay in the registry, untagged; the next run finds them there and skips them.',
      '',
    ].join('\n');
  }
  const entries = ledger.entries;
  const refs = (tags: readonly string[]) => tags.map((t) => `\`${plan.repository}:${t}\``);
  const moved = plan.tags.filter((t) => entries.some((e) => e.tag === t));
  const still = plan.tags.filter((t) => !moved.includes(t));
  const one = still.length === 1;
  return [
    ...head,
    '| artifact | this run | digest |',
    '|---|---|---|',
    ...plan.artifacts.map((what) =>
      artifactRow(
        what,
        entries.find((e) => e.what === what),
      ),
    ),
    '',
    ...(moved.length > 0
      ? [
          `Moved before the failure: ${refs(moved).join(', ')}, to what this run pushed there (listed above).`,
        ]
      : []),
    ...(still.length > 0
      ? [
          `${moved.length > 0 ? 'No other tag' : 'No tag'} moved: ${refs(still).join(', ')} still ${one ? 'names' : 'name'} what ${one ? 'it' : 'they'} named before this run (the model tag goes up last, only after everything it names is verified).`,
        ]
      : []),
    'What went up stays in the destination; the next run finds it there and skips it.',
    '',
  ].join('\n');
}

function artifactRow(what: string, entry: LedgerEntry | undefined): string {
  if (!entry) return `| ${what} | not pushed | |`;
  const digest = `\`${entry.digest.slice(0, 19)}\``;
  if (entry.state === 'present') return `| ${what} | already there | ${digest} |`;
  const at = entry.tag ? ` at \`${entry.tag}\`` : '';
  const sent =
    entry.bytesUploaded === undefined
      ? ' by the builder'
      : ` (${formatBytes(entry.bytesUploaded)} uploaded)`;
  return `| ${what} | pushed${at}${sent} | ${digest} |`;
}
