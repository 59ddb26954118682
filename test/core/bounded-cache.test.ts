import { expect, it } from 'vitest';
import { BoundedCache } from '../../src/core/bounded-cache.js';

it('never holds more than its capacity, dropping the oldest entry first', () => {
  const cache = new BoundedCache<string, number>(3);
  for (const [i, key] of ['a', 'b', 'c', 'd', 'e'].entries()) cache.set(key, i);
  expect(cache.size).toBe(3);
  expect(cache.get('a')).toBeUndefined();
  expect(cache.get('b')).toBeUndefined();
  expect([cache.get('c'), cache.get('d'), cache.get('e')]).toEqual([2, 3, 4]);
});

it('overwriting a key it holds does not evict another', () => {
  const cache = new BoundedCache<string, number>(2);
  cache.set('a', 1);
  cache.set('b', 2);
  cache.set('a', 3);
  expect([cache.get('a'), cache.get('b'), cache.size]).toEqual([3, 2, 2]);
});
