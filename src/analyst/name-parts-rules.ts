/**
 * rules/name-parts.yaml, validated: the word lists NameAnalyser takes names
 * apart with. Kept out of ./name-parts.ts so that importing the analyst
 * queries loads no YAML parser or zod.
 */
import { z } from 'zod';
import { DEFAULT_RULES_DIR, RuleSet } from '../rules/index.js';
import { NameAnalyser, type NamePartsFile as NamePartsData } from './name-parts.js';

const Word = z.string().min(1);

export const NamePartsFile = z.object({
  measureVerbs: z.array(z.object({ word: Word, measure: z.enum(['flow', 'cumulative']).optional() })),
  scopeWords: z.array(Word),
  qualifiers: z.array(Word),
  countWords: z.array(Word),
  shareSuffixes: z.array(Word),
  rateSuffixes: z.array(Word),
  growthSuffixes: z.array(Word),
  wrappers: z.array(Word),
  grouping: z.object({ minSimilarity: z.number().min(0).max(1) }),
}) satisfies z.ZodType<NamePartsData>;

const loaded = new Map<string, NameAnalyser>();

/** The analyser of a rules directory (the default one unless named), loaded once per process. */
export function loadNameAnalyser(rulesDir: string = DEFAULT_RULES_DIR): NameAnalyser {
  let analyser = loaded.get(rulesDir);
  if (!analyser) {
    analyser = new NameAnalyser(new RuleSet(rulesDir).get('name-parts', NamePartsFile));
    loaded.set(rulesDir, analyser);
  }
  return analyser;
}
