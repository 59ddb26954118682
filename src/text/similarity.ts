/**
 * Dice coefficient over multisets of tokens (characters bigrams, jieba words):
 * the one similarity the eval's name matching, the analysts' fuzzy indicator
 * lookup and the extractor's indicator linking share, and the two name
 * similarities built on it (the scorer's, over `canonicalName`; the analysts',
 * over `normaliseName`).
 */
import { canonicalName, normaliseName } from './names.js';

/** Character bigrams of `text` (a one-character text is its own bigram). */
export function charBigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

/** 2·|A∩B| / (|A|+|B|) with repeated tokens counted as often as they occur in both. */
export function multisetDice(left: readonly string[], right: readonly string[]): number {
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const token of left) counts.set(token, (counts.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of right) {
    const n = counts.get(token) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(token, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** The Dice threshold FORMAT.md sets for "similar" names. */
export const SIMILARITY_THRESHOLD = 0.5;

/** Character-bigram Dice coefficient over canonical names (multiset), as the scorer matches names. */
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

/** Character-bigram Dice coefficient of two names (0–1) in the analysts' look-up form (`normaliseName`). */
export function dice(a: string, b: string): number {
  return multisetDice(charBigrams(normaliseName(a)), charBigrams(normaliseName(b)));
}
