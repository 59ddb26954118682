/**
 * PDF text comes one printed line at a time. Lines are joined back into
 * paragraphs unless something marks a real break. With the lines' geometry
 * that is: the next line is indented (a paragraph's first line, a centred
 * title) or this one stops short of the right margin (a paragraph's last
 * line). Plain text saved or copied out of a PDF or web page has no geometry
 * but its printed lines: indents, and widths measured against the document's
 * own full line (see `textBreak`). Either way a line opening a heading or item
 * starts a new paragraph.
 */
import { isDateLine, isDocNumberOrDate, startsNewParagraph } from './headings.js';
import type { LineUnit, PrintedLine, Unit } from './locate-blocks.js';
import { mergeLines } from './merge-lines.js';
import { joinBarRows } from './bar-rows.js';
import { joinCutRows } from './cut-rows.js';

/** Ends a paragraph: sentence end, colon or semicolon, maybe followed by closing quotes/brackets. */
const PARAGRAPH_END = /[。！？；：!?;:][”’"）)》〉】」』]*$/;
/** A line reaching this share of the typical full line width was wrapped, not ended. */
const FULL_LINE_SHARE = 0.85;

export interface JoinOptions {
  /** Width (in half-width columns) of a full plain-text line; measured from the document when not given. */
  fullWidth?: number;
}

export function joinWrappedLines(printedLines: Unit[], options: JoinOptions = {}): Unit[] {
  // Table rows first: their lines are told apart by counting cells (bars, TABs, figures), not by layout.
  const units = joinCutRows(joinBarRows(printedLines));
  const { before, after } = breaksAroundFrontAndSignature(units);
  // Only plain-text lines (no geometry) need the document's line statistics.
  let measured: LineStats | undefined;
  const stats = (): LineStats => (measured ??= measureLines(units, options.fullWidth));
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
    if (
      previous &&
      (after.has(previous) || before.has(unit) || endsTitle(current) || endsAddressees(current) || breaksBetween(previous, unit, stats, current.length === 1))
    )
      flush();
    current.push(unit);
  }
  flush();
  return out;
}

/** A markdown table row (| 指标 | 单位 | 目标值 |) or its rule (| --- | --- |): one row a line. */
const MARKDOWN_ROW = /^\s*\|.*\|\s*$/u;

/** Lines that never join: empty lines, tab-led text-table lines, table rows with TABs between their cells, markdown rows, rows joined by bar-rows.ts. */
function isStandalone(unit: LineUnit): boolean {
  const text = unit.text.text;
  return unit.wholeRow === true || text.trim().length === 0 || text.includes('\t') || MARKDOWN_ROW.test(text);
}

/** Most characters a signature line has (an issuing organ, or two side by side). */
const SIGNATURE_CHARS = 30;
const PUNCTUATION = /[，。；：、,;:！？]/;

/** A plan's title ends with its period in brackets: 三年行动计划（2024—2026年）. */
const TITLE_PERIOD_END = /[（(][0-9]{4}\s*[—–\-－~～至]\s*[0-9]{4}\s*年?[）)]$/;

/** Lines so far that make a title with its period, no punctuation in them and no 《 left open: body text never stops so. */
function endsTitle(lines: LineUnit[]): boolean {
  const text = lines
    .map((line) => line.text.text)
    .join('')
    .trim();
  return TITLE_PERIOD_END.test(text) && !PUNCTUATION.test(text) && !hasOpenPair(text);
}

/** The addressees of a notice (主送机关): 各县市区人民政府，…，市政府各部门： — a paragraph of its own. */
function endsAddressees(lines: LineUnit[]): boolean {
  const text = lines
    .map((line) => line.text.text)
    .join('')
    .trim();
  return /^各[^。；]*[：:]$/.test(text);
}

/**
 * Lines that stand apart whatever their layout: the document number and a
 * date line (a break before and after), and the signature above a date —
 * short lines naming the issuers, no punctuation — which starts a paragraph
 * of its own (its lines may still join: a joint signature wraps). Text
 * extracted without geometry loses their centring and right alignment, and a
 * full line before them would run on into them.
 */
