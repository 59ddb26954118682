/**
 * One pattern per row: a short passage in a style real plans use, run through
 * the real stages as a .txt document, and what must (and must not) come out.
 * The rows are data (passages.yaml, validated here); the cases below the
 * tables need more than a row says.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { rmSync } from 'node:fs';
import type { DocumentState } from '../../../src/core/state.js';
import { runChainOn } from './chain.js';
import { extracted } from '../../support/extracted.js';

const dir = mkdtempSync(join(tmpdir(), 'planlens-passages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
async function run(text: string): Promise<DocumentState> {
  const file = join(dir, `p${n++}.txt`);
  writeFileSync(file, text);
  return runChainOn(file);
}

const HEAD = '某某市知识产权工作方案\n\n为做好相关工作，制定本方案。\n一、重点任务\n';

const Names = z.array(z.string().min(1));
const Passages = z
  .object({
    departments: z.array(z.object({ passage: z.string().min(1), yes: Names, no: Names }).strict()),
    responsibilities: z.array(
      z.object({ layout: z.string().min(1), passage: z.string().min(1), lead: Names, support: Names, roles: z.enum(['split', 'unsplit']) }).strict(),
    ),
    milestones: z.array(z.object({ passage: z.string().min(1), what: z.string().min(1), start: z.string().nullable(), end: z.string().nullable() }).strict()),
    metadata: z.array(z.object({ front: z.string().min(1), expected: z.record(z.string(), z.unknown()) }).strict()),
  })
  .strict();
const {
  departments: DEPARTMENTS,
  responsibilities: RESPONSIBILITIES,
  milestones: MILESTONES,
  metadata: METADATA,
} = Passages.parse(parse(readFileSync(join(import.meta.dirname, 'passages.yaml'), 'utf8')));

describe('departments: government units are actors, others are not', () => {
  it.each(DEPARTMENTS)(
    '$passage',
    async ({ passage, yes, no }) => {
      const names = (await run(HEAD + passage + '\n')).departments!.map((d) => d.name);
      for (const name of yes) expect(names).toContain(name);
      for (const name of no) expect(names).not.toContain(name);
    },
    30_000,
  );

  it('a body a national organ set up, named after it', async () => {
    const names = (await run(HEAD + '（一）统筹。国务院知识产权战略实施工作部际联席会议办公室加强统筹协调。\n')).departments!.map((d) => d.name);
    expect(names).toContain('国务院知识产权战略实施工作部际联席会议办公室');
    expect(names).not.toContain('国务院');
  }, 30_000);

  it('units a notice is addressed to are not actors', async () => {
    const names = (
      await run('关于印发某某工作方案的通知\n\n各区人民政府，市政府各委、办、局：\n现将方案印发给你们。\n一、任务\n（一）执法。市公安局开展专项行动。\n')
    ).departments!.map((d) => d.name);
    expect(names).toContain('市公安局');
    expect(names).not.toContain('市政府');
  }, 30_000);
});

describe('responsibilities: how plans name who does a task', () => {
  it.each(RESPONSIBILITIES)(
    '$layout',
    async ({ passage, lead, support, roles }) => {
      const x = extracted(await run(HEAD + passage + '\n'));
      expect(x.responsibilities.map((r) => ({ lead: r.lead, support: r.support, roles: r.roles }))).toEqual([{ lead, support, roles }]);
    },
    30_000,
  );

  it.each([
    {
      layout: 'one row per line, TABs between cells',
      table: '序号\t重点任务\t责任单位\t完成时限\n1\t深化执法衔接\t市知识产权局、市公安局\t2023年9月底前\n2\t加强口岸保护\t宁波海关\t持续推进\n',
    },
    {
      layout: 'one row per line, one ideographic space between cells',
      table:
        '序号\u3000重点任务\u3000责任单位\u3000完成时限\n1\u3000深化执法衔接\u3000市知识产权局、市公安局\u30002023年9月底前\n2\u3000加强口岸保护\u3000宁波海关\u3000持续推进\n',
    },
    {
      layout: 'one cell per line (Word text), 牵头单位 | 责任单位 columns',
      table:
        '\t序号\n\t重点任务\n\t牵头单位\n\t责任单位\n\t完成时限\n\n\t1\n\t深化执法衔接\n\t市知识产权局\n\t市公安局\n\t2023年9月\n\n\t2\n\t加强口岸保护\n\t宁波海关\n\t市商务局\n\t长期坚持\n',
    },
  ])(
    'task table: $layout',
    async ({ table }) => {
      const x = extracted(await run(HEAD + table + '二、保障措施\n加强组织领导。\n'));
      expect(x.responsibilities.map((r) => r.task)).toEqual(['深化执法衔接', '加强口岸保护']);
      expect(x.responsibilities[0]!.lead).toEqual(['市知识产权局']);
      expect(x.responsibilities[0]!.support).toEqual(['市公安局']);
      expect(x.milestones.map((m) => [m.what, m.end])).toContainEqual(['深化执法衔接', '2023-09']);
      expect(x.milestones.map((m) => m.what)).not.toContain('加强口岸保护');
    },
    30_000,
  );

  it.each([
    ['bodies that are not units lead nothing', '（一）组建创新联合体。龙头企业牵头，高校、科研院所配合，组建创新联合体。'],
    ['牵头 inside a sentence names no unit', '（一）组建联合体。支持企业牵头组建创新联合体，高校配合开展研究。'],
    ['groups alone name no unit', '（一）改善人居环境。推进农村厕所革命。各镇人民政府负责，各村配合。'],
  ])(
    'no responsibility: %s',
    async (_why, passage) => {
      const x = extracted(await run(HEAD + passage + '\n'));
      expect(x.responsibilities).toEqual([]);
    },
    30_000,
  );
});

describe('an annotation on a line of its own after a section’s numbered items', () => {
  const NEXT = '（二）可再生能源推广应用行动\n推动光伏规模化应用。\n（牵头单位：省能源局；配合单位：省自然资源厅）\n';
  it.each([
    {
      why: 'the only annotation of the section covers the section',
      passage:
        '（一）建筑能效提升行动\n1.全面推行绿色建筑。执行绿色建筑标准。\n2.推进既有建筑节能改造。同步实施节能改造。\n（责任单位：省住房城乡建设厅、省发展改革委）\n',
      tasks: ['建筑能效提升行动', '可再生能源推广应用行动'],
    },
    {
      why: 'each item with its own annotation line keeps its own',
      passage:
        '（一）建筑能效提升行动\n1.全面推行绿色建筑。执行绿色建筑标准。\n牵头单位：省住房城乡建设厅\n2.推进既有建筑节能改造。同步实施节能改造。\n牵头单位：省发展改革委\n',
      tasks: ['全面推行绿色建筑', '推进既有建筑节能改造', '可再生能源推广应用行动'],
    },
    {
      why: 'an annotation closing the last item’s paragraph is that item’s',
      passage:
        '（一）建筑能效提升行动\n1.全面推行绿色建筑。执行绿色建筑标准。\n2.推进既有建筑节能改造。同步实施节能改造。（责任单位：省住房城乡建设厅、省发展改革委）\n',
      tasks: ['推进既有建筑节能改造', '可再生能源推广应用行动'],
    },
  ])(
    '$why',
    async ({ passage, tasks }) => {
      const x = extracted(await run(HEAD + passage + NEXT));
      expect(x.responsibilities.map((r) => r.task)).toEqual(tasks);
    },
    30_000,
  );
});

describe('a task’s deadline stated in its item and again in the 分工表', () => {
  const TABLE =
    '二、任务分工\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t破除市场准入壁垒\t区市场监督管理局\t区司法局\t2025年6月底前\n2\t强化信用服务\t区发展和改革局\t区财政局\t2025年12月底前\n';
  const dated = (x: ReturnType<typeof extracted>) => x.milestones.map((m) => [m.what, m.end]);

  it('is one milestone, named as the table names the task', async () => {
    const x = extracted(await run(HEAD + '1.破除市场准入壁垒。全面落实负面清单制度，2025年6月底前完成妨碍公平竞争的政策措施清理工作。\n' + TABLE));
    expect(dated(x)).toContainEqual(['破除市场准入壁垒', '2025-06']);
    expect(dated(x).map(([what]) => what)).not.toContain('完成妨碍公平竞争的政策措施清理工作');
  }, 30_000);

  it.each([
    ['another task’s item keeps its own deadline', '1.规范涉企收费。2025年6月底前完成涉企收费清理工作。\n', ['完成涉企收费清理工作', '2025-06']],
    [
      'the same task due at another date is another milestone',
      '1.破除市场准入壁垒。2025年3月底前完成政策措施摸底工作。\n',
      ['完成政策措施摸底工作', '2025-03'],
    ],
  ])(
    'two milestones: %s',
    async (_why, item, kept) => {
      const x = extracted(await run(HEAD + item + TABLE));
      expect(dated(x)).toContainEqual(kept);
      expect(dated(x)).toContainEqual(['破除市场准入壁垒', '2025-06']);
    },
    30_000,
  );
});

it('a project table (项目名称 | 建设内容 | 责任单位) assigns its projects', async () => {
  const table = '\t序号\n\t项目名称\n\t建设内容\n\t责任单位\n\n\t1\n\t知识产权运营服务平台\n\t建设运营服务平台\n\t市市场监管局、市数据资源局\n';
  const x = extracted(await run(HEAD + table + '二、保障措施\n加强组织领导。\n'));
  expect(x.responsibilities.map((r) => [r.task, r.lead, r.support, r.roles])).toEqual([
    ['知识产权运营服务平台', ['市市场监管局'], ['市数据资源局'], 'unsplit'],
  ]);
}, 30_000);

describe('milestones: phases and deadlines as plans write them', () => {
  it.each(MILESTONES)(
    '$passage',
    async ({ passage, what, start, end }) => {
      const x = extracted(await run(HEAD + passage + '\n'));
      expect(x.milestones.map((m) => ({ what: m.what, start: m.start, end: m.end }))).toContainEqual({ what, start, end });
    },
    30_000,
  );

  it('a section deadline does not reach the 附件 after it', async () => {
    const x = extracted(await run(HEAD + '2025年底前，完成规划中期调整。\n\n附件：主要指标完成情况表\n'));
    expect(x.milestones.map((m) => m.what)).toContain('完成规划中期调整');
    expect(x.milestones.map((m) => m.what).join('|')).not.toContain('情况表');
  }, 30_000);

  it('年底前 takes the year of an annual plan', async () => {
    const x = extracted(await run('2024年某某市知识产权工作要点\n\n一、重点工作\n（一）推进立法。年底前完成立法调研。\n'));
    expect(x.milestones.map((m) => [m.what, m.end])).toContainEqual(['完成立法调研', '2024-12']);
  }, 30_000);

  it("phases written with months only take the annual plan's year", async () => {
    const x = extracted(
      await run('某某市2024年知识产权工作计划\n\n一、实施安排\n（一）部署阶段（3月—4月）：制定任务清单。\n（二）总结阶段（11月—12月）：开展考核。\n'),
    );
    expect(x.milestones.map((m) => [m.what, m.start, m.end])).toEqual([
      ['部署阶段', '2024-03', '2024-04'],
      ['总结阶段', '2024-11', '2024-12'],
    ]);
  }, 30_000);

  it('年底前 without any year in the document gives no milestone', async () => {
    const x = extracted(await run(HEAD + '（一）推进立法。年底前完成立法调研。\n'));
    expect(x.milestones.map((m) => m.what)).not.toContain('完成立法调研');
  }, 30_000);

  it('实现… under 到2025年 is a vision, not a milestone', async () => {
    const x = extracted(await run(HEAD + '（一）发展目标。到2025年，实现知识产权大市向强市的跨越。\n'));
    expect(x.milestones).toEqual([]);
  }, 30_000);
});

describe('document metadata', () => {
  it.each(METADATA)(
    '$expected.title',
    async ({ front, expected }) => {
      const meta = (await run(front)).structure!.metadata;
      expect(meta).toMatchObject(expected);
    },
    30_000,
  );
});
