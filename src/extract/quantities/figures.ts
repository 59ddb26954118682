/**
 * Finds the figures of a text: a number (Arabic, Chinese, a range, 百分之…)
 * followed by a unit, with the comparator words around it. Digits that are not
 * measurements (document numbers, dates, 1+13+N, 万人 in an indicator's name)
 * are masked by rules/quantity-patterns.yaml and never become figures.
 */
import type { Comparator } from '../../core/state.js';
import { ARABIC_NUMBER, CHINESE_NUMBER, isChineseNumeral, parseNumber } from '../../text/numerals.js';
import { foldWidth, wordsPattern } from '../common/text.js';
import type { QuantityRules } from './rules.js';
import type { UnitMatch } from '../common/units.js';

export interface Figure {
  /** Start of the comparator word before the number, or of the number. */
  start: number;
  numberStart: number;
  /** End of the unit and any comparator word after it. */
  end: number;
  value: number;
  valueMax?: number;
  /** Unit as written ('万件'), null when none was written. */
  unit: string | null;
  /** Base unit ('件'), '' when only a magnitude was written. */
  unitBase: string | null;
  multiplier: number;
  comparator: Comparator;
  /**
   * The comparator when the figure reports a value already reached (an
   * actual): 达113788件 states the value ('='), 超过500人 still a bound ('>').
   */
  achievedComparator: Comparator;
  /** The comparator word before the number as written ('累计达'), '' when none. */
  comparatorWord: string;
  chinese: boolean;
  /** The measure word was not written: it comes from the counted noun of the name (用户数达6.97亿 → 户). */
  unitFromNoun?: string;
}

export interface FindOptions {
  /** Table cells: a figure needs no unit and a bare magnitude (＞5 万) is a unit. */
  cell?: boolean;
}

interface ComparatorWordMatch {
  start: number;
  word: string;
  comparator: Comparator;
  achieved?: Comparator;
}

export class FigureFinder {
  private readonly number: RegExp;
  private readonly masks: Array<{ re: RegExp; unlessUnit: boolean }>;
  private readonly before: Array<{ word: string; comparator: Comparator; achieved?: Comparator }>;
  private readonly after: Array<{ word: string; comparator: Comparator }>;
  private readonly between: Array<{ word: string; comparator: Comparator }>;
  private readonly chineseCue: RegExp;
  private readonly datedGap: RegExp | null;
  private readonly actionCue: RegExp;

  constructor(private readonly rules: QuantityRules) {
    const num = `(?:${ARABIC_NUMBER}|${CHINESE_NUMBER})`;
    // 85%—90%: a range may repeat the percent sign after its first number.
    this.number = new RegExp(`(?<pct>百分之)?(?<n1>${num})(?<u1>\\s*%)?(?:\\s*[-—–~～至到]\\s*(?<n2>${num}))?`, 'gu');
    const p = rules.patterns;
    this.masks = [
      ...p.ignore.map((i) => ({ re: new RegExp(i.pattern, 'gu'), unlessUnit: i.unlessUnit })),
      { re: new RegExp(wordsPattern(p.perCapitaPrefixes), 'gu'), unlessUnit: false },
    ];
    const byLength = <T extends { word: string }>(list: T[]) => [...list].sort((a, b) => b.word.length - a.word.length);
    this.before = byLength(rules.comparators.before);
    this.after = byLength(rules.comparators.after);
    this.between = byLength(rules.comparators.between);
    const cues = [...p.chineseNumeralCues, ...rules.comparators.before.map((b) => b.word)];
    this.chineseCue = new RegExp(`(?:${wordsPattern(cues)})\\s*$`, 'u');
    this.actionCue = new RegExp(`(?:${wordsPattern(p.actionVerbs) || '(?!)'})\\s*$`, 'u');
    this.datedGap = p.comparatorGap ? new RegExp(`(?:${p.comparatorGap})$`, 'u') : null;
  }

