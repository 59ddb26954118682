/**
 * Targets and actuals stated in running text: each figure of a sentence gets
 * the indicator the clause names, a comparator, a kind and a year.
 */
import nodejieba from 'nodejieba';
import type { Comparator, Flag } from '../../core/state.js';
import { foldWidth } from '../common/text.js';
import type { TimeExpression } from '../common/time-expressions.js';
import { date, type Dating, type DocumentContext, type Kind } from './classify.js';
import type { Figure, FigureFinder } from './figures.js';
import { maskTitles, removeTimeExpressions, squeezeName, stripLeading, stripTrailing, trimName } from './names.js';
import type { QuantityRules } from './rules.js';

/** One figure read from a sentence or a table cell, before provenance is attached. */
export interface Mention {
  kind: Kind;
  indicator: string;
  value: number | null;
  valueMax?: number;
  unit: string | null;
  unitBase: string | null;
  multiplier: number;
  comparator: Comparator;
  year: number | null;
  period?: [number, number];
  cumulative?: boolean;
  perYear?: boolean;
  qualitative?: string;
  status?: string;
  /** Offsets of the figure in the sentence (or cell) text. */
  start: number;
  end: number;
  rule: string;
  flags: Flag[];
}

export interface SentenceInput {
  text: string;
  /** The paragraph's text before this sentence: its time expressions may date this one's figures. */
  context?: string;
  /** Kind the section headings or the enclosing box imply, if any. */
  sectionKind: Kind | null;
}

/** A figure read from prose, with what the 分别 pass needs. */
interface Read {
  mention: Mention;
  /** Joined to the previous figure by nothing but a list connector (…40.8亿元、78.3亿元). */
  listContinues: boolean;
  dating: Dating;
}

export class ProseReader {
  private readonly delimiters: Set<string>;

  constructor(
    private readonly rules: QuantityRules,
    private readonly figures: FigureFinder,
  ) {
    this.delimiters = new Set(rules.patterns.clauseDelimiters);
  }

  read(input: SentenceInput, doc: DocumentContext): Mention[] {
    const context = foldWidth(input.context ?? '');
    const offset = context.length;
    // Work in paragraph coordinates: the sentence starts at `offset`.
    const text = context + foldWidth(input.text);
    const p = this.rules.patterns;
    const expressions = this.rules.times.find(maskTitles(text));
    const figures = this.figures.find(text.slice(offset)).map((f) => shiftFigure(f, offset));
    const reads: Read[] = [];
    let base: string | null = null;
    let previous: { indicator: string; consumedTo: number } | null = null;

    figures.forEach((figure, i) => {
      const clauseStart = Math.max(offset, this.clauseStart(text, figure.start));
      const prev = i > 0 ? figures[i - 1]! : null;
      const prevInClause = prev !== null && prev.end > clauseStart;
      const leftStart = prevInClause ? Math.max(prev.end, previous?.consumedTo ?? 0) : clauseStart;
      const clause = text.slice(clauseStart, figure.start);
      const { leftRaw, left, listContinues, relativeRaw, relativeWord, enumeration } = this.leftOf(text, Math.min(leftStart, figure.start), figure.start, prevInClause, expressions, doc);
      const rightSpan = this.rightOf(text, figure, figures[i + 1], expressions);
      let right = rightSpan.text;
      if (right !== '' && p.skipContexts.some((w) => clause.includes(w))) return;
      if (right !== '' && p.structureNouns.some((w) => right.endsWith(w) || right.slice(0, w.length + 2).includes(w))) return;

      // 累计获得中国专利奖47个、省级专利奖27个: a list shares its 累计.
      const listItem = prevInClause && p.listConnectors.some((c) => squeezeName(leftRaw).startsWith(c));
      const cumulative =
        p.cumulativeWords.some((w) => leftRaw.includes(w) || figure.comparatorWord.includes(w)) || (listItem && reads[reads.length - 1]?.mention.cumulative === true);
      // 每年1000个 is a yearly amount; 年均增长10% is a rate, not a yearly amount.
      const perYear = figure.unitBase !== 'percent' && p.perYearWords.some((w) => leftRaw.includes(w));
      const leftIsVerb = p.keepVerbs.includes(left);
      let consumedTo = figure.end;

      let indicator: string;
      if (relativeWord && base) {
        const name = relativeRaw.startsWith(relativeWord) ? this.stripTrailingFillers(relativeRaw) : left;
        indicator = base + name;
        if (figure.unitBase === 'percent' && p.growthWords.some((w) => name.endsWith(w))) indicator += '率';
      } else if (left === '' && right === '') {
        if (listContinues && previous) indicator = previous.indicator;
        else if (base) indicator = base;
        else {
          const subject = this.subjectBefore(text, offset, clauseStart, expressions, doc);
          if (!subject) return;
          indicator = subject;
        }
      } else if (leftIsVerb && right === '') {
        indicator = base && base.includes(left) ? base : left;
      } else {
        indicator = left + right;
        if (right) consumedTo = rightSpan.end;
        right = '';
      }
      indicator = trimName(indicator);
      if (indicator.length === 0) return;
      if (p.setMarkers.some((w) => indicator.endsWith(w))) return;
      if (!relativeWord && !(listContinues && previous && indicator === previous.indicator)) base = indicator;
      previous = { indicator, consumedTo };

      // The number, not the verb: 提高到2025年的12件 is dated by the 2025年 between them.
      const dating = date(text, offset, figure.numberStart, expressions, this.rules, doc, input.sectionKind);
      if (dating.kind === 'target' && enumeration) return;
      // 分别达到20家、25家、30家: a bare figure continuing a list shares the comparator its first figure was given.
      const listed = listContinues && figure.comparatorWord === '' && figure.comparator === '=' ? reads[reads.length - 1] : undefined;
      const mention: Mention = {
        kind: dating.kind,
        indicator,
        value: figure.value,
        ...(figure.valueMax !== undefined ? { valueMax: figure.valueMax } : {}),
        unit: figure.unit,
        unitBase: figure.unitBase,
        multiplier: figure.multiplier,
        comparator: listed ? listed.mention.comparator : figure.comparator,
        year: dating.year,
        ...(dating.period ? { period: dating.period } : {}),
        ...(cumulative ? { cumulative: true } : {}),
        ...(perYear ? { perYear: true } : {}),
        start: figure.numberStart - offset,
        end: figure.end - offset,
        rule: `${dating.kind}.${dating.basis}`,
        flags: dating.flags,
      };
      reads.push({ mention, listContinues, dating });
    });

    distributeYears(reads);
    const qualitative = this.qualitative(text, offset, expressions, figures, input, doc);
    return [...reads.map((r) => r.mention), ...qualitative];
  }

