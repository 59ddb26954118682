/**
 * The rule files the quantity extractor interprets, validated at load. All
 * language knowledge lives in rules/*.yaml; this module only gives it types.
 */
import { z } from 'zod';
import type { RuleSet } from '../../rules/index.js';
import { NamedRules } from '../../rules/entries.js';
import { UnitTable } from '../common/units.js';
import { TimeExpressionFinder } from '../common/time-expressions.js';
import { loadCatalogue, type Catalogue } from './catalogue.js';

const Comparator = z.enum(['>=', '>', '=', '~', '<=', '<']);
const Word = z.string().min(1);

export const ComparatorsFile = z.object({
  /** `achieved`: what the word says of a value already reached (达 reports the value: '='). */
  before: z.array(z.object({ word: Word, comparator: Comparator, achieved: Comparator.optional() })),
  after: z.array(z.object({ word: Word, comparator: Comparator })),
  between: z.array(z.object({ word: Word, comparator: Comparator })),
  combine: z.array(z.object({ before: Comparator, after: Comparator, result: Comparator })),
});
export type ComparatorsFile = z.infer<typeof ComparatorsFile>;

const RegExpSource = z
  .string()
  .min(1)
  .refine((s) => {
    try {
      new RegExp(s, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

export const TableRole = z.enum(['no-measure', 'serial', 'category', 'attribute', 'unit', 'status', 'actual', 'growth', 'completion', 'target', 'indicator']);
export type TableRole = z.infer<typeof TableRole>;

export const QuantityPatternsFile = z.object({
  /** Rules the code applies without a pattern here; records store their ids (src/rules/entries.ts). */
  namedRules: NamedRules,
  /** `unlessUnit`: the span is a measurement after all when a unit of rules/units.yaml follows its number (14EFlops, 70dB). */
  ignore: z.array(z.object({ id: Word, pattern: RegExpSource, unlessUnit: z.boolean().default(false) })),
  perCapitaPrefixes: z.array(Word),
  chineseNumeralCues: z.array(Word),
  contextualUnits: z.array(z.object({ unit: Word, after: z.array(Word).min(1) })).default([]),
  countedNouns: z.array(z.object({ noun: Word, unit: Word })).default([]),
  /** 服务1.64亿缴存人: the head of the noun right after a bare magnitude, and the measure word it counts in. */
  countedHeads: z.array(z.object({ head: Word, unit: Word })).default([]),
  /** 总数, 总量: a name that is only a total counts what the previous figure of its sentence counted. */
  aggregateNames: z.array(Word).default([]),
  /** 新增, 新建: words of a flow that a total of the same things does not keep (新增机构42家，总数315家 → 机构总数). */
  flowWords: z.array(Word).default([]),
  /** 发展指数达到85.6, PUE降至1.25: names of measures that have no unit. */
  dimensionlessNouns: z.array(Word).default([]),
  /** 死亡率≤0.006: comparator symbols after which a bare number ending its clause is a value without a unit. */
  dimensionlessComparators: z.array(Word).default([]),
  chineseNumeralStrongUnits: z.array(Word).default([]),
  /** A date that may stand between a comparator word and its figure (提高到2025年的12件). */
  comparatorGap: RegExpSource.optional(),
  /** Brackets that mark a table value as a total over the plan period (〔14〕). */
  cumulativeBrackets: z.array(z.tuple([Word, Word])).default([]),
  clauseDelimiters: z.string().min(1),
  listConnectors: z.array(Word),
  /** Words that count a list item without a figure (一批, 多条): the item is not counted by the figure before it. */
  countWords: z.array(Word).default([]),
  scopeBreakers: z.string().min(1),
  leadingFillers: z.array(Word),
  /** Leading fillers that name a place (全国, 我市): they may start a noun, unlike the filler verbs. */
  placeWords: z.array(Word).default([]),
  keepVerbs: z.array(Word),
  /** Verbs of verb–number–measure–object goals (打造10个X): the object X names the figure. */
  actionVerbs: z.array(Word).default([]),
  /** Words joining two such verbs (研制并获批, 遴选、推介). */
  verbJoiners: z.array(Word).default([]),
  /** A verb chain starting with one of these keeps it in the name: 新建, 新增 count a flow. */
  flowPrefixes: z.array(Word).default([]),
  trailingFillers: z.array(Word),
  cumulativeWords: z.array(Word),
  perYearWords: z.array(Word),
  perYearSentenceWords: z.array(Word).default([]),
  relativeStarts: z.array(Word),
  relativeLeadIns: z.array(Word).default([]),
  /** 该指标: words a report's per-indicator section uses for the indicator its heading names. */
  anaphora: z.array(Word).default([]),
  growthWords: z.array(Word),
  trendWords: z.array(Word),
  skipContexts: z.array(Word),
  scopeLeadIns: z.array(Word).default([]),
  enumerationMarkers: z.array(Word),
  setMarkers: z.array(Word),
  structureNouns: z.array(Word),
  attributiveMarkers: z.array(Word),
  locativeMarkers: z.array(Word).default([]),
  /** Base units whose figure right before 的 qualifies a noun (5000万元以上的企业) instead of measuring it. */
  qualifyingUnits: z.array(Word).default([]),
  /** Support-policy figures that set no goal (src/extract/quantities/policy.ts). */
  policyParameters: z
    .object({
      grantVerbs: z.array(Word),
      caps: z.array(Word),
      amountNouns: z.array(Word),
      perRecipient: z.array(Word),
      grantNouns: z.array(Word),
      grantNounLeadIns: z.array(Word),
      conditionEndings: z.array(Word),
      ruleModals: z.array(Word).default([]),
      definitionWords: z.array(Word).default([]),
      /** 推荐项目不超过10个: verbs of nominating; a ceiling on them is a quota. */
      quotaVerbs: z.array(Word).default([]),
    })
    .default({
      grantVerbs: [],
      caps: [],
      amountNouns: [],
      perRecipient: [],
      grantNouns: [],
      grantNounLeadIns: [],
      conditionEndings: [],
      ruleModals: [],
      definitionWords: [],
      quotaVerbs: [],
    }),
  /** What evaluation reports say about figures besides stating them (src/extract/quantities/evaluation.ts). */
  evaluation: z
    .object({
      /** Regular expressions the words right before a figure end with when it measures a gap (超过序时进度, 距目标尚差). */
      gaps: z.array(RegExpSource),
      /** Things an evaluation counts about itself (座谈会, 问卷) … */
      processNouns: z.array(Word),
      /** … in a sentence about the evaluation (评估). */
      processCues: z.array(Word),
      /** The plan's target as a report names it (规划目标, 目标). */
      targetNouns: z.array(Word),
      /** 规划目标为…, 目标是…: the words that state what the target is. */
      targetCopulas: z.array(Word),
    })
    .default({ gaps: [], processNouns: [], processCues: [], targetNouns: [], targetCopulas: [] }),
  qualitative: z.array(z.object({ id: Word, words: z.array(Word).min(1) })),
  standings: z
    .object({
      verbs: z.array(Word).min(1),
      scopes: z.record(z.string(), Word),
      places: z.array(Word).min(1),
      runPattern: z.string(),
      nameSuffix: Word,
      largestMarker: Word.optional(),
    })
    .optional(),
  sectionCues: z.object({ actual: z.array(Word), target: z.array(Word) }),
  targetCues: z.array(Word),
  actualCues: z.array(Word),
  /** The unit of a growth-rate column whose header names none. */
  growthColumnUnit: Word.default('%'),
  tableHeaders: z.array(z.object({ role: TableRole, words: z.array(Word).min(1) })),
});
export type QuantityPatternsFile = z.infer<typeof QuantityPatternsFile>;

export interface QuantityRules {
  units: UnitTable;
  times: TimeExpressionFinder;
  comparators: ComparatorsFile;
  patterns: QuantityPatternsFile;
  indicators: Catalogue;
}

const loaded = new WeakMap<RuleSet, QuantityRules>();

/** Loads (once per rule set) and validates every file the extractor reads. */
export function loadQuantityRules(rules: RuleSet): QuantityRules {
  const cached = loaded.get(rules);
  if (cached) return cached;
  const out: QuantityRules = {
    units: UnitTable.load(rules),
    times: TimeExpressionFinder.load(rules),
    comparators: rules.get('comparators', ComparatorsFile),
    patterns: rules.get('quantity-patterns', QuantityPatternsFile),
    indicators: loadCatalogue(rules),
  };
  loaded.set(rules, out);
  return out;
}
