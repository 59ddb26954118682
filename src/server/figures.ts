/**
 * How the web pages show a figure: the ONE place a stored value becomes text
 * in a cell, a chart label or a download people read. When the plan-scale
 * formatting (600亿元, 13.5万件) lands, it replaces the bodies here and every
 * page follows.
 */
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

const COMPARATOR_SIGNS: Readonly<Record<string, string>> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '~': '约' };

/** A comparator as a reader writes it (≥, ≤, 约); "=" says nothing. */
export function comparatorText(comparator: string | null | undefined): string {
  return comparator && comparator !== '=' ? (COMPARATOR_SIGNS[comparator] ?? comparator) : '';
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

/**
 * A value the app computed (the expected value on a linear pace, a share):
 * rounded for reading to three significant figures, never more decimals
 * than two, where the plan's own figures are shown as written.
 */
export function computedNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const magnitude = Math.abs(value) >= 1 ? Math.floor(Math.log10(Math.abs(value))) + 1 : 1;
  const decimals = Math.max(0, Math.min(2, 3 - magnitude));
  return value.toLocaleString('en-US', { maximumFractionDigits: decimals });
}

/** A share (0.973) as a rounded percentage: "97%". */
export function percentText(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '';
  return `${Math.round(share * 100)}%`;
}
