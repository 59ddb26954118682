/**
 * The horizon of a target whose sentence names no date. Plans state the
 * deadline once (到2026年，…) and list the figures after it in the same
 * paragraph, or in the rest of the 主要目标 section; figures with no deadline
 * anywhere above them belong to the document's own horizon: its period's last
 * year, else the latest deadline it sets. Deadlines inside book titles
 * (《…（2021—2025年）》) are other plans' and decide nothing.
 */
import type { Section } from '../../core/state.js';
import type { TimeExpression } from '../common/time-expressions.js';

export interface Horizon {
  year: number;
  /** Where the year comes from, for the flag that says it was not written next to the figure. */
  source: string;
}

/** A deadline stated in the text: a target-kind time expression with one year. */
export function isDeadline(e: TimeExpression, notBefore: number | null): boolean {
  return e.kind === 'target' && !e.comparison && e.year !== undefined && e.point !== 'since' && (notBefore === null || e.year >= notBefore);
}

/**
 * The deadlines of a document by position, each with the section it stands
 * in: a deadline dates what follows it in its own section and that section's
 * subsections, never a sibling section.
 */
export class DocumentHorizons {
  private readonly deadlines: Array<{ end: number; year: number; text: string; section: string | null }>;
  private readonly periodEnd: number | null;
  /** The document's own horizon: the period's last year, else its latest deadline. */
  readonly document: Horizon | null;

  /** `expressions`: the time expressions of the whole text, titles masked (maskTitles). */
  constructor(text: string, expressions: readonly TimeExpression[], sections: readonly Section[], period: [number, number] | null, notBefore: number | null) {
    // A deadline to the month (2024年6月底前出台…) times one task; it is no horizon for the figures after it.
    this.deadlines = expressions
      .filter((e) => isDeadline(e, notBefore) && !/月/.test(text.slice(e.start, e.end)))
      .map((e) => ({ end: e.end, year: e.year!, text: text.slice(e.start, e.end), section: deepestSection(sections, e.start)?.path ?? null }));
    this.periodEnd = period?.[1] ?? null;
    if (period) {
      this.document = { year: period[1], source: `the last year of the plan period (${period[0]}–${period[1]})` };
    } else {
      const latest = this.deadlines.reduce<(typeof this.deadlines)[number] | null>((best, d) => (!best || d.year > best.year ? d : best), null);
      this.document = latest ? { year: latest.year, source: `the latest deadline the document sets (${latest.text})` } : null;
    }
  }

  /** The last deadline before `pos` in the section of `sectionPath` or one enclosing it. */
  sectionHorizon(pos: number, sectionPath: string | null): Horizon | null {
    let found: (typeof this.deadlines)[number] | null = null;
    for (const d of this.deadlines) {
      if (d.end > pos) break;
      // 规划期为2021—2025年，展望到2035年 before the first heading: a vision beyond the period dates no goal of the sections.
      if (d.section === null && this.periodEnd !== null && d.year > this.periodEnd && sectionPath !== null) continue;
      if (d.section === null || (sectionPath !== null && (sectionPath === d.section || sectionPath.startsWith(`${d.section}/`)))) found = d;
    }
    return found ? { year: found.year, source: `the deadline ${found.text} stated before it in its section` } : null;
  }
}

function deepestSection(sections: readonly Section[], pos: number): Section | undefined {
  let best: Section | undefined;
  for (const s of sections) {
    if (s.start <= pos && pos < s.end && (!best || s.level > best.level)) best = s;
  }
  return best;
}
