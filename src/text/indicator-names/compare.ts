/**
 * The analysts' reading of an indicator's name (`compare`): the name as a
 * plan writes it, taken apart into the measure verb (新增, 累计, 建成开通 …),
 * the plan's own territory (全省), qualifiers (国家级, 规模以上), the object
 * counted (5G基站, 高新技术企业) and trailing count words (数量). Two plans'
 * names compare on the object; the verb and the record's flags say what kind
 * of figure each is (a flow, a cumulative total, a stock …). Words match whole
 * jieba words. The word table is rules/indicator-names.yaml (./words.ts),
 * loaded by ./rules.ts (apart, so the analyst queries load no YAML parser or
 * zod until a command needs names taken apart).
 */
import { BoundedCache } from '../../core/bounded-cache.js';
import { cutWords, DEFAULT_USER_DICT, loadedDictionary } from '../jieba.js';
import { normaliseName } from '../names.js';
import { wordsFor, type IndicatorNameWords } from './words.js';

/** The kind of figure a name states (the catalogue's vocabulary). */
export type Measure = 'flow' | 'cumulative' | 'stock' | 'share' | 'rate' | 'growth';

/** A measure verb as this reading uses it: a new figure is a flow. */
interface MeasureVerb {
  word: string;
  measure?: 'flow' | 'cumulative';
}

export interface NameParts {
  /** The name in the analysts' look-up form (normaliseName). */
  name: string;
  /** What is counted: the name without verbs, scope, qualifiers, count words and wrappers (look-up form). */
  object: string;
  /** The object in the case it was written (5G基站; `object` is 5g基站). */
  objectAsWritten: string;
  /** The object's jieba words. */
  words: string[];
  /** The object's last jieba word: what a query must name to be about the same thing. */
  head: string;
  /** The measure verbs at the start, as written (累计, 建成开通 …). */
  verbs: string[];
  qualifiers: string[];
  /** flow/cumulative from a verb, share/rate/growth from the ending; null when the name does not say. */
  measure: Measure | null;
}

export class NameAnalyser {
  private readonly leading: Array<{ word: string; kind: 'verb' | 'scope' | 'qualifier'; measure?: Measure }>;
  private readonly measureVerbs: MeasureVerb[];
  private readonly countWords: Set<string>;
  private readonly wrappers: RegExp;
  // The web app keeps one analyser for every query it serves: bounded.
  private readonly cache = new BoundedCache<string, NameParts>(20_000);

  constructor(private readonly rules: IndicatorNameWords) {
    this.measureVerbs = wordsFor(rules.verbs, 'compare').map((v) => ({
      word: v.word,
      measure: v.measure === 'new' ? 'flow' : v.measure,
    }));
    this.leading = [
      ...this.measureVerbs.map((v) => ({ word: normaliseName(v.word), kind: 'verb' as const, measure: v.measure })),
      ...wordsFor(rules.leadingWords, 'compare').map((w) => ({ word: normaliseName(w.word), kind: 'scope' as const })),
      ...wordsFor(rules.qualifiers, 'compare').map((w) => ({ word: normaliseName(w.word), kind: 'qualifier' as const })),
    ].sort((a, b) => b.word.length - a.word.length);
    this.countWords = new Set(wordsFor(rules.countWords, 'compare').map((w) => normaliseName(w.word)));
    this.wrappers = new RegExp(`[${rules.wrappers.map(escapeClass).join('')}]`, 'gu');
  }

  /** Least similarity for two names to join one proposed indicator (rules/indicator-names.yaml grouping). */
  get groupingThreshold(): number {
    return this.rules.grouping.minSimilarity;
  }

  parts(text: string): NameParts {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const parts = this.decompose(text);
    this.cache.set(text, parts);
    return parts;
  }

  private decompose(text: string): NameParts {
    const name = normaliseName(text);
    // Cut as written (case kept for display), compared in the look-up form.
    // Whichever user dictionary is loaded: asking for another would reload jieba's dictionaries.
    const written = cutWords(foldedAsWritten(text).replace(this.wrappers, ''), loadedDictionary() ?? DEFAULT_USER_DICT);
    const words = written.map((w) => w.toLowerCase());
    const verbs: string[] = [];
    const qualifiers: string[] = [];
    let measure: Measure | null = null;
    let start = 0;
    // Leading words, longest list word first; a list word may span jieba words (新认定 = 新/认定).
    // The last word always stays: a name is never stripped to nothing.
    for (;;) {
      const hit = this.leadingAt(words, start);
      if (!hit || hit.end >= words.length) break;
      if (hit.entry.kind === 'verb') {
        verbs.push(hit.entry.word);
        measure ??= hit.entry.measure ?? null;
      } else if (hit.entry.kind === 'qualifier' && !/^[、和及]$/u.test(hit.entry.word)) qualifiers.push(hit.entry.word);
      start = hit.end;
    }
    let end = words.length;
    while (end - start > 1 && this.countWords.has(words[end - 1]!)) end--;
    const kept = words.slice(start, end);
    const object = kept.join('');
    measure = this.measureByEnding(object) ?? measure;
    const objectAsWritten = written.slice(start, end).join('');
    return { name, object, objectAsWritten, words: kept, head: headOf(kept) ?? object, verbs, qualifiers, measure };
  }

