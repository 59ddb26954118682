/** Task tables: header row with a task column and role columns. */
import { describe, expect, it } from 'vitest';
import type { Table, TableCell } from '../../../src/core/state.js';
import { responsibilityRules } from '../../../src/extract/responsibilities/rules.js';
import { responsibilitiesFromTable } from '../../../src/extract/responsibilities/tables.js';
import { rules } from '../../support/role-chain.js';
import { looksLikeUnit } from '../../../src/extract/responsibilities/index.js';
import { departmentRules } from '../../../src/extract/departments/index.js';
import { placeNames } from '../../../src/extract/departments/places.js';

function table(rows: string[][], headerRows = 1, carriedTask: number[] = []): Table {
  let offset = 0;
  const cells: TableCell[][] = rows.map((row, r) =>
    row.map((text, c) => {
      const cell = { text, start: offset, end: offset + text.length, carried: c === 1 && carriedTask.includes(r) };
      offset += text.length + 1;
      return cell;
    }),
  );
  // A carried cell repeats the cell above, offsets included.
  for (const r of carriedTask) cells[r]![1] = { ...cells[r - 1]![1]!, carried: true };
  return { index: 0, rows: cells, headerRows, start: 0, end: offset, sectionPath: '三', origin: 'docx' };
}

const parse = (t: Table) => responsibilitiesFromTable(t, responsibilityRules(rules)).map(({ task, lead, support, roles }) => ({ task, lead, support, roles }));

describe('task tables', () => {
  it('lead and support columns', () => {
    const t = table([
      ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '1.建设知识产权保护中心。提供快速审查服务', '市知识产权局', '市财政局、市科技局', '2025年底'],
      ['2', '开展执法专项行动', '市市场监管局', '', '每年'],
    ]);
    expect(parse(t)).toEqual([
      { task: '建设知识产权保护中心', lead: ['市知识产权局'], support: ['市财政局', '市科技局'], roles: 'split' },
      { task: '开展执法专项行动', lead: ['市市场监管局'], support: [], roles: 'split' },
    ]);
    expect(responsibilitiesFromTable(t, responsibilityRules(rules)).map((r) => r.deadline)).toEqual(['2025年底', '每年']);
  });

  it('one 责任单位 column: unsplit, lead is the first', () => {
    const t = table([
      ['序号', '工作任务', '责任单位'],
      ['1', '完善地方性法规', '市司法局、市知识产权局'],
    ]);
    expect(parse(t)).toEqual([{ task: '完善地方性法规', lead: ['市司法局'], support: ['市知识产权局'], roles: 'unsplit' }]);
  });

  it('a task cell merged over rows is one task', () => {
    const t = table(
      [
        ['序号', '主要任务', '牵头单位', '配合单位'],
        ['1', '强化司法保护', '市中级人民法院', '市检察院'],
        ['2', '强化司法保护', '市中级人民法院', '市公安局'],
      ],
      1,
      [2],
    );
    expect(parse(t)).toEqual([{ task: '强化司法保护', lead: ['市中级人民法院'], support: ['市检察院', '市公安局'], roles: 'split' }]);
  });

  describe('a role cell that writes its own roles', () => {
    const judge = (name: string) => looksLikeUnit(name, departmentRules(rules), placeNames());
    const withRoles = (t: Table) =>
      responsibilitiesFromTable(t, responsibilityRules(rules), judge).map(({ task, lead, support, roles }) => ({ task, lead, support, roles }));
    it.each([
      {
        cells: ['序号', '重点任务', '责任单位', '1', '规范涉企执法', '区司法局牵头，区市场监管局配合'],
        want: { task: '规范涉企执法', lead: ['区司法局'], support: ['区市场监管局'], roles: 'split' },
      },
      {
        cells: ['序号', '重点任务', '责任单位', '1', '规范涉企执法', '区司法局（牵头）、区市场监管局、区公安分局'],
        want: { task: '规范涉企执法', lead: ['区司法局'], support: ['区市场监管局', '区公安分局'], roles: 'split' },
      },
      {
        cells: ['序号', '重点任务', '牵头单位', '1', '规范涉企执法', '区司法局、区公安分局（配合）'],
        want: { task: '规范涉企执法', lead: ['区司法局'], support: ['区公安分局'], roles: 'split' },
      },
      {
        // No role words in the cell: the column's label decides, as before.
        cells: ['序号', '重点任务', '责任单位', '1', '规范涉企执法', '区司法局、区市场监管局'],
        want: { task: '规范涉企执法', lead: ['区司法局'], support: ['区市场监管局'], roles: 'unsplit' },
      },
      {
        // 牵头 inside a name is no role word of the cell (…工作领导小组 is one body).
        cells: ['序号', '重点任务', '责任单位', '1', '规范涉企执法', '区“十强产业”牵头部门'],
        want: { task: '规范涉企执法', lead: ['区“十强产业”牵头部门'], support: [], roles: 'unsplit' },
      },
    ])('$cells.5', ({ cells, want }) => {
      expect(withRoles(table([cells.slice(0, 3), cells.slice(3)]))).toEqual([want]);
    });

    it('a support column the grid carried down does not join a row whose lead cell wrote both roles', () => {
      const t = table([
        ['序号', '重点任务', '牵头单位', '配合单位'],
        ['1', '加强信用监管', '区发展改革委', '区有关部门'],
        ['2', '规范涉企执法', '区司法局牵头，区市场监管局配合', '区有关部门'],
      ]);
      t.rows[2]![3] = { ...t.rows[1]![3]!, carried: true };
      expect(withRoles(t).at(-1)).toEqual({ task: '规范涉企执法', lead: ['区司法局'], support: ['区市场监管局'], roles: 'split' });
    });
  });

  it('an indicator table is not a task table', () => {
    const t = table([
      ['序号', '指标', '2025年目标'],
      ['1', '万人高价值发明专利拥有量', '10件'],
    ]);
    expect(parse(t)).toEqual([]);
  });
});
