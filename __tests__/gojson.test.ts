import { describe, expect, it } from 'vitest';
import { compareUtf8, goMap, goMarshal, goString } from '../src/util/gojson.js';

describe('goString', () => {
  it('escapes as Go encoding/json does', () => {
    expect(goString('a<b>&c')).toBe('"a\\u003cb\\u003e\\u0026c"');
    expect(goString('q"\\')).toBe('"q\\"\\\\"');
    expect(goString('\n\r\t\b\f')).toBe('"\\n\\r\\t\\b\\f"');
    expect(goString('\u0001\u001f\u007f')).toBe('"\\u0001\\u001f\u007f"');
    expect(goString('\u2028\u2029')).toBe('"\\u2028\\u2029"');
    expect(goString('café 日本語 😀')).toBe('"café 日本語 😀"');
    expect(goString('lone \ud800 surrogate')).toBe('"lone \ufffd surrogate"');
  });
});

describe('goMarshal', () => {
  it('keeps struct order, sorts map keys, writes compact bytes', () => {
    const v = {
      z: 1,
      a: goMap({ b: 'x', a: 'y', 'a.b': 'z' }),
      list: [true, null],
      skip: undefined,
    };
    expect(goMarshal(v)).toBe('{"z":1,"a":{"a":"y","a.b":"z","b":"x"},"list":[true,null]}');
  });

  it('indents like json.MarshalIndent', () => {
    expect(goMarshal({ a: [1, { b: [] }], c: {} }, '  ')).toBe(
      '{\n  "a": [\n    1,\n    {\n      "b": []\n    }\n  ],\n  "c": {}\n}',
    );
  });

  it('rejects numbers Go would not write as integers here', () => {
    expect(() => goMarshal(1.5)).toThrow(/non-integer/);
  });
});

describe('compareUtf8', () => {
  it('orders by UTF-8 bytes, not UTF-16 units', () => {
    // U+FF5E (3 UTF-8 bytes EF BD 9E) sorts before U+1F600 (F0 9F 98 80) in bytes, but after
    // it in UTF-16 (FF5E > D83D).
    const words = ['😀', '～', 'a', 'A', 'é'];
    expect([...words].sort(compareUtf8)).toEqual(['A', 'a', 'é', '～', '😀']);
    expect([...words].sort()).not.toEqual([...words].sort(compareUtf8));
    expect(compareUtf8('ab', 'abc')).toBeLessThan(0);
    expect(compareUtf8('abc', 'abc')).toBe(0);
  });
});
