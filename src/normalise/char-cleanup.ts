/**
 * Character-level cleanups for one line of text: what Word-to-text
 * converters and PDF extraction leave behind. Each is switchable by option.
 */
import { MappedText } from './mapped-text.js';
import { GLYPH_ALIAS, usualCharacter } from './glyph-aliases.js';

export interface CharCleanupOptions {
  /** `[bookmark: _Toc93592294]` left by docx-to-text converters. */
  bookmarks: boolean;
  /** Full-width digits, Latin letters and comparators → ASCII (CJK punctuation stays). */
  fullWidth: boolean;
  /** NBSP, ideographic and other Unicode spaces → ' '; zero-width characters removed. */
  unicodeSpaces: boolean;
  /** Spaces next to CJK text (`2026 年`, `构 ， 形 成`) removed; spaces between Latin words kept. */
  cjkSpaces: boolean;
  /** Markdown markup of crawled web pages: `# ` heading marks, `**bold**` markers, `[text](url)` links. */
  markdown: boolean;
  /** Code points a PDF text layer gives for characters drawn alike (⼈ → 人, ⺠ → 民, ― → —). */
  glyphAliases: boolean;
}

const BOOKMARK = /\[bookmark:[^\]\n]*\]/g;

/**
 * Full-width forms that have an exact ASCII meaning in numbers and units.
 * （）、，：；！？ stay full width: downstream rules are written with them.
 */
const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0b\uff1c\uff1d\uff1e\uff0f\uff06\uff03\uff20]/g;
/** `3．5` is a decimal; `1．` before a heading stays as written. */
const FULL_WIDTH_POINT = /(?<=[0-9\uff10-\uff19])\uff0e(?=[0-9\uff10-\uff19])/g;
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/**
 * A task table exported with one ideographic space between its cells
 * (序号　重点任务　牵头单位　配合单位): the spaces are column gaps, kept as TABs,
 * where a line has two of them or more and no sentence ends in it. Indents
 * (　　), and wider gaps between a page's fields, are no cell boundaries.
 */
const IDEOGRAPHIC_COLUMN_GAP = /(?<=[^\s\u3000])\u3000(?=[^\s\u3000])/g;
const SENTENCE_END = /[。；;！？]/;
function isIdeographicSpaceRow(text: string): boolean {
  return !SENTENCE_END.test(text) && (text.match(IDEOGRAPHIC_COLUMN_GAP) ?? []).length >= 2;
}
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACE_RUN = / +/g;

/**
 * Markdown a crawler leaves on a page saved as text. Chinese official text
 * never writes `**` or a `#` before a space at a line start, so these go
 * wherever they occur: `**一、工作目标**` is the heading 一、工作目标, and an
 * unbalanced `（2026—2030年****）` is the crawler's, not the document's.
 */
const MARKDOWN_HEADING = /^[ \t\u3000]*#{1,6}[ \t]+/g;
const MARKDOWN_BOLD = /\*{2,}/g;
/** A list of bold field labels (`- **发布机构**：…`): the bullet goes with the markup. */
const MARKDOWN_BULLET = /^[ \t]*[-*+][ \t]+(?=\*\*)/g;
const MARKDOWN_LINK = /\[([^\]\n]*)\]\(([^)\s]*)\)/g;

/** Han ideographs and CJK punctuation (incl. full-width forms and curly quotes used in Chinese text). */
const CJK =
  /[\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]/;
const DIGIT = /[0-9]/;
const PERCENT_LIKE = /[%‰]/;

export function cleanChars(line: MappedText, options: CharCleanupOptions): MappedText {
  let out = line;
  if (options.bookmarks) out = out.replace(BOOKMARK, () => '');
  if (options.glyphAliases) out = out.replace(GLYPH_ALIAS, (m) => usualCharacter(m[0]));
  if (options.markdown) out = stripMarkdown(out);
  if (options.unicodeSpaces) {
    out = out.replace(ZERO_WIDTH, () => '');
    if (isIdeographicSpaceRow(out.text)) out = out.replace(IDEOGRAPHIC_COLUMN_GAP, () => '\t');
    out = out.replace(UNICODE_SPACE, () => ' ');
  }
  if (options.fullWidth) {
    out = out.replace(FULL_WIDTH_POINT, () => '.');
    out = out.replace(FULL_WIDTH, (m) => String.fromCharCode(m[0].charCodeAt(0) - 0xfee0));
  }
  if (options.cjkSpaces) out = removeCjkSpaces(out);
  return out;
}

