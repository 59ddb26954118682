/** Sibling sections that repeat one template (a section per zone): their figures carry the section's subject. */
import { describe, expect, it } from 'vitest';
import type { Box, QuantityRecord, Section } from '../../../src/core/state.js';
import { qualifyBySection } from '../../../src/extract/quantities/siblings.js';

const section = (path: string, heading: string): Section => ({ path, number: '', heading, level: 2, headingStart: 0, headingEnd: 0, start: 0, end: 0 });
const record = (indicator: string, sectionPath: string, start = 0): QuantityRecord =>
  ({ kind: 'target', indicator, flags: [], provenance: { sectionPath, start } }) as unknown as QuantityRecord;

/** Records as [indicator, section path, offset]; a box spans offsets 100–200. */
function names(records: Array<[string, string, number?]>, sections: Section[], boxes: Box[] = []): string[] {
  const rs = records.map(([indicator, path, start]) => record(indicator, path, start));
  qualifyBySection(rs, sections, (r) => r.indicator, boxes);
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

  // A 专栏 after the second item restates the first item's goal: one fact, no template.
  const items = [section('三/（一）', '夯实数字基础设施'), section('三/（一）/1', '加快5G和千兆光网建设'), section('三/（一）/2', '统筹布局算力基础设施')];
  const box: Box = { title: '专栏1 新型基础设施建设工程', start: 100, end: 200, sectionPath: '三/（一）/2' };
  it.each([
    {
      why: 'a goal in prose restated in a 专栏 that follows the next item is no template',
      records: [
        ['建成5G基站', '三/（一）/1', 10],
        ['数据中心标准机架数', '三/（一）/2', 50],
        ['建成5G基站', '三/（一）/2', 120],
      ] as Array<[string, string, number]>,
      boxes: [box],
      want: ['建成5G基站', '数据中心标准机架数', '建成5G基站'],
    },
    {
      why: 'the same goal repeated in the prose of two items still is',
      records: [
        ['建成5G基站', '三/（一）/1', 10],
        ['建成5G基站', '三/（一）/2', 50],
      ] as Array<[string, string, number]>,
      boxes: [box],
      want: ['加快5G和千兆光网建设建成5G基站', '统筹布局算力基础设施建成5G基站'],
    },
  ])('$why', ({ records, boxes, want }) => {
    expect(names(records, items, boxes)).toEqual(want);
  });
});