  /** Ranges of `text` whose digits are not measurements; the third item says a unit after the number overrules the mask. */
  masked(text: string): Array<[number, number, boolean]> {
    const out: Array<[number, number, boolean]> = [];
    for (const { re, unlessUnit } of this.masks) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        out.push([m.index, m.index + m[0].length, unlessUnit]);
      }
    }
    return out;
  }

  find(original: string, options: FindOptions = {}): Figure[] {
    const text = foldWidth(original);
    const masks = this.masked(text);
    const overlapsMask = (s: number, e: number, unitFollows: boolean) => masks.some(([ms, me, unlessUnit]) => s < me && e > ms && !(unlessUnit && unitFollows));
    const figures: Figure[] = [];
    this.number.lastIndex = 0;
    for (let m = this.number.exec(text); m; m = this.number.exec(text)) {
      const g = m.groups!;
      const numberStart = m.index + (g.pct ? g.pct.length : 0);
      let numberEnd = m.index + m[0].length;
      // 85% alone: the percent sign is the unit, read below.
      if (g.u1 && g.n2 === undefined) numberEnd -= g.u1.length;
      const n1 = g.n1!;
      const chinese = isChineseNumeral(n1);
      if (!chinese && /[\d.A-Za-z]/.test(text[numberStart - 1] ?? '')) continue;
      // 70dB, 14EFlops: a Latin unit right after the number makes a letter-digit code a measurement.
      const latinUnit =
        /[A-Za-z]/.test(text[numberEnd] ?? '') && (this.rules.units.matchAt(text, numberEnd) ?? this.contextualUnit(text, m.index, numberEnd)) !== null;
      if (overlapsMask(numberStart, numberEnd, latinUnit)) continue;
      let value = parseNumber(n1);
      let valueMax = g.n2 !== undefined ? parseNumber(g.n2) : undefined;
      if (value === null || valueMax === null) continue;

      let pos = numberEnd;
      let betweenComparator: Comparator | null = null;
      const between = this.between.find((b) => text.startsWith(b.word, skipSpaces(text, pos)));
      if (between) {
        betweenComparator = between.comparator;
        pos = skipSpaces(text, pos) + between.word.length;
      }
      let unit: string | null = null;
      let unitBase: string | null = null;
      let unitFromNoun: string | undefined;
      let multiplier = 1;
      if (g.pct) {
        unit = '%';
        unitBase = this.rules.units.parse('%')?.base ?? '%';
      } else {
        let u = this.rules.units.matchAt(text, pos, options.cell === true) ?? this.contextualUnit(text, m.index, pos);
        // 1万余人次, 300多万元: 余/多 may stand between the magnitude and the unit.
        if (!u || u.base === '') {
          const magnitude = this.rules.units.matchAt(text, pos, true);
          const after = magnitude ? pos + magnitude.length : -1;
          const approx = magnitude?.base === '' ? this.between.find((b) => text.startsWith(b.word, after)) : undefined;
          if (magnitude && approx) {
            const rest = this.rules.units.matchAt(text, after + approx.word.length);
            if (rest && rest.magnitude === '') {
              u = {
                ...rest,
                unit: magnitude.unit + rest.unit,
                multiplier: magnitude.multiplier,
                magnitude: magnitude.unit,
                length: after + approx.word.length + rest.length - pos,
              };
              betweenComparator = approx.comparator;
            }
          }
        }
        if (u) {
          unit = u.unit;
          unitBase = u.base;
          multiplier = u.multiplier;
          pos += u.length;
        } else if (!options.cell) {
          const counted = this.countedNounUnit(text, m.index, pos) ?? this.countedHeadAfter(text, pos);
          if (counted) {
            unit = counted.unit;
            unitBase = counted.base;
            multiplier = counted.multiplier;
            pos += counted.length;
            unitFromNoun = counted.noun;
          } else if (!this.dimensionless(text, m.index, pos)) continue;
        }
      }
      // 百分之九十九 is a measurement whatever stands before it.
      if (chinese && !options.cell && !g.pct) {
        if (n1 === '一' || n1 === '〇' || n1 === '零') continue;
        // 两千人次, 五百万元: units no set phrase counts in (四个走在前 and 十大案例 do) need no cue.
        // A bare magnitude (万元地区生产总值) is a per-unit name, not a number.
        const digits = /[一二两三四五六七八九]/.test(n1);
        // 五十万个: a numeral with a digit and a 万/亿 magnitude is an amount, never a set phrase.
        const strong = digits && ((unitBase !== null && this.rules.patterns.chineseNumeralStrongUnits.includes(unitBase)) || /[万亿]/.test(n1));
        // 打造百家领军企业, 支持千家企业: a round hundred or thousand after an action verb is a count.
        const round = /^[十百千万]+$/.test(n1) && n1 !== '十' && this.actionCue.test(text.slice(Math.max(0, m.index - 8), m.index));
        if (!strong && !round && !this.chineseCue.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
      }

      const beforeMatch = this.comparatorBefore(text, m.index);
      let end = pos;
      const afterAt = skipSpaces(text, pos);
      const after = this.after.find((a) => text.startsWith(a.word, afterAt));
      if (after) end = afterAt + after.word.length;
      // 培育8—10家: a bare range is met from its lower end on.
      const stated = this.combine(beforeMatch?.comparator ?? null, after?.comparator ?? betweenComparator);
      const comparator = stated === '=' && valueMax !== undefined && !beforeMatch && !after && !betweenComparator ? '>=' : stated;
      const achievedComparator = beforeMatch?.achieved ? this.combine(beforeMatch.achieved, after?.comparator ?? betweenComparator) : comparator;
      if (valueMax !== undefined && valueMax < value) [value, valueMax] = [valueMax, value];
      figures.push({
        start: beforeMatch ? beforeMatch.start : m.index,
        numberStart,
        end,
        value,
        ...(valueMax !== undefined ? { valueMax } : {}),
        unit,
        unitBase,
        multiplier,
        comparator,
        achievedComparator,
        comparatorWord: beforeMatch?.word ?? '',
        chinese,
        ...(unitFromNoun ? { unitFromNoun } : {}),
      });
      this.number.lastIndex = Math.max(this.number.lastIndex, end);
    }
    return figures;
  }

  /**
   * IPv6活跃用户数达6.97亿, 卫星通信用户超千万, 用户数量突破千万级: a count that ends its clause
   * with only a magnitude (or none) counts the noun its name ends in; the measure word comes from
   * that noun (rules/quantity-patterns.yaml countedNouns).
   */
  private countedNounUnit(text: string, numberStart: number, pos: number): (UnitMatch & { noun: string }) | null {
    const nouns = this.rules.patterns.countedNouns;
    if (nouns.length === 0) return null;
    const magnitude = this.rules.units.matchAt(text, pos, true);
    const bare = magnitude && magnitude.base === '' ? magnitude : null;
    let at = pos + (bare?.length ?? 0);
    // 千万级: the order of magnitude, read as its lower bound.
    if (text.startsWith('级', at)) at += 1;
    if (at < text.length && !this.rules.patterns.clauseDelimiters.includes(text[at] as string)) return null;
    const comparator = this.comparatorEndingAt(text, numberStart);
    if (!comparator) return null;
    const head = text.slice(Math.max(0, comparator.start - 12), comparator.start).trimEnd();
    const noun = nouns.find((c) => new RegExp(`${c.noun}(?:数|数量|总数)?$`, 'u').test(head));
    if (!noun) return null;
    const prefix = bare?.unit ?? '';
    return { unit: prefix + noun.unit, base: noun.unit, multiplier: bare?.multiplier ?? 1, magnitude: prefix, length: at - pos, noun: noun.noun };
  }

  /**
   * 服务1.64亿缴存人, 惠及2000万农户: a bare magnitude right before a noun whose
   * head counts it (rules countedHeads). Only the magnitude is read; the noun
   * stays after the figure to name it.
   */
  private countedHeadAfter(text: string, pos: number): (UnitMatch & { noun: string }) | null {
    const heads = this.rules.patterns.countedHeads;
    const magnitude = this.rules.units.matchAt(text, pos, true);
    if (heads.length === 0 || !magnitude || magnitude.base !== '') return null;
    const at = pos + magnitude.length;
    const noun = /^[\u4e00-\u9fa5]{1,6}/u.exec(text.slice(at))?.[0] ?? '';
    // The noun ends its clause (…1.64亿缴存人，): the head is its last character.
    const next = text[at + noun.length];
    if (!noun || (next !== undefined && !this.rules.patterns.clauseDelimiters.includes(next))) return null;
    const counted = heads.find((h) => noun.endsWith(h.head));
    if (!counted) return null;
    return {
      unit: magnitude.unit + counted.unit,
      base: counted.unit,
      multiplier: magnitude.multiplier,
      magnitude: magnitude.unit,
      length: magnitude.length,
      noun,
    };
  }

  /**
   * 发展指数达到85.6, 电能利用效率（PUE）降至1.25: a figure after a comparator
   * whose name ends in a measure without a unit, the figure ending its clause
   * (左右/以上 may follow).
   */
  private dimensionless(text: string, numberStart: number, pos: number): boolean {
    const nouns = this.rules.patterns.dimensionlessNouns;
    const symbols = this.rules.patterns.dimensionlessComparators;
    if (nouns.length === 0 && symbols.length === 0) return false;
    const after = this.after.find((a) => text.startsWith(a.word, skipSpaces(text, pos)));
    const end = after ? skipSpaces(text, pos) + after.word.length : pos;
    if (end < text.length && !this.rules.patterns.clauseDelimiters.includes(text[end] as string)) return false;
    const comparator = this.comparatorEndingAt(text, numberStart);
    if (!comparator) return false;
    // 死亡率≤0.006: a mathematical comparator before a bare number ending its clause states a value, whatever the name.
    if (symbols.includes(comparator.word)) return true;
    const head = text.slice(Math.max(0, comparator.start - 16), comparator.start).replace(/\s*[（(][A-Za-z]+[）)]\s*$/u, '');
    return nouns.some((n) => head.endsWith(n));
  }

  /**
   * 人均预期寿命达到80岁, 平均受教育年限11.5年: a unit that only measures
   * what the name before it says (65岁以上老年人 is an age, not a figure).
   */
  private contextualUnit(text: string, numberStart: number, pos: number): UnitMatch | null {
    const at = skipSpaces(text, pos);
    for (const c of this.rules.patterns.contextualUnits) {
      if (!text.startsWith(c.unit, at)) continue;
      const comparator = this.comparatorEndingAt(text, numberStart);
      const head = text.slice(Math.max(0, (comparator?.start ?? numberStart) - 12), comparator?.start ?? numberStart).trimEnd();
      if (c.after.some((w) => head.endsWith(w))) return { unit: c.unit, base: c.unit, multiplier: 1, magnitude: '', length: at + c.unit.length - pos };
    }
    return null;
  }

  private comparatorBefore(text: string, numberStart: number): ComparatorWordMatch | null {
    let i = numberStart;
    while (i > 0 && text[i - 1] === ' ') i--;
    // 提高到2025年的12件: the date between the verb and the figure does not cut them apart.
    const dated = this.datedGap?.exec(text.slice(Math.max(0, i - 16), i));
    if (dated) {
      const found = this.comparatorEndingAt(text, i - dated[0].length);
      if (found) return found;
    }
    const direct = this.comparatorEndingAt(text, i);
    if (direct) return direct;
    // 至少建成1个: a comparator may qualify the verb that governs the figure; the verb stays in the name.
    for (const verb of this.rules.patterns.keepVerbs) {
      if (!text.endsWith(verb, i)) continue;
      const modal = this.comparatorEndingAt(text, i - verb.length);
      if (modal && modal.comparator !== '=') return { start: i, word: '', comparator: modal.comparator };
    }
    return null;
  }

  private comparatorEndingAt(text: string, i: number): ComparatorWordMatch | null {
    for (const b of this.before) {
      if (text.slice(Math.max(0, i - b.word.length), i) === b.word) {
        return { start: i - b.word.length, word: b.word, comparator: b.comparator, ...(b.achieved ? { achieved: b.achieved } : {}) };
      }
    }
    return null;
  }

  private combine(before: Comparator | null, after: Comparator | null): Comparator {
    if (before && after) {
      const rule = this.rules.comparators.combine.find((c) => c.before === before && c.after === after);
      return rule ? rule.result : before;
    }
    return before ?? after ?? '=';
  }
}

function skipSpaces(text: string, pos: number): number {
  while (text[pos] === ' ' || text[pos] === '\t') pos++;
  return pos;
}
