/**
 * PDF: printed lines from pdf.js with page numbers and layout (indent, room
 * before the right margin), one paragraph block per line. Ruled tables found
 * by pdf-parse's getTable() replace the lines they were printed on. Joining
 * wrapped lines, page numbers and running headers are left to normalise.
 */
import type { LineStore, PDFParse as PdfParser } from 'pdf-parse';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DocumentError } from '../core/errors.js';
import type { RawBlock, RawCell, RawDocument } from '../core/state.js';
import { squeeze } from '../text/names.js';
import { isPdf } from './signatures.js';
import { LimitError } from './limits.js';
import { addRules, filledRules } from './pdf-rules.js';
import { openPdf, PDFJS_RESOURCES, readPdfPages, type PdfLine, type PdfPage } from './pdf-lines.js';
import { PDFParse } from './pdfjs.js';

export interface PdfOptions {
  minCharsPerPage: number;
  /** Read ruled tables with getTable(). */
  tables: boolean;
  /** More pages than this: refused before any page is read. */
  maxPages?: number;
}

export interface PdfReadResult {
  raw: RawDocument;
  /** Pages that look scanned although others have text. */
  pagesWithoutText: number[];
}

export async function readPdf(content: Buffer, options: PdfOptions): Promise<PdfReadResult> {
  if (!isPdf(content)) throw new DocumentError('pdf-corrupt', 'not a valid PDF: the file has no %PDF- header');
  if (content.lastIndexOf('%%EOF') < 0) {
    throw new DocumentError('pdf-corrupt', 'the PDF is truncated or damaged: it has no %%EOF end marker');
  }
  let doc: PDFDocumentProxy | undefined;
  try {
    doc = await openPdf(new Uint8Array(content));
    if (options.maxPages !== undefined && doc.numPages > options.maxPages) {
      throw new LimitError('maxPages', options.maxPages, `the PDF has ${doc.numPages} pages`);
    }
    const pages = await readPdfPages(doc);
    const charsPerPage = pages.map((p) => p.lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0));
    if (charsPerPage.every((n) => n < options.minCharsPerPage)) {
      throw new DocumentError('needs-ocr', `the PDF has no text layer (${pages.length} page(s) look scanned): it needs OCR first`);
    }
    // Tables are looked for only where printed lines have cell-wide gaps: it halves the time on prose.
    // The page after one is looked at too: a table that runs over the page end may go on there in narrow
    // columns (wrapped cells, no wide gap) or with a row's rest only.
    const tablePages = pages.filter((p, i) => p.hasCellGaps || pages[i - 1]?.hasCellGaps).map((p) => p.num);
    const pageCount = doc.numPages;
    const tables = options.tables && tablePages.length > 0 ? await readTables(doc, content, tablePages) : new Map<number, RawCell[][][]>();
    // One set of margins for the whole document: official documents keep them on every page,
    // and a page that is mostly a table or a box would otherwise make its cells the "body".
    const margins = bodyMargins(pages.flatMap((p) => p.lines));
    const blocks = pages.flatMap((page) => pageBlocks(page, tables.get(page.num) ?? [], margins ?? bodyMargins(page.lines)));
    return {
      raw: { blocks, pages: pageCount, sourceText: pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n') },
      pagesWithoutText: pages.filter((_, i) => charsPerPage[i]! < options.minCharsPerPage).map((p) => p.num),
    };
  } catch (error) {
    throw asDocumentError(error);
  } finally {
    await doc?.destroy().catch(() => undefined);
  }
}

/**
 * Ruled tables of the given pages, read from the document the lines were read
 * from: pdf-parse would otherwise open the file a second time and parse its
 * cross-references and fonts again (three quarters of the table time). The
 * parser has no public way to take an open document, so it is handed over as
 * the one it would have loaded itself; should a pdf-parse release rename that
 * field, the parser opens its own copy from `content` — slower, same tables.
 */
