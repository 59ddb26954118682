/**
 * extract-quantities: targets and achieved values with their indicator,
 * comparator, unit, year and provenance, read from sentences and indicator
 * tables; linked to the canonical indicator list; one fact per indicator,
 * year and kind marked.
 */
import { z } from 'zod';
import { type Stage } from '../../core/stage.js';
import { DocumentError } from '../../core/errors.js';
import type { DocumentState, Flag, QuantityRecord, Sentence } from '../../core/state.js';
import type { RuleSet } from '../../rules/index.js';
import { documentContext, sectionKindOf } from './context.js';
import { markFacts } from './facts.js';
import { qualifyBySection } from './siblings.js';
import { FigureFinder } from './figures.js';
import { IndicatorLinker } from './link.js';
import { ProseReader, type Mention } from './prose.js';
import { loadQuantityRules, type QuantityRules } from './rules.js';
import { TableReader } from './tables.js';

const ExtractQuantitiesOptions = z
  .object({
    /** Read indicator tables (off to see what prose alone yields). */
    tables: z.boolean().default(true),
  })
  .strict();

export type ExtractQuantitiesOptions = z.infer<typeof ExtractQuantitiesOptions>;

interface Engine {
  rules: QuantityRules;
  prose: ProseReader;
  tables: TableReader;
  linker: IndicatorLinker;
}

const engines = new WeakMap<RuleSet, Engine>();

function engineFor(ruleSet: RuleSet): Engine {
  let engine = engines.get(ruleSet);
  if (!engine) {
    const rules = loadQuantityRules(ruleSet);
    const figures = new FigureFinder(rules);
    engine = { rules, prose: new ProseReader(rules, figures), tables: new TableReader(rules, figures), linker: new IndicatorLinker(rules.indicators) };
    engines.set(ruleSet, engine);
  }
  return engine;
}

export const extractQuantitiesStage: Stage<typeof ExtractQuantitiesOptions> = {
  name: 'extract-quantities',
  description: 'Targets and achieved values (indicator, value, unit, comparator, year) from sentences and indicator tables',
  options: ExtractQuantitiesOptions,
  requires: ['normalised', 'structure', 'segments'],
  provides: ['quantities'],
  run(state, options, context) {
    if (!state.normalised || !state.structure || !state.segments) {
      throw new DocumentError('no-segments', 'extract-quantities needs the normalise, structure and segment stages to run first');
    }
    return { ...state, quantities: extractQuantities(state, engineFor(context.rules), options) };
  },
};

export function extractQuantities(state: DocumentState, engine: Engine, options: ExtractQuantitiesOptions): QuantityRecord[] {
  const text = state.normalised!.text;
  const structure = state.structure!;
  const sentences = state.segments!.sentences;
  const doc = documentContext(state, engine.rules);
  const records: QuantityRecord[] = [];

  for (const sentence of sentences) {
    if (sentence.cell) continue;
    const lineStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
    const context = lineStart < sentence.start ? text.slice(lineStart, sentence.start) : '';
    const sectionKind = sectionKindOf(sentence, structure, engine.rules);
    const horizon = doc.horizons.sectionHorizon(sentence.start, sentence.sectionPath);
    const sectionHeading = structure.sections.find((s) => s.path === sentence.sectionPath)?.heading;
    for (const m of engine.prose.read({ text: sentence.text, context, sectionKind, horizon, ...(sectionHeading ? { sectionHeading } : {}) }, doc)) {
      records.push(toRecord(m, sentence, sentence.start + m.start, sentence.start + m.end, engine, undefined));
    }
  }

  if (options.tables) {
    const byCell = new Map<string, Sentence>();
    for (const s of sentences) if (s.cell) byCell.set(`${s.cell.table}/${s.cell.row}/${s.cell.col}`, s);
    for (const table of structure.tables) {
      for (const m of engine.tables.read(table, doc)) {
        const sentence =
          byCell.get(`${m.cell.table}/${m.cell.row}/${m.cell.col}`) ?? sentences.find((s) => s.start <= m.cellStart && m.cellStart < s.end) ?? null;
        const provenanceSentence: Sentence = sentence ?? {
          index: -1,
          text: text.slice(m.cellStart, m.cellEnd),
          start: m.cellStart,
          end: m.cellEnd,
          sectionPath: table.sectionPath,
          ...(table.page !== undefined ? { page: table.page } : {}),
        };
        records.push(toRecord(m, provenanceSentence, m.cellStart + m.start, m.cellStart + m.end, engine, m.cell));
      }
    }
  }

  records.sort((a, b) => a.provenance.start - b.provenance.start);
  // A name the linker was unsure of, or one a section qualified, groups by the name itself;
  // a linked one by its indicator and scope (中国算谷 and 天空之城 each have their own 场景对接活动).
  const keyOf = (r: QuantityRecord) =>
    r.indicatorId && r.flags.every((f) => f.kind !== 'linked-by-similarity' && f.kind !== 'qualified-by-section')
      ? `${r.indicatorId}\u0000${r.scope ?? ''}`
      : engine.linker.normalise(r.indicator);
  qualifyBySection(records, structure.sections, keyOf, structure.boxes);
  markFacts(records, keyOf);
  return records;
}

