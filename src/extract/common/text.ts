// Defined in text/ since the indicator-name splitter (text/indicator-names/) folds names with it too.
export { foldWidth } from '../../text/fold-width.js';

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternation of literal words, longest first, so the longest always wins. */
export function wordsPattern(words: readonly string[]): string {
  return [...new Set(words)]
    .filter((w) => w.length > 0)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}
