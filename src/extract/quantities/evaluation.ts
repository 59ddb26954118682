/**
 * How evaluation reports (中期评估, 实施情况报告) talk about figures besides
 * stating them: how far a value is from its target or from the schedule
 * (超过序时进度7.2个百分点, 距规划目标尚差3.8个百分点), how the evaluation itself
 * was done (召开座谈会8场, 发放问卷3200份), and the plan's target restated
 * beside the value reached (达到55%的目标, 规划目标为到2025年达到25%,
 * 已提前完成规划目标（85%以上）). The first two are derived from other figures
 * or describe the report, not the plan; the last is a target of the indicator
 * the sentence reports on, whatever the report's cues say.
 */
import type { Dating, DocumentContext } from './classify.js';
import type { Figure } from './figures.js';
import type { Horizon } from './horizon.js';
import type { QuantityRules } from './rules.js';
import { squeeze } from '../../text/names.js';

export interface EvaluationPatterns {
  gaps: RegExp[];
  processNouns: string[];
  processCues: string[];
  referenceAfter: RegExp | null;
  referenceBefore: RegExp | null;
  referenceBracket: RegExp | null;
}

const compiled = new WeakMap<QuantityRules, EvaluationPatterns>();

export function evaluationPatterns(rules: QuantityRules): EvaluationPatterns {
  const cached = compiled.get(rules);
  if (cached) return cached;
  const e = rules.patterns.evaluation;
  const nouns = e.targetNouns.map(escape).join('|');
  const out: EvaluationPatterns = {
    gaps: e.gaps.map((g) => new RegExp(`(?:${g})$`, 'u')),
    processNouns: e.processNouns,
    processCues: e.processCues,
    // 达到55%的目标, 实现99%以上的规划目标: the figure is the target named after it.
    referenceAfter: nouns ? new RegExp(`^(?:以上|以下|以内|左右)?的(?:${nouns})`, 'u') : null,
    // 规划目标为到2025年达到25%: the target is stated as what the plan set.
    referenceBefore: nouns ? new RegExp(`(?:${nouns})(?:${e.targetCopulas.map(escape).join('|')})[^，。；;]*$`, 'u') : null,
    // 完成规划目标（新增学位2.5万个）: the target in brackets after the word.
    referenceBracket: nouns ? new RegExp(`(?:${nouns})[（(](?<name>[^（）()]*)$`, 'u') : null,
  };
  compiled.set(rules, out);
  return out;
}

/**
 * Why the figure is a statistic of the evaluation rather than a fact of the
 * plan, or null. `clauseStart` bounds the words before the figure.
 */
export function evaluationStatistic(
  text: string,
  sentenceStart: number,
  clauseStart: number,
  clauseEnd: number,
  figure: Figure,
  rules: QuantityRules,
): string | null {
  const p = evaluationPatterns(rules);
  const before = squeeze(text.slice(clauseStart, figure.start));
  if (p.gaps.some((g) => g.test(before))) return 'a gap to the target or the schedule (超过序时进度…, 距目标尚差…)';
  const sentence = text.slice(sentenceStart, clauseEnd);
  const clause = squeeze(text.slice(clauseStart, clauseEnd));
  if (p.processCues.some((w) => sentence.includes(w)) && p.processNouns.some((w) => clause.includes(w))) {
    return 'a count of how the evaluation was done (座谈会, 问卷)';
  }
  return null;
}

/**
 * The figure restates the plan's target for the indicator the sentence
 * reports on. `name` is the indicator the words give when the target is
 * written with its own name (规划目标（新增学位2.5万个）), else null: the
 * sentence's indicator names it.
 */
export function targetReference(text: string, clauseStart: number, figure: Figure, rules: QuantityRules): { name: string | null } | null {
  const p = evaluationPatterns(rules);
  const after = squeeze(text.slice(figure.end, figure.end + 12));
  const before = squeeze(text.slice(clauseStart, figure.start));
  if (p.referenceBracket) {
    const m = p.referenceBracket.exec(before);
    if (m) {
      const name = m.groups?.name ?? '';
      return { name: /[\u4e00-\u9fff]{2,}/u.test(name) ? name : null };
    }
  }
  if (p.referenceAfter?.test(after) || p.referenceBefore?.test(before)) return { name: null };
  return null;
}

/**
 * The dating of a restated target that the report's cues (截至2023年底, 已提前)
 * took for an achievement: due at the section's or the plan's horizon.
 */
export function restatedTarget(doc: DocumentContext, sectionHorizon: Horizon | null): Dating {
  const horizon = sectionHorizon ?? doc.horizon ?? (doc.period ? { year: doc.period[1], source: 'the last year of the plan period' } : null);
  return {
    kind: 'target',
    year: horizon?.year ?? null,
    flags: [
      {
        kind: 'year-defaulted',
        reason: horizon
          ? `the report restates the plan's target without its date; ${horizon.year} is taken from ${horizon.source}`
          : "the report restates the plan's target and the document states no period or deadline",
      },
    ],
    basis: 'quantity.restated-target',
  };
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