export async function readTables(doc: PDFDocumentProxy, content: Buffer, pages: number[]): Promise<Map<number, RawCell[][][]>> {
  const parser = new PDFParse({ data: new Uint8Array(content), ...PDFJS_RESOURCES });
  Object.assign(parser, { doc });
  seeFilledRules(parser);
  const grids = keepGrids(parser);
  try {
    const result = await parser.getTable({ partial: pages });
    return new Map(
      result.pages
        .filter((p) => p.tables.length > 0)
        .map((p) => [p.num, p.tables.map((table, i) => spannedCells(grids.get(p.num)?.[i], table) ?? withSpans(table))]),
    );
  } catch {
    return new Map(); // tables are a bonus: their text is already there line by line
  } finally {
    // Taken back first: the document is the caller's to destroy; the parser destroys only a copy it opened itself.
    Object.assign(parser, { doc: undefined });
    await parser.destroy().catch(() => undefined);
  }
}

/** What pdf-parse's filled grid holds (its TableData, not exported): cells with their text pieces and spans. */
export interface FilledGrid {
  rows: Array<Array<{ text: string[]; rowspan?: number; colspan?: number }>>;
}

type FillPageTables = (page: PDFPageProxy, tables: FilledGrid[]) => Promise<void>;

/**
 * getTable() hands back each table as bare strings, losing which cells were
 * merged; the grids it filled still know (rowspan, colspan). They are kept,
 * page by page, through the parser's fill step, which has no public hook:
 * should a release rename it, merged cells are guessed from the strings.
 */
function keepGrids(parser: PdfParser): Map<number, FilledGrid[]> {
  const grids = new Map<number, FilledGrid[]>();
  const fill = (parser as unknown as { fillPageTables?: FillPageTables }).fillPageTables;
  if (typeof fill !== 'function') return grids;
  const keeping: FillPageTables = async (page, tables) => {
    await fill.call(parser, page, tables);
    grids.set(page.pageNumber, tables);
  };
  Object.assign(parser, { fillPageTables: keeping });
  return grids;
}

/** A filled grid's cells with their spans, when it is the table getTable() gave (same cells, same text). */
export function spannedCells(grid: FilledGrid | undefined, table: string[][]): RawCell[][] | null {
  if (!grid || grid.rows.length !== table.length) return null;
  const rows = grid.rows.map((row) => row.map((cell) => ({ text: cell.text.join('').trim(), rowSpan: cell.rowspan ?? 1, colSpan: cell.colspan ?? 1 })));
  const same = rows.every((row, r) => row.length === table[r]!.length && row.every((cell, c) => cell.text === table[r]![c]));
  return same ? rows : null;
}

type PageTables = (page: PDFPageProxy) => Promise<LineStore>;

/**
 * getTable() reads the page's stroked lines only; the cell borders browsers
 * and word processors draw as filled hairlines are added to what it found.
 * Reached through the parser's per-page step, which has no public hook: should
 * a release rename it, tables drawn with strokes are still found.
 */
function seeFilledRules(parser: PdfParser): void {
  const strokedOnly = (parser as unknown as { getPageTables?: PageTables }).getPageTables;
  if (typeof strokedOnly !== 'function') return;
  const withFills: PageTables = async (page) => {
    const store = await strokedOnly.call(parser, page);
    addRules(store, await filledRules(page), page.getViewport({ scale: 1 }).transform);
    return store;
  };
  Object.assign(parser, { getPageTables: withFills });
}