/** A link keeps its text, or its address where the text is empty. */
export function stripMarkdown(line: MappedText): MappedText {
  const out = line
    .replace(MARKDOWN_HEADING, () => '')
    .replace(MARKDOWN_BULLET, () => '')
    .replace(MARKDOWN_BOLD, () => '');
  return out.replace(MARKDOWN_LINK, (m) => m[1] || m[2]!);
}

/** A gap of two spaces or more inside a line: a column gap when the line has two of them. */
const COLUMN_GAP = /(?<=\S) {2,}(?=\S)/g;

/** A cell holding a figure: 28.6, ≤1.3, 45%, 〔3.5〕, — (no figure), or a year column 2025年 / 2023年基数. */
const VALUE_CELL = /^(?:[〔（(]?[<>≤≥]?-?[0-9]+(?:\.[0-9]+)?[%‰]?[〕）)]?|[0-9]{4}年[\u4e00-\u9fff]{0,3}|[—–-]+)$/u;
/** Prose punctuation: a table row has none of it. */
const PROSE_MARK = /[，。；：！？,;]/;
/** Fewest cells a row of single-space-separated cells has (a name, a unit, two figures). */
const MIN_ROW_CELLS = 4;

/**
 * A table row whose cells are apart by one space each (pdftotext without
 * -layout prints a ruled table so; so does a web page or a word processor
 * that collapsed the row's TABs): four cells or more, two figures side by side
 * (28.6 29, 2024年 2025年), some Chinese text, no prose punctuation. Prose
 * with spaces around its numbers (到 2025 年，达到 30 %) never has two figures
 * side by side.
 */
export function isSpacedRow(text: string): boolean {
  const cells = text.trim().split(' ');
  if (cells.length < MIN_ROW_CELLS || cells.some((c) => c === '') || PROSE_MARK.test(text) || !CJK.test(text)) return false;
  const sideBySide = cells.some((c, i) => i > 0 && VALUE_CELL.test(c) && VALUE_CELL.test(cells[i - 1]!) && !/^[—–-]+$/.test(c + cells[i - 1]!));
  // A numbered row the page cut after its first figure (3 高技术制造业增加值比重 % 12.7): its figures go on the next line.
  const numberedCut = SERIAL_CELL.test(cells[0]!) && CJK.test(cells[1]!) && VALUE_CELL.test(cells[cells.length - 1]!);
  return sideBySide || numberedCut;
}

const SERIAL_CELL = /^[0-9]{1,2}$/;
/** A line of figures only (13.3 14 15, 〔10〕): the cut end of a table row. */
export function isFigureRun(text: string): boolean {
  const cells = text.trim().split(/[ \t]+/);
  return cells.length > 0 && cells.every((c) => VALUE_CELL.test(c) && !/^[0-9]{4}年/.test(c));
}

/**
 * Removes a run of spaces when it sits next to CJK text, or between a number and its per cent sign.
 * A table row copied out with spaces between its cells (类别  指标  单位  2025年, or one space
 * each: 1 制造业增加值占比 % 28.6 29) keeps its column gaps as TABs: removing them would run the
 * cells together.
 */
export function removeCjkSpaces(line: MappedText): MappedText {
  const text = line.text;
  const columns = (text.match(COLUMN_GAP) ?? []).length >= 2;
  const spacedRow = !columns && isSpacedRow(text);
  return line.replace(SPACE_RUN, (m) => {
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    if (before === undefined || after === undefined || before === '\t') return m[0];
    if ((columns && m[0].length >= 2) || spacedRow) return '\t';
    const cjkBefore = CJK.test(before);
    const cjkAfter = CJK.test(after);
    if (cjkBefore || cjkAfter) return '';
    if (DIGIT.test(before) && PERCENT_LIKE.test(after)) return '';
    return m[0].length > 1 ? ' ' : m[0];
  });
}
