/**
 * Prints the probe's precision and recall, overall and per style, and each
 * case's misses and false positives: `npx tsx test/extract/quantities/generalisation/measure.ts [--docx] [--verbose]`.
 */
import { CASES } from './cases.js';
import { scoreCase, totals, type CaseScore, type Format } from './probe.js';

const verbose = process.argv.includes('--verbose');
const format: Format = process.argv.includes('--docx') ? 'docx' : 'txt';
const scores: CaseScore[] = [];
for (const c of CASES) scores.push(await scoreCase(c, format));
console.log(`probe: ${CASES.length} cases as .${format}`);

const fmt = (x: number) => x.toFixed(3);
const line = (name: string, s: CaseScore[]) => {
  const t = totals(s);
  return `${name.padEnd(22)} P ${fmt(t.precision)}  R ${fmt(t.recall)}  F1 ${fmt(t.f1)}  strict F1 ${fmt(t.strictF1)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn}, attribute errors ${t.tp - t.exact})`;
};
console.log(line('all', scores));
for (const style of [...new Set(scores.map((s) => s.style))])
  console.log(
    line(
      `  ${style}`,
      scores.filter((s) => s.style === style),
    ),
  );
const failing = scores.filter((s) => s.fp + s.fn + s.attributeErrors.length > 0);
console.log(`cases fully right: ${scores.length - failing.length}/${scores.length}`);
if (verbose) {
  for (const s of failing) {
    console.log(`\n${s.id}`);
    for (const m of s.misses) console.log(`  miss  ${m}`);
    for (const f of s.falsePositives) console.log(`  fp    ${f}`);
    for (const a of s.attributeErrors) console.log(`  attr  ${a}`);
  }
}
