/**
 * Finds every raw block's text in `raw.sourceText`, in order, so each
 * character carries its exact source offset from here on.
 */
import type { RawBlock, RawDocument } from '../core/state.js';
import { MappedText } from './mapped-text.js';

export interface LineUnit {
  kind: 'line';
  text: MappedText;
  page?: number;
  headingLevel?: number;
  /** PDF line geometry in ems (see RawBlock.layout). */
  layout?: { indent: number; trailing: number };
  /** Plain-text line as printed, measured before cleanup (see join-lines.ts `measurePrinted`). */
  printed?: PrintedLine;
  /** A whole row of a table written with bars, its printed lines already joined (bar-rows.ts): joins nothing more. */
  wholeRow?: boolean;
}

/** Columns count a Chinese character as 2, a digit or Latin letter as 1. */
export interface PrintedLine {
  /** Columns of leading whitespace (an ideographic space is 2). */
  lead: number;
  /** Columns up to the last visible character, lead included. */
  width: number;
  /** Characters up to the last visible character, lead included. */
  chars: number;
}

export interface TableUnit {
  kind: 'table';
  rows: { text: MappedText; rowSpan: number; colSpan: number }[][];
  page?: number;
}

export interface BoxUnit {
  kind: 'box';
  paragraphs: MappedText[];
  page?: number;
}

export type Unit = LineUnit | TableUnit | BoxUnit;

export function locateBlocks(raw: RawDocument): Unit[] {
  const source = raw.sourceText;
  let cursor = 0;
  const find = (text: string): MappedText => {
    if (text.length === 0) return MappedText.fromSource(source, cursor, cursor);
    const at = source.indexOf(text, cursor);
    if (at < 0) return MappedText.inserted(text, cursor); // a reader that rewrote its text: anchor, do not guess
    cursor = at + text.length;
    return MappedText.fromSource(source, at, cursor);
  };
  return raw.blocks.map((block: RawBlock): Unit => {
    switch (block.kind) {
      case 'paragraph':
        return { kind: 'line', text: find(block.text), page: block.page, headingLevel: block.headingLevel, layout: block.layout };
      case 'table':
        return {
          kind: 'table',
          page: block.page,
          rows: block.rows.map((row) => row.map((cell) => ({ text: find(cell.text), rowSpan: cell.rowSpan, colSpan: cell.colSpan }))),
        };
      case 'box':
        return { kind: 'box', page: block.page, paragraphs: block.paragraphs.map(find) };
    }
  });
}
