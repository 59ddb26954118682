/** Role annotations and task titles, one row per way plans write them. */
import { beforeAll, describe, expect, it } from 'vitest';
import { findRoleAnnotations, parseRoleContent, splitUnitList } from '../../../src/extract/responsibilities/annotation.js';
import { responsibilityRules } from '../../../src/extract/responsibilities/rules.js';
import { taskFromParagraph } from '../../../src/extract/responsibilities/task.js';
import { readDeadline } from '../../../src/extract/milestones/deadline-text.js';
import { milestoneRules } from '../../../src/extract/milestones/rules.js';
import { departmentRules, findUnits } from '../../../src/extract/departments/index.js';
import { placeNames } from '../../../src/extract/departments/places.js';
import { useDictionary } from '../../../src/extract/departments/words.js';
import { rules } from '../../support/role-chain.js';

const isUnit = (name: string) => findUnits(name, departmentRules(rules), placeNames()).some((c) => c.start === 0 && c.end === name.length);
const parse = (content: string) => parseRoleContent(content, responsibilityRules(rules), isUnit);

beforeAll(() => useDictionary(rules.resource('userdict.utf8')));

const cases: Array<{ pattern: string; content: string; lead: string[]; support: string[]; roles: 'split' | 'unsplit'; implicit?: string[] }> = [
  {
    pattern: 'lead and support labels, second name in <…>',
    content: '牵头单位：市市场监管局<市知识产权局>、市科技局，配合单位：市质量发展和食品药品安全委员会成员单位',
    lead: ['市市场监管局（市知识产权局）', '市科技局'],
    support: ['市质量发展和食品药品安全委员会成员单位'],
    roles: 'split',
  },
  {
    pattern: 'note for every task goes to implicit support, off the record',
    content:
      '牵头单位：市市场监管局<市知识产权局>，配合单位：市质量发展和食品药品安全委员会成员单位，各县区政府、功能板块管委会，以下均需各县区政府、功能板块管委会落实，不再列出',
    lead: ['市市场监管局（市知识产权局）'],
    support: ['市质量发展和食品药品安全委员会成员单位'],
    roles: 'split',
    implicit: ['各县区政府', '功能板块管委会'],
  },
  { pattern: 'lead only', content: '牵头单位：市市场监管局<市知识产权局>', lead: ['市市场监管局（市知识产权局）'], support: [], roles: 'split' },
  {
    pattern: 'unsplit 责任单位 list: lead is the first',
    content: '责任单位：市科技局、市财政局、市教育局',
    lead: ['市科技局'],
    support: ['市财政局', '市教育局'],
    roles: 'unsplit',
  },
  {
    pattern: 'half-width colon and semicolon',
    content: '牵头部门:市发改委;配合部门:市财政局、市统计局',
    lead: ['市发改委'],
    support: ['市财政局', '市统计局'],
    roles: 'split',
  },
  {
    pattern: 'lead beside 责任单位: the others support',
    content: '牵头单位：市知识产权局；责任单位：各县区政府',
    lead: ['市知识产权局'],
    support: ['各县区政府'],
    roles: 'split',
  },
  { pattern: 'inline 牵头/配合', content: '市科技局牵头，市财政局、市教育局配合', lead: ['市科技局'], support: ['市财政局', '市教育局'], roles: 'split' },
  { pattern: 'inline 负责, units not separated', content: '市科技局、市财政局按职责分工负责', lead: ['市科技局'], support: ['市财政局'], roles: 'unsplit' },
  {
    pattern: 'inline 负责 over a list broken by a comma',
    content: '市科技局、市财政局，市教育局按职责分工负责',
    lead: ['市科技局'],
    support: ['市财政局', '市教育局'],
    roles: 'unsplit',
  },
  {
    pattern: 'two units with their levels joined by 和 stay two',
    content: '市委宣传部和市文化广电旅游局负责',
    lead: ['市委宣传部'],
    support: ['市文化广电旅游局'],
    roles: 'unsplit',
  },
  // One body under two names (一个机构两块牌子): the second in brackets after the first.
  {
    pattern: 'inline 负责, a unit under two names among the list',
    content: '市委宣传部（市政府新闻办公室）、市应急管理局（市地震局）、市教育局负责',
    lead: ['市委宣传部（市政府新闻办公室）'],
    support: ['市应急管理局（市地震局）', '市教育局'],
    roles: 'unsplit',
  },
  {
    pattern: 'inline 按职责分工负责, the first unit under two names',
    content: '市自然资源和规划局（市林业局）、市气象局、市水利和湖泊局按职责分工负责',
    lead: ['市自然资源和规划局（市林业局）'],
    support: ['市气象局', '市水利和湖泊局'],
    roles: 'unsplit',
  },
  {
    pattern: 'inline 负责, one unit under two names alone',
    content: '市应急管理局（市地震局）负责',
    lead: ['市应急管理局（市地震局）'],
    support: [],
    roles: 'unsplit',
  },
  { pattern: 'inline 牵头/参加', content: '市科技局牵头，市财政局、市教育局参加', lead: ['市科技局'], support: ['市财政局', '市教育局'], roles: 'split' },
  { pattern: 'labels 牵头单位/参加单位', content: '牵头单位：市科技局；参加单位：市财政局', lead: ['市科技局'], support: ['市财政局'], roles: 'split' },
  { pattern: 'inline 牵头/协助', content: '市公安局牵头，市司法局协助', lead: ['市公安局'], support: ['市司法局'], roles: 'split' },
  { pattern: 'trailing 等 is not part of a name', content: '责任单位：市公安局、市司法局等', lead: ['市公安局'], support: ['市司法局'], roles: 'unsplit' },
  {
    pattern: '责任单位 list closed by a note on how they share it (，按职责分工负责) names no further unit',
    content: '责任单位：省工业和信息化厅、省发展改革委等，按职责分工负责',
    lead: ['省工业和信息化厅'],
    support: ['省发展改革委'],
    roles: 'unsplit',
  },
  {
    pattern: '责任单位 list closed by ，分别负责',
    content: '责任单位：市科技局、市财政局，分别负责',
    lead: ['市科技局'],
    support: ['市财政局'],
    roles: 'unsplit',
  },
  {
    pattern: 'a clause that names a unit before its marker is still a unit (，市教育局负责)',
    content: '责任单位：市科技局、市财政局，市教育局负责',
    lead: ['市科技局'],
    support: ['市财政局', '市教育局'],
    roles: 'unsplit',
  },
];

