/** Which module a worker thread loads: the tsx bootstrap beside the TypeScript sources, the compiled worker beside compiled code. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workerEntry } from '../../src/batch/worker-pool.js';

describe('workerEntry', () => {
  it.each([
    { from: 'file:///app/src/batch/worker-pool.ts', entry: '/app/src/batch/extract-worker-tsx.mjs' },
    { from: 'file:///app/dist/batch/worker-pool.js', entry: '/app/dist/batch/extract-worker.js' },
  ])('$from → $entry', ({ from, entry }) => {
    expect(workerEntry(from)).toBe(entry);
  });

  it('from these sources, a file that exists', () => {
    expect(existsSync(workerEntry())).toBe(true);
  });
});