function pageBlocks(page: PdfPage, tables: RawCell[][][], margins: Margins | null): RawBlock[] {
  const { lines } = page;
  const replaced = new Map<number, { end: number; table: RawCell[][] }>();
  for (const table of tables) {
    const span = findTableLines(
      lines.map((l) => l.text),
      table.map((row) => row.map((cell) => cell.text)),
    );
    if (span && ![...replaced].some(([start, r]) => start < span.end && span.start < r.end)) {
      replaced.set(span.start, { end: span.end, table });
    }
  }
  const blocks: RawBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const hit = replaced.get(i);
    if (hit) {
      blocks.push({ kind: 'table', rows: hit.table, page: page.num });
      i = hit.end - 1;
      continue;
    }
    const line = lines[i]!;
    const block: RawBlock = { kind: 'paragraph', text: line.text, page: page.num };
    if (margins) block.layout = layoutOf(line, margins);
    blocks.push(block);
  }
  return blocks;
}

interface Margins {
  left: number;
  right: number;
}

/** The body text's margins: where most lines start and end (justified text ends flush). */
function bodyMargins(lines: PdfLine[]): Margins | null {
  const body = lines.filter((l) => l.text.length >= 8);
  if (body.length < 3) return null;
  const left = mode(body.map((l) => l.left));
  const right = mode(body.map((l) => l.right));
  return right - left > 10 ? { left, right } : null;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [v, n] of counts) if (n > bestCount || (n === bestCount && v < best)) [best, bestCount] = [v, n];
  return best;
}

function layoutOf(line: PdfLine, margins: Margins): { indent: number; trailing: number } {
  const round = (n: number): number => Math.round(n * 10) / 10;
  return { indent: round((line.left - margins.left) / line.em), trailing: round((margins.right - line.right) / line.em) };
}

/**
 * Lines [start, end) holding exactly the table's text: a run of lines each
 * found in the table's text whose characters are the table's (spaces aside).
 * Cell order on the page need not match the table's reading order.
 */
function findTableLines(lines: string[], table: string[][]): { start: number; end: number } | null {
  const cells = squeeze(table.flat().join(''));
  if (cells.length === 0) return null;
  for (let start = 0; start < lines.length; start++) {
    let total = 0;
    for (let end = start; end < lines.length; end++) {
      const line = squeeze(lines[end]!);
      if (line.length === 0 || !cells.includes(line)) break;
      total += line.length;
      if (
        total === cells.length &&
        sameCharacters(
          lines
            .slice(start, end + 1)
            .map(squeeze)
            .join(''),
          cells,
        )
      )
        return { start, end: end + 1 };
      if (total > cells.length) break;
    }
  }
  return null;
}

/**
 * The same characters, in any order. A line only found somewhere in the
 * table's text can be the wrapped end of its title (…主要指 / 标) and not one
 * of its cells: then the run starting there counts the title's characters
 * and comes up short of the table's own.
 */
function sameCharacters(a: string, b: string): boolean {
  const sorted = (s: string) => [...s].sort().join('');
  return sorted(a) === sorted(b);
}

/**
 * getTable() gives a merged cell once, in the first row it covers; a row with
 * fewer cells than the widest lacks its leading (vertically merged) cells.
 */
function withSpans(table: string[][]): RawCell[][] {
  const width = Math.max(...table.map((r) => r.length));
  const rows: RawCell[][] = table.map((row) => row.map((text) => ({ text, rowSpan: 1, colSpan: 1 })));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length !== width) continue;
    const missingBelow = (k: number): number => width - rows[k]!.length;
    for (let col = 0; col < width; col++) {
      let span = 1;
      while (r + span < rows.length && missingBelow(r + span) > col) span++;
      row[col]!.rowSpan = span;
    }
  }
  return rows;
}

function asDocumentError(error: unknown): DocumentError {
  if (error instanceof DocumentError) return error;
  const name = (error as Error)?.name ?? '';
  const message = ((error as Error)?.message ?? String(error)).split('\n')[0];
  if (name === 'PasswordException') {
    return new DocumentError('pdf-encrypted', 'the PDF is encrypted (password protected): remove the password first');
  }
  if (name === 'InvalidPDFException') return new DocumentError('pdf-corrupt', `the PDF is damaged and cannot be read: ${message}`);
  return new DocumentError('pdf-corrupt', `the PDF cannot be read: ${message}`);
}