describe('role annotations', () => {
  it.each(cases)('$pattern', ({ content, lead, support, roles, implicit }) => {
    const got = parse(content)!;
    expect(got).not.toBeNull();
    expect(got.lead).toEqual(lead);
    expect(got.support).toEqual(support);
    expect(got.roles).toBe(roles);
    expect(got.implicit).toEqual(implicit ?? []);
  });

  it('a deadline label ends the unit list and is kept', () => {
    const got = parse('牵头单位：市司法局；配合单位：市知识产权局；完成时限：2025年底')!;
    expect(got.support).toEqual(['市知识产权局']);
    expect(got.deadline).toBe('2025年底');
  });

  it.each([
    '2024—2026年',
    '征求意见稿',
    '专利、商标、地理标志',
    '县（区）',
    '以下简称《规划》',
    '人才负责',
    '高校、科研院所，市科技局负责',
    '加快建设，市科技局负责',
    // Units told to act, without a note that spares the lists: no note for every task.
    '以上各项任务，各区人民政府要按照属地原则抓好落实',
    // A bracket after a name that is no unit does not make one.
    '应急物资（储备库）负责',
    '市民群众（志愿者）负责',
  ])('not an annotation: （%s）', (content) => {
    expect(parse(content)).toBeNull();
  });

  it.each([
    ['各区人民政府为各项任务的责任单位，不再列出', ['各区人民政府']],
    ['牵头单位：市知识产权局；各县区政府、功能板块管委会均为责任单位，以下不再列出', ['各县区政府', '功能板块管委会']],
    // The units, then what they do, then the note.
    ['以上各项任务，各省辖市政府、济源示范区管委会均需按照属地原则抓好落实，不再逐一列出', ['各省辖市政府', '济源示范区管委会']],
    ['以上任务涉及各街道的，各街道办事处要结合辖区实际抓好落实，分工表中不再单独列出', ['各街道办事处']],
  ])('note naming the units first: %s', (content, units) => {
    expect(parse(content)?.implicit).toEqual(units);
  });

  it('finds the bracketed annotation with nested brackets and gives its span', () => {
    const text = '1.强化保护。加强执法。（责任单位：市市场监管局（市知识产权局）、市公安局）\n2.下一项。';
    const [a, ...rest] = findRoleAnnotations(text, responsibilityRules(rules), isUnit);
    expect(rest).toHaveLength(0);
    expect(text.slice(a!.start, a!.end)).toBe('（责任单位：市市场监管局（市知识产权局）、市公安局）');
    expect(a!.lead).toEqual(['市市场监管局（市知识产权局）']);
  });

  describe('a bracket of unit names alone closing a task paragraph: units responsible, roles unsplit', () => {
    const found = (text: string) => findRoleAnnotations(text, responsibilityRules(rules), isUnit, isUnit).map((a) => [...a.lead, ...a.support]);
    it.each([
      { text: '1.加快新原料挖掘。拓展新食品原料，提高生物利用度。（市科技局）\n2.下一项。', units: [['市科技局']] },
      { text: '3.支持特殊食品创制。加快市场准入。（市科技局、市卫生健康委、市市场监管局）\n', units: [['市科技局', '市卫生健康委', '市市场监管局']] },
      { text: '16.打造产业集聚区。建设先导园区。（市经济和信息化委员会、市科技局、相关区）', units: [['市经济和信息化委员会', '市科技局', '相关区']] },
    ])('$text', ({ text, units }) => {
      expect(found(text)).toEqual(units);
    });
    it.each([
      ['a unit’s own bracket inside a sentence', '由市市场监管局（市知识产权局）统筹推进。\n'],
      ['a bracket that does not close its paragraph', '建设平台。（市科技局）同时加强宣传。\n'],
      ['a bracket not after a full sentence', '组织专家评审（市科技局）\n'],
      ['names that are not units', '推广经验。（高校、科研院所）\n'],
    ])('not: %s', (_why, text) => {
      expect(found(text)).toEqual([]);
    });
  });

  it('a bracketed 负责 list may hold a mechanism’s lead department beside units', () => {
    const got = parse('省发展改革委、省科技厅、省“十强产业”协调推进机制牵头部门负责')!;
    expect([...got.lead, ...got.support]).toEqual(['省发展改革委', '省科技厅', '省“十强产业”协调推进机制牵头部门']);
    expect(got.roles).toBe('unsplit');
    // …but not names alone that no pattern knows.
    expect(parse('协调推进机制牵头部门负责')).toBeNull();
  });

  it('其 stands for the unit before it: 领导小组及其办公室', () => {
    const got = parse('市知识产权强市建设工作领导小组及其办公室负责')!;
    expect([...got.lead, ...got.support]).toEqual(['市知识产权强市建设工作领导小组', '市知识产权强市建设工作领导小组办公室']);
  });

  it('splits lists only outside nested brackets', () => {
    expect(splitUnitList('市市场监管局（市知识产权局、市版权局）、市公安局', ['、'])).toEqual(['市市场监管局（市知识产权局、市版权局）', '市公安局']);
  });
});

