/**
 * Links an indicator as a document names it to the canonical list
 * (rules/indicators.yaml): exact alias, then the normalised name, then word
 * similarity above the rules' threshold. Names that differ in a
 * distinguishing word (万人, 新增, 海外 …) never link to each other.
 */
import * as jieba from '../../text/jieba.js';
// The distance submodule only: natural's index loads its storage backends, and with them dotenv (which prints to stdout).
import { DiceCoefficient } from 'natural/lib/natural/distance/index.js';
import { foldWidth } from '../common/text.js';
import { longestFirst } from './names.js';
import type { Catalogue } from './catalogue.js';
import { squeeze } from '../../text/names.js';
import { multisetDice } from '../../text/similarity.js';
import { BoundedCache } from '../../core/bounded-cache.js';

export interface Link {
  id: string | null;
  method: 'alias' | 'normalised' | 'similar' | null;
  score: number;
}

interface Entry {
  id: string;
  unitClass: UnitClass;
  names: string[];
  normalised: string[];
}

export class IndicatorLinker {
  private readonly exact = new Map<string, string>();
  private readonly byNormalised = new Map<string, string>();
  private readonly entries: Entry[];
  private readonly tokens = new BoundedCache<string, string[]>(20_000);

  /** The unit a canonical indicator is counted in (件, 元, percent …). */
  baseUnitOf(id: string): string | null {
    return this.file.indicators.find((ind) => ind.id === id)?.baseUnit ?? null;
  }

  constructor(private readonly file: Catalogue) {
    this.entries = file.indicators.map((ind) => {
      const names = [ind.name, ...ind.aliases];
      for (const n of names) this.exact.set(canonical(n), ind.id);
      const normalised = names.map((n) => this.normalise(n));
      for (const n of normalised) if (!this.byNormalised.has(n)) this.byNormalised.set(n, ind.id);
      return { id: ind.id, unitClass: unitClass(ind.baseUnit), names, normalised };
    });
  }

  private readonly cache = new BoundedCache<string, Link>(20_000);

  /**
   * `unitBase` (件, 元, percent …) guards the link: a percentage never links
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

  private linkUncached(name: string, cls: UnitClass | null): Link {
    const fits = (id: string) => cls === null || this.entries.find((e) => e.id === id)!.unitClass === cls;
    const exact = this.exact.get(canonical(name));
    if (exact && fits(exact)) return { id: exact, method: 'alias', score: 1 };
    const normalised = this.normalise(name);
    const byNormalised = this.byNormalised.get(normalised);
    if (byNormalised && fits(byNormalised)) return { id: byNormalised, method: 'normalised', score: 1 };
    let best: Link = { id: null, method: null, score: 0 };
    for (const entry of this.entries) {
      if (cls !== null && entry.unitClass !== cls) continue;
      for (const candidate of entry.normalised) {
        if (!this.sameDistinguishingWords(normalised, candidate)) continue;
        const score = this.similarity(normalised, candidate);
        if (score > best.score) best = { id: entry.id, method: 'similar', score };
      }
    }
    return best.score >= this.file.linking.threshold ? best : { id: null, method: null, score: best.score };
  }

  /** Name without spaces, quotes, a unit in brackets, and the words that do not change the measure at its edges. */
  normalise(name: string): string {
    let out = canonical(name).replace(/[“”"'‘’]/g, '');
    const ignore = longestFirst(this.file.linking.ignoreWords);
    for (let changed = true; changed;) {
      changed = false;
      for (const w of ignore) {
        if (out.length > w.length && out.startsWith(w)) {
          out = out.slice(w.length);
          changed = true;
        }
        if (out.length > w.length && out.endsWith(w)) {
          out = out.slice(0, -w.length);
          changed = true;
        }
      }
    }
    return out;
  }

  private sameDistinguishingWords(a: string, b: string): boolean {
    return this.file.linking.distinguishingWords.every((w) => a.includes(w) === b.includes(w));
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

type UnitClass = 'ratio' | 'money' | 'count';

/** Units compare by what they measure: shares, money, or counts of things. */
function unitClass(base: string): UnitClass {
  if (base === 'percent' || base === 'percentage-point' || base === '%' || base === '倍') return 'ratio';
  if (base === '元' || base === 'USD' || base === 'EUR' || base.endsWith('元')) return 'money';
  return 'count';
}

function canonical(name: string): string {
  return squeeze(foldWidth(name)).replace(/[（(][^（）()]{1,6}[）)]$/, (m) => (/[元件家个人项%]/.test(m) ? '' : m));
}
