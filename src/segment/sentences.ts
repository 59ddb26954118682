/**
 * Sentence splitting for Chinese official text: a sentence ends at 。；！？
 * (and ; ! ?), at a line end (headings, list items and table lines have no
 * full stop), never inside （…） brackets. Closing quotes after the stop stay
 * with the sentence: 坚持“…。” ends after ”.
 */
export interface Span {
  start: number;
  end: number;
}

export interface SplitOptions {
  /** Characters that end a sentence. */
  stops: string;
}

const OPEN = '（(';
const CLOSE = '）)';
/** Quotes and brackets that close after a full stop and belong to the sentence. */
const TRAILING_CLOSERS = '”’」』）)》';
const SPACE = /[\s\u3000\u00a0]/u;
/** A piece made only of punctuation and spaces is not a sentence. */
const NOTHING = /^[\s\u3000\u00a0，。；：、,.;:！？!?“”‘’"'（）()《》—\-]*$/u;

/** Splits text[start, end) — one line or block — into sentence spans (trimmed, non-empty). */
export function splitSentences(text: string, start: number, end: number, options: SplitOptions): Span[] {
  const honourBrackets = bracketsBalance(text, start, end);
  const spans: Span[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (honourBrackets && OPEN.includes(ch)) depth++;
    else if (honourBrackets && CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && options.stops.includes(ch)) {
      let stop = i + 1;
      while (stop < end && TRAILING_CLOSERS.includes(text[stop]!) && !(OPEN.includes(text[stop]!) || isUnmatchedClose(text, stop, from))) stop++;
      push(spans, text, from, stop);
      from = stop;
      i = stop - 1;
    }
  }
  push(spans, text, from, end);
  return spans;
}

/** A closing bracket right after a stop belongs to the sentence only if its opener is outside it. */
function isUnmatchedClose(text: string, at: number, from: number): boolean {
  const ch = text[at]!;
  if (!CLOSE.includes(ch)) return false;
  let depth = 0;
  for (let k = from; k < at; k++) {
    if (OPEN.includes(text[k]!)) depth++;
    else if (CLOSE.includes(text[k]!)) depth--;
  }
  return depth <= 0;
}

/** An unclosed （ would swallow the rest of the line; then brackets are ignored. */
function bracketsBalance(text: string, start: number, end: number): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) {
      depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}

function push(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  if (end > start && !NOTHING.test(text.slice(start, end))) spans.push({ start, end });
}