function toRecord(
  m: Mention,
  sentence: Sentence,
  start: number,
  end: number,
  engine: Engine,
  cell: { table: number; row: number; col: number } | undefined,
): QuantityRecord {
  const flags: Flag[] = [...m.flags];
  const link = engine.linker.link(m.indicator, m.unitBase);
  if (!link.id) {
    flags.push({
      kind: 'unlinked-indicator',
      reason: `'${m.indicator}' matches no indicator in the catalogue (rules/indicators/) (best similarity ${link.score.toFixed(2)})`,
    });
  } else if (link.method === 'similar') {
    flags.push({
      kind: 'linked-by-similarity',
      reason: `'${m.indicator}' was linked to ${link.id} by similarity ${link.score.toFixed(2)}, not by a listed name`,
    });
  }
  const { verb, measureKind, scope } = link.name;
  if (link.id && scope) {
    flags.push({ kind: 'scoped-indicator', reason: `'${scope}' before the verb ${verb} is read as the figure's scope, not part of the indicator ${link.id}` });
  }
  const valueBase = m.value === null ? null : Number((m.value * m.multiplier).toPrecision(12));
  let unitBase = m.unit === null ? null : m.unitBase || null;
  if (m.unit !== null && unitBase === null && link.id) {
    // A bare magnitude (融资>200亿) counts in the indicator's own unit: 亿 of 元.
    unitBase = engine.linker.baseUnitOf(link.id);
    if (unitBase) flags.push({ kind: 'unit-from-indicator', reason: `'${m.unit}' names no unit; ${unitBase} is taken from the indicator ${link.id}` });
  }
  if (m.value !== null && m.unit === null && !flags.some((f) => f.kind === 'missing-unit')) {
    flags.push({ kind: 'missing-unit', reason: 'the figure is written without a unit' });
  }
  if (valueBase !== null) flags.push(...magnitudeFlags(m, valueBase, engine.rules));
  const record: QuantityRecord = {
    kind: m.kind,
    indicator: m.indicator,
    indicatorId: link.id,
    ...(verb ? { measureVerb: verb } : {}),
    ...(measureKind ? { measureKind } : {}),
    ...(scope ? { scope } : {}),
    value: m.value,
    ...(m.valueMax !== undefined ? { valueMax: m.valueMax } : {}),
    unit: m.unit,
    comparator: m.value === null && !m.qualitative ? null : m.comparator,
    year: m.year,
    ...(m.period ? { period: m.period } : {}),
    ...(m.cumulative ? { cumulative: true } : {}),
    ...(m.perYear ? { perYear: true } : {}),
    ...(m.qualitative ? { qualitative: m.qualitative } : {}),
    ...(m.status ? { status: m.status } : {}),
    valueBase,
    unitBase,
    isFact: false,
    flags,
    provenance: {
      sectionPath: sentence.sectionPath,
      page: sentence.page ?? null,
      start,
      end,
      sentence: sentence.text,
      sentenceIndex: sentence.index,
      ...(cell ? { cell } : {}),
      rule: m.rule,
    },
  };
  return record;
}

function magnitudeFlags(m: Mention, valueBase: number, rules: QuantityRules): Flag[] {
  const flags: Flag[] = [];
  if (m.unitBase === '%' && (m.value ?? 0) > 100) {
    flags.push({ kind: 'unlikely-magnitude', reason: `a percentage above 100 (${m.value}%) is unusual for ${m.indicator}` });
  }
  if (rules.patterns.perCapitaPrefixes.some((p) => m.indicator.startsWith(p)) && valueBase >= 1e6) {
    flags.push({ kind: 'unlikely-magnitude', reason: `${m.indicator} is a per-capita ratio; ${valueBase} is in the millions` });
  }
  return flags;
}
