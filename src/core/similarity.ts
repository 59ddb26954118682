/**
 * Dice coefficient over multisets of tokens (characters bigrams, jieba words):
 * the one similarity the eval's name matching, the analysts' fuzzy indicator
 * lookup and the extractor's indicator linking share.
 */

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
