/**
 * Values compare in base scale (FORMAT.md): 13.5万件 equals 135000件, 1.2亿元
 * equals 120000000元. Only the magnitude prefixes FORMAT.md names (and their
 * products, 千万 = 10⁷) scale; the rest of the unit is not compared, because
 * the matching rule is about the figure, the year and the indicator.
 */
// 百 is left out on purpose: 百分点 is a unit, not a hundred 分点.
const MAGNITUDE: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8 };

/** Relative tolerance for float noise (13.5 × 10⁴ is not exactly 135000). */
const RELATIVE_TOLERANCE = 1e-9;

export function unitMultiplier(unit: string | null | undefined): number {
  if (!unit) return 1;
  let multiplier = 1;
  // A unit that is nothing but a magnitude (a bare 万) still scales.
  for (const char of unit.trim()) {
    const m = MAGNITUDE[char];
    if (m === undefined) break;
    multiplier *= m;
  }
  return multiplier;
}

export function baseValue(value: number, unit: string | null | undefined): number {
  return value * unitMultiplier(unit);
}

export function sameBaseValue(a: number, unitA: string | null | undefined, b: number, unitB: string | null | undefined): boolean {
  const x = baseValue(a, unitA);
  const y = baseValue(b, unitB);
  if (x === y) return true;
  return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
}
