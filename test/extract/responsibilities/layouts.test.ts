/**
 * A short work plan written in the layouts other plans use (annotation on the
 * heading line, after a multi-paragraph body, inline 牵头/配合, 按职责分工负责,
 * a note naming units for every task, 由…牵头 in prose, label lines without
 * brackets, phases with a single date) run through the real stages.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentState } from '../../../src/core/state.js';
import { runChainAt } from '../../support/role-chain.js';

let state: DocumentState;

beforeAll(async () => {
  state = await runChainAt(join(import.meta.dirname, 'fixtures/layouts-work-plan.txt'));
}, 60_000);

const record = (task: string) => state.responsibilities!.find((r) => r.task === task);

describe('responsibility layouts', () => {
  it.each([
    { layout: 'annotation on the heading line', task: '加强执法办案', lead: ['市市场监督管理局'], support: ['市公安局', '市文化广电和旅游局'], roles: 'split' },
    {
      layout: 'annotation after a body of several paragraphs',
      task: '完善快速维权机制',
      lead: ['市知识产权局'],
      support: ['市中级人民法院', '各区人民政府'],
      roles: 'unsplit',
    },
    {
      layout: 'inline 牵头/配合 on an untitled item',
      task: '推进知识产权审判专业化建设',
      lead: ['市中级人民法院'],
      support: ['市检察院', '市司法局'],
      roles: 'split',
    },
    { layout: 'inline 按职责分工负责', task: '深化刑事司法保护', lead: ['市公安局'], support: ['市检察院'], roles: 'unsplit' },
    { layout: '由…牵头，…配合 in prose', task: '建立工作推进机制', lead: ['市知识产权局'], support: ['市财政局'], roles: 'split' },
    {
      layout: 'label line without brackets under an untitled paragraph',
      task: '实施商标品牌战略',
      lead: ['市市场监督管理局'],
      support: ['市农业农村局'],
      roles: 'split',
    },
    { layout: 'a deadline label among the roles', task: '纠纷化解行动', lead: ['市司法局'], support: ['市知识产权局'], roles: 'split' },
    { layout: 'label opening a sentence', task: '推进地理标志保护工程', lead: ['市农业农村局'], support: ['市商务局'], roles: 'unsplit' },
  ])('$layout', ({ task, lead, support, roles }) => {
    const r = record(task);
    expect(r, `no record for ${task}: ${state.responsibilities!.map((x) => x.task).join(' / ')}`).toBeDefined();
    expect(r!.lead).toEqual(lead);
    expect(r!.support).toEqual(support);
    expect(r!.roles).toBe(roles);
  });

  it('no other records (本方案由…负责解释 is not a task)', () => {
    expect(state.responsibilities!).toHaveLength(8);
  });

  it('a note naming units for every task goes to implicit support', () => {
    expect(state.implicitSupport!).toEqual(['各区人民政府']);
  });
});

describe('milestone layouts', () => {
  it('phases, the qualitative goal and a task deadline (完成时限)', () => {
    expect(state.milestones!.map((m) => [m.what, m.start, m.end])).toEqual([
      ['建成省知识产权保护示范区', null, '2026'],
      ['启动部署阶段', '2024-03', '2024-06'],
      ['全面推进阶段', '2024-07', '2025-12'],
      ['总结提升阶段', '2026', '2026'],
      ['纠纷化解行动', null, '2025-12'],
    ]);
  });
});

describe('departments', () => {
  it('lists every unit once; organs only cited (贯彻党中央、国务院决策部署) are not actors', () => {
    expect(state.departments!.map((d) => d.name)).toEqual([
      '市市场监督管理局',
      '市公安局',
      '市文化广电和旅游局',
      '市知识产权局',
      '市中级人民法院',
      '各区人民政府',
      '市检察院',
      '市司法局',
      '市财政局',
      '市农业农村局',
      '市商务局',
    ]);
  });
});
