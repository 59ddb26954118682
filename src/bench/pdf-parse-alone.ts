/**
 * The yardstick of the PDF ratio: pdf-parse's text extraction alone over the
 * given files, one after another, as its own process (node this-file.js PDF…).
 */
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';

for (const file of process.argv.slice(2)) {
  const parser = new PDFParse({ data: readFileSync(file) });
  try {
    await parser.getText();
  } finally {
    await parser.destroy();
  }
}
