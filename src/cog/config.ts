// cog.yaml: the fields a publish needs (`model`, `image`, `weights`), validated as Cog validates
// them (pkg/config/validate.go), with every problem reported at once and named by file and
// field path. Other keys (build, predict, run, …) belong to `cog build` and are ignored here.

import { readSmallFile } from '../util/files.js';
import { shown } from '../util/format.js';
import { cleanPosix } from '../util/posix.js';
import { normalizeSourceUri } from './source-uri.js';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { parseReference, parseRepository } from '../oci/reference.js';

export interface WeightSourceSpec {
  readonly uri: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export interface WeightSpec {
  readonly name: string;
  /** Absolute, cleaned container path. */
  readonly target: string;
  readonly sources: readonly WeightSourceSpec[];
}

export interface CogConfig {
  /** Path of the cog.yaml that was read. */
  readonly file: string;
  /** The project directory: relative weight sources resolve against it. */
  readonly projectDir: string;
  readonly model?: string | undefined;
  readonly image?: string | undefined;
  readonly weights: readonly WeightSpec[];
}

export interface ConfigProblem {
  /** `weights[1].target`, or `line 3, column 5` for YAML syntax errors. */
  readonly field: string;
  readonly message: string;
  /** Where in the file (1-based), when the parser knows: for annotations on the file. */
  readonly line?: number | undefined;
  readonly col?: number | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    /** As messages show it (relative to the working directory when inside it). */
    readonly file: string,
    readonly problems: readonly ConfigProblem[],
    /** The file's absolute path. */
    readonly path?: string,
  ) {
    super(problems.map((p) => `${file}: ${p.field}: ${p.message}`).join('\n'));
  }
}

export const WEIGHT_NAME_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
export const SOURCE_SCHEMES = ['file', 'hf', 'huggingface', 'http', 'https'] as const;

/** cog.yaml's keys (Cog's schema has additionalProperties: false: any other is an error). */
const TOP_LEVEL_KEYS = [
  'build',
  'concurrency',
  'environment',
  'image',
  'model',
  'predict',
  'run',
  'tests',
  'train',
  'weights',
];

/** An unknown key, with the key it was most likely meant to be. */
function unknownKey(key: string): string {
  const near = TOP_LEVEL_KEYS.find((k) => editDistance(k, key.toLowerCase()) <= 2);
  return `unknown key${near ? ` — did you mean '${near}'?` : ''} (cog.yaml's keys are ${TOP_LEVEL_KEYS.join(', ')})`;
}

/** Levenshtein distance, for the few short keys above. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return prev[b.length]!;
}

const WEIGHT_KEYS = new Set(['name', 'target', 'source']);
const SOURCE_KEYS = new Set(['uri', 'include', 'exclude']);

/** Read and validate `<projectDir>/<configName>`. */
export async function loadCogConfig(
  projectDir: string,
  configName = 'cog.yaml',
): Promise<CogConfig> {
  const file = path.resolve(projectDir, configName);
  const relative = path.relative(process.cwd(), file);
  const display = relative === '' || relative.startsWith('..') ? file : relative;
  let text: string;
  try {
    text = await readSmallFile(file, 'the file');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? "file not found — is 'working-directory' (or --project) the Cog project?"
        : (e as Error).message;
    throw new ConfigError(display, [{ field: 'file', message }], file);
  }
  try {
    return parseCogConfig(text, display, path.dirname(file));
  } catch (e) {
    if (e instanceof ConfigError) throw new ConfigError(e.file, e.problems, file);
    throw e;
  }
}

