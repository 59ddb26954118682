/**
 * segment: sentences with their section, page, table cell and box, and the
 * words of each sentence (jieba with the domain user dictionary).
 *
 * A sentence's text is `normalised.text.slice(start, end)`, except for a table
 * cell whose text wrapped over lines in a flattened table (发展 / 目标): its
 * text is the cell text with the line break joined, its offsets span both lines.
 */
import { z } from 'zod';
import { type Stage } from '../core/stage.js';
import { DocumentError } from '../core/errors.js';
import type { NormalisedText, Segmentation, Sentence, Structure } from '../core/state.js';
import { pageAt, sectionPathAt } from '../structure/index.js';
import { cutWords } from '../text/jieba.js';
import { splitSentences } from './sentences.js';

const SegmentOptions = z
  .object({
    /** Characters that end a sentence. */
    stops: z.string().min(1).default('。；！？;!?'),
    /** jieba user dictionary, a file in the rules directory. */
    userDict: z.string().min(1).default('userdict.utf8'),
    /** Cut sentences into words (off for runs that only need sentences). */
    words: z.boolean().default(true),
  })
  .strict();

export type SegmentOptions = z.infer<typeof SegmentOptions>;

type Draft = Omit<Sentence, 'index' | 'sectionPath' | 'page' | 'box'>;

/** Sentences of the document in text order. */
export function splitDocument(normalised: NormalisedText, structure: Structure, options: Pick<SegmentOptions, 'stops'>): Sentence[] {
  const { text } = normalised;
  const drafts: Draft[] = [];
  const tableRanges = structure.tables.map((table) => [table.start, table.end] as const);

  // Each table cell is a sentence of its own; carried (merged) copies are not repeated.
  for (const table of structure.tables) {
    table.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.carried || cell.text.trim() === '') return;
        drafts.push({ text: cell.text, start: cell.start, end: cell.end, cell: { table: table.index, row: r, col: c } });
      }),
    );
  }

  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const inTable = tableRanges.some(([start, end]) => lineStart >= start && lineStart < end);
    if (!inTable) {
      for (const { start, end } of splitSentences(text, lineStart, lineEnd, options)) drafts.push({ text: text.slice(start, end), start, end });
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }

  drafts.sort((a, b) => a.start - b.start || a.end - b.end);
  return drafts.map((draft, index) => {
    const { start, end, cell } = draft;
    // Built field by field, in the same key order as before: an object spread here cost more than the rest of the splitting.
    const sentence: Sentence = cell
      ? { text: draft.text, start, end, cell, index, sectionPath: sectionPathAt(structure.sections, start) }
      : { text: draft.text, start, end, index, sectionPath: sectionPathAt(structure.sections, start) };
    const page = pageAt(start, normalised.pageStarts);
    if (page !== undefined) sentence.page = page;
    const box = structure.boxes.findIndex((b) => start >= b.start && start < b.end);
    if (box !== -1) sentence.box = box;
    return sentence;
  });
}

export function segment(normalised: NormalisedText, structure: Structure, options: SegmentOptions, userDictPath: string): Segmentation {
  const sentences = splitDocument(normalised, structure, options);
  const words = options.words ? sentences.map((sentence) => cutWords(sentence.text, userDictPath)) : sentences.map(() => []);
  return { sentences, words };
}

export const segmentStage: Stage<typeof SegmentOptions> = {
  name: 'segment',
  description: 'Sentences (with section, page, table cell, box) and their words',
  options: SegmentOptions,
  requires: ['normalised', 'structure'],
  provides: ['segments'],
  run(state, options, context) {
    if (!state.normalised || !state.structure) throw new DocumentError('no-structure', 'segment needs the structure stage to run first');
    const userDict = context.rules.resource(options.userDict);
    return { ...state, segments: segment(state.normalised, state.structure, options, userDict) };
  },
};
