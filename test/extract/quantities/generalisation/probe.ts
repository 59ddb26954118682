/**
 * The style-variety probe: short passages written the way other plans state
 * targets and achievements (provinces, counties, national plans, 科技/数字经济/
 * 生态/教育 topics, 主要指标 tables, evaluations), each wrapped in a small
 * plan document and read by the real pipeline (txt → ingest → normalise →
 * structure → segment → extract-quantities). What the pipeline reports as
 * facts is scored against the case's expected records with the evaluator's
 * own matching (FORMAT.md), so the probe measures what the project is scored
 * on.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Comparator } from '../../../../src/core/state.js';
import type { GoldFile, GoldQuantity } from '../../../../src/gold/schema.js';
import { scoreDocument } from '../../../../src/eval/score.js';
import { toGold } from '../../../../src/gold/to-gold.js';
import { docx } from './docx.js';
import { runFile } from '../../../support/pipeline.js';

/** The document a passage is read in: its title sets the period and the type. */
export type DocKind = 'province-plan' | 'county-plan' | 'national-plan' | 'work-plan' | 'evaluation' | 'action-plan' | 'measures' | 'report';

const TITLES: Record<DocKind, string> = {
  'province-plan': '浙江省“十四五”科技创新发展规划',
  'county-plan': '湖州市长兴县“十四五”数字经济发展规划',
  'national-plan': '“十四五”国家知识产权保护和运用规划',
  'work-plan': '苏州市知识产权强市建设三年行动计划（2023—2025年）',
  evaluation: '江西省“十四五”知识产权发展规划实施情况中期评估报告',
  // Real action plans and policy measures often state no period: only deadlines (到2027年) in the text.
  'action-plan': '关于加快推进人工智能产业创新发展的行动计划',
  measures: '关于进一步支持科技创新的若干政策措施',
  // A progress report delivered to a people's congress: no period, figures of the past.
  report: '关于全市数字经济发展情况的报告\n市人民代表大会常务委员会：\n受市人民政府委托，现将全市数字经济发展情况报告如下。',
};

export interface Expected {
  indicator: string;
  value: number | null;
  unit: string | null;
  comparator?: Comparator;
  year: number | null;
  value_max?: number;
  cumulative?: boolean;
  per_year?: boolean;
  period?: [number, number];
  qualitative?: string;
}

export interface ProbeCase {
  id: string;
  /** The writing style the case stands for (the figures are reported per style). */
  style: string;
  doc: DocKind;
  /** The heading the passage sits under (三、发展目标 frames targets). */
  heading?: string;
  text: string;
  targets?: Expected[];
  actuals?: Expected[];
}

/** q('指标', 12, '件', '>=', 2025, { cumulative: true }): one expected target or actual. */
export function q(
  indicator: string,
  value: number | null,
  unit: string | null,
  comparator: Comparator | undefined,
  year: number | null,
  extra: Partial<Expected> = {},
): Expected {
  return { indicator, value, unit, ...(comparator ? { comparator } : {}), year, ...extra };
}

const NUMERALS = '一二三四五六七八九十';
const EARLIER_HEADINGS = ['总体要求', '指导思想', '基本原则', '发展环境', '总体思路', '工作原则', '主要任务', '组织实施', '保障措施'];

/**
 * The passage in a plan: title, the headings before its own (a heading 三、…
 * is read as one only after 一、 and 二、), its heading, the passage.
 */
export function documentText(c: ProbeCase): string {
  const parts = [TITLES[c.doc], ''];
  const n = c.heading ? NUMERALS.indexOf(c.heading[0]!) : -1;
  for (let i = 0; i < n; i++) parts.push(`${NUMERALS[i]}、${EARLIER_HEADINGS[i]}`, '坚持创新驱动发展，统筹推进各项工作。', '');
  if (c.heading) parts.push(c.heading);
  parts.push(c.text.replace(/^\n+|\s+$/g, ''), '');
  return parts.join('\n');
}

export interface CaseScore {
  id: string;
  style: string;
  tp: number;
  fp: number;
  fn: number;
  /** Matched facts whose comparator, 累计, 每年, range or period is wrong. */
  attributeErrors: string[];
  misses: string[];
  falsePositives: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'planlens-probe-'));

function gold(c: ProbeCase, expected: Expected[] | undefined): GoldQuantity[] {
  return (expected ?? []).map((e) => ({ ...e, quote: '' }));
}

/** The renderings a passage is read in: Word's save-as-text and a .docx with real tables. */
export type Format = 'txt' | 'docx';

export async function scoreCase(c: ProbeCase, format: Format = 'txt'): Promise<CaseScore> {
  const path = join(dir, `${c.id}.${format}`);
  writeFileSync(path, format === 'txt' ? documentText(c) : docx(documentText(c)));
  const state = await runFile(path, { until: 'extract-quantities' });
  const fatal = state.messages.filter((m) => m.severity === 'fatal');
  if (fatal.length > 0) throw new Error(`${c.id}: ${fatal.map((m) => m.text).join('; ')}`);
  const predicted = toGold(state, `${c.id}.${format}`);
  const expected: GoldFile = { ...predicted, targets: gold(c, c.targets), actuals: gold(c, c.actuals) };
  const score = scoreDocument(expected, predicted);
  const out: CaseScore = { id: c.id, style: c.style, tp: 0, fp: 0, fn: 0, attributeErrors: [], misses: [], falsePositives: [] };
  for (const section of ['targets', 'actuals'] as const) {
    const s = score.sections[section];
    out.tp += s.tp;
    out.fp += s.fp;
    out.fn += s.fn;
    out.attributeErrors.push(...s.attributeErrors.map((f) => `${section}: ${f.fact}`));
    out.misses.push(...s.misses.map((f) => `${section}: ${f.fact}`));
    out.falsePositives.push(...s.falsePositives.map((f) => `${section}: ${f.fact}`));
  }
  return out;
}

export interface Totals {
  tp: number;
  fp: number;
  fn: number;
  /** Matched with every attribute right. */
  exact: number;
  precision: number;
  recall: number;
  f1: number;
  /** F1 counting a match with a wrong attribute as a miss and a false positive. */
  strictF1: number;
}

export function totals(scores: CaseScore[]): Totals {
  const tp = sum(scores.map((s) => s.tp));
  const fp = sum(scores.map((s) => s.fp));
  const fn = sum(scores.map((s) => s.fn));
  const wrong = sum(scores.map((s) => s.attributeErrors.length));
  const exact = tp - wrong;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const sp = exact + fp + wrong === 0 ? 1 : exact / (exact + fp + wrong);
  const sr = exact + fn + wrong === 0 ? 1 : exact / (exact + fn + wrong);
  const strictF1 = sp + sr === 0 ? 0 : (2 * sp * sr) / (sp + sr);
  return { tp, fp, fn, exact, precision, recall, f1, strictF1 };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