function breaksAroundFrontAndSignature(units: Unit[]): { before: Set<Unit>; after: Set<Unit> } {
  const before = new Set<Unit>();
  const after = new Set<Unit>();
  units.forEach((unit, i) => {
    if (unit.kind !== 'line' || !isDocNumberOrDate(unit.text.text)) return;
    before.add(unit);
    after.add(unit);
    if (!isDateLine(unit.text.text)) return;
    let top: Unit | undefined;
    for (let k = i - 1, signed = 0; k >= 0 && signed < 3; k--) {
      const above = units[k]!;
      if (above.kind !== 'line') break;
      const text = above.text.text.trim();
      if (text === '') continue;
      if ([...text].length > SIGNATURE_CHARS || PUNCTUATION.test(text) || startsNewParagraph(text) || isDocNumberOrDate(text)) break;
      top = above;
      signed++;
    }
    if (top) before.add(top);
  });
  return { before, after };
}

/** Ems of indent or of room at the line end that mark a paragraph edge (body paragraphs indent 2). */
const EDGE_EMS = 1;
/** Lines starting this far in are centred or right-aligned, never wrapped body text. */
const STANDALONE_INDENT_EMS = 4;

function breaksBetween(line: LineUnit, next: LineUnit, stats: () => LineStats, firstLine: boolean): boolean {
  if (startsNewParagraph(next.text.text)) return true;
  // A title wrapped inside 《…》 or “…” is not finished, however it is laid out.
  if (hasOpenPair(line.text.text)) return false;
  if (!line.layout || !next.layout) return textBreak(line, next, stats(), firstLine);
  if (next.layout.indent >= EDGE_EMS || line.layout.trailing >= EDGE_EMS) return true;
  // A centred or right-aligned line (signature, date, title) stands alone.
  if (line.layout.indent >= STANDALONE_INDENT_EMS) return true;
  // Across a page break margins may differ: a sentence end before a slightly indented line is a break.
  return next.page !== line.page && PARAGRAPH_END.test(line.text.text) && next.layout.indent > 0.5;
}

/**
 * Without geometry (plain text): an indented next line starts a paragraph; a
 * line short of the margin ends one when it ends a sentence or is clearly
 * short. A sentence ending at the margin usually goes on — sentences end
 * mid-paragraph far more often than paragraphs end on a full line — unless
 * the document marks its paragraphs by indents (then the unindented next line
 * says it goes on), the line is a one-line heading (（四）…。) or the next
 * line opens with a field label (目标：…).
 */
function textBreak(line: LineUnit, next: LineUnit, stats: LineStats, firstLine: boolean): boolean {
  const a = printedOf(line);
  const b = printedOf(next);
  if (indentEms(b, stats) >= EDGE_EMS || indentEms(a, stats) >= STANDALONE_INDENT_EMS) return true;
  const sentenceEnd = PARAGRAPH_END.test(line.text.text);
  if (stats.indentsMarkParagraphs && stats.ragged && !isFull(a, stats)) {
    // Lines cut unevenly: the unindented next line goes on unless this one is
    // a fragment (a signature, a field, a paragraph's last words). Not even a
    // field label opens a paragraph unindented: 主要目 / 标是：
    return isFragment(a, stats);
  }
  if (!isFull(a, stats)) return sentenceEnd || isClearlyShort(a, stats);
  if (!sentenceEnd || stats.indentsMarkParagraphs) return false;
  return (firstLine && startsNewParagraph(line.text.text)) || LABEL_START.test(next.text.text);
}

/** A field label opening a line (目标：, 内容：, 牵头单位：), as boxes and task lists print them. */
const LABEL_START = /^[\u4e00-\u9fff]{2,6}[：:]/;

/** How a document's plain-text lines are printed: full line length, its spread, the indent convention. */
export interface LineStats {
  /** What the wrap counted: display columns (a PDF's printed width) or characters (an editor's or script's fold). */
  measure: 'width' | 'chars';
  /** Typical full line (80th percentile) in that measure. */
  full: number;
  /** The shortest a full line gets (lines cut mid-sentence, 10th percentile): justified text varies a little. */
  minFull: number;
  /** Leading columns of an unindented line (pdftotext -layout keeps a page margin). */
  baseLead: number;
  /** Paragraphs start with an indent (　　), so an unindented line continues one. */
  indentsMarkParagraphs: boolean;
  /** Lines were cut unevenly (20–30 characters): a short line may still have been cut. */
  ragged: boolean;
}

