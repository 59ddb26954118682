/**
 * Targets and actuals stated in running text: each figure of a sentence gets
 * the indicator the clause names, a comparator, a kind and a year.
 */
import * as jieba from '../../text/jieba.js';
import type { Comparator, Flag } from '../../core/state.js';
import { foldWidth } from '../common/text.js';
import type { TimeExpression } from '../common/time-expressions.js';
import { date, type Dating, type DocumentContext, type Kind } from './classify.js';
import type { Figure, FigureFinder } from './figures.js';
import { longestFirst, maskTitles, removeTimeExpressions, stripLeading, stripTrailing, trimName } from './names.js';
import { squeeze as squeezeName } from '../../text/names.js';
import type { QuantityRules } from './rules.js';
import type { Horizon } from './horizon.js';
import { policyParameter } from './policy.js';
import { evaluationStatistic, restatedTarget, targetReference } from './evaluation.js';
import { BoundedCache } from '../../core/bounded-cache.js';

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
  /** The last deadline stated before the sentence in its section (到2026年 heading a 主要目标 section). */
  horizon?: Horizon | null;
  /** The heading of the section the sentence stands in: what 该指标 refers to in a report's per-indicator section. */
  sectionHeading?: string;
}

/** A figure read from prose, with what the 分别 pass needs. */
interface Read {
  mention: Mention;
  /** Joined to the previous figure by nothing but a list connector (…40.8亿元、78.3亿元). */
  listContinues: boolean;
  /** Joined to the figure before it by a list connector, with a name of its own (A 15家、B 120家). */
  listItem?: boolean;
  dating: Dating;
}

export class ProseReader {
  private readonly delimiters: Set<string>;
  private readonly fillersByRegionNames = new WeakMap<readonly string[], readonly string[]>();

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
    const brackets = asides(text);
    // 营业收入5000万元以上的企业, 首次突破100亿元的企业15家: an amount qualifying a noun is part of a name, not a figure.
    const found = this.figures.find(text.slice(offset)).map((f) => shiftFigure(f, offset));
    const figures = found.filter((f, i) => !this.qualifiesNoun(text, f, found[i + 1]));
    const reads: Read[] = [];
    let base: string | null = null;
    let previous: { indicator: string; consumedTo: number } | null = null;
    /** 19项关键指标中: the set later figures in the sentence count members of. */
    let set: { noun: string; unit: string | null } | null = null;
    /** 分别…75%、60%: the indicators the respective figures still to come belong to, and the words they add. */
    let respectiveQueue: string[] = [];
    let respectiveName: string | null = null;

