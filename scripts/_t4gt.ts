import { readFileSync } from 'node:fs';
import { openPdf, readPdfPages } from '../src/ingest/pdf-lines.js';
import { readTables } from '../src/ingest/read-pdf.js';
const content = readFileSync(process.argv[2]!);
const doc = await openPdf(new Uint8Array(content));
const pages = await readPdfPages(doc);
console.log('cellgap pages', pages.filter((p) => p.hasCellGaps).map((p) => p.num));
const t = await readTables(doc, content, pages.map((p) => p.num));
for (const [n, ts] of t) for (const tb of ts) console.log('page', n, tb.length, JSON.stringify(tb.map((r) => r.map((c) => c.text + (c.rowSpan > 1 ? '↓' + c.rowSpan : '')))).slice(0, 600));
