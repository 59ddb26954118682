/** The normalised text as lines with their offsets: structure reads documents line by line. */
export interface Line {
  index: number;
  /** The line without its '\n'. */
  text: string;
  start: number;
  end: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ index: lines.length, text: text.slice(start, end), start, end });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** Whitespace a Chinese document may indent or pad with (incl. the ideographic space). */
export const BLANK = /^[\s\u3000\u00a0]*$/u;
const LEADING = /^[\s\u3000\u00a0]*/u;
const TRAILING = /[\s\u3000\u00a0]*$/u;

export function isBlank(text: string): boolean {
  return BLANK.test(text);
}

/** Offsets of `text.slice(start, end)` with surrounding whitespace removed. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  const slice = text.slice(start, end);
  const lead = LEADING.exec(slice)![0].length;
  if (lead === slice.length) return { start, end: start };
  const trail = TRAILING.exec(slice)![0].length;
  return { start: start + lead, end: end - trail };
}

/** Half-open ranges that lines may be tested against (tables, boxes). */
export class RangeSet {
  private readonly ranges: Array<[number, number]> = [];

  add(start: number, end: number): void {
    this.ranges.push([start, end]);
  }

  /** True when [start, end) overlaps any range. */
  overlaps(start: number, end: number): boolean {
    return this.ranges.some(([s, e]) => start < e && end > s && !(start === end && start === e));
  }

  contains(offset: number): boolean {
    return this.ranges.some(([s, e]) => offset >= s && offset < e);
  }
}
