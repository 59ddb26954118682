// The real extraction worker, except for files named to make their worker
// thread die: `…crash-worker…` exits the thread, `…exhaust-memory…` fills its
// heap until V8 stops it. The pool must fail that one file and go on.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
process.setSourceMapsEnabled(false);
const { default: extractInWorker } = await import('../../../src/batch/extract-worker.ts');

export default async function extractOrDie(task) {
  if (task.source.path.includes('crash-worker')) process.exit(70);
  if (task.source.path.includes('exhaust-memory')) {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
  return extractInWorker(task);
}
