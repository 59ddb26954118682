/**
 * Splits an indicator name as a document writes it into the parts that say
 * WHAT is measured and the parts that say HOW the figure counts it:
 *
 *   中国算谷 | 举办 | | | 场景对接活动        scope, verb, object
 *            | 新增 | 国家级 | | 智能工厂       verb, qualifier, object
 *            |      | | 每万人口 | 高价值发明专利拥有   per-capita base
 *
 * Plans put a measure verb before the counted noun (新增5G基站, 累计建设5G基站,
 * 培育专精特新企业); the verb says whether a figure is what is added or a total,
 * never which indicator it is. Qualifiers (国家级, 省级以上, 规模以上) and a
 * per-capita base do change the indicator. This is the `link` reading of the
 * word table (rules/indicator-names.yaml, ./words.ts): words match characters
 * at the start or end of the name; this module only reads them.
 */
import { foldWidth } from '../fold-width.js';
import { squeeze } from '../names.js';
import { wordsFor, type IndicatorNameWords } from './words.js';

export type MeasureKind = 'new' | 'cumulative' | 'unspecified';

export interface DecomposedName {
  /** Who or where the figure is about, written before its verb (中国算谷); '' when none. */
  scope: string;
  /** The measure verbs as written (累计建设); '' when none. */
  verb: string;
  /** new (新增, 新建 …) or cumulative (累计) where a verb says so; null without a verb. */
  measureKind: MeasureKind | null;
  /** Level and size classes by what they mean (national, provincial …), sorted. */
  qualifiers: string[];
  /** 每万人口, 每千人口, 人均 …; null when the figure is no ratio to population. */
  perCapita: string | null;
  /** What is counted, without edge words that do not change the measure. */
  object: string;
}

/** What a link compares: the object with its qualifiers and base, never the verb or the scope. */
export function linkKey(name: DecomposedName): string {
  return `${name.qualifiers.join('+')}|${name.perCapita ?? ''}|${name.object}`;
}

export class NameDecomposer {
  private readonly verbs: Array<{ word: string; kind: MeasureKind; afterScope: boolean }>;
  private readonly qualifiers: Array<{ word: string; means: string }>;
  private readonly bases: Array<{ word: string; base: string }>;
  private readonly leading: string[];
  private readonly trailing: string[];

  constructor(private readonly config: IndicatorNameWords) {
    this.verbs = byLength(wordsFor(config.verbs, 'link').map((v) => ({ word: v.word, kind: v.measure ?? 'unspecified', afterScope: v.afterScope ?? false })));
    // rules.ts requires `means` of every qualifier this reading uses.
    this.qualifiers = byLength(wordsFor(config.qualifiers, 'link').map((q) => ({ word: q.word, means: q.means! })));
    this.bases = byLength(config.perCapitaBases);
    this.leading = byLength(wordsFor(config.leadingWords, 'link')).map((w) => w.word);
    this.trailing = byLength(wordsFor(config.countWords, 'link')).map((w) => w.word);
  }

  /**
   * `sectorAsScope`: read a sector before the object (建材行业智能工厂,
   * 信息领域省级重点实验室) as the figure's scope too. A sector plan names its
   * own sector so; the linker tries it only where the whole name links to nothing.
   */
  decompose(name: string, { sectorAsScope = false }: { sectorAsScope?: boolean } = {}): DecomposedName {
    let rest = this.stripLeading(cleanName(name));
    let scope = '';
    let verbs = this.takeVerbs(rest);
    // 推动制造业创新中心攻克产业共性技术: a verb of the whole sentence, then the actor, then the measure verb.
    const split = this.scopeSplit(verbs.rest);
    if (split) {
      scope = split.scope;
      const inner = this.takeVerbs(split.rest);
      verbs = { words: [...verbs.words, ...inner.words], rest: inner.rest };
    }
    rest = this.stripLeading(verbs.rest);
    const sector = sectorAsScope ? this.sectorSplit(rest) : null;
    if (sector) {
      scope += sector.scope;
      rest = sector.rest;
    }
    const qualifiers = new Set<string>();
    let perCapita: string | null = null;
    for (let changed = true; changed;) {
      changed = false;
      const q = this.qualifiers.find((x) => rest.length > x.word.length && rest.startsWith(x.word));
      if (q) {
        qualifiers.add(q.means);
        rest = rest.slice(q.word.length);
        changed = true;
      }
      const b: { word: string; base: string } | undefined =
        perCapita === null ? this.bases.find((x) => rest.length > x.word.length && rest.startsWith(x.word)) : undefined;
      if (b) {
        perCapita = b.base;
        rest = rest.slice(b.word.length);
        changed = true;
      }
    }
    const kinds = verbs.words.map((w) => w.kind);
    const measureKind = kinds.length === 0 ? null : (kinds.find((k) => k !== 'unspecified') ?? 'unspecified');
    return {
      scope,
      verb: verbs.words.map((w) => w.word).join(''),
      measureKind,
      qualifiers: [...qualifiers].sort(),
      perCapita,
      object: this.stripTrailing(rest),
    };
  }

