/**
 * One pattern per row: a short passage in a style real plans use, run through
 * the real stages as a .txt document, and what must (and must not) come out.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { DocumentState } from '../../src/core/state.js';
import { runChainOn } from './chain.js';

const dir = mkdtempSync(join(tmpdir(), 'planlens-passages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
async function run(text: string): Promise<DocumentState> {
  const file = join(dir, `p${n++}.txt`);
  writeFileSync(file, text);
  return runChainOn(file);
}

const HEAD = '某某市知识产权工作方案\n\n为做好相关工作，制定本方案。\n一、重点任务\n';

describe('departments: government units are actors, others are not', () => {
  it.each([
    { passage: '（一）加强执法。开展专项行动（责任单位：省市场监管局、省公安厅）。', yes: ['省市场监管局', '省公安厅'], no: [] },
    {
      passage: '（一）强化宣传。市委宣传部、市发展改革委、市工业和信息化局联合开展宣传活动。',
      yes: ['市委宣传部', '市发展改革委', '市工业和信息化局'],
      no: [],
    },
    {
      passage: '（一）司法保护。市中级人民法院、区人民检察院加强协作，市税务局、市地方金融监管局做好配合。',
      yes: ['市中级人民法院', '区人民检察院', '市税务局', '市地方金融监管局'],
      no: [],
    },
    {
      passage: '（一）口岸保护。宁波海关加强进出口环节监管，国家知识产权局专利局杭州代办处提供受理服务。',
      yes: ['宁波海关', '国家知识产权局专利局杭州代办处'],
      no: ['国家知识产权局'],
    },
    {
      passage: '（一）协同创新。支持浙江大学、之江实验室、某某研究院与某某科技有限公司、某某产业联盟开展合作，建设公共服务平台。',
      yes: [],
      no: ['浙江大学', '某某科技有限公司', '某某产业联盟'],
    },
    { passage: '（一）保护中心。中国（宁波）知识产权保护中心开展快速预审服务。', yes: ['中国（宁波）知识产权保护中心'], no: [] },
    { passage: '（一）建设法庭。推动宁波知识产权法庭建设，成立市知识产权服务中心。', yes: [], no: ['宁波知识产权法庭', '市知识产权服务中心'] },
    { passage: '（一）人大监督。配合市人大常委会开展执法检查。', yes: ['市人大常委会'], no: [] },
    {
      passage: '（一）园区。高新区科技创新局会同高新区财政金融局推进平台建设。',
      yes: ['高新区科技创新局', '高新区财政金融局'],
      no: ['高新区科技创新局会同高新区财政金融局'],
    },
    { passage: '（一）金融。国家金融监督管理总局宁波监管局指导银行开展质押融资。', yes: ['国家金融监督管理总局宁波监管局'], no: ['国家金融监督管理总局'] },
    {
      passage: '（一）税收。国家税务总局宁波市鄞州区税务局落实税收优惠政策。',
      yes: ['国家税务总局宁波市鄞州区税务局'],
      no: ['国家税务总局', '宁波市鄞州区税务局'],
    },
    { passage: '（一）税收。国家税务总局宁波经济技术开发区税务局落实税收优惠政策。', yes: ['国家税务总局宁波经济技术开发区税务局'], no: ['国家税务总局'] },
    { passage: '（一）青年。团市委、团区委组织青年创新创业大赛。', yes: ['团市委', '团区委'], no: [] },
    { passage: '（一）园区。园区知识产权局会同园区财政局推进质押融资。', yes: ['园区知识产权局', '园区财政局'], no: [] },
    { passage: '（一）统筹。市数字经济建设领导小组统筹推进各项工作。', yes: ['市数字经济建设领导小组'], no: [] },
    { passage: '（一）金融。宁波银保监分局县域监管组指导银行开展质押融资。', yes: ['宁波银保监分局县域监管组'], no: [] },
  ])(
    '$passage',
    async ({ passage, yes, no }) => {
      const names = (await run(HEAD + passage + '\n')).extractions!.departments.map((d) => d.name);
      for (const name of yes) expect(names).toContain(name);
      for (const name of no) expect(names).not.toContain(name);
    },
    30_000,
  );

  it('a body a national organ set up, named after it', async () => {
    const names = (await run(HEAD + '（一）统筹。国务院知识产权战略实施工作部际联席会议办公室加强统筹协调。\n')).extractions!.departments.map((d) => d.name);
    expect(names).toContain('国务院知识产权战略实施工作部际联席会议办公室');
    expect(names).not.toContain('国务院');
  }, 30_000);

  it('units a notice is addressed to are not actors', async () => {
    const names = (
      await run('关于印发某某工作方案的通知\n\n各区人民政府，市政府各委、办、局：\n现将方案印发给你们。\n一、任务\n（一）执法。市公安局开展专项行动。\n')
    ).extractions!.departments.map((d) => d.name);
    expect(names).toContain('市公安局');
    expect(names).not.toContain('市政府');
  }, 30_000);
});

describe('responsibilities: how plans name who does a task', () => {
  it.each([
    {
      layout: '（责任单位：…）',
      passage: '（一）加强执法。开展专项行动。（责任单位：区科技局、区财政局）',
      lead: ['区科技局'],
      support: ['区财政局'],
      roles: 'unsplit',
    },
    {
      layout: '（X牵头，Y、Z配合） with 和 inside a name',
      passage: '（一）推进品牌建设。培育区域品牌。（区农业农村局牵头，区商务局、区文化和旅游局配合）',
      lead: ['区农业农村局'],
      support: ['区商务局', '区文化和旅游局'],
      roles: 'split',
    },
    {
      layout: '…，X负责。 as the closing clause',
      passage: '（一）激发青年活力。举办创新创业大赛，团市委负责。',
      lead: ['团市委'],
      support: [],
      roles: 'split',
    },
    {
      layout: '由X负责 with 和 inside a name',
      passage: '（一）推进产业数字化。实施改造行动，由区经济和信息化局负责。',
      lead: ['区经济和信息化局'],
      support: [],
      roles: 'split',
    },
    {
      layout: '由X会同Y负责 (X leads)',
      passage: '（一）强化要素保障。由区自然资源和规划分局会同区住房和城乡建设局负责，保障重点项目用地需求。',
      lead: ['区自然资源和规划分局'],
      support: ['区住房和城乡建设局'],
      roles: 'split',
    },
    {
      layout: '由X和Y共同负责',
      passage: '（一）加强风险补偿。设立风险补偿资金池，由区财政局和区市场监管局共同负责。',
      lead: ['区财政局'],
      support: ['区市场监管局'],
      roles: 'unsplit',
    },
    {
      layout: 'unbracketed X牵头，Y配合 sentence',
      passage: '（一）实施品牌工程。建立重点商标保护名录。区市场监管局牵头，区农业农村局、区商务局配合。',
      lead: ['区市场监管局'],
      support: ['区农业农村局', '区商务局'],
      roles: 'split',
    },
    {
      layout: 'label lines of their own',
      passage: '1.扩大质押融资\n推动银行设立专营部门。\n牵头单位：区地方金融监管局\n配合单位：区市场监管局、区财政局\n完成时限：2025年12月',
      lead: ['区地方金融监管局'],
      support: ['区市场监管局', '区财政局'],
      roles: 'split',
    },
    {
      layout: '【牵头单位：…；配合单位：…】 square brackets',
      passage: '（一）加强地理标志培育。推动产品产业化。【牵头单位：区农业农村局；配合单位：区市场监管局】',
      lead: ['区农业农村局'],
      support: ['区市场监管局'],
      roles: 'split',
    },
    {
      layout: 'annotation wrapped over lines (fixed-width text)',
      passage:
        '（一）加强保护。建立生态产品地理标志保护名录，推动地理标志与生态产品价值实现相融合（区市场监管局、区农业农村局、区\n发展改革委按职责分工负责）。',
      lead: ['区市场监管局'],
      support: ['区农业农村局', '区发展改革委'],
      roles: 'unsplit',
    },
    {
      layout: 'a sentence opening with X牵头，Y等部门配合, the task after it',
      passage: '（一）培育数据商。区商务局牵头，区大数据局等部门配合，培育一批数据商。',
      lead: ['区商务局'],
      support: ['区大数据局'],
      roles: 'split',
    },
    {
      layout: 'X牵头 opening a sentence, no supporters',
      passage: '（一）开展试点。选取重点行业。区财政局牵头，开展数据资产入表试点。',
      lead: ['区财政局'],
      support: [],
      roles: 'split',
    },
    {
      layout: '由X负责，Y、Z按职责分工负责 (one task: X leads, the others support)',
      passage: '（一）强化要素保障。由区自然资源和规划局负责，区住房城乡建设局、区发展改革委按职责分工负责。',
      lead: ['区自然资源和规划局'],
      support: ['区住房城乡建设局', '区发展改革委'],
      roles: 'split',
    },
    {
      layout: '由X牵头 followed by a clause that is the task, not supporters',
      passage: '（一）完善联系机制。由区工商联牵头，建立企业负责人定期联系制度。',
      lead: ['区工商联'],
      support: [],
      roles: 'split',
    },
    {
      layout: 'an item with its own annotation: prose inside it tells how, the annotation who',
      passage: '（一）健全工作机制。由区领导小组办公室牵头，各成员单位参与，建立联动机制。（区发展改革委、区科技局负责）',
      lead: ['区发展改革委'],
      support: ['区科技局'],
      roles: 'unsplit',
    },
    {
      layout: '（X、Y，各县（市、区）党委和政府按职责分工负责）: a comma inside the list, an organ sharing its level',
      passage: '（一）加强人才支撑。引进高层次人才。（区委组织部、区人力资源社会保障局，各镇（街道）党委和政府按职责分工负责）',
      lead: ['区委组织部'],
      support: ['区人力资源社会保障局', '各镇（街道）党委和政府'],
      roles: 'unsplit',
    },
    {
      layout: 'a sentence of roles led by a group of governments: 各镇人民政府负责，X配合',
      passage: '（一）改善人居环境。推进农村厕所革命。各镇人民政府负责，区住房城乡建设局、区卫生健康局配合。',
      lead: ['各镇人民政府'],
      support: ['区住房城乡建设局', '区卫生健康局'],
      roles: 'split',
    },
    {
      layout: '（X牵头，各区配合）: a group as the supporters',
      passage: '（一）推进数据共享。建设共享平台。（区大数据局牵头，各街道配合）',
      lead: ['区大数据局'],
      support: ['各街道'],
      roles: 'split',
    },
    {
      layout: '责任单位：X，Y、Z配合',
      passage: '（一）完善评估体系。建立评估指引。责任单位：区市场监管局，区科技局、区财政局配合',
      lead: ['区市场监管局'],
      support: ['区科技局', '区财政局'],
      roles: 'split',
    },
  ])(
    '$layout',
    async ({ passage, lead, support, roles }) => {
      const x = (await run(HEAD + passage + '\n')).extractions!;
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
      layout: 'one cell per line (Word text), 牵头单位 | 责任单位 columns',
      table:
        '\t序号\n\t重点任务\n\t牵头单位\n\t责任单位\n\t完成时限\n\n\t1\n\t深化执法衔接\n\t市知识产权局\n\t市公安局\n\t2023年9月\n\n\t2\n\t加强口岸保护\n\t宁波海关\n\t市商务局\n\t长期坚持\n',
    },
  ])(
    'task table: $layout',
    async ({ table }) => {
      const x = (await run(HEAD + table + '二、保障措施\n加强组织领导。\n')).extractions!;
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
      const x = (await run(HEAD + passage + '\n')).extractions!;
      expect(x.responsibilities).toEqual([]);
    },
    30_000,
  );
});

it('a project table (项目名称 | 建设内容 | 责任单位) assigns its projects', async () => {
  const table = '\t序号\n\t项目名称\n\t建设内容\n\t责任单位\n\n\t1\n\t知识产权运营服务平台\n\t建设运营服务平台\n\t市市场监管局、市数据资源局\n';
  const x = (await run(HEAD + table + '二、保障措施\n加强组织领导。\n')).extractions!;
  expect(x.responsibilities.map((r) => [r.task, r.lead, r.support, r.roles])).toEqual([
    ['知识产权运营服务平台', ['市市场监管局'], ['市数据资源局'], 'unsplit'],
  ]);
}, 30_000);

describe('milestones: phases and deadlines as plans write them', () => {
  it.each([
    { passage: '（一）动员部署阶段（2023年1月—6月）。制定方案。', what: '动员部署阶段', start: '2023-01', end: '2023-06' },
    { passage: '（一）动员部署（2023年4月—6月）：召开动员会议。', what: '动员部署', start: '2023-04', end: '2023-06' },
    { passage: '（一）完善机制。2025年6月底前实现质押登记全程网办。', what: '实现质押登记全程网办', start: null, end: '2025-06' },
    { passage: '（一）加强监管。请各区于2024年4月10日前报送工作方案。', what: '报送工作方案', start: null, end: '2024-04' },
    { passage: '（一）建设高地。到2024年底，建成区域知识产权保护高地。', what: '建成区域知识产权保护高地', start: null, end: '2024' },
    { passage: '（一）强化督查。区政府督查室2024年9月底前对任务落实情况开展专项督查。', what: '对任务落实情况开展专项督查', start: null, end: '2024-09' },
    { passage: '（一）启动部署阶段\n2024年3月—4月。制定实施方案，召开动员会议。', what: '启动部署阶段', start: '2024-03', end: '2024-04' },
    { passage: '第一阶段：调查摸底（2024年1月—3月）。全面摸清底数。', what: '第一阶段：调查摸底', start: '2024-01', end: '2024-03' },
    { passage: '第二阶段（2024年4月—9月）：试点推进。', what: '第二阶段：试点推进', start: '2024-04', end: '2024-09' },
    { passage: '（一）平台建设。2024年上半年完成平台升级改造。', what: '完成平台升级改造', start: null, end: '2024-06' },
    { passage: '（一）政策配套。2024年第三季度出台配套政策。', what: '出台配套政策', start: null, end: '2024-09' },
  ])(
    '$passage',
    async ({ passage, what, start, end }) => {
      const x = (await run(HEAD + passage + '\n')).extractions!;
      expect(x.milestones.map((m) => ({ what: m.what, start: m.start, end: m.end }))).toContainEqual({ what, start, end });
    },
    30_000,
  );

  it('a section deadline does not reach the 附件 after it', async () => {
    const x = (await run(HEAD + '2025年底前，完成规划中期调整。\n\n附件：主要指标完成情况表\n')).extractions!;
    expect(x.milestones.map((m) => m.what)).toContain('完成规划中期调整');
    expect(x.milestones.map((m) => m.what).join('|')).not.toContain('情况表');
  }, 30_000);

  it('年底前 takes the year of an annual plan', async () => {
    const x = (await run('2024年某某市知识产权工作要点\n\n一、重点工作\n（一）推进立法。年底前完成立法调研。\n')).extractions!;
    expect(x.milestones.map((m) => [m.what, m.end])).toContainEqual(['完成立法调研', '2024']);
  }, 30_000);

  it("phases written with months only take the annual plan's year", async () => {
    const x = (await run('某某市2024年知识产权工作计划\n\n一、实施安排\n（一）部署阶段（3月—4月）：制定任务清单。\n（二）总结阶段（11月—12月）：开展考核。\n'))
      .extractions!;
    expect(x.milestones.map((m) => [m.what, m.start, m.end])).toEqual([
      ['部署阶段', '2024-03', '2024-04'],
      ['总结阶段', '2024-11', '2024-12'],
    ]);
  }, 30_000);

  it('年底前 without any year in the document gives no milestone', async () => {
    const x = (await run(HEAD + '（一）推进立法。年底前完成立法调研。\n')).extractions!;
    expect(x.milestones.map((m) => m.what)).not.toContain('完成立法调研');
  }, 30_000);

  it('实现… under 到2025年 is a vision, not a milestone', async () => {
    const x = (await run(HEAD + '（一）发展目标。到2025年，实现知识产权大市向强市的跨越。\n')).extractions!;
    expect(x.milestones).toEqual([]);
  }, 30_000);
});

describe('document metadata', () => {
  it.each([
    {
      front:
        '江苏省人民政府办公厅关于印发江苏省数字经济发展规划的通知\n苏政办发〔2023〕12号\n\n各设区市人民政府：\n现印发给你们。\n\n江苏省人民政府办公厅\n二〇二三年三月一日\n\n江苏省数字经济发展规划\n\n第一章 发展基础\n第一节 主要成效\n成效显著。\n',
      expected: {
        title: '江苏省数字经济发展规划',
        region: '江苏省',
        level: 'province',
        issuer: '江苏省人民政府办公厅',
        docNumber: '苏政办发〔2023〕12号',
        issued: '2023-03-01',
        type: 'plan',
      },
    },
    {
      front:
        '北京市人民政府办公厅关于印发《北京市某某行动方案（2021-2025年）》的通知\n京政办发〔2022〕5号\n\n北京市人民政府办公厅\n2022年1月28日\n\n北京市某某行动方案（2021-2025年）\n\n一、总体要求\n到2025年，体系更加完善。\n',
      expected: {
        title: '北京市某某行动方案（2021-2025年）',
        region: '北京市',
        level: 'province',
        docNumber: '京政办发〔2022〕5号',
        issued: '2022-01-28',
        period: [2021, 2025],
        type: 'work-plan',
      },
    },
    {
      front: '杭州高新区知识产权运营实施方案（2023-2025）\n\n一、工作目标\n打造运营高地。\n',
      expected: { title: '杭州高新区知识产权运营实施方案（2023-2025）', region: '杭州市', level: 'zone', period: [2023, 2025], type: 'work-plan' },
    },
    {
      front: '（此件公开发布）\n宁波市鄞州区2024年知识产权工作要点\n\n一、重点工作\n（一）推进立法。\n',
      expected: { title: '宁波市鄞州区2024年知识产权工作要点', region: '宁波市鄞州区', level: 'district', period: [2024, 2024], type: 'work-plan' },
    },
    {
      front:
        '广州市市场监督管理局（广州市知识产权局）\n关于做好知识产权宣传周活动的通知\n\n各区市场监管局：\n现将有关事项通知如下。\n\n广州市市场监督管理局（广州市知识产权局）\n2024年3月25日\n',
      expected: { title: '关于做好知识产权宣传周活动的通知', issuer: '广州市市场监督管理局（广州市知识产权局）', issued: '2024-03-25', type: 'notice' },
    },
    {
      front:
        '2024年知识产权强国建设纲要和“十四五”规划实施推进计划\n\n为贯彻落实党中央、国务院决策部署，制定本计划。\n一、完善制度\n1.推进规章修订。（国家知识产权局负责）\n2.推动修改商标法。（国家知识产权局、司法部等按职责分工负责）\n',
      expected: { region: '全国', level: 'national', period: [2024, 2024], type: 'work-plan' },
    },
    {
      front: '某某市国民经济和社会发展第十四个五年规划和2035年远景目标纲要\n\n第一章 发展基础\n第一节 主要成效\n成效显著。\n',
      expected: { period: [2021, 2025], type: 'plan' },
    },
    {
      front:
        '索 引 号：000000/2024-00012\n发布机构：某某市市场监督管理局\n发文字号：某市监〔2024〕22号\n成文日期：2024-03-08\n\n某某市2024年知识产权工作计划\n\n一、总体要求\n统筹推进。\n',
      expected: {
        title: '某某市2024年知识产权工作计划',
        issuer: '某某市市场监督管理局',
        docNumber: '某市监〔2024〕22号',
        issued: '2024-03-08',
        period: [2024, 2024],
      },
    },
    {
      front: '附件1\n\n苏州工业园区知识产权金融\n实施方案（2024—2025年）\n\n一、总体要求\n体系更加完善。\n\n苏州工业园区管理委员会办公室\n2024年3月\n',
      expected: {
        title: '苏州工业园区知识产权金融实施方案（2024—2025年）',
        region: '苏州市',
        level: 'zone',
        issuer: '苏州工业园区管理委员会办公室',
        issued: null,
        period: [2024, 2025],
      },
    },
    {
      front: '浦东新区数据开放行动计划（2024—2026年）\n\n一、工作目标\n体系基本建成。\n',
      expected: { title: '浦东新区数据开放行动计划（2024—2026年）', region: '上海市浦东新区', level: 'district', period: [2024, 2026] },
    },
    {
      front:
        '某某县人民政府办公室\n关于印发某某县知识产权保护工作实施方案的通知\n\n各乡镇人民政府：\n现印发给你们。\n\n2023年6月12日\n\n某某县知识产权保护工作实施方案\n\n一、工作目标\n体系基本健全。\n',
      expected: { title: '某某县知识产权保护工作实施方案', issuer: '某某县人民政府办公室', issued: '2023-06-12', type: 'work-plan' },
    },
  ])(
    '$expected.title',
    async ({ front, expected }) => {
      const meta = (await run(front)).structure!.metadata;
      expect(meta).toMatchObject(expected);
    },
    30_000,
  );
});
