/**
 * Flags on a small plan written for the purpose and read by the real
 * pipeline (txt → ingest → … → extract-quantities): each flag is raised where
 * a reviewer needs it, with a reason in words.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuantityRecord } from '../../../src/core/state.js';
import { runFile } from '../../support/pipeline.js';

const PLAN = `某某市“十四五”知识产权发展规划

一、发展基础
“十三五”期间，全市专利授权量26875件。知识产权案件结收案比为114.92%。
全市政务服务平台用户数达1200万。

二、发展目标
到2025年，万人高价值发明专利拥有量达到12件，知识产权质押融资总额达到60亿元。
知识产权服务机构数量达100家，星级服务窗口服务满意率达到95%。
万人发明专利拥有量达到3000000件。

专栏1 主要指标

	指标
	单位
	2025年目标值

	知识产权质押融资总额
	亿元
	50

`;

let records: QuantityRecord[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-flags-'));
  const path = join(dir, 'plan.txt');
  writeFileSync(path, PLAN);
  const state = await runFile(path, { until: 'extract-quantities' });
  expect(state.messages.filter((m) => m.severity === 'fatal')).toEqual([]);
  records = state.quantities!;
});

function find(indicator: string, value: number): QuantityRecord {
  const record = records.find((r) => r.indicator === indicator && r.value === value);
  expect(record, `${indicator} ${value} in ${JSON.stringify(records.map((r) => [r.indicator, r.value]))}`).toBeDefined();
  return record!;
}

function flagKinds(record: QuantityRecord): string[] {
  return record.flags.map((f) => f.kind);
}

describe('flags', () => {
  it("a bare magnitude (the Nanjing evaluation table's >200亿) counts in its indicator's base unit, and says so", async () => {
    const state = await runFile('corpora/nanjing-ip-14fyp-midterm-review.txt', { until: 'extract-quantities' });
    const record = state.quantities!.find((r) => r.kind === 'target' && r.unit === '亿');
    expect(record, 'a target written in bare 亿').toBeDefined();
    expect([record!.indicatorId, record!.valueBase, record!.unitBase]).toEqual(['ip.pledge-financing', 2e10, '元']);
    expect(flagKinds(record!)).toContain('unit-from-indicator');
  });

  it('unit-from-noun: a count written with only a magnitude takes its measure word from the counted noun', () => {
    const r = find('政务服务平台用户数', 1200);
    expect(r).toMatchObject({ unit: '万户', valueBase: 12000000, unitBase: '户' });
    expect(flagKinds(r)).toContain('unit-from-noun');
    expect(r.flags.find((f) => f.kind === 'unit-from-noun')!.reason).toContain('用户');
  });

  it('year-defaulted: a target with no date takes the last year of the plan', () => {
    const r = find('知识产权服务机构数量', 100);
    expect(r).toMatchObject({ kind: 'target', year: 2025 });
    expect(flagKinds(r)).toContain('year-defaulted');
    expect(r.flags.find((f) => f.kind === 'year-defaulted')!.reason).toContain('2025');
  });

  it('no year-defaulted flag when the sentence dates the target', () => {
    expect(flagKinds(find('万人高价值发明专利拥有量', 12))).not.toContain('year-defaulted');
  });

  it('unlinked-indicator: a name the canonical list does not know', () => {
    const r = find('星级服务窗口服务满意率', 95);
    expect(r.indicatorId).toBeNull();
    expect(flagKinds(r)).toContain('unlinked-indicator');
  });

  it('unlikely-magnitude: a percentage above 100 and a per-10k ratio in the millions', () => {
    expect(flagKinds(find('知识产权案件结收案比', 114.92))).toContain('unlikely-magnitude');
    expect(flagKinds(find('万人发明专利拥有量', 3000000))).toContain('unlikely-magnitude');
  });

  it('value-conflict: prose and table disagree; both stay facts', () => {
    const prose = find('知识产权质押融资总额', 60);
    const table = find('知识产权质押融资总额', 50);
    expect(table.provenance.cell).toBeDefined();
    for (const r of [prose, table]) {
      expect(r.isFact).toBe(true);
      expect(flagKinds(r)).toContain('value-conflict');
    }
    expect(prose.flags.find((f) => f.kind === 'value-conflict')!.reason).toMatch(/60.*50|50.*60/);
  });

  it('actuals of the base period carry the period', () => {
    expect(find('专利授权量', 26875)).toMatchObject({ kind: 'actual', year: 2020, period: [2016, 2020], valueBase: 26875, unitBase: '件' });
  });

  it('base values scale by the unit', () => {
    expect(find('知识产权质押融资总额', 60)).toMatchObject({ unit: '亿元', valueBase: 6e9, unitBase: '元' });
    expect(find('万人高价值发明专利拥有量', 12)).toMatchObject({ valueBase: 12, unitBase: '件' });
  });
});
