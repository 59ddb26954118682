/**
 * How the web pages show a figure: the one place a stored value becomes text
 * in a cell, a chart label or a download people read. Values the plan wrote
 * are shown as written; base values (60000000000 元) in the plan's scale or a
 * readable one (600亿元), through records/plan-scale.ts as the CLI does.
 */
import { comparatorSymbol, formatFigure, readableScale, roundForReading, scaleOfRecord, type FigureScale } from '../records/plan-scale.js';

// Both rounding rules live in records/plan-scale.ts; the progress page reads this one from here.
export { computedNumber } from '../records/plan-scale.js';

export type { FigureScale };
/** A number as a plan states it: thousands separated, at most 4 decimals. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

export interface Figure {
  value: number | null;
  value_max?: number | null;
  unit?: string | null;
  comparator?: string | null;
}

/** A comparator as a reader writes it (≥, ≤, 约); "=" says nothing (the plan-scale formatter's symbols). */
export function comparatorText(comparator: string | null | undefined): string {
  return comparator && comparator !== '=' ? comparatorSymbol(comparator) || comparator : '';
}

/** A figure as the plan states it: "≥ 10", "3–5"; the unit apart (it has its own column). */
export function figureNumber(f: Figure): string {
  if (f.value === null) return '';
  const sign = comparatorText(f.comparator);
  const range = f.value_max !== null && f.value_max !== undefined ? `–${formatNumber(f.value_max)}` : '';
  return `${sign ? sign + ' ' : ''}${formatNumber(f.value)}${range}`;
}

/** A figure with its unit, for chart labels and one-line summaries: "≥ 10 件". */
export function figureText(f: Figure): string {
  const number = figureNumber(f);
  return number && f.unit ? `${number} ${f.unit}` : number;
}

/** A share (0.973) as a rounded percentage: "97%". */
export function percentText(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '';
  return `${Math.round(share * 100)}%`;
}

/** The scale a progress row's figures read in: the one its target was written in, else a readable one. */
export function rowScale(row: {
  target_raw_value: number | null;
  target_raw_unit: string | null;
  target_value: number | null;
  unit: string | null;
}): FigureScale {
  return (
    scaleOfRecord({ value: row.target_raw_value, unit: row.target_raw_unit, value_base: row.target_value, unit_base: row.unit }) ??
    readableScale(row.target_value ?? 0, row.unit)
  );
}

/** A base value as a number in `scale`, rounded for reading, without the unit (the unit has its own column). */
export function scaledNumber(valueBase: number | null | undefined, scale: FigureScale, comparator?: string | null): string {
  if (valueBase === null || valueBase === undefined) return '';
  const sign = comparatorText(comparator);
  return `${sign ? sign + ' ' : ''}${roundForReading(valueBase / scale.factor)}`;
}

/**
 * Formats the base values of one chart (one unit) in one scale — the one
 * that reads best for the largest — so axis and bars agree: 200亿元, 600亿元.
 */
export function baseValueFormat(values: number[], unitBase: string | null | undefined): (value: number) => string {
  const scale = readableScale(Math.max(0, ...values.map(Math.abs)), unitBase);
  return (value) => formatFigure(value, unitBase, { scale });
}
