/**
 * Loads rules/progress.yaml (validated) for progress. Kept apart from
 * progress-words.ts so the analyst queries load no rule parser until a
 * command reads progress.
 */
import { z } from 'zod';
import { DEFAULT_RULES_DIR, RuleSet } from '../rules/index.js';
import type { ProgressWords } from './progress-words.js';

const ProgressWordsSchema = z
  .object({
    flowWords: z.array(z.string().min(1)).min(1),
    runningTotalWords: z.array(z.string().min(1)),
    verdicts: z.array(z.object({ verdict: z.enum(['achieved', 'on track', 'behind', 'unknown']), words: z.array(z.string().min(1)).min(1) }).strict()),
  })
  .strict();

let defaultWords: ProgressWords | undefined;

/** The words of a rule set; of the default rules/ directory, read once per process. */
export function loadProgressWords(rules?: RuleSet): ProgressWords {
  if (rules) return rules.get('progress', ProgressWordsSchema);
  defaultWords ??= new RuleSet(DEFAULT_RULES_DIR).get('progress', ProgressWordsSchema);
  return defaultWords;
}
