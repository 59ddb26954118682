/**
 * normalise: turns RawDocument blocks into one clean text with block offsets,
 * page starts and an offset map back to `raw.sourceText`.
 *
 * Order matters: locate every block in the source first (so offsets are exact),
 * drop page furniture while page edges are still known, clean characters per
 * line, then join PDF hard-wrapped lines into paragraphs.
 */
import { z } from 'zod';
import { type Stage } from '../core/stage.js';
import { DocumentError } from '../core/errors.js';
import { MappedText } from './mapped-text.js';
import { cleanChars, type CharCleanupOptions } from './char-cleanup.js';
import { locateBlocks, type Unit } from './locate-blocks.js';
import { dropPageFurniture } from './page-furniture.js';
import { joinWrappedLines, looksHardWrapped, measurePrinted, withoutLineSpacing } from './join-lines.js';
import { assemble } from './assemble.js';
import { joinSpacedTables } from './spaced-tables.js';

const NormaliseOptions = z
  .object({
    /** Remove `[bookmark: _Toc…]` left by docx-to-text converters. */
    bookmarks: z.boolean().default(true),
    /** Full-width digits, letters and ％＞＜＝＋／ → ASCII; CJK punctuation stays. */
    fullWidth: z.boolean().default(true),
    /** NBSP, ideographic and other Unicode spaces → ' '; zero-width characters removed. */
    unicodeSpaces: z.boolean().default(true),
    /** Remove spaces next to CJK text (`2026 年`, `构 ， 形 成`); keep them between Latin words and between numbers. */
    cjkSpaces: z.boolean().default(true),
    /** Strip the markdown of crawled web pages (`# ` title marks, `**bold**` headings, `[text](url)` links). */
    markdown: z.boolean().default(true),
    /** Code points PDF text layers give for characters a font draws alike (⼈ → 人, ⺠ → 民, ⻓ → 长, ― → —). */
    glyphAliases: z.boolean().default(true),
    /** Page-number lines (— 8 —, 第 8 页, -- 2 of 15 --) and headers/footers repeated across pages. */
    pageFurniture: z.boolean().default(true),
    /** Share of pages a top/bottom line must repeat on to count as a running header/footer. */
    furnitureMinShare: z.number().min(0).max(1).default(0.5),
    /** Join hard-wrapped lines into paragraphs: 'auto' does it for PDFs and for text files that look hard-wrapped (pdftotext output). */
    joinLines: z.enum(['auto', 'always', 'never']).default('auto'),
    /** Keep tab-indented table lines of .txt files (and their blank row separators) as text tables. */
    textTables: z.boolean().default(true),
  })
  .strict();

export type NormaliseOptions = z.infer<typeof NormaliseOptions>;

export const normaliseStage: Stage<typeof NormaliseOptions> = {
  name: 'normalise',
  description: 'Clean the text (bookmarks, page furniture, hard line breaks, spaces, full-width forms) and map offsets back to the source',
  options: NormaliseOptions,
  requires: ['source', 'raw'],
  provides: ['normalised'],
  run(state, options) {
    if (!state.raw) throw new DocumentError('no-raw-text', 'normalise needs the ingest stage to run first');
    const raw = state.raw;
    const format = state.source.format;
    let units: Unit[] = locateBlocks(raw);
    if (format === 'txt' && options.joinLines !== 'never') {
      // Every printed line followed by a blank line: the blanks are spacing, the lines a hard wrap.
      // Before page furniture goes, so a dropped page number leaves no double blank behind.
      const unspaced = withoutLineSpacing(units);
      if (unspaced && looksHardWrapped(unspaced)) units = unspaced;
    }
    if (options.pageFurniture) units = dropPageFurniture(units, { minShare: options.furnitureMinShare, pages: raw.pages });
    // Before cleanup drops the spaces that are a printed table's cell boundaries.
    if (format === 'pdf' || format === 'txt') units = joinSpacedTables(units);
    const charOptions: CharCleanupOptions = options;
    units = units.map((unit) => cleanUnit(unit, charOptions));
    if (options.joinLines === 'always' || (options.joinLines === 'auto' && (format === 'pdf' || (format === 'txt' && looksHardWrapped(units))))) {
      units = joinWrappedLines(units);
    }
    const normalised = assemble(units, { textTables: options.textTables, pages: raw.pages });
    if (normalised.text.trim().length === 0) throw new DocumentError('no-text', 'the document contains no text after cleaning');
    return { ...state, normalised };
  },
};

/** A cell is one line of the normalised text: lines wrapped inside it (发展\n目标) are joined. */
function oneLine(text: MappedText): MappedText {
  const source = text.text;
  return text.replace(/[ \t]*\n[ \t]*/g, (m) => {
    const before = source[m.index - 1] ?? '';
    const after = source[m.index + m[0].length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}

function cleanUnit(unit: Unit, options: CharCleanupOptions): Unit {
  switch (unit.kind) {
    case 'line': {
      const tab = unit.text.text.startsWith('\t');
      // Indents and line widths are joining evidence; cleanup trims the one and changes the other.
      const printed = unit.layout ? {} : { printed: measurePrinted(unit.text.text) };
      return { ...unit, ...printed, text: cleanChars(unit.text, options).trim(tab) };
    }
    case 'table':
      return { ...unit, rows: unit.rows.map((row) => row.map((cell) => ({ ...cell, text: oneLine(cleanChars(cell.text, options)).trim() }))) };
    case 'box':
      return { ...unit, paragraphs: unit.paragraphs.map((p) => cleanChars(p, options).trim()) };
  }
}
