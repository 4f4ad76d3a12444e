import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadCogConfig, parseCogConfig } from '../src/cog/config.js';

function problems(yaml: string): string[] {
  try {
    parseCogConfig(yaml, 'cog.yaml', '/project');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message.split('\n');
  }
  throw new Error('expected a ConfigError');
}

describe('cog.yaml', () => {
  it('reads model, weights and a list of sources, ignoring other keys', () => {
    const config = parseCogConfig(
      `
build:
  python_version: "3.12"
predict: predict.py:Predictor
model: registry.example.com/acct/flux
weights:
  - name: transformer
    target: /src/weights/transformer/
    source:
      uri: hf://black-forest-labs/FLUX.1-dev
      include: ["*.safetensors", "*.json"]
      exclude: ["onnx/"]
  - name: vae
    target: /src/weights/vae
    source:
      - uri: ./weights/vae
      - uri: https://example.com/vae.bin
`,
      'cog.yaml',
      '/project',
    );
    expect(config.model).toBe('registry.example.com/acct/flux');
    expect(config.weights).toEqual([
      {
        name: 'transformer',
        target: '/src/weights/transformer',
        sources: [
          {
            uri: 'hf://black-forest-labs/FLUX.1-dev',
            include: ['*.safetensors', '*.json'],
            exclude: ['onnx/'],
          },
        ],
      },
      {
        name: 'vae',
        target: '/src/weights/vae',
        sources: [
          { uri: './weights/vae', include: [], exclude: [] },
          { uri: 'https://example.com/vae.bin', include: [], exclude: [] },
        ],
      },
    ]);
  });

  it('reports every problem with file and field path', () => {
    const lines = problems(`
model: registry.example.com/acct/m
weights:
  - name: a
    target: /w/a
    source: { uri: ./a }
  - name: b
    target: rel/path
    source: { uri: ./b }
  - name: a
    target: /w/a
    source: { uri: ./c }
  - name: Bad_Name
    target: /w/a/inner
    source:
      - uri: s3://bucket/x
      - uri: ./d
        include: ["", "!neg", "back\\\\slash"]
        extra: 1
  - name: root
    target: /
    source: { uri: ./e }
`);
    expect(lines).toEqual([
      'cog.yaml: weights[1].target: must be an absolute path, got "rel/path"',
      'cog.yaml: weights[2].name: duplicate weight name "a"',
      'cog.yaml: weights[2].target: duplicate weight target "/w/a"',
      'cog.yaml: weights[3].name: "Bad_Name" must contain only lowercase alphanumeric characters, hyphens, dots, or underscores (e.g. "my-model-weights")',
      'cog.yaml: weights[3].target: target "/w/a/inner" overlaps with "/w/a"; weight targets must be disjoint',
      'cog.yaml: weights[3].source[0].uri: unsupported weight source scheme "s3" in URI "s3://bucket/x" (supported: a path, file://, hf://, huggingface://, http://, https://)',
      'cog.yaml: weights[3].source[1].extra: unknown field (expected uri, include, exclude)',
      'cog.yaml: weights[3].source[1].include[0]: pattern must not be empty',
      `cog.yaml: weights[3].source[1].include[1]: "!neg": negation patterns (starting with '!') are not supported`,
      'cog.yaml: weights[3].source[1].include[2]: "back\\slash": patterns must use forward slashes, not backslashes',
      'cog.yaml: weights[4].target: target must not be the container root "/"',
    ]);
  });

  it('shows a megabyte weight name cut short, however it is wrong', () => {
    const long = 'a'.repeat(1_000_000);
    const lines = problems(
      `model: r.io/a/b\nweights:\n  - {name: ${long}, target: /w/a, source: {uri: ./a}}\n  - {name: ${long}, target: /w/b, source: {uri: ./b}}\n  - {name: ${long}B, target: /w/c, source: {uri: ./c}}\n`,
    );
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.length).toBeLessThan(400);
    expect(lines[0]).toContain(`duplicate weight name "${'a'.repeat(200)}… (1000000 characters)"`);
  });

  it('rejects image with model, and a model with a tag or digest', () => {
    expect(problems('model: a.io/b/c\nimage: a.io/b/c')).toEqual([
      "cog.yaml: model: 'model' and 'image' cannot both be set",
    ]);
    expect(problems('model: a.io/b/c:v1')).toEqual([
      'cog.yaml: model: "a.io/b/c:v1" must be a bare repository — tags and digests are not allowed',
    ]);
    expect(problems(`model: a.io/b/c@sha256:${'0'.repeat(64)}`)[0]).toMatch(
      /must be a bare repository/,
    );
    expect(problems('model: NOT valid')[0]).toMatch(
      /^cog.yaml: model: "NOT valid" is not a valid repository: /,
    );
  });

  it('requires model for weights', () => {
    const weights = 'weights:\n  - name: w\n    target: /w\n    source: { uri: ./w }\n';
    expect(problems(weights)).toEqual([
      "cog.yaml: model: weights require 'model' in cog.yaml: add `model: REGISTRY/OWNER/NAME` (where the model is published)",
    ]);
    expect(problems('image: a.io/b/c\n' + weights)).toEqual([
      "cog.yaml: image: weights require 'model', not 'image' — rename 'image' to 'model'",
    ]);
  });

  it('reports missing fields and wrong types', () => {
    expect(
      problems('model: 5\nweights:\n  - target: /w\n  - name: x\n    source: []\n  - 7\n'),
    ).toEqual([
      'cog.yaml: model: must be a string, got number 5',
      'cog.yaml: weights[0].name: name is required',
      'cog.yaml: weights[0].source: source is required',
      'cog.yaml: weights[1].target: target is required',
      'cog.yaml: weights[1].source: source is required',
      'cog.yaml: weights[2]: must be a mapping with name, target and source, got number 7',
    ]);
  });

  it('reports malformed YAML with line and column', () => {
    const lines = problems('model: a.io/b/c\nweights:\n  - name: [unclosed\n');
    expect(lines[0]).toMatch(/^cog\.yaml: line \d+, column \d+: /);
    expect(problems('model: a\nmodel: b\n')[0]).toMatch(
      /^cog\.yaml: line 2, column 1: .*[Dd]uplicate|unique/,
    );
  });

  it('names a missing cog.yaml', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfg-'));
    await expect(loadCogConfig(dir)).rejects.toThrow(/cog\.yaml: file: file not found/);
    writeFileSync(path.join(dir, 'cog.yaml'), 'model: registry.example.com/a/b\n');
    expect((await loadCogConfig(dir)).projectDir).toBe(dir);
  });
});

