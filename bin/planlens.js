#!/usr/bin/env node
// Runs the compiled dist/ when it is up to date with src/ (see entry.js for
// how that is decided), else the TypeScript sources through tsx: `npx
// planlens` works right after `npm install`, and never runs stale output.
import { resolve } from 'node:path';
import { chooseEntry } from './entry.js';

// `planlens … | head` closes the pipe early: that is the reader's choice, not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const root = resolve(import.meta.dirname, '..');
let main;
if (chooseEntry(root) === 'dist') {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