  /** Whether `word` is only a measure verb, a scope word or a qualifier (a name that is 形成 names nothing counted). */
  isFrameWord(word: string): boolean {
    const w = normaliseName(word);
    return this.leading.some((e) => e.word === w);
  }

  private leadingAt(words: string[], start: number): { entry: NameAnalyser['leading'][number]; end: number } | null {
    for (const entry of this.leading) {
      let joined = '';
      for (let end = start; end < words.length && joined.length < entry.word.length; end++) {
        joined += words[end];
        if (joined === entry.word) return { entry, end: end + 1 };
      }
    }
    return null;
  }

  private measureByEnding(object: string): Measure | null {
    const ends = (list: string[]) => list.some((s) => object.endsWith(s) && object.length > s.length);
    if (ends(this.rules.growthSuffixes)) return 'growth';
    if (ends(this.rules.shareSuffixes) || /占.+(比重|比例)$/u.test(object)) return 'share';
    if (ends(this.rules.rateSuffixes)) return 'rate';
    return null;
  }

  /**
   * The kind of figure one stored record states: the name's own ending or
   * verb, else a measure verb written just before the name in its sentence
   * (新增 kept out of the name: 新增|国家级高层次人才), else the record's flags;
   * otherwise a stock, the level the plan reaches.
   */
  measureOf(record: { name: string; sentence?: string | null; cumulative?: number | boolean | null; perYear?: number | boolean | null }): {
    measure: Measure;
    word: string | null;
  } {
    const parts = this.parts(record.name);
    const ending = this.measureByEnding(parts.object);
    if (ending) return { measure: ending, word: null };
    const named = this.verbMeasure(parts.verbs);
    if (named) return named;
    const before = record.sentence ? this.verbBefore(record.name, record.sentence) : null;
    if (before) return before;
    if (record.cumulative) return { measure: 'cumulative', word: null };
    if (record.perYear) return { measure: 'flow', word: null };
    return { measure: 'stock', word: parts.verbs[0] ?? null };
  }

  private verbMeasure(verbs: string[]): { measure: Measure; word: string } | null {
    for (const v of verbs) {
      const entry = this.measureVerbs.find((m) => normaliseName(m.word) === v && m.measure);
      if (entry?.measure) return { measure: entry.measure, word: v };
    }
    return null;
  }

  /** A flow/cumulative verb ending the few characters before the name in its sentence. */
  private verbBefore(name: string, sentence: string): { measure: Measure; word: string } | null {
    const text = normaliseName(sentence);
    const at = text.indexOf(normaliseName(name));
    if (at <= 0) return null;
    const before = text.slice(Math.max(0, at - 8), at);
    for (const v of this.measureVerbs) {
      if (!v.measure) continue;
      const word = normaliseName(v.word);
      const i = before.lastIndexOf(word);
      // 累计建成开通|5G基站, 新增国家、省级|高层次人才: other leading words may sit between the verb and the name.
      if (i >= 0 && this.onlyVerbs(before.slice(i + word.length))) return { measure: v.measure, word };
    }
    return null;
  }

  private onlyVerbs(text: string): boolean {
    let rest = text;
    while (rest) {
      const v = this.leading.find((e) => rest.startsWith(e.word));
      if (!v) return false;
      rest = rest.slice(v.word.length);
    }
    return true;
  }
}

/** Full-width ASCII folded and blanks removed, case kept: normaliseName before it lowers the case. */
function foldedAsWritten(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]+/g, '');
}

/** `part` (a piece of normaliseName(text)) in the case it was typed (5G基站, not 5g基站). */
export function asWritten(text: string, part: string): string {
  const folded = foldedAsWritten(text);
  const lower = folded.toLowerCase();
  const at = lower.indexOf(part);
  return at >= 0 && lower.length === folded.length ? folded.slice(at, at + part.length) : part;
}

/** The last word, with the one before it when jieba left a single character (占/比 → 占比). */
function headOf(words: string[]): string | undefined {
  const last = words.at(-1);
  if (last === undefined || [...last].length > 1 || words.length < 2) return last;
  return words.at(-2)! + last;
}

function escapeClass(text: string): string {
  return text.replace(/[\\\]^-]/g, (c) => '\\' + c);
}
