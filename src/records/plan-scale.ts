/**
 * How a figure is shown wherever people read it (CLI tables, `--quote`,
 * progress, the web pages' cells and chart labels): in the plan's own scale
 * (600亿元, 13.5万件), rounded sensibly, never as 60000000000 元. Exports
 * and SQL views keep base units; this is for reading only.
 *
 * `formatFigure` is the one formatting function; `scaleOfRecord` and
 * `readableScale` choose the scale it shows a base value in.
 */

/** A scale to show base values in: shown = base / factor, followed by unit. */
export interface FigureScale {
  factor: number;
  unit: string;
}

/**
 * The magnitude words a reader expects on a figure, largest first, with the
 * smallest value each is used for when no plan says which scale to use:
 * 135000件 reads 13.5万件, but 19000件 stays as plans write it.
 */
const READABLE_MAGNITUDES: ReadonlyArray<{ word: string; factor: number; from: number }> = [
  { word: '万亿', factor: 1e12, from: 1e12 },
  { word: '亿', factor: 1e8, from: 1e8 },
  { word: '万', factor: 1e4, from: 1e5 },
];

const MAGNITUDE_WORDS = new Set(['万亿', '千亿', '百亿', '亿', '千万', '百万', '万', '千']);

/** Base-unit spellings a reader should not see as such. */
const UNIT_SPELLINGS: Readonly<Record<string, string>> = { percent: '%', USD: '美元', EUR: '欧元' };

/** Units a magnitude word is never put in front of (a share, a ratio). */
const UNSCALED_UNITS = new Set(['%', 'percent', '‰', '倍', '个百分点']);

export function unitForReading(unit: string | null | undefined): string {
  if (!unit) return '';
  return UNIT_SPELLINGS[unit] ?? unit;
}

/**
 * The scale a record was written in: value 600 in 亿元 with base 6e10 元
 * gives factor 1e8 and unit 亿元. Other values of the same indicator (the
 * actual set against this target) are then shown the way the plan wrote it.
 */
export function scaleOfRecord(record: { value: number | null; unit: string | null; value_base: number | null; unit_base: string | null }): FigureScale | null {
  const { value, value_base } = record;
  if (value === null || value_base === null || value === 0) {
    return record.unit ? { factor: 1, unit: unitForReading(record.unit) } : null;
  }
  const factor = value_base / value;
  // A unit-less figure whose base unit came from elsewhere: show the base unit.
  const written = record.unit ?? (factor === 1 ? record.unit_base : null);
  if (written === null) return null;
  // A bare magnitude (200亿 where the indicator says 元) reads with its measure: 200亿元.
  const unit = MAGNITUDE_WORDS.has(written) ? written + unitForReading(record.unit_base) : unitForReading(written);
  return { factor: Number(factor.toPrecision(12)), unit };
}

/** A scale for a base value no plan has put in words: 6e10 元 → 亿元, 135000 件 → 万件. */
export function readableScale(valueBase: number, unitBase: string | null | undefined): FigureScale {
  const unit = unitForReading(unitBase);
  if (UNSCALED_UNITS.has(unit) || !Number.isFinite(valueBase)) return { factor: 1, unit };
  const magnitude = READABLE_MAGNITUDES.find((m) => Math.abs(valueBase) >= m.from);
  return magnitude ? { factor: magnitude.factor, unit: magnitude.word + unit } : { factor: 1, unit };
}

/*
 * The two ways a number is rounded for a reader, side by side. They differ on
 * purpose, and joining them would change what the pages show (each is pinned
 * by its tests: test/records/plan-scale.test.ts, test/server/render.test.ts):
 * a plan's own figure shown in another scale keeps the digits the plan gave
 * (roundForReading: 6.974 stays 6.974), while a value the app computed is
 * only as exact as a pace or a share can be (computedNumber: 3 significant
 * figures, thousands grouped).
 */

/**
 * Rounds a plan's figure for reading: whole numbers from 1000 up (19000, not
 * 19000.4), otherwise four significant digits (42.3425 → 42.34, 6.974 → 6.974).
 */
export function roundForReading(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return String(Math.round(value));
  return String(Number(value.toPrecision(4)));
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

const COMPARATOR_SYMBOLS: Readonly<Record<string, string>> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '~': '约' };

/** A comparator as a reader writes it (≥, ≤, 约); '=' and none say nothing. */
export function comparatorSymbol(comparator: string | null | undefined): string {
  return comparator ? (COMPARATOR_SYMBOLS[comparator] ?? '') : '';
}

export interface FigureOptions {
  /** The scale to show the value in (the plan's, from scaleOfRecord); absent: a readable one. */
  scale?: FigureScale | null;
  /** Shown before the figure (≥, >, 约); '=' and absent show nothing. */
  comparator?: string | null;
  /** Upper end of a range, in base units like the value (3—5家). */
  valueMax?: number | null;
  /** The figure is the plan's own (120.75件): shown as written, not rounded. */
  asWritten?: boolean;
}

/**
 * A base value as people read it: formatFigure(6e10, '元') is '600亿元';
 * with the plan's scale of a 13.5万件 target, 130000 件 is '13万件';
 * with comparator '>=' it is '≥600亿元'. Null gives ''.
 */
export function formatFigure(valueBase: number | null | undefined, unitBase: string | null | undefined, options: FigureOptions = {}): string {
  if (valueBase === null || valueBase === undefined) return '';
  const scale = options.scale ?? readableScale(valueBase, unitBase);
  const shown = (v: number) => (options.asWritten ? String(Number((v / scale.factor).toPrecision(12))) : roundForReading(v / scale.factor));
  const range = options.valueMax !== null && options.valueMax !== undefined ? `—${shown(options.valueMax)}` : '';
  const symbol = comparatorSymbol(options.comparator);
  return `${symbol}${shown(valueBase)}${range}${scale.unit}`;
}

/** A record's figure in its own scale, as the plan wrote it, unrounded (≥600亿元, 13.5万件, 120.75件, 3—5家, 全覆盖). */
export function formatRecordFigure(record: {
  value: number | null;
  value_max?: number | null;
  unit: string | null;
  value_base: number | null;
  unit_base: string | null;
  comparator?: string | null;
  /** Words of a qualitative target (全覆盖), shown where there is no number. */
  qualitative?: string | null;
}): string {
  if (record.value === null && record.value_base === null) return record.qualitative ?? '';
  const scale = scaleOfRecord(record);
  const base = record.value_base ?? record.value;
  const factor = scale?.factor ?? 1;
  const valueMax = record.value_max === null || record.value_max === undefined ? null : record.value_max * factor;
  return formatFigure(base, record.unit_base ?? record.unit, { scale, comparator: record.comparator, valueMax, asWritten: true });
}
