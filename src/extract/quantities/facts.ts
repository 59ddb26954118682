/**
 * The same fact stated in prose, in the indicator table and again in a
 * 专栏 box is one fact: every mention is kept, one per (indicator, year,
 * kind, value) is marked `isFact` (a table mention first), and mentions of
 * one indicator and year that disagree on the value are flagged.
 */
import type { QuantityRecord } from '../../core/state.js';

/** The grouping key: the canonical id where linking was sure, else the normalised name. */
export type FactKey = (record: QuantityRecord) => string;

export function markFacts(records: QuantityRecord[], keyOf: FactKey): void {
  const groups = new Map<string, QuantityRecord[]>();
  for (const r of records) {
    const key = `${r.kind}|${r.year ?? ''}|${keyOf(r)}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  for (const group of groups.values()) {
    const byValue = new Map<string, QuantityRecord[]>();
    for (const r of group) {
      const v = r.value === null ? `q:${r.qualitative ?? ''}` : String(roundBase(r.valueBase ?? r.value));
      const list = byValue.get(v);
      if (list) list.push(r);
      else byValue.set(v, [r]);
    }
    for (const same of byValue.values()) {
      const fact = same.find((r) => r.provenance.cell) ?? same[0]!;
      for (const r of same) r.isFact = r === fact;
      // A bare table figure says nothing about 达/超过; the prose stating the same value does.
      if (fact.comparator === '=' && fact.provenance.cell) {
        const stated = same.map((r) => r.comparator).filter((c) => c !== null && c !== '=');
        if (stated.length > 0) fact.comparator = mostFrequent(stated)!;
      }
    }
    // 新增5G基站1000个 and 5G基站4600个 of one year are a flow and a total, not two readings of one figure.
    const valuesByKind = new Map<string, Set<string>>();
    for (const [v, list] of byValue) {
      for (const r of list) {
        const kind = r.measureKind === 'new' ? 'new' : 'total';
        valuesByKind.set(kind, (valuesByKind.get(kind) ?? new Set()).add(v));
      }
    }
    if ([...valuesByKind.values()].some((values) => values.size > 1)) {
      const values = [...byValue.values()].map((list) => describe(list[0]!));
      for (const r of group) {
        r.flags.push({
          kind: 'value-conflict',
          reason: `the document gives different values for ${r.indicator} (${r.year ?? 'no year'}): ${values.join(' / ')}`,
        });
      }
    }
  }
}

function mostFrequent<T>(items: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function roundBase(value: number): number {
  return Number(value.toPrecision(12));
}

function describe(r: QuantityRecord): string {
  return r.value === null ? (r.qualitative ?? '—') : `${r.value}${r.unit ?? ''}`;
}
