/**
 * Indicator names as documents write them: cleaning helpers shared by the
 * prose and table readers (spaces, edge punctuation, time expressions and
 * book titles that are no part of a name).
 */
import type { TimeExpression } from '../common/time-expressions.js';

/** Time expressions inside the indicator's span are not part of its name. */
export function removeTimeExpressions(text: string, start: number, end: number, expressions: TimeExpression[]): string {
  let out = '';
  let pos = start;
  for (const e of expressions) {
    if (e.end <= start || e.start >= end) continue;
    out += text.slice(pos, Math.max(pos, e.start));
    pos = Math.max(pos, e.end);
  }
  out += text.slice(pos, end);
  return out;
}

/** Book titles carry years (纲要（2021—2035年）) that date nothing; blank their digits, keeping length. */
export function maskTitles(text: string): string {
  return text.replace(/《[^》]{0,80}》/g, (m) => m.replace(/[0-9]/g, ' '));
}

const sortedLongestFirst = new WeakMap<readonly string[], readonly string[]>();

/**
 * The words longest first (equal lengths keep their order), sorted once per
 * list: the readers ask for the same rule lists for every figure of every
 * sentence. Only for lists that do not change once built (rules, a document's region names).
 */
export function longestFirst(words: readonly string[]): readonly string[] {
  let sorted = sortedLongestFirst.get(words);
  if (!sorted) {
    sorted = [...words].sort((a, b) => b.length - a.length);
    sortedLongestFirst.set(words, sorted);
  }
  return sorted;
}

export function stripLeading(text: string, words: readonly string[]): string {
  let out = text;
  for (const w of longestFirst(words)) if (out.startsWith(w)) out = out.slice(w.length);
  return out;
}

export function stripTrailing(text: string, words: readonly string[]): string {
  let out = text;
  for (const w of longestFirst(words)) if (out.endsWith(w)) out = out.slice(0, -w.length);
  return out;
}

/** Drops unbalanced quotes and brackets at the edges of a name. */
export function trimName(name: string): string {
  let out = name.replace(/^[，,、；;：:\s]+|[，,、；;：:\s]+$/g, '');
  const pairs: Array<[string, string]> = [
    ['“', '”'],
    ['（', '）'],
    ['(', ')'],
    ['《', '》'],
  ];
  for (const [open, close] of pairs) {
    const opens = [...out].filter((c) => c === open).length;
    const closes = [...out].filter((c) => c === close).length;
    if (closes > opens && out.startsWith(close)) out = out.slice(close.length);
    if (opens > closes && out.endsWith(open)) out = out.slice(0, -open.length);
    if (opens > closes && out.startsWith(open)) out = out.slice(open.length);
  }
  return out.replace(/^[”"]+/, '');
}
