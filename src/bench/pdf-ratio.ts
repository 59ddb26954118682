/**
 * What planlens adds to reading a PDF: the whole `planlens ingest` of a batch
 * of PDFs ÷ pdf-parse's text extraction alone on the same files, each a fresh
 * process (so both pay their start-up). The batch is the PDFs of corpora/ and
 * corpora-real/, copied with distinct bytes until it has `files` files.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { measureNode, type Measured } from './measure-child.js';
import { replicateCorpus } from './replicate.js';

export interface PdfRatioFigures {
  files: number;
  pages: number;
  pdfParseAlone: Measured;
  planlensIngest: Measured;
  wallRatio: number;
  cpuRatio: number;
}

export function benchPdfRatio(root: string, bin: string, files = 24): PdfRatioFigures {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-bench-pdf-'));
  try {
    const originals = join(dir, 'originals');
    mkdirSync(originals);
    for (const folder of ['corpora', 'corpora-real']) {
      for (const name of readdirSync(join(root, folder)).filter((n) => n.toLowerCase().endsWith('.pdf'))) {
        copyFileSync(join(root, folder, name), join(originals, name));
      }
    }
    const batch = replicateCorpus(originals, join(dir, 'batch'), files);
    const db = join(dir, 'pdf.db');
    const pdfParseAlone = measureNode(join(import.meta.dirname, 'pdf-parse-alone.js'), batch);
    const planlensIngest = measureNode(bin, ['ingest', join(dir, 'batch'), '--db', db, '--quiet', '--jobs', '1']);
    const store = new Database(db, { readonly: true });
    const pages = (store.prepare('SELECT coalesce(sum(pages), 0) AS n FROM documents').get() as { n: number }).n;
    store.close();
    return {
      files: batch.length,
      pages,
      pdfParseAlone,
      planlensIngest,
      wallRatio: Math.round((planlensIngest.wallMs / pdfParseAlone.wallMs) * 100) / 100,
      cpuRatio: Math.round((planlensIngest.cpuMs / pdfParseAlone.cpuMs) * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
