// Drift: does weights.lock still describe the weights cog.yaml declares? Each weight is
// pending (declared, not in the lockfile), orphaned (in the lockfile, no longer declared) or
// changed (its target, sources or filters moved), as Cog reports it.

import type { CogConfig, WeightSpec } from '../cog/config.js';
import { cleanPosix } from '../util/posix.js';
import { compareUtf8 } from '../util/gojson.js';
import type { Lockfile } from './lockfile.js';
import { normalizeSourceUri } from './sources/uri.js';

export interface DriftFinding {
  readonly kind: 'pending' | 'orphaned' | 'changed';
  readonly name: string;
  /** For `changed`: every field that differs, with both values. */
  readonly fields?: readonly string[];
}

function sourcesOf(weight: WeightSpec): { uri: string; include: string[]; exclude: string[] }[] {
  return weight.sources.map((s) => ({
    uri: normalizeSourceUri(s.uri),
    include: s.include.map((p) => p.trim()).sort(compareUtf8),
    exclude: s.exclude.map((p) => p.trim()).sort(compareUtf8),
  }));
}

/** Compare cog.yaml's weights with the lockfile; pure, no network. Every finding at once. */
export function checkDrift(config: CogConfig, lock: Lockfile | undefined): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const entries = new Map((lock?.weights ?? []).map((e) => [e.name, e]));
  for (const w of config.weights) {
    const e = entries.get(w.name);
    if (!e) {
      findings.push({ kind: 'pending', name: w.name });
      continue;
    }
    const fields: string[] = [];
    if (cleanPosix(e.target) !== w.target)
      fields.push(`target: cog.yaml "${w.target}", weights.lock "${e.target}"`);
    const want = sourcesOf(w);
    const have = e.sources.map((s) => ({
      uri: s.uri,
      include: [...s.include].sort(compareUtf8),
      exclude: [...s.exclude].sort(compareUtf8),
    }));
    const show = (xs: readonly string[]) => JSON.stringify(xs);
    if (want.length !== have.length)
      fields.push(`sources: cog.yaml has ${want.length}, weights.lock ${have.length}`);
    want.forEach((s, i) => {
      const h = have[i];
      if (!h) return;
      if (s.uri !== h.uri)
        fields.push(`sources[${i}].uri: cog.yaml "${s.uri}", weights.lock "${h.uri}"`);
      if (show(s.include) !== show(h.include))
        fields.push(
          `sources[${i}].include: cog.yaml ${show(s.include)}, weights.lock ${show(h.include)}`,
        );
      if (show(s.exclude) !== show(h.exclude))
        fields.push(
          `sources[${i}].exclude: cog.yaml ${show(s.exclude)}, weights.lock ${show(h.exclude)}`,
        );
    });
    if (fields.length > 0) findings.push({ kind: 'changed', name: w.name, fields });
  }
  const declared = new Set(config.weights.map((w) => w.name));
  for (const e of lock?.weights ?? []) {
    if (!declared.has(e.name)) findings.push({ kind: 'orphaned', name: e.name });
  }
  return findings;
}

/** One message for every finding, with the fix. */
export function driftMessage(findings: readonly DriftFinding[], lockPath: string): string {
  const lines = [`${lockPath} does not match cog.yaml:`];
  for (const f of findings) {
    if (f.kind === 'pending')
      lines.push(`  pending: weight "${f.name}" is in cog.yaml but not in weights.lock`);
    if (f.kind === 'orphaned')
      lines.push(`  orphaned: weight "${f.name}" is in weights.lock but not in cog.yaml`);
    if (f.kind === 'changed') lines.push(`  changed: weight "${f.name}": ${f.fields!.join('; ')}`);
  }
  lines.push(
    'fix: run `cog weights import` (or `cog-push weights import`) and commit weights.lock, or set the action input `import-weights: true`',
  );
  return lines.join('\n');
}

/** The lockfile entry of a packed weight. */
