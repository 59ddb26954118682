/**
 * Lays cleaned units out as the normalised text: one block per line, blocks
 * separated by '\n', with offsets, page starts and the offset map.
 */
import { OffsetMapBuilder, type OffsetMap } from '../core/offset-map.js';
import type { NormalisedBlock, NormalisedCell, NormalisedText } from '../core/state.js';
import type { LineUnit, Unit } from './locate-blocks.js';
import { MappedText } from './mapped-text.js';

export interface AssembleOptions {
  textTables: boolean;
  pages?: number;
}

/** Appends mapped text to the normalised text and its offset map together. */
class TextWriter {
  private readonly parts: string[] = [];
  private readonly builder = new OffsetMapBuilder();
  /** Source offset just past the last text written. */
  private anchor = 0;

  get length(): number {
    return this.builder.length;
  }

  write(text: MappedText): { start: number; end: number } {
    const start = this.builder.length;
    this.parts.push(text.text);
    text.appendTo(this.builder);
    if (text.length > 0) this.anchor = text.sourceEnd();
    return { start, end: this.builder.length };
  }

  /**
   * A joining newline, anchored at the end of the text before it so that an
   * exclusive block end maps to the end of its own source, not the next one's start.
   */
  newline(): void {
    this.parts.push('\n');
    this.builder.insert('\n', this.anchor);
  }

  /** Starts a block: a newline unless this is the first. */
  startBlock(): number {
    if (this.builder.length > 0) this.newline();
    return this.builder.length;
  }

  /** Lines of one block, newline-separated; returns each line's span. */
  writeLines(lines: MappedText[]): { start: number; end: number }[] {
    return lines.map((line, k) => {
      if (k > 0) this.newline();
      return this.write(line);
    });
  }

  result(): { text: string; offsetMap: OffsetMap } {
    return { text: this.parts.join(''), offsetMap: this.builder.build() };
  }
}

export function assemble(units: Unit[], options: AssembleOptions): NormalisedText {
  const out = new TextWriter();
  const blocks: NormalisedBlock[] = [];

  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.kind === 'line' && options.textTables && isTabLine(unit)) {
      const end = textTableEnd(units, i);
      const start = out.startBlock();
      out.writeLines((units.slice(i, end) as LineUnit[]).map((u) => u.text));
      blocks.push(withOptional({ kind: 'table', start, end: out.length }, unit.page));
      i = end - 1;
    } else if (unit.kind === 'line') {
      if (unit.text.text.trim().length === 0) continue;
      const start = out.startBlock();
      out.write(unit.text);
      blocks.push(withOptional({ kind: 'paragraph', start, end: out.length }, unit.page, unit.headingLevel));
    } else if (unit.kind === 'table') {
      const cells = unit.rows.flat();
      if (cells.length === 0) continue;
      const start = out.startBlock();
      const spans = out.writeLines(cells.map((c) => c.text));
      let k = 0;
      const rows: NormalisedCell[][] = unit.rows.map((row) =>
        row.map((cell) => ({ text: cell.text.text, ...spans[k++]!, rowSpan: cell.rowSpan, colSpan: cell.colSpan })),
      );
      blocks.push(withOptional({ kind: 'table', start, end: out.length, rows }, unit.page));
    } else {
      const paragraphs = unit.paragraphs.filter((p) => p.text.length > 0);
      if (paragraphs.length === 0) continue;
      const start = out.startBlock();
      out.writeLines(paragraphs);
      blocks.push(withOptional({ kind: 'box', start, end: out.length }, unit.page));
    }
  }

  const { text, offsetMap } = out.result();
  const normalised: NormalisedText = { text, blocks, offsetMap };
  const pageStarts = computePageStarts(blocks, options.pages, text.length);
  if (pageStarts) normalised.pageStarts = pageStarts;
  return normalised;
}

function isTabLine(unit: LineUnit): boolean {
  return unit.text.text.startsWith('\t');
}

/**
 * A text table runs over tab lines and the blank lines between them, ending on
 * a tab line. A line without a tab right after a cell line is the next line of
 * a multi-line cell (发展\n目标) when more table lines follow.
 */
function textTableEnd(units: Unit[], from: number): number {
  let end = from + 1;
  let previousWasCell = true;
  for (let j = from + 1; j < units.length; j++) {
    const u = units[j]!;
    if (u.kind !== 'line') break;
    const blank = u.text.text.trim().length === 0;
    if (isTabLine(u)) {
      end = j + 1;
      previousWasCell = true;
    } else if (blank) {
      previousWasCell = false;
    } else if (!previousWasCell) {
      break;
    }
  }
  return end;
}

function withOptional(block: NormalisedBlock, page?: number, headingLevel?: number): NormalisedBlock {
  if (page !== undefined) block.page = page;
  if (headingLevel !== undefined) block.headingLevel = headingLevel;
  return block;
}

function computePageStarts(blocks: NormalisedBlock[], pages: number | undefined, textLength: number): number[] | undefined {
  if (!pages) return undefined;
  const starts = new Array<number>(pages).fill(-1);
  for (const block of blocks) {
    if (block.page !== undefined && block.page >= 1 && block.page <= pages && starts[block.page - 1] === -1) {
      starts[block.page - 1] = block.start;
    }
  }
  // A page with no text of its own starts where the next page with text starts.
  let next = textLength;
  for (let p = pages - 1; p >= 0; p--) {
    if (starts[p] === -1) starts[p] = next;
    else next = starts[p]!;
  }
  return starts;
}
