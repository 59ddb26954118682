/**
 * Links an indicator as a document names it to the canonical catalogue
 * (rules/indicators/). Both the name and every catalogue name are decomposed
 * (text/indicator-names/link.ts); a link compares object, qualifiers and per-capita base:
 * first exactly, then by similarity of the objects above the rules'
 * threshold. Names that differ in a distinguishing word (万人, 海外 …), a
 * qualifier or a base never link to each other. The verb and the scope are
 * returned with the link: they say how the figure counts, not what.
 */
import * as jieba from '../../text/jieba.js';
// The distance submodule only: natural's index loads its storage backends, and with them dotenv (which prints to stdout).
import { DiceCoefficient } from 'natural/lib/natural/distance/index.js';
import { ConfigError } from '../../core/errors.js';
import type { Catalogue } from './catalogue.js';
import { linkKey, NameDecomposer, type DecomposedName } from '../../text/indicator-names/link.js';
import { multisetDice } from '../../text/similarity.js';
import { BoundedCache } from '../../core/bounded-cache.js';

export interface Link {
  id: string | null;
  method: 'alias' | 'similar' | null;
  score: number;
  /** The name's parts: its verb (the measure kind) and scope stay with the record. */
  name: DecomposedName;
}

interface Entry {
  id: string;
  unitClass: UnitClass;
  /** Decomposed names and aliases. */
  names: DecomposedName[];
}

export class IndicatorLinker {
  readonly decomposer: NameDecomposer;
  private readonly byKey = new Map<string, string>();
  private readonly entries: Entry[];
  private readonly baseUnits = new Map<string, string>();
  private readonly tokens = new BoundedCache<string, string[]>(20_000);
  private readonly cache = new BoundedCache<string, Link>(20_000);

  constructor(private readonly catalogue: Catalogue) {
    this.decomposer = new NameDecomposer(catalogue.names);
    this.entries = catalogue.indicators.map((ind) => {
      this.baseUnits.set(ind.id, ind.baseUnit);
      const names = [ind.name, ...ind.aliases].map((n) => {
        const parts = this.decomposer.decompose(n);
        const key = linkKey(parts);
        const owner = this.byKey.get(key);
        // Two indicators one name can mean: the catalogue must say which.
        if (owner && owner !== ind.id) throw new ConfigError(ind.file, `${ind.id}: '${n}' reads as ${key}, a name of ${owner} too`);
        this.byKey.set(key, ind.id);
        return parts;
      });
      const base = names[0]!.perCapita;
      if ((ind.perCapitaBase ?? null) !== base && !(base === null && ind.kind !== 'per-capita')) {
        throw new ConfigError(ind.file, `${ind.id}: perCapitaBase is ${ind.perCapitaBase ?? 'not set'}, but its name '${ind.name}' reads as ${base ?? 'none'}`);
      }
      return { id: ind.id, unitClass: unitClass(ind.baseUnit), names };
    });
  }

  /** The unit a canonical indicator is counted in (件, 元, % …). */
  baseUnitOf(id: string): string | null {
    return this.baseUnits.get(id) ?? null;
  }

  /** The name without place words and count words at its edges: how unlinked names group. */
  normalise(name: string): string {
    return this.decomposer.normalise(name);
  }

  /**
   * `unitBase` (件, 元, % …) guards the link: a percentage never links
   * to a count (完成预期目标97% is not the count it completes).
   */
  link(name: string, unitBase?: string | null): Link {
    const key = `${name}\u0000${unitBase ?? ''}`;
    let link = this.cache.get(key);
    if (!link) {
      link = this.linkUncached(name, unitBase ? unitClass(unitBase) : null);
      this.cache.set(key, link);
    }
    return link;
  }

  private linkUncached(text: string, cls: UnitClass | null): Link {
    const name = this.decomposer.decompose(text);
    const fits = (id: string) => cls === null || this.entries.find((e) => e.id === id)!.unitClass === cls;
    const exact = this.byKey.get(linkKey(name));
    if (exact && fits(exact)) return { id: exact, method: 'alias', score: 1, name };
    // 建材行业智能工厂: the sector is where the figure applies, the object is the indicator.
    const inSector = this.decomposer.decompose(text, { sectorAsScope: true });
    const bySector = inSector.scope !== name.scope ? this.byKey.get(linkKey(inSector)) : undefined;
    if (bySector && fits(bySector)) return { id: bySector, method: 'alias', score: 1, name: inSector };
    let best: { id: string | null; score: number } = { id: null, score: 0 };
    for (const entry of this.entries) {
      if (cls !== null && entry.unitClass !== cls) continue;
      for (const candidate of entry.names) {
        if (!sameClass(name, candidate) || !this.sameDistinguishingWords(name.object, candidate.object)) continue;
        const score = this.similarity(name.object, candidate.object);
        if (score > best.score) best = { id: entry.id, score };
      }
    }
    return best.score >= this.catalogue.linking.threshold
      ? { id: best.id, method: 'similar', score: best.score, name }
      : { id: null, method: null, score: best.score, name };
  }

  /** The same distinguishing words, and the same figures: 突破500亿元的企业 is not 突破100亿元的企业. */
  private sameDistinguishingWords(a: string, b: string): boolean {
    return this.catalogue.linking.distinguishingWords.every((w) => a.includes(w) === b.includes(w)) && figuresOf(a) === figuresOf(b);
  }

  /** Dice over jieba words, so 质押融资总额 and 质押融资额 share their words. */
  private similarity(a: string, b: string): number {
    const words = multisetDice(this.cut(a), this.cut(b));
    // Character bigrams catch words jieba cuts differently in the two names.
    const chars = DiceCoefficient(a, b);
    return Math.max(words, chars);
  }

  private cut(text: string): string[] {
    let words = this.tokens.get(text);
    if (!words) {
      words = jieba.cut(text).filter((w) => w.trim() !== '');
      this.tokens.set(text, words);
    }
    return words;
  }
}

/** Same qualifiers and per-capita base: only then may objects be compared. */
function sameClass(a: DecomposedName, b: DecomposedName): boolean {
  return a.perCapita === b.perCapita && a.qualifiers.join('+') === b.qualifiers.join('+');
}

function figuresOf(text: string): string {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).join(' ');
}

type UnitClass = 'ratio' | 'money' | 'count';

/** Units compare by what they measure: shares, money, or counts of things. */
function unitClass(base: string): UnitClass {
  if (base === '%' || base === 'percentage-point' || base === '‰' || base === 'permille' || base === '倍') return 'ratio';
  if (base === '元' || base === 'USD' || base === 'EUR' || base.endsWith('元')) return 'money';
  return 'count';
}
