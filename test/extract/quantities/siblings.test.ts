/** Sibling sections that repeat one template (a section per zone): their figures carry the section's subject. */
import { describe, expect, it } from 'vitest';
import type { QuantityRecord, Section } from '../../../src/core/state.js';
import { qualifyBySection } from '../../../src/extract/quantities/siblings.js';

const section = (path: string, heading: string): Section => ({ path, number: '', heading, level: 2, headingStart: 0, headingEnd: 0, start: 0, end: 0 });
const record = (indicator: string, sectionPath: string): QuantityRecord =>
  ({ kind: 'target', indicator, flags: [], provenance: { sectionPath } }) as unknown as QuantityRecord;

function names(records: Array<[string, string]>, sections: Section[]): string[] {
  const rs = records.map(([indicator, path]) => record(indicator, path));
  qualifyBySection(rs, sections, (r) => r.indicator);
  return rs.map((r) => r.indicator);
}

describe('one template, several subjects', () => {
  const zones = [section('三', '建设示范区'), section('三/（一）', '东部软件名城——打造软件高地'), section('三/（二）', '北部数字港——打造物流场景')];

  it.each([
    {
      why: 'a figure the template repeats in sibling sections takes each section’s subject',
      records: [
        ['场景发布活动', '三/（一）'],
        ['场景发布活动', '三/（二）'],
      ] as Array<[string, string]>,
      want: ['东部软件名城场景发布活动', '北部数字港场景发布活动'],
    },
    {
      why: 'a figure only one of those sections has is still its subject’s',
      records: [
        ['场景发布活动', '三/（一）'],
        ['场景发布活动', '三/（二）'],
        ['智慧仓储示范项目', '三/（二）'],
      ] as Array<[string, string]>,
      want: ['东部软件名城场景发布活动', '北部数字港场景发布活动', '北部数字港智慧仓储示范项目'],
    },
    {
      why: 'sections that repeat nothing keep their names',
      records: [
        ['场景发布活动', '三/（一）'],
        ['智慧仓储示范项目', '三/（二）'],
      ] as Array<[string, string]>,
      want: ['场景发布活动', '智慧仓储示范项目'],
    },
  ])('$why', ({ records, want }) => {
    expect(names(records, zones)).toEqual(want);
  });
});