  /**
   * The words before a figure, cleaned to a name: list connectors, fillers,
   * places and time expressions go; 等 closes an example list (A、B等X →
   * X); a name starting with 较/占/同比… is relative to the sentence's
   * previous indicator.
   */
  private leftOf(text: string, start: number, end: number, prevInClause: boolean, expressions: TimeExpression[], doc: DocumentContext) {
    const p = this.rules.patterns;
    const leftRaw = text.slice(start, end);
    let left = squeezeName(removeTimeExpressions(text, start, end, expressions));
    const listContinues = prevInClause && (left === '' || p.listConnectors.includes(left));
    left = stripLeading(left, p.listConnectors);
    // Relative names keep their comparison base (较“十三五”末增长).
    const relativeRaw = stripLeading(stripLeading(squeezeName(leftRaw), p.listConnectors), p.relativeLeadIns).replace(/[“”"]/g, '');
    // 提高到2025年的50件 moves the same indicator to a new value: not a relative figure.
    const moves = p.relativeStarts.some((w) => relativeRaw.startsWith(w) && /^[到至]/.test(relativeRaw.slice(w.length)));
    const relativeWord = moves ? undefined : p.relativeStarts.find((w) => relativeRaw.startsWith(w) || left.startsWith(w));
    left = this.stripLeadingFillers(left, doc.regionNames);
    let enumeration = false;
    for (const marker of p.enumerationMarkers) {
      if (left.endsWith(marker) && left.length > marker.length) {
        enumeration = true;
        left = '';
      } else {
        const at = left.lastIndexOf(marker);
        if (at >= 0 && at + marker.length < left.length) left = left.slice(at + marker.length);
      }
    }
    left = this.stripTrailingFillers(left);
    if (p.growthWords.includes(left)) left = '';
    return { leftRaw, left, listContinues, relativeRaw, relativeWord, enumeration };
  }

  /** 企业专利授权占比继续提升，达到73%: the figure's indicator is the earlier clause's subject. */
  private subjectBefore(text: string, offset: number, clauseStart: number, expressions: TimeExpression[], doc: DocumentContext): string | null {
    if (clauseStart - 1 <= offset) return null;
    const start = Math.max(offset, this.clauseStart(text, clauseStart - 1));
    let name = squeezeName(removeTimeExpressions(text, start, clauseStart - 1, expressions));
    name = this.stripLeadingFillers(name, doc.regionNames);
    const trend = [...this.rules.patterns.trendWords].sort((a, b) => b.length - a.length).find((w) => name.endsWith(w));
    if (!trend) return null;
    name = trimName(this.stripTrailingFillers(name.slice(0, -trend.length)));
    return name.length >= 2 ? name : null;
  }

  private clauseStart(text: string, pos: number): number {
    for (let i = pos - 1; i >= 0; i--) if (this.delimiters.has(text[i]!)) return i + 1;
    return 0;
  }

  private clauseEnd(text: string, pos: number): number {
    for (let i = pos; i < text.length; i++) if (this.delimiters.has(text[i]!)) return i;
    return text.length;
  }

  /** Text after a figure up to the clause end or the next figure: the noun a figure-first phrase counts. */
  private rightOf(text: string, figure: Figure, next: Figure | undefined, expressions: TimeExpression[]): { text: string; end: number } {
    const p = this.rules.patterns;
    let end = this.clauseEnd(text, figure.end);
    if (next && next.start < end) end = next.start;
    let right = squeezeName(removeTimeExpressions(text, figure.end, end, expressions));
    // …金奖4项、银奖2项: a list connector right after the figure starts the next item;
    // …30件提高到2025年的50件: a verb right after it continues the sentence, names nothing.
    if (p.listConnectors.some((c) => right.startsWith(c))) return { text: '', end: figure.end };
    const raw = squeezeName(text.slice(figure.end, end));
    if (p.leadingFillers.some((w) => w.length >= 2 && (right.startsWith(w) || raw.startsWith(w)))) return { text: '', end: figure.end };
    for (const marker of p.attributiveMarkers) {
      if (right.endsWith(marker)) right = right.slice(0, -marker.length);
      const at = right.lastIndexOf(marker);
      if (at >= 0) right = right.slice(at + marker.length);
    }
    const listAt = right.indexOf('、');
    if (listAt >= 0) right = right.slice(0, listAt);
    right = this.stripLeadingFillers(stripTrailing(right, p.listConnectors), []);
    return { text: right, end };
  }

  private stripLeadingFillers(name: string, regionNames: readonly string[]): string {
    const fillers = [...this.rules.patterns.leadingFillers, ...regionNames].sort((a, b) => b.length - a.length);
    let out = name.replace(/^[”"、，,\s]+/, '');
    for (let changed = true; changed && out.length > 0; ) {
      changed = false;
      for (const f of fillers) {
        // A one-character filler (获, 共, 其) goes only when it is a word of its own: 获得, 共享, 其他 stay.
        if (out.startsWith(f) && (f.length > 1 || firstWord(out) === f)) {
          out = out.slice(f.length).replace(/^[”"、\s]+/, '');
          changed = true;
          break;
        }
      }
    }
    return out;
  }

  private stripTrailingFillers(name: string): string {
    const fillers = [...this.rules.patterns.trailingFillers].sort((a, b) => b.length - a.length);
    let out = name;
    for (let changed = true; changed && out.length > 0; ) {
      changed = false;
      for (const f of fillers) {
        // 人均, 主要 keep their last character: a one-character filler goes only as a word of its own.
        if (out.endsWith(f) && out.length > f.length && (f.length > 1 || lastWord(out) === f)) {
          out = out.slice(0, -f.length);
          changed = true;
          break;
        }
      }
    }
    return out;
  }

  /** 全覆盖 and the like: targets without a number. */
  private qualitative(text: string, offset: number, expressions: TimeExpression[], figures: Figure[], input: SentenceInput, doc: DocumentContext): Mention[] {
    const out: Mention[] = [];
    for (const q of this.rules.patterns.qualitative) {
      for (const word of q.words) {
        for (let at = text.indexOf(word, offset); at >= 0; at = text.indexOf(word, at + word.length)) {
          if (figures.some((f) => at < f.end && at + word.length > f.start)) continue;
          const clauseStart = Math.max(offset, this.clauseStart(text, at));
          let name = squeezeName(removeTimeExpressions(text, clauseStart, at, expressions));
          name = this.stripTrailingFillers(this.stripLeadingFillers(name, doc.regionNames));
          name = trimName(name);
          if (name.length < 2) continue;
          const dating = date(text, offset, at, expressions, this.rules, doc, input.sectionKind);
          if (dating.kind !== 'target') continue;
          out.push({
            kind: 'target',
            indicator: name,
            value: null,
            unit: null,
            unitBase: null,
            multiplier: 1,
            comparator: '=',
            year: dating.year,
            qualitative: word,
            start: at - offset,
            end: at + word.length - offset,
            rule: q.id,
            flags: dating.flags,
          });
        }
      }
    }
    return out;
  }
}

/**
 * 2021和2022年…分别达40.8亿元、78.3亿元: a list of figures under one
 * expression naming as many years gets the years in order; a lone figure
 * under a range describes the range's last year.
 */
function distributeYears(reads: Read[]): void {
  let i = 0;
  while (i < reads.length) {
    const years = reads[i]!.dating.years;
    if (!years) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < reads.length && reads[j]!.listContinues && reads[j]!.dating.expression === reads[i]!.dating.expression) j++;
    if (j - i === years.length) {
      for (let k = i; k < j; k++) {
        reads[k]!.mention.year = years[k - i]!;
        delete reads[k]!.mention.period;
      }
    }
    i = j;
  }
}

const firstWords = new Map<string, string>();

/** The first jieba word of a name (cached: names repeat across mentions). */
function firstWord(text: string): string {
  const head = text.slice(0, 6);
  let word = firstWords.get(head);
  if (word === undefined) {
    word = nodejieba.cut(head)[0] ?? '';
    firstWords.set(head, word);
  }
  return word;
}

const lastWords = new Map<string, string>();

function lastWord(text: string): string {
  const tail = text.slice(-6);
  let word = lastWords.get(tail);
  if (word === undefined) {
    word = nodejieba.cut(tail).at(-1) ?? '';
    lastWords.set(tail, word);
  }
  return word;
}

function shiftFigure(f: Figure, by: number): Figure {
  return { ...f, start: f.start + by, numberStart: f.numberStart + by, end: f.end + by };
}