describe('values from outside are checked and shown bounded', () => {
  it.each([
    ['a NUL', '/src/w\u0000x'],
    ['a newline', '/src/w\nx'],
  ])('a weight target with %s is refused before anything is pushed', (_, target) => {
    const yaml = `model: r.example.com/a/b\nweights:\n  - name: w\n    target: ${JSON.stringify(target)}\n    source:\n      uri: ./w\n`;
    expect(problems(yaml)).toEqual([
      `cog.yaml: weights[0].target: must not contain control characters, got ${JSON.stringify(target)}`,
    ]);
  });

  it('a 2 MB model name is shown in 200 characters, once', () => {
    const name = 'A'.repeat(2_000_000);
    const [message] = problems(`model: ${name}\n`);
    expect(message!.length).toBeLessThan(1000);
    expect(message).toContain('… (2000000 characters)');
  });
});

describe('errors that name the file and the field', () => {
  it.each([
    ['../outside', 'weight source "../outside" escapes the project directory'],
    ['.', 'weight source cannot be the project directory itself'],
    ['https://user:pw@example.com/w.bin', 'HTTP URI must not embed credentials (user:pass@host)'],
  ])('a source %s', (uri, message) => {
    const yaml = `model: r.example.com/a/b\nweights:\n  - name: w\n    target: /w\n    source:\n      uri: ${uri}\n`;
    expect(problems(yaml)).toEqual([`cog.yaml: weights[0].source.uri: ${message}`]);
  });

  it.each([
    ['an alias to nothing', 'model: *nowhere\n'],
    [
      'an alias bomb',
      'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\nmodel: r.example.com/a/b\n',
    ],
  ])('%s', (_, yaml) => {
    const [message] = problems(yaml);
    expect(message).toMatch(/^cog\.yaml: (yaml|line \d+, column \d+): /);
  });
});

describe('positions of cog.yaml problems', () => {
  it('gives each problem the line and column of its field (or of the nearest mapping that holds it)', () => {
    const text = [
      'model: ghcr.io/acme/flux',
      'weights:',
      '  - name: ok',
      '    target: /src/weights/ok',
      '    source:',
      '      uri: ./ok',
      '  - name: Bad Name',
      '    target: relative/path',
      '    source:',
      '      uri: ./w',
      '',
    ].join('\n');
    let error: unknown;
    try {
      parseCogConfig(text, 'cog.yaml', '/p');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const at = (error as ConfigError).problems.map((p) => [p.field, p.line, p.col]);
    expect(at).toEqual([
      ['weights[1].name', 7, 11],
      ['weights[1].target', 8, 13],
    ]);
  });
});
