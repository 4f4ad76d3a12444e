import { describe, expect, it } from 'vitest';
import {
  imageTag,
  isReservedTag,
  sanitizeTagSegment,
  shortDigest,
  timestampTag,
  userTagProblem,
  weightTag,
} from '../src/cog/tags.js';

describe('tags', () => {
  it('builds weight tags from the set digest', () => {
    expect(weightTag('resnet50', 'sha256:52924993c7ef0123456789')).toBe(
      'cog-weight.resnet50.52924993c7ef',
    );
    expect(weightTag('my model (v2)', 'sha256:abc123456789ffff')).toBe(
      'cog-weight.my-model-v2.abc123456789',
    );
    expect(weightTag('', 'sha256:abc123456789ffff')).toBe('cog-weight.unnamed.abc123456789');
    expect(weightTag('resnet50', '')).toBe('cog-weight.resnet50');
    expect(weightTag('resnet50', 'abc123')).toBe('cog-weight.resnet50');
    expect(weightTag('z-image.turbo_v1', 'sha256:0123456789abcdef')).toBe(
      'cog-weight.z-image-turbo_v1.0123456789ab',
    );
  });

  it('sanitizes tag segments as Cog does', () => {
    const cases: [string, string][] = [
      ['hello world!', 'hello-world'],
      ['---foo---', 'foo'],
      ['a---b---c', 'a-b-c'],
      ['!!!', 'unnamed'],
      ['résumé', 'r-sum'],
      ['a.b.c', 'a-b-c'],
      ['user/model', 'user-model'],
      ['a😀b', 'a-b'],
      ['a'.repeat(200), 'a'.repeat(104)],
      ['a'.repeat(103) + '-b', 'a'.repeat(103)],
    ];
    for (const [input, want] of cases) expect(sanitizeTagSegment(input)).toBe(want);
  });

  it('short digests', () => {
    expect(shortDigest('sha256:0123456789abcdef')).toBe('0123456789ab');
    expect(shortDigest('sha256:abc')).toBe('abc');
    expect(shortDigest('sha256:')).toBe('');
    expect(shortDigest('nocolon')).toBe('');
  });

  it('reserves the cog- prefix and checks the tag grammar', () => {
    expect(isReservedTag('cog-')).toBe(true);
    expect(isReservedTag('my-cog-tag')).toBe(false);
    expect(isReservedTag('')).toBe(false);
    expect(userTagProblem('v1.2_3-rc')).toBeUndefined();
    expect(userTagProblem('cog-image.x')).toMatch(/reserved prefix/);
    expect(userTagProblem('.hidden')).toMatch(/must match/);
    expect(userTagProblem('a'.repeat(129))).toMatch(/must match/);
    expect(userTagProblem('a'.repeat(128))).toBeUndefined();
  });

  it('image and timestamp tags', () => {
    expect(imageTag('20260508T153042Z')).toBe('cog-image.20260508T153042Z');
    expect(timestampTag(new Date('2026-05-08T15:30:42.999Z'))).toBe('20260508T153042Z');
    expect(timestampTag(new Date('2026-01-02T03:04:05Z'))).toBe('20260102T030405Z');
  });
});
