/**
 * PDF text comes one printed line at a time. Lines are joined back into
 * paragraphs unless something marks a real break. With the lines' geometry
 * that is: the next line is indented (a paragraph's first line, a centred
 * title) or this one stops short of the right margin (a paragraph's last
 * line). Without geometry: the line ends a sentence or stops clearly short of
 * the typical line width. Either way a line opening a heading or item starts
 * a new paragraph.
 */
import stringWidth from 'string-width';
import { startsNewParagraph } from './headings.js';
import type { LineUnit, Unit } from './locate-blocks.js';
import { MappedText } from './mapped-text.js';

/** Ends a paragraph: sentence end, colon or semicolon, maybe followed by closing quotes/brackets. */
const PARAGRAPH_END = /[。！？；：!?;:][”’"）)》〉】」』]*$/;
/** A line reaching this share of the typical full line width was wrapped, not ended. */
const FULL_LINE_SHARE = 0.85;
/** Columns (one Chinese character = 2) a line ending a sentence may fall short of full and still be wrapped. */
const FULL_LINE_SLACK = 2;

export interface JoinOptions {
  /** Width (in half-width columns) of a full line; measured from the document when not given. */
  fullWidth?: number;
}

export function joinWrappedLines(units: Unit[], options: JoinOptions = {}): Unit[] {
  const fullWidth = options.fullWidth ?? typicalLineWidth(units);
  const out: Unit[] = [];
  let current: LineUnit[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    out.push(current.length === 1 ? current[0]! : mergeLines(current));
    current = [];
  };
  for (const unit of units) {
    if (unit.kind !== 'line' || isStandalone(unit)) {
      flush();
      out.push(unit);
      continue;
    }
    const previous = current[current.length - 1];
    if (previous && breaksBetween(previous, unit, fullWidth)) flush();
    current.push(unit);
  }
  flush();
  return out;
}

/** Lines that never join: empty lines and tab-led text-table lines. */
function isStandalone(unit: LineUnit): boolean {
  return unit.text.text.trim().length === 0 || unit.text.text.startsWith('\t');
}

/** Ems of indent or of room at the line end that mark a paragraph edge (body paragraphs indent 2). */
const EDGE_EMS = 1;
/** Lines starting this far in are centred or right-aligned, never wrapped body text. */
const STANDALONE_INDENT_EMS = 4;

function breaksBetween(line: LineUnit, next: LineUnit, fullWidth: number): boolean {
  if (startsNewParagraph(next.text.text)) return true;
  // A title wrapped inside 《…》 or “…” is not finished, however it is laid out.
  if (hasOpenPair(line.text.text)) return false;
  if (!line.layout || !next.layout) return endsParagraph(line.text.text, next.text.text, fullWidth);
  if (next.layout.indent >= EDGE_EMS || line.layout.trailing >= EDGE_EMS) return true;
  // A centred or right-aligned line (signature, date, title) stands alone.
  if (line.layout.indent >= STANDALONE_INDENT_EMS) return true;
  // Across a page break margins may differ: a sentence end before a slightly indented line is a break.
  return next.page !== line.page && PARAGRAPH_END.test(line.text.text) && next.layout.indent > 0.5;
}

/** Without geometry: a line clearly shorter than a full one, or a sentence end short of the margin. */
export function endsParagraph(line: string, next: string, fullWidth: number): boolean {
  if (startsNewParagraph(next)) return true;
  if (hasOpenPair(line)) return false;
  // A sentence that ends exactly at the right margin usually goes on: sentences
  // end mid-paragraph far more often than paragraphs end on a full line.
  if (PARAGRAPH_END.test(line)) return stringWidth(line) < fullWidth - FULL_LINE_SLACK;
  return stringWidth(line) < fullWidth * FULL_LINE_SHARE;
}

const PAIRS: [string, string][] = [
  ['《', '》'],
  ['“', '”'],
  ['（', '）'],
  ['(', ')'],
];

function hasOpenPair(line: string): boolean {
  return PAIRS.some(([open, close]) => line.split(open).length > line.split(close).length);
}

/** The width most long lines reach: the 80th percentile of line widths. */
export function typicalLineWidth(units: Unit[]): number {
  const widths = units
    .filter((u): u is LineUnit => u.kind === 'line')
    .map((u) => stringWidth(u.text.text))
    .filter((w) => w > 0)
    .sort((a, b) => a - b);
  if (widths.length === 0) return 0;
  return widths[Math.min(widths.length - 1, Math.floor(widths.length * 0.8))]!;
}

function mergeLines(lines: LineUnit[]): LineUnit {
  const parts: MappedText[] = [];
  lines.forEach((line, i) => {
    const previous = parts[parts.length - 1];
    // Latin words broken across lines need their space back; Chinese text joins directly.
    if (i > 0 && previous && /[A-Za-z]$/.test(previous.text) && /^[A-Za-z]/.test(line.text.text)) {
      parts.push(MappedText.inserted(' ', line.text.sourceStart()));
    }
    parts.push(line.text);
  });
  const first = lines[0]!;
  const merged: LineUnit = { kind: 'line', text: MappedText.concat(parts) };
  if (first.page !== undefined) merged.page = first.page;
  if (first.headingLevel !== undefined) merged.headingLevel = first.headingLevel;
  return merged;
}

/**
 * Text saved from a PDF (pdftotext, copy and paste) keeps the printed lines:
 * most lines then reach the same width and stop mid-sentence. Text with one
 * paragraph per line has lines of every length, most ending a sentence.
 */
export function looksHardWrapped(units: Unit[]): boolean {
  const lines = units.filter((u): u is LineUnit => u.kind === 'line' && !isStandalone(u)).map((u) => u.text.text);
  if (lines.length < 10) return false;
  const full = typicalLineWidth(units);
  const wrapped = lines.filter((line) => Math.abs(stringWidth(line) - full) <= 2 && !PARAGRAPH_END.test(line)).length;
  return wrapped / lines.length >= 0.4;
}
