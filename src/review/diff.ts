/** A unified-style line diff, enough to show a reviewer what promotion changes in rules/. */
export function lineDiff(before: string, after: string, file: string, context = 2): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence table: rule files are a few hundred lines.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const lines: Array<{ tag: ' ' | '-' | '+'; text: string; line: number }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) lines.push({ tag: ' ', text: a[i++]!, line: j++ });
    // Removed lines before added ones, as diff(1) prints them.
    else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) lines.push({ tag: '-', text: a[i++]!, line: j });
    else lines.push({ tag: '+', text: b[j]!, line: j++ });
  }
  const keep = lines.map((l, k) => lines.slice(Math.max(0, k - context), k + context + 1).some((n) => n.tag !== ' '));
  let out = `--- ${file}\n+++ ${file}\n`;
  let gap = true;
  lines.forEach((l, k) => {
    if (!keep[k]) {
      gap = true;
      return;
    }
    if (gap) out += `@@ line ${l.line + 1} @@\n`;
    gap = false;
    out += `${l.tag}${l.text}\n`;
  });
  return out;
}
