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
const NOTHING = /^[\s\u3000\u00a0，。；：、,.;:！？!?“”‘’"'（）()《》—-]*$/u;

// The splitter looks at every character of the document. Reading them as
// text[i] allocates a string per CJK character and made splitting cost a
// quarter of the stage; a table by code unit answers "stop / bracket /
// closer / space" with one lookup, built from the same strings and regex.
const IS_STOP = 1;
const IS_OPEN = 2;
const IS_CLOSE = 4;
const IS_TRAILING = 8;
const IS_SPACE = 16;

/** Classes that do not depend on the options. */
const FIXED_CLASSES = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const ch = String.fromCharCode(code);
    if (OPEN.includes(ch)) table[code]! |= IS_OPEN;
    if (CLOSE.includes(ch)) table[code]! |= IS_CLOSE;
    if (TRAILING_CLOSERS.includes(ch)) table[code]! |= IS_TRAILING;
    if (SPACE.test(ch)) table[code]! |= IS_SPACE;
  }
  return table;
})();

const classesByStops = new Map<string, Uint8Array>();

/** The class table for a set of stop characters (a handful of distinct option values per process). */
function classesFor(stops: string): Uint8Array {
  let table = classesByStops.get(stops);
  if (!table) {
    table = FIXED_CLASSES.slice();
    // Per code unit, as `stops.includes(text[i])` sees it (a stop outside the BMP marks both halves).
    for (let i = 0; i < stops.length; i++) table[stops.charCodeAt(i)]! |= IS_STOP;
    classesByStops.set(stops, table);
  }
  return table;
}

/** Splits text[start, end) — one line or block — into sentence spans (trimmed, non-empty). */
export function splitSentences(text: string, start: number, end: number, options: SplitOptions): Span[] {
  const classes = classesFor(options.stops);
  const honourBrackets = bracketsBalance(text, start, end, classes);
  const spans: Span[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = classes[text.charCodeAt(i)]!;
    if (honourBrackets && c & IS_OPEN) depth++;
    else if (honourBrackets && c & IS_CLOSE) depth = Math.max(0, depth - 1);
    else if (depth === 0 && c & IS_STOP) {
      let stop = i + 1;
      while (stop < end) {
        const next = classes[text.charCodeAt(stop)]!;
        if (!(next & IS_TRAILING) || next & IS_OPEN || isUnmatchedClose(text, stop, from, classes)) break;
        stop++;
      }
      push(spans, text, from, stop, classes);
      from = stop;
      i = stop - 1;
    }
  }
  push(spans, text, from, end, classes);
  return spans;
}

/** A closing bracket right after a stop belongs to the sentence only if its opener is outside it. */
function isUnmatchedClose(text: string, at: number, from: number, classes: Uint8Array): boolean {
  if (!(classes[text.charCodeAt(at)]! & IS_CLOSE)) return false;
  let depth = 0;
  for (let k = from; k < at; k++) {
    const c = classes[text.charCodeAt(k)]!;
    if (c & IS_OPEN) depth++;
    else if (c & IS_CLOSE) depth--;
  }
  return depth <= 0;
}

/** An unclosed （ would swallow the rest of the line; then brackets are ignored. */
function bracketsBalance(text: string, start: number, end: number, classes: Uint8Array): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = classes[text.charCodeAt(i)]!;
    if (c & IS_OPEN) depth++;
    else if (c & IS_CLOSE) {
      depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}

function push(spans: Span[], text: string, start: number, end: number, classes: Uint8Array): void {
  while (start < end && classes[text.charCodeAt(start)]! & IS_SPACE) start++;
  while (end > start && classes[text.charCodeAt(end - 1)]! & IS_SPACE) end--;
  if (end > start && !NOTHING.test(text.slice(start, end))) spans.push({ start, end });
}