/** Parse and validate cog.yaml text. `file` names it in errors. */
export function parseCogConfig(text: string, file: string, projectDir: string): CogConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // The first error only: the parser's later ones follow from it (one tab gave eight). Its
    // message ends with its own position, which the field already says.
    const err = doc.errors[0]!;
    const pos = err.linePos?.[0];
    const where = pos ? `line ${pos.line}, column ${pos.col}` : 'yaml';
    const message = (err.message.split('\n')[0] ?? err.message).replace(
      / at line \d+, column \d+:?$/,
      '',
    );
    const tab = /^Tabs are not allowed/.test(message) ? ' (indent with spaces)' : '';
    throw new ConfigError(file, [
      { field: where, message: message + tab, line: pos?.line, col: pos?.col },
    ]);
  }
  let root: unknown;
  try {
    root = doc.toJS() ?? {};
  } catch (e) {
    // An alias bomb or an alias to nothing: the parser has no position for these.
    throw new ConfigError(file, [{ field: 'yaml', message: (e as Error).message }]);
  }
  const problems: ConfigProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  if (!isRecord(root)) {
    throw new ConfigError(file, [
      { field: '(root)', message: 'must be a mapping of keys to values' },
    ]);
  }
  for (const key of Object.keys(root)) if (!TOP_LEVEL_KEYS.includes(key)) add(key, unknownKey(key));
  const model = optionalString(root, 'model', add);
  const image = optionalString(root, 'image', add);
  if (model && image) add('model', "'model' and 'image' cannot both be set");
  if (model) validateModel(model, add);

  const weights = parseWeights(root['weights'], add);
  if (weights.length > 0 && !model) {
    if (image) add('image', "weights require 'model', not 'image' — rename 'image' to 'model'");
    else
      add(
        'model',
        "weights require 'model' in cog.yaml: add `model: REGISTRY/OWNER/NAME` (where the model is published)",
      );
  }
  if (problems.length > 0)
    throw new ConfigError(
      file,
      problems.map((p) => ({ ...p, ...positionOf(doc, lineCounter, p.field) })),
    );
  return { file, projectDir, model, image, weights };
}

/**
 * Where a field (`weights[1].source[0].uri`) is in the document: its node, or the nearest
 * ancestor that exists (a missing key is reported where its mapping is).
 */
function positionOf(
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
  field: string,
): { line?: number; col?: number } {
  const keys = [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : m[1]!,
  );
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) {
      const { line, col } = lines.linePos(range[0]);
      return { line, col };
    }
  }
  return {};
}

type Add = (field: string, message: string) => void;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optionalString(obj: Record<string, unknown>, key: string, add: Add): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') {
    add(key, `must be a string, got ${describe(v)}`);
    return undefined;
  }
  return v;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
}

function validateModel(model: string, add: Add): void {
  try {
    parseRepository(model);
  } catch (repoError) {
    let isReference = false;
    try {
      parseReference(model);
      isReference = true;
    } catch {
      // not a reference either: report the repository problem
    }
    add(
      'model',
      isReference
        ? `"${shown(model)}" must be a bare repository — tags and digests are not allowed`
        : `"${shown(model)}" is not a valid repository: ${(repoError as Error).message}`,
    );
  }
}

function parseWeights(raw: unknown, add: Add): WeightSpec[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    add('weights', `must be a list of weights, got ${describe(raw)}`);
    return [];
  }
  const names = new Set<string>();
  const targets: string[] = [];
  const weights: WeightSpec[] = [];
  raw.forEach((entry: unknown, i) => {
    const at = `weights[${i}]`;
    if (!isRecord(entry)) {
      add(at, `must be a mapping with name, target and source, got ${describe(entry)}`);
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!WEIGHT_KEYS.has(key))
        add(`${at}.${key}`, 'unknown field (expected name, target, source)');
    }
    const name = checkName(entry['name'], `${at}.name`, names, add);
    const target = checkTarget(entry['target'], `${at}.target`, targets, add);
    const sources = parseSources(entry['source'], `${at}.source`, add);
    if (name !== undefined && target !== undefined && sources !== undefined) {
      weights.push({ name, target, sources });
    }
  });
  return weights;
}

function checkName(v: unknown, field: string, seen: Set<string>, add: Add): string | undefined {
  if (v === undefined || v === null || v === '') return void add(field, 'name is required');
  if (typeof v !== 'string') return void add(field, `must be a string, got ${describe(v)}`);
  if (!WEIGHT_NAME_PATTERN.test(v)) {
    return void add(
      field,
      `"${shown(v)}" must contain only lowercase alphanumeric characters, hyphens, dots, or underscores (e.g. "my-model-weights")`,
    );
  }
  if (seen.has(v)) return void add(field, `duplicate weight name "${shown(v)}"`);
  seen.add(v);
  return v;
}

