import { describe, expect, it } from 'vitest';
import { compilePattern, pathFilter } from '../src/weights/filter.js';

// The paths and expectations of spec/lockfile.md "Filter patterns, as the reference matches them".
const PATHS = [
  'model.safetensors',
  'deep/nested/dir/weights.safetensors',
  'config.json',
  'sub/config.json',
  'x/sub/config.json',
  'README.md',
  'docs/README.md',
  'onnx/model.onnx',
  'x/onnx/model.onnx',
  'onnx/deep/model.bin',
  'onnx/model.bin',
  'a/b/d.safetensors',
  'x/a/b/d.safetensors',
  'top.bin',
  'x/top.bin',
];
const matches = (pattern: string) => PATHS.filter((p) => compilePattern(pattern)?.test(p));

describe('include/exclude patterns (go-gitignore as Cog uses it)', () => {
  it.each([
    [
      '*.safetensors',
      [
        'model.safetensors',
        'deep/nested/dir/weights.safetensors',
        'a/b/d.safetensors',
        'x/a/b/d.safetensors',
      ],
    ],
    ['*.json', ['config.json', 'sub/config.json', 'x/sub/config.json']],
    ['README*', ['README.md', 'docs/README.md']],
    ['onnx/', ['onnx/model.onnx', 'x/onnx/model.onnx', 'onnx/deep/model.bin', 'onnx/model.bin']],
    ['onnx/*', ['onnx/model.onnx', 'x/onnx/model.onnx', 'onnx/deep/model.bin', 'onnx/model.bin']],
    ['onnx/*.bin', ['onnx/model.bin']],
    ['a/b/*.safetensors', ['a/b/d.safetensors']],
    ['config.json', ['config.json', 'sub/config.json', 'x/sub/config.json']],
    ['sub/config.json', ['sub/config.json', 'x/sub/config.json']],
    [
      '**/*.safetensors',
      [
        'model.safetensors',
        'deep/nested/dir/weights.safetensors',
        'a/b/d.safetensors',
        'x/a/b/d.safetensors',
      ],
    ],
    ['/top.bin', ['top.bin']],
    ['docs/**', ['docs/README.md']],
  ])('%s', (pattern, want) => {
    expect(matches(pattern)).toEqual(want);
  });

  it('ignores comments and blanks, treats ? literally and [..] as a class', () => {
    expect(compilePattern('#comment')).toBeUndefined();
    expect(compilePattern('   ')).toBeUndefined();
    expect(compilePattern('model?.bin')!.test('model1.bin')).toBe(false);
    expect(compilePattern('model?.bin')!.test('model?.bin')).toBe(true);
    expect(compilePattern('shard[12].bin')!.test('shard2.bin')).toBe(true);
    expect(compilePattern('Model.bin')!.test('model.bin')).toBe(false);
  });

  it('keeps what matches an include and no exclude: exclude wins', () => {
    const keep = pathFilter(['*.safetensors', '*.json'], ['onnx/', 'x/']);
    expect(PATHS.filter(keep)).toEqual([
      'model.safetensors',
      'deep/nested/dir/weights.safetensors',
      'config.json',
      'sub/config.json',
      'a/b/d.safetensors',
    ]);
    expect(PATHS.filter(pathFilter([], []))).toEqual(PATHS);
    expect(PATHS.filter(pathFilter([], ['*.bin', '*.onnx', 'docs/']))).not.toContain('top.bin');
  });
});
