// The shape the code keeps (issue 13): small files, small stage functions, the environment read
// only at the doors, and no import from a lower layer back up.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/conformance.js';
import { UNIT_TESTS } from '../vitest.config.js';

const SRC = path.join(REPO_ROOT, 'src');
const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => path.relative(SRC, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
  .sort();
const text = (f: string) => readFileSync(path.join(SRC, f), 'utf8');

/** Every function in a file: its name, length in lines and parameter count. */
function functions(file: string): { name: string; lines: number; params: number }[] {
  const source = ts.createSourceFile(file, text(file), ts.ScriptTarget.ES2022, true);
  const out: { name: string; lines: number; params: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name =
        (node as ts.FunctionDeclaration).name?.getText() ??
        (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : '(anonymous)');
      out.push({ name, lines: end - start + 1, params: node.parameters.length });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Layers, lowest first: a module may import its own layer and those below, never above. */
const LAYERS = [
  ['util', 'oci/digest.ts', 'oci/mediatypes.ts', 'config/env.ts', 'config/choices.ts'],
  ['oci', 'cog'],
  // The inputs are parsed with the grammars of oci/ and cog/, and nothing above them.
  ['config'],
  [
    'weights/paths.ts',
    'weights/layers.ts',
    'weights/tar.ts',
    'weights/gzip.ts',
    'weights/store.ts',
    'weights/artifact.ts',
    'weights/filter.ts',
    'weights/inventory.ts',
    'weights/layer.ts',
    'weights/tar-read.ts',
    'weights/gzip-worker.ts',
  ],
  ['weights/sources'],
  ['weights'],
  ['cache', 'image'],
  ['publish'],
  ['report'],
  ['cli', 'cli.ts', 'main.ts'],
];
const layerOf = (f: string): number => {
  let best = -1;
  let bestLength = -1;
  for (const [i, layer] of LAYERS.entries())
    for (const prefix of layer)
      if ((f === prefix || f.startsWith(prefix + '/')) && prefix.length > bestLength) {
        best = i;
        bestLength = prefix.length;
      }
  return best;
};

describe('code shape', () => {
  it('no file under src/ is over 400 lines', () => {
    const long = files.filter((f) => text(f).split('\n').length > 400);
    expect(long).toEqual([]);
  });

  it('no function in src/publish/ is over 60 lines or takes over 4 parameters', () => {
    const big = files
      .filter((f) => f.startsWith('publish/'))
      .flatMap((f) => functions(f).map((fn) => ({ file: f, ...fn })))
      .filter((fn) => fn.lines > 60 || fn.params > 4);
    expect(big).toEqual([]);
  });

  it('no function in src/ is over 60 lines', () => {
    const big = files
      .flatMap((f) => functions(f).map((fn) => ({ file: f, ...fn })))
      .filter((fn) => fn.lines > 60);
    expect(big).toEqual([]);
  });

  it('only util/retry.ts waits to ask again: every retry goes through withRetries', () => {
    const waiters = files.filter((f) =>
      /timers\/promises|\b(backoffDelayMs|retryDelayMs)\(|for \(let attempt\b/.test(text(f)),
    );
    expect(waiters).toEqual(['util/retry.ts']);
  });

  // The environment reaches the stages as the fields they read (Session.builds, the plan's
  // values), never as the whole RuntimeEnv.
  it('in src/publish/, only the flow, the plan and the session see RuntimeEnv', () => {
    const seeing = files.filter((f) => f.startsWith('publish/') && /\bRuntimeEnv\b/.test(text(f)));
    expect(seeing).toEqual(['publish/flow.ts', 'publish/plan.ts', 'publish/session.ts']);
  });

  it('only the doors read the process environment', () => {
    const readers = files.filter((f) => /process\.env\b/.test(text(f)));
    expect(readers).toEqual(['cli.ts', 'main.ts']);
  });

  it('no module imports from a layer above its own', () => {
    const upward: string[] = [];
    for (const f of files) {
      expect(layerOf(f), `${f} has a layer`).toBeGreaterThanOrEqual(0);
      for (const m of text(f).matchAll(/from '(\.[^']+)\.js'/g)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(f), m[1]!)) + '.ts';
        if (layerOf(target) > layerOf(f)) upward.push(`${f} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });
});

describe('the unit tier', () => {
  // What a unit test may not import: the helpers that start peers (a registry, the action or
  // CLI bundle, the cache service, a Docker engine, a proxy, a token server).
  const PEER_HELPERS =
    /from '\.\/helpers\/(registry|action|run|cache-service|engine|proxy|quirks|transcripts)\.js'/;
  it.each(UNIT_TESTS)('%s imports no helper that starts a peer', (file) => {
    const source = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    expect(source.match(PEER_HELPERS)?.[0]).toBeUndefined();
    expect(source).not.toMatch(/inject\('engine'\)|dist\/(cli|index)\.js'\)/);
  });
});

describe('imports', () => {
  it('form no cycle in src/', () => {
    const imports = new Map(
      files.map((f) => [
        f,
        [...text(f).matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)].map((m) =>
          path.posix.normalize(path.posix.join(path.posix.dirname(f), `${m[1]}.ts`)),
        ),
      ]),
    );
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const g of imports.get(f) ?? []) visit(g, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });
});

describe('config/', () => {
  it('imports nothing above it: only util/, cog/, oci/ and itself', () => {
    const upward = files
      .filter((f) => f.startsWith('config/'))
      .flatMap((f) =>
        [...text(f).matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)]
          .map((m) => path.posix.normalize(path.posix.join('config', m[1]!)))
          .filter((to) => !/^(util|cog|oci|config)\//.test(to))
          .map((to) => `${f} → ${to}`),
      );
    expect(upward).toEqual([]);
  });
});
