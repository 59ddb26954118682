/**
 * The one door to pdf.js (and pdf-parse, which drives the same pdf.js for
 * ruled tables): loads it with its worker in this thread, then undoes the one
 * change its legacy build makes to the rest of the process.
 *
 * The legacy build (the one that runs on Node 20) bundles core-js, which
 * replaces Array.prototype.push with a JavaScript polyfill on V8 before 12.1
 * (it fixes pushing past a length of 2^32). From then on every push in the
 * process — pdf.js's font conversion and every extraction stage alike — runs
 * that function instead of the built-in, several times slower and allocating
 * as it goes. Arrays here never come near 2^32 elements, so the built-in is
 * put back once pdf.js and its worker have run their polyfills.
 *
 * The worker module is loaded here and handed to pdf.js as
 * `globalThis.pdfjsWorker` (pdf.js's documented way to run its worker in the
 * same thread), so it cannot load — and polyfill — later, after the restore.
 */
const builtInPush = Array.prototype.push;
/** pdfjs-dist ships no types for its worker module: only its WorkerMessageHandler export matters, to pdf.js itself. */
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(WORKER_MODULE);
const { PDFParse, Line, Point } = await import('pdf-parse');

Array.prototype.push = builtInPush;

export const { getDocument, OPS, Util } = pdfjs;
export { PDFParse, Line, Point };