  /** The name without place words at its start and count words at its end: how unlinked names group. */
  normalise(name: string): string {
    return this.stripTrailing(this.stripLeading(cleanName(name)));
  }

  /** Verbs at the very start, as a chain (累计建设, 新建并开通). */
  private takeVerbs(text: string): { words: Array<{ word: string; kind: MeasureKind }>; rest: string } {
    const words: Array<{ word: string; kind: MeasureKind }> = [];
    let rest = text;
    for (;;) {
      const verb = this.verbs.find((v) => rest.length > v.word.length && rest.startsWith(v.word));
      if (!verb) break;
      words.push(verb);
      rest = rest.slice(verb.word.length);
    }
    return { words, rest };
  }

  /**
   * A verb after a head of its own (中国算谷举办场景对接活动): the head is the
   * figure's scope. The object after it must be a noun phrase of some length,
   * so a verb that ends a compound noun (孵化器, 集聚区) is not taken for one.
   */
  private scopeSplit(text: string): { scope: string; rest: string } | null {
    const { scopeMinLength, scopeObjectMinLength } = this.config;
    let best: { at: number; word: string } | null = null;
    for (const v of this.verbs) {
      if (!v.afterScope) continue;
      const at = text.indexOf(v.word, scopeMinLength);
      if (at < 0 || text.length - at - v.word.length < scopeObjectMinLength) continue;
      if (!best || at < best.at || (at === best.at && v.word.length > best.word.length)) best = { at, word: v.word };
    }
    if (!best) return null;
    const scope = text.slice(0, best.at);
    // 国家认定企业技术中心: a level before the verb qualifies the object, it is no scope.
    if (this.qualifiers.some((q) => q.word === scope)) return null;
    return { scope, rest: text.slice(best.at) };
  }

  /** 建材行业 | 智能工厂: the name up to its first sector word, where a long enough object follows. */
  private sectorSplit(text: string): { scope: string; rest: string } | null {
    const { scopeMinLength, scopeObjectMinLength, sectorWords } = this.config;
    for (let at = scopeMinLength; at < text.length; at++) {
      const word = sectorWords.find((w) => text.startsWith(w, at));
      if (!word) continue;
      const end = at + word.length;
      return text.length - end >= scopeObjectMinLength ? { scope: text.slice(0, end), rest: text.slice(end) } : null;
    }
    return null;
  }

  private stripLeading(text: string): string {
    let out = text;
    for (let changed = true; changed;) {
      changed = false;
      const w = this.leading.find((x) => out.length > x.length && out.startsWith(x));
      if (w) {
        out = out.slice(w.length);
        changed = true;
      }
    }
    return out;
  }

  private stripTrailing(text: string): string {
    let out = text;
    for (let changed = true; changed;) {
      changed = false;
      const w = this.trailing.find((x) => out.length > x.length && out.endsWith(x));
      if (w) {
        out = out.slice(0, -w.length);
        changed = true;
      }
    }
    return out;
  }
}

/**
 * Width-folded, without spaces, quotation marks or a note in brackets at the
 * end: a unit (高新技术企业（家）), a precision (算力规模(FP16)), an
 * abbreviation (…新品种（三新食品）). A bracket inside the name stays
 * (中小学（含教学点）互联网接入率).
 */
export function cleanName(name: string): string {
  return squeeze(foldWidth(name))
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/(.)[（(][^（）()]{1,12}[）)]$/, '$1');
}

function byLength<T extends { word: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => b.word.length - a.word.length);
}
