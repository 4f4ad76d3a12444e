// A cache library that is not whole (a stand-in such as @github/local-action's, which printed
// "cache.isFeatureAvailable is not a function" and went on): the cache is unavailable, and no
// function of it is called.
import { describe, expect, it, vi } from 'vitest';

const called: string[] = [];
vi.mock('@actions/cache', () => ({
  isFeatureAvailable: undefined,
  restoreCache: () => void called.push('restoreCache'),
  saveCache: () => void called.push('saveCache'),
}));

const { cacheAvailable, restoreWeight, saveWeight } = await import('../src/cache/weights.js');

describe('the cache guard', () => {
  it('finds a library without isFeatureAvailable unavailable, and calls nothing of it', async () => {
    const weight = { name: 'w', setDigest: `sha256:${'a'.repeat(64)}`, files: [] };
    const log = {
      info: () => undefined,
      warning: () => undefined,
      notice: () => undefined,
      group: <T>(_: string, fn: () => Promise<T>) => fn(),
    };
    const cache = {
      service: true,
      store: {} as never,
      platform: 'linux',
      prependPath: () => () => undefined,
      log,
      progress: () => () => undefined,
    };
    expect(await cacheAvailable(cache)).toBe(false);
    expect(await restoreWeight(weight, cache as never)).toBe('unavailable');
    expect(await saveWeight(weight, cache as never, 1e9)).toBe('unavailable');
    expect(called).toEqual([]);
  });
});