function checkTarget(v: unknown, field: string, seen: string[], add: Add): string | undefined {
  if (v === undefined || v === null || v === '') return void add(field, 'target is required');
  if (typeof v !== 'string') return void add(field, `must be a string, got ${describe(v)}`);
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(v))
    return void add(field, `must not contain control characters, got ${JSON.stringify(shown(v))}`);
  if (!v.startsWith('/')) return void add(field, `must be an absolute path, got "${shown(v)}"`);
  const clean = cleanPosix(v);
  if (clean === '/') return void add(field, 'target must not be the container root "/"');
  for (const prev of seen) {
    if (prev === clean) return void add(field, `duplicate weight target "${clean}"`);
    if (clean.startsWith(prev + '/') || prev.startsWith(clean + '/')) {
      return void add(
        field,
        `target "${clean}" overlaps with "${prev}"; weight targets must be disjoint`,
      );
    }
  }
  seen.push(clean);
  return clean;
}

function parseSources(v: unknown, field: string, add: Add): WeightSourceSpec[] | undefined {
  if (v === undefined || v === null) return void add(field, 'source is required');
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0) return void add(field, 'source is required');
  const out: WeightSourceSpec[] = [];
  let ok = true;
  list.forEach((s: unknown, i) => {
    const at = Array.isArray(v) ? `${field}[${i}]` : field;
    const parsed = parseSource(s, at, add);
    if (parsed) out.push(parsed);
    else ok = false;
  });
  return ok ? out : undefined;
}

function parseSource(s: unknown, at: string, add: Add): WeightSourceSpec | undefined {
  if (!isRecord(s)) return void add(at, `must be a mapping with uri, got ${describe(s)}`);
  let ok = true;
  for (const key of Object.keys(s)) {
    if (!SOURCE_KEYS.has(key)) {
      add(`${at}.${key}`, 'unknown field (expected uri, include, exclude)');
      ok = false;
    }
  }
  const uri = s['uri'];
  if (uri === undefined || uri === null || uri === '') {
    add(`${at}.uri`, 'weight source.uri is required');
    ok = false;
  } else if (typeof uri !== 'string') {
    add(`${at}.uri`, `must be a string, got ${describe(uri)}`);
    ok = false;
  } else {
    const sep = uri.indexOf('://');
    const scheme = sep < 0 ? '' : uri.slice(0, sep);
    if (scheme !== '' && !(SOURCE_SCHEMES as readonly string[]).includes(scheme)) {
      add(
        `${at}.uri`,
        `unsupported weight source scheme "${scheme}" in URI "${uri}" (supported: a path, file://, hf://, huggingface://, http://, https://)`,
      );
      ok = false;
    } else {
      // The rules a source must pass to be read at all (inside the project, no credentials
      // in a URL), checked here so the message names the field.
      try {
        normalizeSourceUri(uri);
      } catch (e) {
        add(`${at}.uri`, (e as Error).message);
        ok = false;
      }
    }
  }
  const include = parsePatterns(s['include'], `${at}.include`, add);
  const exclude = parsePatterns(s['exclude'], `${at}.exclude`, add);
  if (!ok || include === undefined || exclude === undefined) return undefined;
  return { uri: uri as string, include, exclude };
}

function parsePatterns(v: unknown, field: string, add: Add): string[] | undefined {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return void add(field, `must be a list of patterns, got ${describe(v)}`);
  let ok = true;
  v.forEach((p: unknown, i) => {
    const at = `${field}[${i}]`;
    const bad = (message: string) => {
      add(at, message);
      ok = false;
    };
    if (typeof p !== 'string') return bad(`must be a string, got ${describe(p)}`);
    const t = p.trim();
    if (t === '') bad('pattern must not be empty');
    else if (t.startsWith('!'))
      bad(`"${p}": negation patterns (starting with '!') are not supported`);
    else if (t.includes('\\')) bad(`"${p}": patterns must use forward slashes, not backslashes`);
  });
  return ok ? (v as string[]) : undefined;
}
