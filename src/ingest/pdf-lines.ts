/**
 * Printed lines of a PDF with their geometry, from pdf.js text items. The
 * geometry is what tells a wrapped line from a paragraph's last line: body
 * text runs from the left to the right margin, a paragraph's first line is
 * indented, its last line stops short.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { getDocument } from './pdfjs.js';

export interface PdfLine {
  text: string;
  left: number;
  right: number;
  /** Baseline y (PDF units, origin bottom left). */
  y: number;
  /** Font size: one em, the width of one Chinese character. */
  em: number;
}

export interface PdfPage {
  num: number;
  lines: PdfLine[];
  /** Some printed line had cell-wide gaps: the page probably holds a table. */
  hasCellGaps: boolean;
}

/** Gaps this many ems wide inside a printed line separate table cells, not words. */
const CELL_GAP_EMS = 2;

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Load options that let pdf.js read CJK fonts with predefined CMaps and the standard 14 fonts. */
export const PDFJS_RESOURCES = {
  cMapUrl: join(pdfjsDir, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
};

export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({ data, verbosity: 0, isEvalSupported: false, ...PDFJS_RESOURCES }).promise;
}

export async function readPdfPages(doc: PDFDocumentProxy): Promise<PdfPage[]> {
  const pages: PdfPage[] = [];
  for (let num = 1; num <= doc.numPages; num++) {
    const page = await doc.getPage(num);
    const content = await page.getTextContent();
    const items = content.items.filter((item): item is TextItem => 'str' in item);
    const printed = groupLines(items);
    const lines = printed.flatMap(splitAtCellGaps);
    pages.push({ num, lines, hasCellGaps: lines.length > printed.length });
    page.cleanup();
  }
  return pages;
}

/** Consecutive items on one baseline form a line; pdf.js marks line ends with hasEOL. */
function groupLines(items: TextItem[]): TextItem[][] {
  const lines: TextItem[][] = [];
  let current: TextItem[] = [];
  const flush = (): void => {
    if (current.some((i) => i.str.trim().length > 0)) lines.push(current);
    current = [];
  };
  for (const item of items) {
    const last = current[current.length - 1];
    if (last && Math.abs(last.transform[5] - item.transform[5]) > Math.max(2, emOf(last) * 0.3)) flush();
    if (item.str.length > 0) current.push(item);
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** A line with wide gaps is a row of table cells: each cell becomes a line of its own. */
function splitAtCellGaps(items: TextItem[]): PdfLine[] {
  const solid = items.filter((i) => i.str.trim().length > 0);
  const pieces: TextItem[][] = [];
  let piece: TextItem[] = [];
  let lastSolid: TextItem | undefined;
  for (const item of items) {
    const isSolid = item.str.trim().length > 0;
    if (isSolid && lastSolid) {
      const gap = item.transform[4] - (lastSolid.transform[4] + lastSolid.width);
      if (gap > CELL_GAP_EMS * emOf(lastSolid)) {
        pieces.push(piece);
        piece = [];
      }
    }
    piece.push(item);
    if (isSolid) lastSolid = item;
  }
  pieces.push(piece);
  if (solid.length === 0) return [];
  return pieces.filter((p) => p.some((i) => i.str.trim())).map(toLine);
}

function toLine(items: TextItem[]): PdfLine {
  const solid = items.filter((i) => i.str.trim().length > 0);
  return {
    text: items
      .map((i) => i.str)
      .join('')
      .trim(),
    left: Math.min(...solid.map((i) => i.transform[4])),
    right: Math.max(...solid.map((i) => i.transform[4] + i.width)),
    y: solid[0]!.transform[5],
    em: Math.max(...solid.map(emOf)),
  };
}

function emOf(item: TextItem): number {
  const [a, b] = item.transform;
  return item.height > 0 ? item.height : Math.hypot(a, b) || 10;
}