/** Characters, or columns (a Chinese character = 2), a full line may fall short of the typical one. */
const FULL_LINE_SLACK = { width: 2, chars: 1 } as const;

export function measurePrinted(text: string): PrintedLine {
  const visible = text.replace(/[\s\u3000]+$/, '').replace(/\u00a0/g, ' ');
  const lead = /^[ \u3000]*/.exec(visible)![0];
  // A fold counts the characters it cuts, 　 indents among them; ASCII spaces
  // before the text are where a layout placed it (pdftotext -layout, centring), not text.
  const placed = /^ */.exec(visible)![0].length;
  return { lead: columns(lead), width: columns(visible), chars: [...visible].length - placed };
}
/**
 * East Asian wide and full-width characters (CJK, Hangul, full-width forms): two columns. So are the
 * ambiguous-width — ‘’ “” …: a Chinese font prints them full width, though string-width counts one.
 */

const WIDE =
  /[\u2014\u2018\u2019\u201c\u201d\u2026\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/gu;
// Combining marks (\u0300-\u036f) are meant to be listed alone here: they take no column of their own.
// eslint-disable-next-line no-misleading-character-class
const ZERO_WIDTH = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2060\ufeff\u0300-\u036f]/gu;

/** Display columns, as string-width counts them for Chinese text, at a fraction of its cost (every line is measured). */
export function columns(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n + (text.match(WIDE)?.length ?? 0) - (text.match(ZERO_WIDTH)?.length ?? 0);
}

function printedOf(line: LineUnit): PrintedLine {
  return line.printed ?? measurePrinted(line.text.text);
}

function indentEms(p: PrintedLine, stats: LineStats): number {
  return (p.lead - stats.baseLead) / 2;
}

function isFull(p: PrintedLine, stats: LineStats): boolean {
  return p[stats.measure] >= stats.minFull;
}

/** Spread of the cut lines beyond which a margin is ragged; justified text varies a few per cent. */
const RAGGED_SPREAD = 0.12;

/** Under half a full line: no wrap, however uneven, cuts a line that short. */
const FRAGMENT_SHARE = 0.5;

function isFragment(p: PrintedLine, stats: LineStats): boolean {
  return p[stats.measure] - (stats.measure === 'width' ? p.lead : 0) < stats.full * FRAGMENT_SHARE;
}

