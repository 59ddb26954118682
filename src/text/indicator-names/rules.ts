/**
 * rules/indicator-names.yaml, validated, and the two readings built from it.
 * Kept apart from ./compare.ts and ./link.ts so that importing the analyst
 * queries loads no YAML parser or zod until a command needs names taken apart.
 */
import { z } from 'zod';
import { DEFAULT_RULES_DIR, RuleSet } from '../../rules/index.js';
import { NameAnalyser } from './compare.js';
import type { IndicatorNameWords } from './words.js';

export const INDICATOR_NAMES_FILE = 'indicator-names';

const Word = z.string().min(1);
const only = z.enum(['link', 'compare']).optional();

export const IndicatorNamesFile = z.strictObject({
  verbs: z.array(z.strictObject({ word: Word, measure: z.enum(['new', 'cumulative']).optional(), afterScope: z.boolean().optional(), only })).min(1),
  leadingWords: z.array(z.strictObject({ word: Word, only })),
  qualifiers: z.array(
    z.strictObject({ word: Word, means: Word.optional(), only }).refine((q) => q.only === 'compare' || q.means !== undefined, {
      message: 'a qualifier the linker reads needs `means` (national, provincial …)',
      path: ['means'],
    }),
  ),
  countWords: z.array(z.strictObject({ word: Word, only })),
  perCapitaBases: z.array(z.strictObject({ word: Word, base: Word })),
  scopeMinLength: z.number().int().min(1),
  scopeObjectMinLength: z.number().int().min(1),
  sectorWords: z.array(Word).default([]),
  shareSuffixes: z.array(Word),
  rateSuffixes: z.array(Word),
  growthSuffixes: z.array(Word),
  wrappers: z.array(Word),
  grouping: z.strictObject({ minSimilarity: z.number().min(0).max(1) }),
}) satisfies z.ZodType<IndicatorNameWords, unknown>;

/** The word table of a rule set (validated once per set by RuleSet.get). */
export function loadIndicatorNames(rules: RuleSet): IndicatorNameWords {
  return rules.get(INDICATOR_NAMES_FILE, IndicatorNamesFile);
}

const analysers = new Map<string, NameAnalyser>();

/** The analysts' reading of a rules directory (the default one unless named), built once per process. */
export function loadNameAnalyser(rulesDir: string = DEFAULT_RULES_DIR): NameAnalyser {
  let analyser = analysers.get(rulesDir);
  if (!analyser) {
    analyser = new NameAnalyser(loadIndicatorNames(new RuleSet(rulesDir)));
    analysers.set(rulesDir, analyser);
  }
  return analyser;
}
