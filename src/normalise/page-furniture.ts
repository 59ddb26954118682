/**
 * Page furniture: page-number lines and running headers/footers. Page numbers
 * are recognised by shape; headers/footers by repetition at the page edges,
 * since every office prints its own.
 */
import type { LineUnit, Unit } from './locate-blocks.js';

const PAGE_NUMBER_SHAPES: RegExp[] = [
  /^[-—–－─~～]+\s*\d{1,4}\s*[-—–－─~～]+$/, // — 8 —, - 8 -
  /^第\s*\d{1,4}\s*页(\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/, // 第 8 页, 第8页 共15页
  /^共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页$/,
  /^--\s*\d{1,4}\s+of\s+\d{1,4}\s*--$/i, // pdf-parse's own page separator
  /^(page\s*)?\d{1,4}\s*(\/|of)\s*\d{1,4}$/i, // 3/15, Page 3 of 15
];

/** Lines at most this far from a page edge are candidates for headers/footers. */
const EDGE_LINES = 2;

export function isPageNumberLine(text: string): boolean {
  const t = text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  return PAGE_NUMBER_SHAPES.some((shape) => shape.test(t));
}

export interface FurnitureOptions {
  /** Share of pages a line must repeat on to be a running header/footer. */
  minShare: number;
  pages?: number;
}

export function dropPageFurniture(units: Unit[], options: FurnitureOptions): Unit[] {
  const drop = new Set<Unit>();
  for (const unit of units) {
    if (unit.kind === 'line' && !unit.text.text.startsWith('\t') && isPageNumberLine(unit.text.text)) drop.add(unit);
  }
  const pages = pageNumbers(units, drop);
  const byPage = linesByPage(units, drop, pages);
  if (byPage.size > 0) {
    for (const unit of bareEdgeNumbers(byPage, numberedPages(units, drop, pages))) drop.add(unit);
    for (const unit of repeatedEdgeLines(byPage, options)) drop.add(unit);
  }
  for (const unit of blanksAtPageTurns(units, drop)) drop.add(unit);
  return drop.size === 0 ? units : units.filter((u) => !drop.has(u));
}

/**
 * Blank lines that only turn a page in the middle of a sentence: next to a
 * dropped page number or header, or between the last line of one page and
 * the first of the next (pdftotext ends each page with one), after a line
 * that stops mid-sentence. They are no paragraph break: 首次突破500 / — 6 — /
 * 亿元的企业 goes on overleaf. After a sentence end the blank may be the
 * paragraph's, and it stays; so do blanks between text-table lines.
 */
function blanksAtPageTurns(units: Unit[], dropped: Set<Unit>): Unit[] {
  const isBlank = (u: Unit): boolean => u.kind === 'line' && u.text.text.trim().length === 0 && !u.text.text.startsWith('\t');
  const isSkipped = (u: Unit): boolean => isBlank(u) || dropped.has(u);
  const found: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    if (!isSkipped(units[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < units.length && isSkipped(units[end]!)) end++;
    const run = units.slice(i, end);
    const before = units[i - 1];
    const after = units[end];
    const turnsPage = run.some((u) => dropped.has(u)) || (before?.page !== undefined && after?.page !== undefined && after.page !== before.page);
    if (turnsPage && before && after && isCutText(before) && isTextLine(after)) found.push(...run.filter(isBlank));
    i = end;
  }
  return found;
}

/** A line of running text, not a text-table line. */
function isTextLine(unit: Unit): unit is LineUnit {
  return unit.kind === 'line' && !unit.text.text.startsWith('\t') && unit.text.text.trim().length > 0;
}

/** Running text that stops mid-sentence. */
function isCutText(unit: Unit): boolean {
  return isTextLine(unit) && !SENTENCE_END.test(unit.text.text.trim());
}

const SENTENCE_END = /[。！？；：!?;:][”’"）)》〉】」』]*$/;

/**
 * Each unit's page: the reader's page, or, for text without form feeds, the
 * pages its page-number lines (— 8 —) mark off, one ending at each.
 */
function pageNumbers(units: Unit[], pageNumberLines: Set<Unit>): Map<Unit, number> {
  const pages = new Map<Unit, number>();
  if (units.some((u) => u.page !== undefined)) {
    for (const u of units) if (u.page !== undefined) pages.set(u, u.page);
    return pages;
  }
  if (pageNumberLines.size < MIN_PAGE_NUMBER_LINES) return pages;
  let page = 1;
  for (const u of units) {
    if (pageNumberLines.has(u)) page++;
    else pages.set(u, page);
  }
  return pages;
}

/** Page-number lines it takes to read the pages of a text without form feeds off them. */
const MIN_PAGE_NUMBER_LINES = 2;

function linesByPage(units: Unit[], dropped: Set<Unit>, pages: Map<Unit, number>): Map<number, LineUnit[]> {
  const byPage = new Map<number, LineUnit[]>();
  for (const unit of units) {
    const page = pages.get(unit);
    if (unit.kind !== 'line' || page === undefined || dropped.has(unit)) continue;
    // Text-table cells (tab-led) are never furniture: a column of numbers would look like page numbers.
    if (unit.text.text.trim().length === 0 || unit.text.text.startsWith('\t')) continue;
    const list = byPage.get(page) ?? [];
    list.push(unit);
    byPage.set(page, list);
  }
  return byPage;
}

function edges(lines: LineUnit[]): LineUnit[] {
  if (lines.length <= EDGE_LINES * 2) return lines;
  return [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
}

/**
 * Pages whose number a line of page-number shape (— 8 —) already gives: the
 * reader's page of that line, or, in text without form feeds, the page it ends.
 */
function numberedPages(units: Unit[], pageNumberLines: Set<Unit>, pages: Map<Unit, number>): Set<number> {
  const numbered = new Set<number>();
  let page = 1;
  for (const u of units) {
    const own = u.page ?? pages.get(u);
    if (own !== undefined) page = own;
    if (pageNumberLines.has(u)) numbered.add(page);
  }
  return numbered;
}

/**
 * A bare number at the top or bottom of a page, close to the page's own
 * number, is its page number — unless the page has its number already: then
 * it is a table's row number or a cell (序号 4 at a page top).
 */
function bareEdgeNumbers(byPage: Map<number, LineUnit[]>, numbered: Set<number>): LineUnit[] {
  const found: LineUnit[] = [];
  for (const [page, lines] of byPage) {
    if (numbered.has(page)) continue;
    const first = lines[0];
    const last = lines[lines.length - 1];
    for (const line of new Set([first, last])) {
      if (!line) continue;
      const t = line.text.text.trim();
      if (/^\d{1,4}$/.test(t) && Math.abs(Number(t) - page) <= 3) found.push(line);
    }
  }
  return found;
}

/** Lines at page edges that repeat (digits ignored) on at least `minShare` of the pages. */
function repeatedEdgeLines(byPage: Map<number, LineUnit[]>, options: FurnitureOptions): LineUnit[] {
  const pageCount = Math.max(options.pages ?? 0, byPage.size);
  if (pageCount < 3) return [];
  const key = (line: LineUnit): string => line.text.text.replace(/[\s\u00a0\u3000]+/g, '').replace(/[0-9０-９]+/g, '#');
  const pagesWithKey = new Map<string, Set<number>>();
  for (const [page, lines] of byPage) {
    for (const line of edges(lines)) {
      const k = key(line);
      if (k.length === 0) continue;
      const set = pagesWithKey.get(k) ?? new Set<number>();
      set.add(page);
      pagesWithKey.set(k, set);
    }
  }
  const repeated = new Set([...pagesWithKey].filter(([, pages]) => pages.size >= Math.max(2, pageCount * options.minShare)).map(([k]) => k));
  if (repeated.size === 0) return [];
  const found: LineUnit[] = [];
  for (const lines of byPage.values()) for (const line of edges(lines)) if (repeated.has(key(line))) found.push(line);
  return found;
}
