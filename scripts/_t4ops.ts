import { readFileSync } from 'node:fs';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openPdf } from '../src/ingest/pdf-lines.js';
const doc = await openPdf(new Uint8Array(readFileSync(process.argv[2]!)));
const page = await doc.getPage(Number(process.argv[3] ?? 2));
const ops = await page.getOperatorList();
const names = Object.fromEntries(Object.entries(OPS).map(([k, v]) => [v, k]));
let n = 0;
for (let i = 0; i < ops.fnArray.length; i++) {
  const fn = ops.fnArray[i]!;
  if (fn === OPS.constructPath) { const a = ops.argsArray[i]; if (n++ < 10) console.log('path op', names[a[0]], JSON.stringify(a[2] ? Array.from(a[2]) : null), JSON.stringify(a[1]).slice(0,200)); }
  else if ((fn === OPS.transform || fn === OPS.setLineWidth) && n < 10) console.log(names[fn], ops.argsArray[i]);
}
console.log('paths', n);