    figures.forEach((figure, i) => {
      // 128TFLOPS（16位浮点）: a figure opening a bracket right after another figure qualifies that one
      // (（2020年为3194.4亿元） is a base value, and stays).
      if (i > 0 && /^\s*[（(]\s*$/.test(text.slice(figures[i - 1]!.end, figure.start))) return;
      const clauseStart = Math.max(offset, this.clauseStart(text, figure.start));
      const prev = i > 0 ? figures[i - 1]! : null;
      const prevInClause = prev !== null && prev.end > clauseStart;
      const leftStart = prevInClause ? Math.max(prev.end, previous?.consumedTo ?? 0) : clauseStart;
      const clause = text.slice(clauseStart, figure.start);
      const { leftRaw, left, listContinues, relativeRaw, relativeWord, enumeration } = this.leftOf(
        text,
        Math.min(leftStart, figure.start),
        figure.start,
        prevInClause,
        expressions,
        doc,
      );
      const rightSpan = this.rightOf(text, figure, figures[i + 1], expressions);
      let right = rightSpan.text;
      if (right !== '' && p.skipContexts.some((w) => clause.includes(w))) return;
      if (right !== '' && p.scopeLeadIns.some((w) => squeezeName(text.slice(clauseStart, figure.start)).endsWith(w))) return;
      if (right !== '' && p.structureNouns.some((w) => structureCount(right, w))) return;
      if (evaluationStatistic(text, offset, clauseStart, this.clauseEnd(text, figure.end), figure, this.rules)) return;

      // 累计获得中国专利奖47个、省级专利奖27个: a list shares its 累计.
      const listItem = prevInClause && p.listConnectors.some((c) => squeezeName(leftRaw).startsWith(c));
      const cumulative =
        p.cumulativeWords.some((w) => leftRaw.includes(w) || figure.comparatorWord.includes(w)) ||
        (listItem && reads[reads.length - 1]?.mention.cumulative === true);
      // 每年1000个 is a yearly amount; 年均增长10% is a rate, not a yearly amount.
      // 每年培训…两千人次，组织…五百人次: 每年 leading a sentence makes every amount in it yearly.
      const sentenceHead = text.slice(offset, clauseStart);
      const opensSentence = (w: string) => {
        const at = sentenceHead.indexOf(w);
        return at >= 0 && this.stripLeadingFillers(sentenceHead.slice(0, at), doc.regionNames) === '' && !/[；;]/.test(sentenceHead);
      };
      // 每年新培育瞪羚企业400家、独角兽企业3家左右: 每年 governs its whole clause, list items included.
      const perYear =
        figure.unitBase !== '%' &&
        (p.perYearWords.some((w) => leftRaw.includes(w)) ||
          (!cumulative && (p.perYearSentenceWords.some(opensSentence) || p.perYearSentenceWords.some((w) => clause.includes(w)))));
      const leftIsVerb = p.keepVerbs.includes(left);
      let consumedTo = figure.end;

      let indicator: string;
      // …占GDP比重达到10.5%，较2020年提高1.8个百分点: a change in points is the change of the share just before it.
      const lastRead = reads[reads.length - 1]?.mention;
      const pointsOf = figure.unitBase === 'percentage-point' && lastRead?.unitBase === '%' && !lastRead.indicator.endsWith('率') ? lastRead.indicator : null;
      // 培育A 15家、B 120家，分别完成规划目标的75%、60%: respective figures go to the list before them, in order.
      const respective = relativeWord && /^\s*分别/u.test(squeezeName(leftRaw).replace(/^[，,、]/u, '')) ? listBefore(reads, figure.unitBase) : null;
      if (respective) respectiveQueue = respective;
      if (relativeWord && (respective || pointsOf || base)) {
        const name = relativeRaw.startsWith(relativeWord) ? this.stripTrailingFillers(relativeRaw) : left;
        const rate = figure.unitBase === '%' && p.growthWords.some((w) => name.endsWith(w)) ? '率' : '';
        indicator = (respective ? respectiveQueue.shift()! : (pointsOf ?? base!)) + name + rate;
        respectiveName = respective ? name + rate : null;
      } else if (left === '' && right === '') {
        if (listContinues && respectiveName !== null && respectiveQueue.length > 0) indicator = respectiveQueue.shift()! + respectiveName;
        else if (listContinues && previous) indicator = previous.indicator;
        else if (base) indicator = base;
        else {
          const members = set && set.unit === figure.unit ? this.membersOf(text, figure, set.noun) : null;
          const subject =
            members ?? this.labelBefore(text, offset, clauseStart, expressions, doc) ?? this.subjectBefore(text, offset, clauseStart, expressions, doc);
          if (!subject) return;
          indicator = subject;
        }
      } else if (leftIsVerb && right === '') {
        indicator = base && base.includes(left) ? base : left;
      } else {
        const before = text.slice(prevInClause ? prev.end : clauseStart, figure.start);
        indicator =
          (left === '' && this.locative(before, doc) && this.placeAndPredicate(text, figure, figures, right)) || this.objectOf(left, right) || left + right;
        if (right) consumedTo = rightSpan.end;
        right = '';
      }
      indicator = this.resolveAnaphora(trimName(indicator), input.sectionHeading);
      // 距2025年达到55%的目标: the plan's target for what the sentence reports on, whatever the words before it.
      const reference = targetReference(text, clauseStart, figure, this.rules);
      if (reference?.name) indicator = trimName(reference.name);
      else if (reference && base && p.evaluation.targetNouns.some((w) => indicator.includes(w))) indicator = base;
      // 新增服务机构42家，总数达到315家: a bare total counts what the sentence's previous figure counted.
      const aggregate = p.aggregateNames.find((w) => indicator === w);
      if (aggregate && previous) indicator = stripLeading(previous.indicator, p.flowWords) + aggregate;
      if (indicator.length === 0) return;
      const marker = p.setMarkers.find((w) => indicator.endsWith(w));
      if (marker) {
        // 规划确定的19项主要指标中: the set is the counted noun, not the words qualifying it.
        const whole = indicator.slice(0, -marker.length);
        const noun = left && whole.startsWith(left) && whole.length - left.length >= 2 ? whole.slice(left.length) : whole;
        set = { noun, unit: figure.unit };
        return;
      }
      // …中，5项指标提前完成预期目标: a member count is named by what its members did.
      if (set && set.unit === figure.unit && left === '') {
        const members = this.membersOf(text, figure, set.noun);
        if (members) indicator = members;
      }
      if (!relativeWord && !(listContinues && previous && indicator === previous.indicator)) base = indicator;
      previous = { indicator, consumedTo };

      // The number, not the verb: 提高到2025年的12件 is dated by the 2025年 between them.
      let dating = date(
        text,
        offset,
        figure.numberStart,
        expressionsFor(expressions, brackets, figure.numberStart),
        this.rules,
        doc,
        input.sectionKind,
        input.horizon ?? null,
      );
      if (reference && dating.kind !== 'target') dating = restatedTarget(doc, input.horizon ?? null);
      if (dating.kind === 'target' && enumeration) return;
      if (dating.kind === 'target' && policyParameter(text, clauseStart, this.clauseEnd(text, figure.end), figure, this.rules)) return;
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
        comparator: listed ? listed.mention.comparator : dating.kind === 'actual' ? figure.achievedComparator : figure.comparator,
        year: dating.year,
        ...(dating.period ? { period: dating.period } : {}),
        ...(cumulative ? { cumulative: true } : {}),
        ...(perYear ? { perYear: true } : {}),
        start: figure.numberStart - offset,
        end: figure.end - offset,
        rule: dating.basis,
        flags: figure.unitFromNoun
          ? [
              ...dating.flags,
              { kind: 'unit-from-noun', reason: `no measure word is written; ${figure.unitBase} is taken from '${figure.unitFromNoun}' in the name` },
            ]
          : dating.flags,
      };
      reads.push({ mention, listContinues, listItem, dating });
    });

