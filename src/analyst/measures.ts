/**
 * What kind of figure each compared row is: 新增5G基站1000座 (a flow) and
 * 累计建成开通5G基站196.8万个 (a cumulative total) count the same object but
 * are not the same figure, so a comparison says which is which beside the
 * value, with the verb and the qualifiers (国家级, 规模以上) as written.
 */
import type { Measure, NameAnalyser } from '../text/indicator-names/compare.js';
import type { QuantityRow } from './quantities.js';

export interface MeasuredRow extends QuantityRow {
  measure: Measure;
  /** The verb that decided the measure (新增, 累计), or the name's leading verb for a stock; null when none is written. */
  measure_word: string | null;
  /** Level or size qualifiers of the name (国家级, 省级以上), joined with 、. */
  qualifiers: string | null;
}

export function withMeasures(rows: QuantityRow[], analyser: NameAnalyser): MeasuredRow[] {
  return rows.map((r) => {
    const { measure, word } = analyser.measureOf({
      name: r.indicator_as_written,
      sentence: r.sentence,
      cumulative: r.cumulative,
      perYear: r.per_year,
    });
    // A percentage the name does not call a share or a rate is still not a count (研发投入强度2.5%).
    // A change in percentage points (提高2个百分点) is a growth figure.
    const count = measure === 'stock' || measure === 'flow' || measure === 'cumulative';
    const kind: Measure = count && r.unit_base === 'percentage-point' ? 'growth' : count && r.unit_base === 'percent' ? 'rate' : measure;
    const qualifiers = analyser.parts(r.indicator_as_written).qualifiers;
    return { ...r, measure: kind, measure_word: word, qualifiers: qualifiers.length ? qualifiers.join('、') : null };
  });
}
