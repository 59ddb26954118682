/**
 * The MinHash estimate must track the exact Jaccard similarity it stands in
 * for, on real plan text: near 1 for a copy with a changed line, near the
 * true (low) value for different plans, and in between for a partial copy.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bands, jaccard, minhash, SAME_PLAN_THRESHOLD, similarity } from '../../src/store/fingerprint.js';

const read = (name: string) => readFileSync(resolve(import.meta.dirname, '../../corpora', name), 'utf8');
const xuanwu = read('xuanwu-ip-14fyp-plan.txt');
const nanjing = read('nanjing-ip-14fyp-midterm-review.txt');
const lianyungang = read('lianyungang-ip-city-pilot-2024-2026.txt');

const estimate = (a: string, b: string) => similarity(minhash(a), minhash(b));

describe('near-duplicate fingerprint', () => {
  it.each([
    ['a copy with one line changed', xuanwu, xuanwu.replace('发展规划', '发展计划') + '\n（副本第3份）'],
    ['the same text reflowed, punctuation half-width', xuanwu, xuanwu.replace(/\n/g, '').replace(/，/g, ',').replace(/。/g, '.\n')],
    ['two different plans', xuanwu, nanjing],
    ['a work plan and a review', lianyungang, nanjing],
    ['the first half of a plan', xuanwu, xuanwu.slice(0, Math.floor(xuanwu.length / 2))],
  ])('estimates the Jaccard similarity for %s within 0.1', (_name, a, b) => {
    const exact = jaccard(a, b);
    expect(Math.abs(estimate(a, b) - exact)).toBeLessThan(0.1);
  });

  it('puts renderings of one plan above the threshold and different plans far below', () => {
    expect(estimate(xuanwu, xuanwu.replace(/\n/g, '\n\n') + '南京市玄武区人民政府办公室')).toBeGreaterThan(SAME_PLAN_THRESHOLD);
    expect(estimate(xuanwu, nanjing)).toBeLessThan(0.2);
    expect(estimate(lianyungang, xuanwu)).toBeLessThan(0.2);
  });

  it('is deterministic, and near-identical texts share LSH bands', () => {
    expect(minhash(xuanwu)).toEqual(minhash(xuanwu));
    const a = bands(minhash(xuanwu));
    const b = bands(minhash(xuanwu + '（副本）'));
    expect(a.filter((key, i) => key === b[i]).length).toBeGreaterThan(0);
  });
});
