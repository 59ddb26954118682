// Development and tests run the TypeScript sources: a worker thread does not
// inherit the main thread's tsx loader, so it registers its own before
// loading the worker body. (Compiled dist/ loads extract-worker.js directly.)
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
// tsx turns source maps on, and Node then parses the maps of every module in a
// formatted stack trace, pdf.js's included: 1.4 million mapping entries, about
// 135 MB of heap per thread, kept for the thread's life. A worker reports a
// failure as one line, so it does without them.
process.setSourceMapsEnabled(false);
const { default: extractInWorker } = await import('./extract-worker.ts');
export default extractInWorker;
