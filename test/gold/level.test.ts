/**
 * The gold format has no `county` (FORMAT.md): a county the store records as
 * `county` is written as `district` in gold, every other level as it is.
 */
import { describe, expect, it } from 'vitest';
import { goldLevel } from '../../src/gold/to-gold.js';

describe('goldLevel', () => {
  it.each([
    ['county', 'district'],
    ['district', 'district'],
    ['city', 'city'],
    ['province', 'province'],
    ['national', 'national'],
    ['zone', 'zone'],
    [null, null],
  ] as const)('%s → %s', (stored, gold) => {
    expect(goldLevel(stored)).toBe(gold);
  });
});
