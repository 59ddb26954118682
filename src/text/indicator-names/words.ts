/**
 * The word table indicator names are taken apart with (rules/indicator-names
 * .yaml), as data: measure verbs, leading words, qualifiers, count words and
 * the rest. Two readings use it — `link` (./link.ts: a record's name against
 * the catalogue, on characters) and `compare` (./compare.ts: names across
 * plans for the analysts, on jieba words). A word one reading does not use
 * says so (`only`); ./rules.ts validates the file.
 */

/** Who reads a word: the catalogue linker or the analysts' name comparison. */
export type Reading = 'link' | 'compare';

/** What a measure verb says of the figure: new in the period (a flow), or a running total. */
export type VerbMeasure = 'new' | 'cumulative';

export interface TableWord {
  word: string;
  /** The one reading that uses the word; absent: both do. */
  only?: Reading;
}

export interface VerbWord extends TableWord {
  measure?: VerbMeasure;
  /** link: a verb of doing that may follow the figure's scope (中国算谷|举办…). */
  afterScope?: boolean;
}

export interface QualifierWord extends TableWord {
  /** link: the class the spelling stands for (国家级, 国家 → national). */
  means?: string;
}

export interface IndicatorNameWords {
  verbs: VerbWord[];
  leadingWords: TableWord[];
  qualifiers: QualifierWord[];
  countWords: TableWord[];
  perCapitaBases: Array<{ word: string; base: string }>;
  scopeMinLength: number;
  scopeObjectMinLength: number;
  sectorWords: string[];
  shareSuffixes: string[];
  rateSuffixes: string[];
  growthSuffixes: string[];
  wrappers: string[];
  grouping: { minSimilarity: number };
}

/** The entries of a list one reading uses, in the file's order. */
export function wordsFor<T extends TableWord>(list: readonly T[], reading: Reading): T[] {
  return list.filter((w) => w.only === undefined || w.only === reading);
}
