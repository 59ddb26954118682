/**
 * Once per `vitest run`, in the main process: a scratch folder shared by
 * every test file (the ingested corpora are built there on first use, see
 * shared-corpus.ts), and one line at the end when the browser tests were
 * skipped, saying how to run them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { browserSkipLine, BROWSER_SKIPPED_MARK } from './browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Scratch folder for fixtures built once per run and shared by the test files. */
    sharedFixtures: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-test-run-'));
  project.provide('sharedFixtures', dir);
  return () => {
    // After vitest's summary, where it is seen.
    const skipped = existsSync(join(dir, BROWSER_SKIPPED_MARK));
    rmSync(dir, { recursive: true, force: true });
    if (skipped) process.stderr.write(`${browserSkipLine()}\n`);
  };
}