    distributeYears(reads);
    const qualitative = this.qualitative(text, offset, expressions, figures, input, doc);
    const standings = this.standings(text, offset, expressions, input, doc);
    return [...reads.map((r) => r.mention), ...qualitative, ...standings];
  }

  /**
   * （一）普通国省道二级及以上公路比例。…2023年该指标仅提高0.9个百分点: a report's
   * section on one indicator refers to it as 该指标; the heading names it.
   */
  private resolveAnaphora(indicator: string, heading: string | undefined): string {
    const word = this.rules.patterns.anaphora.find((w) => indicator.startsWith(w));
    if (!word || !heading) return indicator;
    const subject = squeezeName(heading).replace(/[。．.：:]+$/u, '');
    if (subject.length < 2 || subject.length > 30 || /[，,；;。]/u.test(subject)) return indicator;
    return subject + indicator.slice(word.length);
  }

  /**
   * An amount that qualifies the noun after it is part of a name: 营业收入5000万元以上的企业,
   * and a class of things written with a bare magnitude (超千亿元产业集群达到12个, 百亿元企业10家),
   * where the noun follows at once and the clause goes on to count it.
   */
  private qualifiesNoun(text: string, figure: Figure, next: Figure | undefined): boolean {
    if (figure.unitBase === null || !this.rules.patterns.qualifyingUnits.includes(figure.unitBase)) return false;
    const after = text.slice(figure.end);
    if (/^\s*的/.test(after)) return true;
    const bareMagnitude = figure.chinese && !/\d/.test(text.slice(figure.numberStart, figure.end));
    return bareMagnitude && /^[\u4e00-\u9fff]/u.test(after) && next !== undefined && next.start < this.clauseEnd(text, figure.end);
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
    // 仅为35%: a name that is only a filler names nothing; the clause before names the figure.
    if (p.growthWords.includes(left) || p.trailingFillers.includes(left)) left = '';
    return { leftRaw, left, listContinues, relativeRaw, relativeWord, enumeration };
  }

  /**
   * 打造10个以上人工智能产业集聚区, 研制并获批3—5种新食品原料: in a
   * verb–number–measure–object goal the object names the figure; the verbs
   * and the words before them go, except a 新 that makes it a flow (新建,
   * 新引育, 新增 stay). Null when the words before the figure end in no action verb.
   */
  private objectOf(left: string, right: string): string | null {
    if (right === '') return null;
    const p = this.rules.patterns;
    const verbs = longestFirst([...p.actionVerbs, ...p.verbJoiners]);
    let rest = left;
    let chain = '';
    let verb = false;
    for (let changed = true; changed;) {
      changed = false;
      for (const v of verbs) {
        if (rest.endsWith(v)) {
          chain = v + chain;
          rest = rest.slice(0, -v.length);
          verb ||= p.actionVerbs.includes(v);
          changed = true;
          break;
        }
      }
    }
    if (!verb || p.verbJoiners.some((j) => chain.endsWith(j))) return null;
    const flow = p.flowPrefixes.find((f) => chain.startsWith(f) || rest.endsWith(f));
    if (flow && !chain.startsWith(flow)) chain = flow + chain;
    return trimName(flow ? chain + right : right);
  }

  /** The clause after a member count, the set's head noun dropped, then the set: 提前完成预期目标的关键指标. */
  private membersOf(text: string, figure: Figure, setNoun: string): string | null {
    let predicate = squeezeName(text.slice(figure.end, this.clauseEnd(text, figure.end)));
    const head = jieba.cut(setNoun).at(-1) ?? setNoun;
    if (predicate.startsWith(setNoun)) predicate = predicate.slice(setNoun.length);
    else if (predicate.startsWith(head)) predicate = predicate.slice(head.length);
    predicate = trimName(predicate);
    return predicate.length >= 2 && setNoun.length >= 2 ? `${predicate}的${setNoun}` : null;
  }

  /** 在全市15个园区…: the figure-first phrase follows a locative marker (places and fillers between are skipped). */
  private locative(leftRaw: string, doc: DocumentContext): boolean {
    let out = squeezeName(leftRaw);
    for (let changed = true; changed;) {
      changed = false;
      for (const w of this.leadingFillersWith(doc.regionNames)) {
        if (w.length >= 2 && out.length > w.length && out.endsWith(w)) {
          out = out.slice(0, -w.length);
          changed = true;
        }
      }
    }
    return this.rules.patterns.locativeMarkers.some((m) => out.endsWith(m));
  }

  /**
   * 在全市15个园区建设18个专利导航实验区: 15 counts the places where the
   * clause's action happens, named as "建设专利导航实验区的园区" (the
   * predicate, figures dropped, then the place noun). Null unless the words
   * after the figure are a noun and then a verb.
   */
  private placeAndPredicate(text: string, figure: Figure, figures: Figure[], right: string): string | null {
    const words = jieba.tag(right);
    const verbAt = words.findIndex((w) => w.tag.startsWith('v'));
    if (verbAt <= 0 || !words.slice(0, verbAt).every((w) => w.tag.startsWith('n'))) return null;
    const noun = words
      .slice(0, verbAt)
      .map((w) => w.word)
      .join('');
    const end = this.clauseEnd(text, figure.end);
    let predicate = '';
    let pos = figure.end;
    for (const f of figures) {
      if (f.numberStart < pos || f.numberStart >= end) continue;
      predicate += text.slice(pos, f.start);
      pos = f.end;
    }
    predicate = squeezeName(predicate + text.slice(pos, end));
    if (!predicate.startsWith(noun)) return null;
    predicate = predicate.slice(noun.length);
    return predicate.length > 0 ? `${predicate}的${noun}` : null;
  }

  /** 1．技术合同成交额：2500亿元 (专栏 lists, 目标值 lines): the label before the colon names the figure. */
  private labelBefore(text: string, offset: number, clauseStart: number, expressions: TimeExpression[], doc: DocumentContext): string | null {
    if (clauseStart - 1 < offset || !/[：:]/.test(text[clauseStart - 1] ?? '')) return null;
    const start = Math.max(offset, this.clauseStart(text, clauseStart - 1));
    let name = squeezeName(removeTimeExpressions(text, start, clauseStart - 1, expressions));
    name = name.replace(/^(?:\d{1,2}[.．、]|[（(][\d一二三四五六七八九十]{1,3}[）)]|[①-⑳]|[一二三四五六七八九十]{1,3}[、.．])/, '');
    name = trimName(this.stripTrailingFillers(this.stripLeadingFillers(name, doc.regionNames)));
    return name.length >= 2 ? name : null;
  }

  /** 企业专利授权占比继续提升，达到73%: the figure's indicator is the earlier clause's subject. */
  private subjectBefore(text: string, offset: number, clauseStart: number, expressions: TimeExpression[], doc: DocumentContext): string | null {
    if (clauseStart - 1 <= offset) return null;
    const start = Math.max(offset, this.clauseStart(text, clauseStart - 1));
    let name = squeezeName(removeTimeExpressions(text, start, clauseStart - 1, expressions));
    name = this.stripLeadingFillers(name, doc.regionNames);
    const trend = longestFirst(this.rules.patterns.trendWords).find((w) => name.endsWith(w));
    // 网络零售市场规模连续9年居于世界首位，从2012年的…: a standing, like a trend, names its subject.
    const standing = trend ? null : this.standingAtEnd(name);
    if (!trend && standing === null) return null;
    name = trimName(this.stripTrailingFillers(name.slice(0, trend ? -trend.length : standing!)));
    return name.length >= 2 ? name : null;
  }

  /** Where a standing (居世界首位) closing `name` starts, or null. */
  private standingAtEnd(name: string): number | null {
    const standings = this.rules.patterns.standings;
    if (!standings) return null;
    const regex = standingRegex(standings);
    regex.lastIndex = 0;
    for (let m = regex.exec(name); m; m = regex.exec(name)) if (m.index + m[0].length === name.length) return m.index;
    return null;
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
    if (next && next.start < end) {
      end = next.start;
      // 110家示范工厂的生产效率平均提升32%: what follows 的 names the next figure; the figure counts the noun before it.
      const de = text.slice(figure.end, end).indexOf('的');
      if (de > 0 && p.attributiveMarkers.includes('的')) end = figure.end + de;
    }
    // …亿元（2020年为3194.4亿元）: the bracket closing an aside names nothing.
    // 14EFlops（每秒百亿亿次浮点运算）: a bracket opening right after the figure explains its unit, and names nothing.
    let right = squeezeName(removeTimeExpressions(text, figure.end, end, expressions))
      .replace(/^[）)]+/, '')
      .replace(/^[（(][^（）()]*[）)]/, '');
    // …金奖4项、银奖2项: a list connector right after the figure starts the next item;
    // …30件提高到2025年的50件: a verb right after it continues the sentence, names nothing.
    if (p.listConnectors.some((c) => right.startsWith(c))) return { text: '', end: figure.end };
    const raw = squeezeName(text.slice(figure.end, end));
    // 500个左右全国领先的…场景: a place word (全国) starts the noun; only a filler verb continues the sentence.
    const continues = (w: string) => w.length >= 2 && !p.placeWords.includes(w) && (right.startsWith(w) || raw.startsWith(w));
    if (p.leadingFillers.some(continues)) return { text: '', end: figure.end };
    for (const marker of p.attributiveMarkers) {
      if (right.endsWith(marker)) right = right.slice(0, -marker.length);
      const at = right.lastIndexOf(marker);
      if (at >= 0) right = right.slice(at + marker.length);
    }
    // 培育10个左右工业互联网平台、解决方案服务商: one figure counts the whole list;
    // 累计建设34条跨境陆缆和多条国际海缆: a list item with a count of its own is not counted by this figure.
    const listAt = countedItemAt(right, p.listConnectors, p.countWords);
    if (listAt >= 0) right = right.slice(0, listAt);
    right = this.stripLeadingFillers(stripTrailing(right, p.listConnectors), []);
    return { text: right, end };
  }

  /** The leading fillers and the document's own region names, longest first (sorted once per document). */
  private leadingFillersWith(regionNames: readonly string[]): readonly string[] {
    if (regionNames.length === 0) return longestFirst(this.rules.patterns.leadingFillers);
    let fillers = this.fillersByRegionNames.get(regionNames);
    if (!fillers) {
      fillers = [...this.rules.patterns.leadingFillers, ...regionNames].sort((a, b) => b.length - a.length);
      this.fillersByRegionNames.set(regionNames, fillers);
    }
    return fillers;
  }

  private stripLeadingFillers(name: string, regionNames: readonly string[]): string {
    const fillers = this.leadingFillersWith(regionNames);
    let out = name.replace(/^[”"、，,\s]+/, '');
    for (let changed = true; changed && out.length > 0;) {
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
    const fillers = longestFirst(this.rules.patterns.trailingFillers);
    let out = name;
    for (let changed = true; changed && out.length > 0;) {
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

  /** 金额比2020年翻一番: the name ends where the comparison with a base year starts. */
  private beforeComparison(text: string, start: number, end: number, expressions: TimeExpression[]): number {
    const comparison = expressions.find((e) => e.comparison && e.start >= start && e.end <= end);
    if (!comparison) return end;
    const marker = longestFirst(this.rules.times.file.comparisonMarkers).find((m) => text.slice(0, comparison.start).trimEnd().endsWith(m));
    return marker ? text.slice(0, comparison.start).trimEnd().length - marker.length : comparison.start;
  }

  /**
   * 居世界首位, 连续13年位居全球第一: a standing, recorded without a figure.
   * What stands there is the clause's subject; the name says in which ranking.
   */
  private standings(text: string, offset: number, expressions: TimeExpression[], input: SentenceInput, doc: DocumentContext): Mention[] {
    const standings = this.rules.patterns.standings;
    if (!standings) return [];
    const out: Mention[] = [];
    const found: { at: number; phrase: string; scope: string; name: string }[] = [];
    const regex = standingRegex(standings);
    regex.lastIndex = offset;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const clauseStart = Math.max(offset, this.clauseStart(text, m.index));
      const name = squeezeName(removeTimeExpressions(text, clauseStart, m.index, expressions));
      found.push({ at: m.index, phrase: m[0], scope: m[1]!, name: trimName(this.stripTrailingFillers(this.stripLeadingFillers(name, doc.regionNames))) });
    }
    const largest = largestRegex(standings);
    if (largest) {
      largest.lastIndex = offset;
      for (let m = largest.exec(text); m; m = largest.exec(text)) found.push({ at: m.index, phrase: m[0], scope: m[1]!, name: trimName(m[2]!) });
    }
    for (const { at, phrase, scope, name } of found) {
      if (insideQuotes(text, at)) continue;
      if (name.length < 2) continue;
      const dating = date(text, offset, at, expressions, this.rules, doc, input.sectionKind, input.horizon ?? null);
      let { year, flags } = dating;
      if (dating.kind === 'actual') {
        // A standing holds over a stretch of time: it is dated by the latest year its own sentence
        // speaks of (连续9年居于世界首位，从2012年的…增长到2021年的… → 2021), else by the document's own year.
        const own = expressions
          .filter((e) => e.start >= offset && !e.comparison && e.year !== undefined && (doc.referenceYear === null || e.year <= doc.referenceYear))
          .map((e) => e.year!);
        if (own.length > 0) year = Math.max(...own);
        else if (doc.referenceYear !== null) {
          year = doc.referenceYear;
          flags = [...flags, { kind: 'year-defaulted', reason: "the standing's sentence names no year: the document's own year is taken" }];
        }
      }
      // 连续9年居于世界首位 in 2021: the standing held over 2013–2021.
      const run = /连续(\d{1,2})年/.exec(phrase);
      const held = run && year !== null && Number(run[1]) > 1 ? { period: [year - Number(run[1]) + 1, year] as [number, number] } : {};
      out.push({
        kind: dating.kind,
        indicator: name + standings.scopes[scope]! + standings.nameSuffix,
        ...held,
        value: null,
        unit: null,
        unitBase: null,
        multiplier: 1,
        comparator: '=',
        year,
        qualitative: phrase,
        start: at - offset,
        end: at + phrase.length - offset,
        rule: 'quantity.standing',
        flags,
      });
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
          // “三个翻番”: a quoted slogan, not a target.
          if (insideQuotes(text, at)) continue;
          // 全覆盖的感知体系 describes a system; 由制度全覆盖到法定人群全覆盖 starts from it: neither sets the level.
          if (/^\s*[的到]/.test(text.slice(at + word.length))) continue;
          const clauseStart = Math.max(offset, this.clauseStart(text, at));
          let name = squeezeName(removeTimeExpressions(text, clauseStart, this.beforeComparison(text, clauseStart, at, expressions), expressions));
          name = this.stripTrailingFillers(this.stripLeadingFillers(name, doc.regionNames));
          name = trimName(name);
          if (name.length < 2) continue;
          const dating = date(text, offset, at, expressions, this.rules, doc, input.sectionKind, input.horizon ?? null);
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

/** 连续9年居于世界首位: the regex of rules/quantity-patterns.yaml standings, built once per rule set. */
const standingRegexes = new WeakMap<object, RegExp>();
function standingRegex(standings: NonNullable<QuantityRules['patterns']['standings']>): RegExp {
  let regex = standingRegexes.get(standings);
  if (!regex) {
    const alt = (words: string[]) =>
      [...words]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegex)
        .join('|');
    regex = new RegExp(
      `(?:${standings.runPattern})?(?:${alt(standings.verbs)})(${alt(Object.keys(standings.scopes))})(?:${alt(standings.places)})(?![一二三四五六七八九十0-9大])位?`,
      'gu',
    );
    standingRegexes.set(standings, regex);
  }
  return regex;
}

/** 全球第二大商品消费市场: scope, 第N, the marker 大 and the ranked noun up to the clause end (第二大经济体的市场 is a modifier, not a standing). */
const largestRegexes = new WeakMap<object, RegExp>();
function largestRegex(standings: NonNullable<QuantityRules['patterns']['standings']>): RegExp | null {
  if (!standings.largestMarker) return null;
  let regex = largestRegexes.get(standings);
  if (!regex) {
    const alt = (words: string[]) =>
      [...words]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegex)
        .join('|');
    const ordinals = standings.places.filter((p) => p.startsWith('第'));
    regex = new RegExp(
      `(${alt(Object.keys(standings.scopes))})(?:${alt(ordinals)})${escapeRegex(standings.largestMarker)}((?:(?!的)[\\u4e00-\\u9fff]){2,10})(?=[，。；、,;]|$)`,
      'gu',
    );
    largestRegexes.set(standings, regex);
  }
  return regex;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * 2021和2022年…分别达40.8亿元、78.3亿元: a list of figures under one
 * expression naming as many years gets the years in order; a lone figure
 * under a range describes the range's last year.
 */
/**
 * The list a 分别 figure answers: the figures of one unit read just before it
 * (A 15家、B 120家), when there are two or more; null otherwise.
 */
function listBefore(reads: Read[], unitBase: string | null): string[] | null {
  const list: string[] = [];
  for (let k = reads.length - 1; k >= 0; k--) {
    const r = reads[k]!;
    if (r.mention.unitBase === unitBase) break;
    list.unshift(r.mention.indicator);
    if (!r.listContinues && !r.listItem) break;
  }
  return list.length >= 2 ? list : null;
}

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

const firstWords = new BoundedCache<string, string>(20_000);

/** The first jieba word of a name (cached: names repeat across mentions). */
function firstWord(text: string): string {
  const head = text.slice(0, 6);
  let word = firstWords.get(head);
  if (word === undefined) {
    word = jieba.cut(head)[0] ?? '';
    firstWords.set(head, word);
  }
  return word;
}

const lastWords = new BoundedCache<string, string>(20_000);

function lastWord(text: string): string {
  const tail = text.slice(-6);
  let word = lastWords.get(tail);
  if (word === undefined) {
    word = jieba.cut(tail).at(-1) ?? '';
    lastWords.set(tail, word);
  }
  return word;
}

function shiftFigure(f: Figure, by: number): Figure {
  return { ...f, start: f.start + by, numberStart: f.numberStart + by, end: f.end + by };
}

/**
 * 实施10项重点工程, 从5个方面推进…: the figure counts parts of the plan when
 * its noun ends in a structure noun, or one stands near the noun's start and
 * a verb follows it. 10家信息领域省级重点实验室 counts laboratories.
 */
function structureCount(right: string, noun: string): boolean {
  if (right.endsWith(noun)) return true;
  const at = right.slice(0, noun.length + 2).indexOf(noun);
  if (at < 0) return false;
  const rest = right.slice(at + noun.length);
  if (rest === '') return true;
  const next = jieba.tag(rest.slice(0, 8))[0];
  return !next || !next.tag.startsWith('n');
}

/** Where a list item counted by its own words (和多条…, 、一批…) starts, outside brackets; -1 when none. */
function countedItemAt(text: string, connectors: readonly string[], countWords: readonly string[]): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if (depth === 0) {
      const connector = connectors.find((c) => text.startsWith(c, i));
      if (connector && countWords.some((w) => text.startsWith(w, i + connector.length))) return i;
    }
  }
  return -1;
}

/** Offsets of bracketed asides （2020年为3194.4亿元）. */
function asides(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[（(][^（）()]{0,60}[）)]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** A date inside a bracketed aside dates only what is inside it. */
function expressionsFor(expressions: TimeExpression[], brackets: Array<[number, number]>, pos: number): TimeExpression[] {
  if (brackets.length === 0) return expressions;
  return expressions.filter((e) => !brackets.some(([s, end]) => e.start > s && e.end < end && end <= pos));
}

function insideQuotes(text: string, pos: number): boolean {
  const open = text.lastIndexOf('“', pos);
  return open >= 0 && text.lastIndexOf('”', pos) < open && text.indexOf('”', pos) >= 0;
}
