import { describe, expect, it } from 'vitest';
import { parseReference, parseRepository, referenceString } from '../src/oci/reference.js';

const D = 'sha256:' + 'ab'.repeat(32);

describe('references (go-containerregistry rules)', () => {
  it('parses references', () => {
    expect(referenceString(parseReference('nginx'))).toBe('index.docker.io/library/nginx:latest');
    expect(referenceString(parseReference('r8.im/user/model'))).toBe('r8.im/user/model:latest');
    expect(parseReference('localhost:5000/myimage:test')).toEqual({
      registry: 'localhost:5000',
      repository: 'myimage',
      tag: 'test',
      digest: null,
    });
    expect(parseReference(`ghcr.io/a/b:v1@${D}`)).toEqual({
      registry: 'ghcr.io',
      repository: 'a/b',
      tag: null,
      digest: D,
    });
    expect(parseReference('[::1]:5000/a/b').registry).toBe('[::1]:5000');
    expect(parseReference('127.0.0.1:5000/a/b:x').registry).toBe('127.0.0.1:5000');
  });

  it('repositories are bare and lower-case', () => {
    expect(parseRepository('registry.example.com/acme/m')).toEqual({
      registry: 'registry.example.com',
      repository: 'acme/m',
    });
    expect(() => parseRepository('Acme/m')).toThrow(/can only contain/);
    expect(() => parseRepository('a')).toThrow(/between 2 and 255/);
    expect(() => parseRepository('acme/m:v1')).toThrow(/can only contain/);
    expect(() => parseRepository('')).toThrow(/must be specified/);
  });

  it('rejects malformed references', () => {
    expect(() => parseReference('a/b:')).toThrow(/could not parse reference/);
    expect(() => parseReference('a/b@sha256:xyz')).toThrow(/could not parse reference/);
    expect(() => parseReference('a/b:bad tag')).toThrow(/could not parse reference/);
    expect(() => parseReference('host:port/a/b')).toThrow(/could not parse reference/);
  });
});
