/**
 * How well extracted figures are linked to the canonical catalogue, scored
 * against the `canonical` ids of gold targets and actuals (FORMAT.md,
 * "Linking"). Pairs come from the same one-to-one assignment the sections
 * are scored with, so a figure the extractor missed counts against recall.
 */
import { assign } from './assign.js';
import type { GoldFile, GoldQuantity } from '../gold/index.js';
import { quantitiesMatch, type Finding } from './score.js';

export interface LinkingCounts {
  /** Gold targets and actuals with a canonical id. */
  gold: number;
  /** …of which a matched prediction carries the same id. */
  goldLinked: number;
  /** Matched predictions that carry an id. */
  linkedMatched: number;
  /** …of which the id equals gold's. */
  linkedRight: number;
  /** All predicted targets, and those that carry an id. */
  predictedTargets: number;
  predictedTargetsLinked: number;
  /** Wrong ids and gold ids the matched prediction lacks, for `eval -v`. */
  findings: Finding[];
}

export interface LinkingScore {
  precision: number;
  recall: number;
  /** Share of predicted targets linked to any indicator. */
  linkedShare: number;
  counts: Omit<LinkingCounts, 'findings'>;
}

export function scoreLinking(gold: GoldFile, predicted: GoldFile): LinkingCounts {
  const counts: LinkingCounts = {
    gold: 0,
    goldLinked: 0,
    linkedMatched: 0,
    linkedRight: 0,
    predictedTargets: predicted.targets.length,
    predictedTargetsLinked: predicted.targets.filter((t) => t.canonical).length,
    findings: [],
  };
  // A gold file with no id at all was not annotated for linking (the sample plans' gold): only its share of linked targets counts.
  const annotated = [...gold.targets, ...gold.actuals].some((g) => g.canonical);
  if (annotated) for (const section of ['targets', 'actuals'] as const) addSection(counts, gold[section], predicted[section]);
  return counts;
}

function addSection(counts: LinkingCounts, gold: readonly GoldQuantity[], pred: readonly GoldQuantity[]): void {
  counts.gold += gold.filter((g) => g.canonical).length;
  for (const { gold: gi, pred: pi } of assign(gold, pred, quantitiesMatch).pairs) {
    const g = gold[gi]!;
    const p = pred[pi]!;
    if (p.canonical) counts.linkedMatched++;
    if (p.canonical && p.canonical === g.canonical) {
      counts.linkedRight++;
      counts.goldLinked++;
    } else if (p.canonical || g.canonical) {
      counts.findings.push({ fact: `${g.indicator}: gold ${g.canonical ?? '-'} ≠ linked ${p.canonical ?? '-'} (${p.indicator})`, quote: g.quote });
    }
  }
}

/** Micro-averaged over documents; nothing to link scores 1. */
export function summariseLinking(all: readonly LinkingCounts[]): LinkingScore {
  const sum = (key: keyof Omit<LinkingCounts, 'findings'>) => all.reduce((n, c) => n + c[key], 0);
  const counts = {
    gold: sum('gold'),
    goldLinked: sum('goldLinked'),
    linkedMatched: sum('linkedMatched'),
    linkedRight: sum('linkedRight'),
    predictedTargets: sum('predictedTargets'),
    predictedTargetsLinked: sum('predictedTargetsLinked'),
  };
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    precision: ratio(counts.linkedRight, counts.linkedMatched),
    recall: ratio(counts.goldLinked, counts.gold),
    linkedShare: ratio(counts.predictedTargetsLinked, counts.predictedTargets),
    counts,
  };
}
