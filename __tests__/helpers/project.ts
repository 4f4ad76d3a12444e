// A Cog project on disk, for tests and benches alike: cog.yaml written from a few values, and
// any other files beside it. Tests that check cog.yaml's parser write their YAML by hand.
import { writeTree } from './tree.js';

export interface WeightSpec {
  readonly name: string;
  /** Where the weight lands in the image; `/src/weights/<name>` unless given. */
  readonly target?: string;
  /** One source (`source: {uri}`) or several (`source: [{uri}, …]`). */
  readonly uri: string | readonly string[];
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

export interface ProjectSpec {
  /** The `model:` field. */
  readonly model: string;
  readonly weights?: readonly WeightSpec[];
  /** Files beside cog.yaml (relative path → content): predict.py, a Dockerfile, weights. */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
}

/** cog.yaml's text for `spec`: the model and its weights, in the shape Cog documents. */
export function cogYaml(spec: Omit<ProjectSpec, 'files'>): string {
  const lines = [`model: ${spec.model}`];
  if (spec.weights?.length) lines.push('weights:');
  for (const w of spec.weights ?? []) {
    lines.push(`  - name: ${w.name}`, `    target: ${w.target ?? `/src/weights/${w.name}`}`);
    const filters = [
      ...(w.include ? [`include: ${JSON.stringify(w.include)}`] : []),
      ...(w.exclude ? [`exclude: ${JSON.stringify(w.exclude)}`] : []),
    ];
    if (typeof w.uri === 'string')
      lines.push('    source:', `      uri: ${w.uri}`, ...filters.map((f) => `      ${f}`));
    else lines.push('    source:', ...w.uri.map((u) => `      - uri: ${u}`));
  }
  return lines.join('\n') + '\n';
}

/** Write the project into `dir` (made if missing); returns `dir`. */
export function writeProject(dir: string, spec: ProjectSpec): string {
  return writeTree(dir, { ...spec.files, 'cog.yaml': cogYaml(spec) });
}
