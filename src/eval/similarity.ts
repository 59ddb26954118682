/**
 * Text comparison used by the scorer (FORMAT.md "Matching"): names are
 * canonicalised so that rendering differences (full/half width, `<…>` vs
 * `（…）`, stray spaces from PDF extraction) never decide a match.
 */

import { charBigrams, multisetDice } from '../core/similarity.js';

/** The Dice threshold FORMAT.md sets for "similar" names. */
export const SIMILARITY_THRESHOLD = 0.5;

/**
 * NFKC folds full-width forms (（ → (, ％ → %, １ → 1); angle brackets are the
 * other way documents write a parenthetical unit name (市市场监管局<市知识产权局>).
 */
export function canonicalName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[<〈《]/g, '(')
    .replace(/[>〉》]/g, ')')
    .replace(/\s+/g, '');
}

/** Character-bigram Dice coefficient over canonical names (multiset). */
export function diceSimilarity(a: string, b: string): number {
  const x = canonicalName(a);
  const y = canonicalName(b);
  if (x === y) return 1;
  return multisetDice(charBigrams(x), charBigrams(y));
}

/**
 * How alike two names are, or null when they are not "similar" in FORMAT.md's
 * sense (Dice ≥ 0.5, or one contains the other). The score orders candidate
 * matches best first; containment counts as at least the threshold.
 */
export function nameSimilarity(a: string, b: string): number | null {
  const dice = diceSimilarity(a, b);
  if (dice >= SIMILARITY_THRESHOLD) return dice;
  const x = canonicalName(a);
  const y = canonicalName(b);
  if (x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x))) return SIMILARITY_THRESHOLD;
  return null;
}
