/**
 * The words `progress` reads (rules/progress.yaml): whether an indicator is a
 * flow (新增…: yearly figures add up) or a stock (拥有量, 累计…: the latest
 * figure is the state), and what an evaluation's own verdict (达到序时进度,
 * 滞后 …) says in progress's terms. Plain functions over the loaded words:
 * the loader (progress-rules.ts) brings the rule parser, which a command that
 * never reads progress does not load.
 */

export type Verdict = 'achieved' | 'on track' | 'behind' | 'unknown';
export type Measure = 'flow' | 'stock';

/** rules/progress.yaml, as analyst/progress-rules.ts loads and validates it. */
export interface ProgressWords {
  flowWords: string[];
  runningTotalWords: string[];
  verdicts: Array<{ verdict: Verdict; words: string[] }>;
}

/** Catalogue kinds (rules/indicators) that are states, not additions: compared by their latest figure. */
const STOCK_KINDS = new Set(['stock', 'cumulative', 'share', 'rate', 'growth', 'per-capita']);

/**
 * Flow or stock. The figure's own measure verb decides where the name states
 * one — 新增… counts additions whatever the indicator it is linked to
 * (新增高价值专利培育中心 adds to a stock of centres), 累计新增… is a running
 * total; otherwise the catalogue's `kind` where the figure is linked to an
 * indicator that has one; otherwise a stock.
 */
export function measureOf(name: string, words: ProgressWords, catalogueKind?: string | null): Measure {
  const compact = name.replace(/\s+/g, '');
  if (words.runningTotalWords.some((w) => compact.includes(w))) return 'stock';
  if (words.flowWords.some((w) => compact.includes(w))) return 'flow';
  if (catalogueKind === 'flow') return 'flow';
  if (catalogueKind && STOCK_KINDS.has(catalogueKind)) return 'stock';
  return 'stock';
}

/** The plan's own verdict in progress's terms; null where the text gives none that the rules know. */
export function verdictOf(stated: string | null | undefined, words: ProgressWords): Verdict | null {
  if (!stated) return null;
  const compact = stated.replace(/\s+/g, '');
  return words.verdicts.find((v) => v.words.some((w) => compact.includes(w)))?.verdict ?? null;
}

const RANK: Record<Exclude<Verdict, 'unknown'>, number> = { behind: 0, 'on track': 1, achieved: 2 };

/**
 * Whether the computed status and the plan's verdict cannot both be true:
 * one says behind and the other not, or the plan says the target is met and
 * the figures do not meet it. (Computed achieved where the plan says on
 * track is no contradiction: a target met is also on pace.)
 */
export function contradicts(computed: Exclude<Verdict, 'unknown'> | null, stated: Verdict | null): boolean {
  if (computed === null || stated === null || stated === 'unknown') return false;
  if ((computed === 'behind') !== (stated === 'behind')) return true;
  return stated === 'achieved' && RANK[computed] < RANK.achieved;
}
