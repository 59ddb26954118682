// Development and tests run the TypeScript sources: a worker thread does not
// inherit the main thread's tsx loader, so it registers its own before
// loading the worker body. (Compiled dist/ loads extract-worker.js directly.)
import { register } from 'tsx/esm/api';

register();
const { default: extractInWorker } = await import('./extract-worker.ts');
export default extractInWorker;