function isClearlyShort(p: PrintedLine, stats: LineStats): boolean {
  return p[stats.measure] < stats.full * FULL_LINE_SHARE;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

/** Relative spread (10th to 90th percentile) of a measure: the one the wrap counted barely varies. */
function spread(values: number[]): number {
  const median = percentile(values, 0.5);
  return median === 0 ? Infinity : (percentile(values, 0.9) - percentile(values, 0.1)) / median;
}

/** Body lines (not blank, not table lines) with the line after each when that is a body line too. */
function bodyLines(units: Unit[]): { line: LineUnit; next?: LineUnit }[] {
  const out: { line: LineUnit; next?: LineUnit }[] = [];
  units.forEach((u, i) => {
    if (u.kind !== 'line' || isStandalone(u)) return;
    const n = units[i + 1];
    out.push(n && n.kind === 'line' && !isStandalone(n) ? { line: u, next: n } : { line: u });
  });
  return out;
}

export function measureLines(units: Unit[], fullWidth?: number): LineStats {
  const body = bodyLines(units);
  const printed = body.map(({ line }) => printedOf(line)).filter((p) => p.width > p.lead);
  const typical = {
    width:
      fullWidth ??
      percentile(
        printed.map((p) => p.width),
        0.8,
      ),
    chars: percentile(
      printed.map((p) => p.chars),
      0.8,
    ),
  };
  // Lines cut mid-sentence before a line that goes on are full lines: their spread is the margin's.
  const cutPairs = body.filter(({ line, next }) => next && isCut(line, next, typical.width, typical.chars));
  const cut = cutPairs.map(({ line }) => printedOf(line));
  // The left margin is where a cut line goes on. Counted over all lines it can be an indent: a table
  // printed one cell a line, each cell indented as a paragraph, outnumbers the continuation lines.
  const continued = cutPairs.map(({ next }) => printedOf(next!));
  const baseLead = mostCommonLead(continued.length >= MIN_CONTINUATIONS ? continued : printed);
  const measure = cut.length >= 5 && spread(cut.map((p) => p.chars)) < spread(cut.map((p) => p.width)) ? 'chars' : 'width';
  const full = typical[measure];
  const narrowest =
    cut.length > 0
      ? percentile(
          cut.map((p) => p[measure]),
          0.1,
        )
      : full;
  const minFull = Math.max(full * FULL_LINE_SHARE, Math.min(full - FULL_LINE_SLACK[measure], narrowest));
  // After a line that clearly ends a paragraph (a sentence end well short of the margin), is the next line indented?
  const ends = body.filter(({ line, next }) => next && PARAGRAPH_END.test(line.text.text) && printedOf(line)[measure] < full * FULL_LINE_SHARE);
  const indented = ends.filter(({ next }) => (printedOf(next!).lead - baseLead) / 2 >= EDGE_EMS).length;
  const ragged = cut.length >= 5 && spread(cut.map((p) => p[measure])) > RAGGED_SPREAD;
  return { measure, full, minFull, baseLead, indentsMarkParagraphs: ends.length >= 3 && indented / ends.length >= 0.6, ragged };
}

/** Continuation lines enough to read the margin off them rather than off every line. */
const MIN_CONTINUATIONS = 5;

function mostCommonLead(lines: PrintedLine[]): number {
  const leads = new Map<number, number>();
  for (const p of lines) leads.set(p.lead, (leads.get(p.lead) ?? 0) + 1);
  return [...leads].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** A long line stopping mid-sentence, the next one going on: the mark of a hard wrap. */
function isCut(line: LineUnit, next: LineUnit, fullWidth: number, fullChars: number): boolean {
  const p = printedOf(line);
  if (PARAGRAPH_END.test(line.text.text) || startsNewParagraph(next.text.text)) return false;
  return p.width >= fullWidth * HARD_WRAP_SHARE || p.chars >= fullChars * HARD_WRAP_SHARE;
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

/** Share of a text's lines that must each be followed by one blank line for the blanks to be line spacing. */
const LINE_SPACING_SHARE = 0.8;

/**
 * Some PDF extractors and copies write every printed line followed by a blank
 * line. There a single blank line is line spacing, not a paragraph break: the
 * text without it, when that looks hard-wrapped, is the text to join. Runs of
 * two or more blank lines and blanks next to text-table lines stay. Undefined
 * when the text is not spaced so.
 */
export function withoutLineSpacing(units: Unit[]): Unit[] | undefined {
  const isBody = (u: Unit | undefined): boolean => !!u && u.kind === 'line' && !isStandalone(u);
  const isBlank = (u: Unit | undefined): boolean => !!u && u.kind === 'line' && u.text.text.trim().length === 0;
  const spacing = new Set<number>();
  let body = 0;
  units.forEach((u, i) => {
    if (!isBody(u)) return;
    body++;
    if (isBlank(units[i + 1]) && isBody(units[i + 2])) spacing.add(i + 1);
  });
  if (body < 10 || spacing.size < (body - 1) * LINE_SPACING_SHARE) return undefined;
  return units.filter((_, i) => !spacing.has(i));
}

/** A line this close to the full width, stopping mid-sentence, was cut by a hard wrap. */
const HARD_WRAP_SHARE = 0.8;
/** Narrower than this (columns) no text is hard-wrapped: such columns are table cells, one per line. */
const MIN_WRAP_WIDTH = 24;

/**
 * Text saved from a PDF or a web page (pdftotext, copy and paste) keeps the
 * printed lines: most lines then reach about the same width and stop
 * mid-sentence, the next line going on. Text with one paragraph per line has
 * lines of every length, nearly all ending a sentence or being a short title.
 */
export function looksHardWrapped(units: Unit[]): boolean {
  const body = bodyLines(units);
  if (body.length < 10) return false;
  const fullWidth = percentile(
    body.map(({ line }) => printedOf(line).width),
    0.8,
  );
  const fullChars = percentile(
    body.map(({ line }) => printedOf(line).chars),
    0.8,
  );
  if (fullWidth < MIN_WRAP_WIDTH) return false;
  const cut = body.filter(({ line, next }) => next && isCut(line, next, fullWidth, fullChars)).length;
  return cut / body.length >= 0.3;
}