describe('task titles', () => {
  it.each([
    { paragraph: '1.保障国家和区域重大战略实施。积极推动知识产权工作融入国家重大战略。', task: '保障国家和区域重大战略实施' },
    { paragraph: '（三）强化知识产权保护。完善机制。', task: '强化知识产权保护' },
    { paragraph: '5、加快建设知识产权保护中心，推动快速审查', task: '加快建设知识产权保护中心' },
    { paragraph: '① 开展专项行动', task: '开展专项行动' },
    { paragraph: '实施商标品牌战略，培育区域公用品牌。', task: '实施商标品牌战略' },
  ])('$paragraph → $task', ({ paragraph, task }) => {
    expect(taskFromParagraph(paragraph)).toBe(task);
  });
});

describe('deadlines as written in a 完成时限 cell', () => {
  it.each([
    ['2025年底', '2025-12'],
    ['2025年末', '2025-12'],
    ['2025年年底前', '2025-12'],
    ['2026年6月底前', '2026-06'],
    ['2024年—2025年', '2025'],
    ['长期坚持', null],
    ['持续推进', null],
    ['2024年上半年', '2024-06'],
    ['2024年下半年', '2024-12'],
    ['2025年第三季度', '2025-09'],
    ['2025年一季度前', '2025-03'],
    ['2024年6月—2025年上半年', '2025-06'],
    ['每季度', null],
  ])('%s → %s', (text, due) => {
    expect(readDeadline(text, milestoneRules(rules).raw.yearParts)).toBe(due);
  });
});

describe('lists whose names share a head', () => {
  it.each([
    { content: '责任单位：各区、市政府', units: ['各区、市政府'] },
    { content: '各区、市政府负责', units: ['各区、市政府'] },
    { content: '牵头单位：市科技局，配合单位：各县、区人民政府、市财政局', units: ['市科技局', '各县、区人民政府', '市财政局'] },
    { content: '责任单位：市科技局及相关行业主管部门', units: ['市科技局', '相关行业主管部门'] },
    { content: '责任单位：市文化和旅游局、市住房和城乡建设局', units: ['市文化和旅游局', '市住房和城乡建设局'] },
  ])('$content', ({ content, units }) => {
    const got = parse(content)!;
    expect(got).not.toBeNull();
    expect([...got.lead, ...got.support]).toEqual(units);
  });
});

describe('input styles and evaluation methods', () => {
  const found = (text: string) =>
    findRoleAnnotations(text, responsibilityRules(rules), isUnit).map((a) => ({ lead: a.lead, support: a.support, roles: a.roles }));
  it.each([
    {
      style: 'crawled markdown: **bold** label',
      text: '1.加强执法。开展专项行动。\n**牵头单位**：市公安局；**配合单位**：市司法局\n',
      want: [{ lead: ['市公安局'], support: ['市司法局'], roles: 'split' }],
    },
    {
      style: 'legal-database export: full-width indent',
      text: '　　一、加强执法。\n　　责任单位：市公安局、市司法局\n',
      want: [{ lead: ['市公安局'], support: ['市司法局'], roles: 'unsplit' }],
    },
    {
      style: 'evaluation method: 牵头考核单位 / 责任单位',
      text: '（一）专利质量。（牵头考核单位：市知识产权局，责任单位：市科技局）\n',
      want: [{ lead: ['市知识产权局'], support: ['市科技局'], roles: 'split' }],
    },
  ])('$style', ({ text, want }) => {
    expect(found(text)).toEqual(want);
  });
});
