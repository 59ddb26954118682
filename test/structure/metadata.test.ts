/** Document metadata equals the gold `document` block, for every format of every document. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../../src/core/offset-map.js';
import { RuleSet } from '../../src/rules/index.js';
import { buildStructure } from '../../src/structure/index.js';
import { parseDateLine } from '../../src/structure/metadata/dates.js';
import { CORPORA, GOLD, rules, structuredOnce } from './chain.js';

const CASES = readdirSync(GOLD)
  .filter((name) => name.endsWith('.gold.json'))
  .flatMap((name) => {
    const gold = JSON.parse(readFileSync(resolve(GOLD, name), 'utf8')).document;
    const doc = name.replace(/\.gold\.json$/, '');
    return ['txt', 'docx', 'pdf']
      .map((ext) => `${doc}.${ext}`)
      .filter((file) => existsSync(resolve(CORPORA, file)))
      .map((file) => ({ file, gold }));
  });

describe('metadata', () => {
  it('covers every gold document', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(7);
  });

  it.each(CASES)('$file matches gold', async ({ file, gold }) => {
    const { structure } = await structuredOnce(file);
    const m = structure!.metadata;
    expect({
      title: m.title,
      region: m.region,
      level: m.level,
      issuer: m.issuer,
      doc_number: m.docNumber,
      issued: m.issued,
      period: m.period,
      type: m.type,
    }).toEqual(gold);
  });

  it('resolves the region with codes and parents from the division list', async () => {
    const { structure } = await structuredOnce('xuanwu-ip-14fyp-plan.txt');
    expect(structure!.metadata).toMatchObject({ region: '南京市玄武区', regionCode: '320102', regionParents: ['南京市', '江苏省'] });
  });
});

function metadataOf(lines: string[], ruleSet: RuleSet = rules) {
  const text = lines.join('\n');
  let at = 0;
  const blocks = lines.map((line) => {
    const block = { kind: 'paragraph' as const, start: at, end: at + line.length };
    at += line.length + 1;
    return block;
  });
  return buildStructure({ text, blocks, offsetMap: OffsetMap.identity(text.length) }, ruleSet).metadata;
}

describe('metadata patterns', () => {
  it.each([
    { line: '宁政办发〔2024〕11 号', want: '宁政办发〔2024〕11号' },
    { line: '苏政发[2021] 1号', want: '苏政发〔2021〕1号' },
    { line: '国发〔２０２１〕２０号', want: '国发〔2021〕20号' },
  ])('document number $line → $want', ({ line, want }) => {
    expect(metadataOf([line, '关于印发《某某规划》的通知', '一、总则', '正文。']).docNumber).toBe(want);
  });

  it('a number cited inside a sentence is not the document number', () => {
    expect(metadataOf(['按照《通知》（宁发改规划字〔2023〕217号）要求，开展评估。', '一、总则']).docNumber).toBeNull();
  });

  it.each([
    { line: '2022年6月16日', want: '2022-06-16' },
    { line: '二〇二二年六月十六日', want: '2022-06-16' },
    { line: '二○二四年十二月三十一日', want: '2024-12-31' },
    { line: '南京市人民政府办公厅 2024年1月5日', want: '2024-01-05' },
    { line: '2022年6月16日印发', want: null },
    { line: '2022年13月1日', want: null },
  ])('date line $line → $want', ({ line, want }) => {
    expect(parseDateLine(line)?.iso ?? null).toBe(want);
  });

  it.each([
    { title: '江苏省“十四五”知识产权发展规划', period: [2021, 2025], type: 'plan', region: '江苏省', level: 'province' },
    { title: '上海市知识产权强市建设实施方案（2021—2025年）', period: [2021, 2025], type: 'work-plan', region: '上海市', level: 'province' },
    { title: '苏州市“十三五”知识产权发展规划中期评估报告', period: [2016, 2020], type: 'evaluation', region: '苏州市', level: 'city' },
    { title: '南京市鼓楼区知识产权行动计划（2023-2025年）', period: [2023, 2025], type: 'work-plan', region: '南京市鼓楼区', level: 'district' },
    { title: '福州市鼓楼区“十四五”知识产权发展规划', period: [2021, 2025], type: 'plan', region: '福州市鼓楼区', level: 'district' },
    // A county (县, 旗) and a county-level city are counties, not districts.
    { title: '沭阳县知识产权强县建设工作方案（2024—2026年）', period: [2024, 2026], type: 'work-plan', region: '沭阳县', level: 'county' },
    { title: '鄂托克旗“十四五”知识产权发展规划', period: [2021, 2025], type: 'plan', region: '鄂托克旗', level: 'county' },
    { title: '昆山市“十四五”知识产权发展规划', period: [2021, 2025], type: 'plan', region: '昆山市', level: 'county' },
    // A county is named as the title names it, with its city only where the title writes the city; a district keeps its city.
    { title: '宿迁市沭阳县知识产权强县建设工作方案（2024—2026年）', period: [2024, 2026], type: 'work-plan', region: '宿迁市沭阳县', level: 'county' },
    { title: '玄武区“十四五”知识产权发展规划', period: [2021, 2025], type: 'plan', region: '南京市玄武区', level: 'district' },
    { title: '南京市江北新区知识产权发展规划（2021—2025年）', period: [2021, 2025], type: 'plan', region: '南京市', level: 'zone' },
    { title: '“十四五”国家知识产权保护和运用规划', period: [2021, 2025], type: 'plan', region: '全国', level: 'national' },
  ])('title $title', ({ title, ...want }) => {
    // The body names other places; the title decides.
    const m = metadataOf([title, '一、总体要求', '支持北京市、上海市、广州市、杭州市建设知识产权强市。']);
    expect({ period: m.period, type: m.type, region: m.region, level: m.level }).toEqual(want);
  });

  it.each([
    // The place the title or issuer names.
    { lines: ['阿坝州政务数据资源管理暂行办法', '第一章 总则'], region: '阿坝州', level: 'city' },
    { lines: ['恩施州数字经济发展行动方案', '一、总体要求'], region: '恩施州', level: 'city' },
    { lines: ['长阳县数字乡村建设实施方案', '一、总体要求'], region: '长阳县', level: 'county' },
    { lines: ['杨“数”浦新质秀带创新区建设方案', '一、主要目标', '上海市杨浦区人民政府', '2025年3月10日'], region: '上海市杨浦区', level: 'zone' },
    // National organs as issuers: the whole country, whatever places the body names.
    { lines: ['工业和信息化部关于促进卫星通信产业发展的指导意见', '一、总体要求', '支持北京市、上海市开展试点。'], region: '全国', level: 'national' },
    {
      lines: ['市场监管总局办公厅、工业和信息化部办公厅关于开展智能制造标准应用试点工作的通知', '一、试点内容', '材料邮寄地址：北京市东城区安定门东大街1号'],
      region: '全国',
      level: 'national',
    },
    { lines: ['中共中央 国务院关于做好全面推进乡村振兴重点工作的意见', '一、总体要求'], region: '全国', level: 'national' },
    // No title (a dataset cell): the scope the text speaks for.
    {
      lines: [
        '为贯彻省委、省政府部署，推动全省人工智能发展，制定本行动计划。',
        '一、主要目标',
        '到2027年，山东人工智能产业全国领先，全国前列，全国一流。',
        '支持济南、青岛建设先导区。',
      ],
      region: '山东省',
      level: 'province',
    },
    {
      lines: ['为加快全市人工智能产业创新发展，落实市委部署，制定本行动计划。', '一、总体要求', '到2026年，济南人工智能产业全国领先。', '支持全省先进制造业。'],
      region: '济南市',
      level: 'city',
    },
    {
      lines: ['为落实省委、省政府部署，推动全省信息技术创新，制定本行动计划。', '一、主要目标', '支持济南市、青岛市、烟台市建设创新高地。'],
      region: '山东省',
      level: 'province',
    },
    {
      lines: [
        '为推动本市人工智能产业发展，落实市委、市政府部署，制定本方案。',
        '一、工作目标',
        '支持浦东新区、徐汇区建设创新高地。',
        '鼓励上海人工智能企业上市。',
      ],
      region: '上海市',
      level: 'province',
    },
    {
      lines: ['为推动本市数据要素市场建设，制定本方案。', '一、工作目标', '支持海淀区、朝阳区建设数据专区，全市形成示范。'],
      region: '北京市',
      level: 'province',
    },
    {
      lines: ['为发展资本市场和基本市场体系，推动我国金融改革，制定本方案。', '一、总体要求', '健全资本市场，完善基本市场制度。'],
      region: '全国',
      level: 'national',
    },
    {
      lines: ['为深入贯彻党中央、国务院决策部署，推动我国建材工业数字化转型，制定本计划。', '一、总体要求', '支持北京市、上海市建设示范基地。'],
      region: '全国',
      level: 'national',
    },
    { lines: ['为推动国家标准体系建设，制定本指南。', '一、总体要求', '推动全市场统一标准，健全全市场监管体系。'], region: '全国', level: 'national' },
  ])('place of $lines.0', ({ lines, region, level }) => {
    const m = metadataOf(lines);
    expect({ region: m.region, level: m.level }).toEqual({ region, level });
  });

  it.each([
    // The title names the kind.
    { lines: ['关于推进北京市数据专区建设的指导意见', '一、总体要求'], type: 'work-plan' },
    { lines: ['关于加快“科创济南”建设全面提升科技创新能力的若干政策措施', '一、全力争创综合性国家科学中心'], type: 'work-plan' },
    { lines: ['国家人工智能产业综合标准化体系建设指南（2024版）', '一、总体要求'], type: 'plan' },
    { lines: ['国务院关于数字经济发展情况的报告', '一、发展成效'], type: 'evaluation' },
    { lines: ['阿坝州政务数据资源管理暂行办法', '第一章 总则'], type: 'notice' },
    { lines: ['市场监管总局办公厅、工业和信息化部办公厅关于开展2022年度智能制造标准应用试点工作的通知', '一、试点内容'], type: 'notice' },
    { lines: ['关于做好政府信息发布工作的通知', '各区人民政府：', '一、工作要求'], type: 'notice' },
    { lines: ['某市数字经济发展规划（征求意见稿）', '一、发展基础'], type: 'plan' },
    // No title: the kind the text names itself by.
    { lines: ['为加快人工智能产业发展，特制定本行动计划。', '一、主要目标'], type: 'work-plan' },
    { lines: ['为推进适老化改造，制定本方案。', '一、指导思想', '本方案自印发之日起实施。'], type: 'work-plan' },
    { lines: ['为加强标准体系建设，制定本指南。', '一、总体要求'], type: 'plan' },
    { lines: ['为规范数据管理，制定本办法。', '第一章 总则'], type: 'notice' },
    { lines: ['受国务院委托，现就数字经济发展情况报告如下，请审议。', '一、发展成效'], type: 'evaluation' },
    // 基本方案 is no self-reference.
    { lines: ['形成基本方案后报批。', '一、总体要求'], type: null },
  ])('type of $lines.0', ({ lines, type }) => {
    expect(metadataOf(lines).type).toBe(type);
  });

  it.each([
    // A publisher's mark closing the title is how the text was printed, not the document's name.
    { lines: ['某市卫生健康事业发展“十四五”规划（节选）', '一、发展基础'], title: '某市卫生健康事业发展“十四五”规划' },
    { lines: ['关于印发《某市数字经济发展规划（摘要）》的通知', '一、发展基础'], title: '某市数字经济发展规划' },
    // The document's own brackets stay.
    { lines: ['某市数字经济发展规划（征求意见稿）', '一、发展基础'], title: '某市数字经济发展规划（征求意见稿）' },
    { lines: ['某市知识产权保护办法（试行）', '第一章 总则'], title: '某市知识产权保护办法（试行）' },
    { lines: ['某市制造业数字化转型行动方案（2024—2026年）', '一、总体要求'], title: '某市制造业数字化转型行动方案（2024—2026年）' },
  ])('title of $lines.0', ({ lines, title }) => {
    expect(metadataOf(lines).title).toBe(title);
  });

  // A notice carrying the plan, signed with a date alone, above the plan's own title line: the notice names the issuer.
  const carried = ['现将规划印发给你们，请认真贯彻执行。', '2022年2月25日', '某市卫生健康事业发展规划', '第一章 发展基础', '正文。'];
  it.each([
    {
      lines: ['某市人民政府办公室关于印发某市卫生健康事业发展规划的通知', '某府办发〔2022〕9号', ...carried],
      issuer: '某市人民政府办公室',
      title: '某市卫生健康事业发展规划',
    },
    { lines: ['关于印发某市卫生健康事业发展规划的通知', '某府办发〔2022〕9号', ...carried], issuer: null, title: '某市卫生健康事业发展规划' },
  ])('issuer from the carrying notice: $lines.0', ({ lines, issuer, title }) => {
    const m = metadataOf(lines);
    expect({ issuer: m.issuer, title: m.title }).toEqual({ issuer, title });
  });

  it.each([
    {
      signature: ['上海市科学技术委员会', '上海市发展和改革委员会', '上海市教育委员会', '2025年7月10日'],
      issuer: '上海市科学技术委员会、上海市发展和改革委员会、上海市教育委员会',
    },
    { signature: ['工业和信息化部', '教育部', '中国科学院', '2024年1月18日'], issuer: '工业和信息化部、教育部、中国科学院' },
    { signature: ['特此通知。', '工业和信息化部', '2025年8月25日'], issuer: '工业和信息化部' },
    { signature: ['上海市科学技术委员会　　上海市教育委员会', '2025年7月10日'], issuer: '上海市科学技术委员会、上海市教育委员会' },
    { signature: ['教育部　科学技术部　国家发展改革委', '2024年1月18日'], issuer: '教育部、科学技术部、国家发展改革委' },
    { signature: ['中共南京市委办公厅　南京市人民政府办公厅', '2024年1月18日'], issuer: '中共南京市委办公厅、南京市人民政府办公厅' },
    // The spaces between them cleaned away (as normalise does).
    { signature: ['中共南京市委办公厅南京市人民政府办公厅', '2024年1月18日'], issuer: '中共南京市委办公厅、南京市人民政府办公厅' },
    { signature: ['上海市科学技术委员会上海市教育委员会', '2025年7月10日'], issuer: '上海市科学技术委员会、上海市教育委员会' },
    { signature: ['教育部科学技术部国家发展改革委', '2024年1月18日'], issuer: '教育部、科学技术部、国家发展改革委' },
    { signature: ['上海市人民政府办公厅', '2025年7月10日'], issuer: '上海市人民政府办公厅' },
    { signature: ['国务院国有资产监督管理委员会', '2025年7月10日'], issuer: '国务院国有资产监督管理委员会' },
    { signature: ['自然资源部国土空间规划局', '2025年7月10日'], issuer: '自然资源部国土空间规划局' },
    { signature: ['南京市市场监督管理局（南京市知识产权局）', '2025年7月10日'], issuer: '南京市市场监督管理局（南京市知识产权局）' },
    { signature: ['各有关单位：', '上海市科学技术委员会', '2025年3月10日'], issuer: '上海市科学技术委员会' },
  ])('signed by $issuer', ({ signature, issuer }) => {
    const m = metadataOf(['某某行动方案', ...signature, '一、总体要求', '正文。']);
    expect(m.issuer).toBe(issuer);
  });

  it.each([
    {
      name: 'a legal-database export repeats the notice title; 印发 without 关于 still carries',
      lines: [
        '【法宝引证码】 CLI.12.5679380',
        '原文链接：https://www.pkulaw.com/lar/a.html',
        '北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知',
        '北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知',
        '京经信发〔2022〕87号',
        '各区政府：',
        '北京市经济和信息化局',
        '2022年11月21日',
        '一、总体要求',
      ],
      want: { title: '关于推进北京市数据专区建设的指导意见', issuer: '北京市经济和信息化局', docNumber: '京经信发〔2022〕87号', issued: '2022-11-21' },
    },
    {
      name: 'a crawler typo in the page title gives way to the name the text quotes',
      lines: [
        '扩大内需战略规玥纲要(2022-2035年)',
        '发布日期: 2022年12月',
        '---',
        '政策全文',
        '近日，中共中央、国务院印发了《扩大内需战略规划纲要（2022－2035年）》，并发出通知。',
        '一、规划背景',
      ],
      want: { title: '扩大内需战略规划纲要（2022－2035年）' },
    },
    {
      name: 'the previous plan quoted in the preamble is not a spelling of the title',
      lines: ['济南市人工智能发展行动计划（2024—2026年）', '为落实《济南市人工智能发展行动计划（2021—2023年）》，制定本行动计划。', '一、总体要求'],
      want: { title: '济南市人工智能发展行动计划（2024—2026年）' },
    },
    {
      name: 'the page title gives way to the fuller title line of the text; section label and dateline are not title lines',
      lines: [
        '关于做好2023年全面推进乡村振兴重点工作的意见',
        '发布日期: 2023年2月14日',
        '发布机构: 中共中央',
        '---',
        '政策全文',
        '新华社北京2月13日电',
        '中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见',
        '（2023年1月2日）',
        '一、抓紧抓好粮食生产',
      ],
      want: {
        title: '中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见',
        issuer: '中共中央、国务院',
        issued: '2023-01-02',
        period: [2023, 2023],
        region: '全国',
      },
    },
    {
      name: 'a body-first dataset cell: the title over a bracketed number further down, the signature before the attachments',
      lines: [
        '各省、自治区、直辖市市场监管局：',
        '为贯彻落实《国家标准化发展纲要》，开展试点。',
        '一、试点内容',
        '试点内容如下。',
        '市场监管总局办公厅',
        '工业和信息化部办公厅',
        '2022年4月13日',
        '附件1',
        '智能制造标准应用试点实施方案',
        '二、申报条件',
        '市场监管总局办公厅、工业和信息化部办公厅关于开展2022年度智能制造标准应用试点工作的通知',
        '（市监标技发〔2022〕34号）',
        '各省、自治区、直辖市市场监管局：',
      ],
      want: {
        title: '市场监管总局办公厅、工业和信息化部办公厅关于开展2022年度智能制造标准应用试点工作的通知',
        issuer: '市场监管总局办公厅、工业和信息化部办公厅',
        docNumber: '市监标技发〔2022〕34号',
        issued: '2022-04-13',
        period: [2022, 2022],
        type: 'notice',
        region: '全国',
      },
    },
    {
      name: 'a title naming one of several issuers (等七部门) gives no issuer without the signature',
      lines: ['工业和信息化部等七部门关于推动未来产业创新发展的实施意见', '一、总体要求'],
      want: { issuer: null, region: '全国', level: 'national' },
    },
    {
      name: 'a text starting at the notice body: the document it hands over is the title',
      lines: [
        '各区人民政府，市政府有关部门：',
        '经市政府同意，现将《某市数字经济发展行动计划（2024—2026年）》印发给你们，请认真贯彻执行。',
        '某市人民政府办公厅',
        '2024年5月6日',
        '一、总体要求',
      ],
      want: { title: '某市数字经济发展行动计划（2024—2026年）', period: [2024, 2026], type: 'work-plan', issued: '2024-05-06' },
    },
    {
      name: 'the approval form of the handover',
      lines: ['各街道办事处：', '《某区知识产权发展规划》已经区政府同意，现印发给你们，请认真组织实施。', '一、发展基础'],
      want: { title: '某区知识产权发展规划', type: 'plan' },
    },
    {
      name: 'a plan cited in a preamble is no handover',
      lines: ['为贯彻落实《“十四五”数字经济发展规划》，制定本方案。', '一、总体要求'],
      want: { title: null, type: 'work-plan' },
    },
    {
      name: 'a notice about 信息发布 carries no document',
      lines: ['关于做好政府信息发布工作的通知', '各区人民政府：', '一、工作要求'],
      want: { title: '关于做好政府信息发布工作的通知', type: 'notice' },
    },
    {
      name: 'one central body whose name opens with 国务院 is not split',
      lines: ['国务院国有资产监督管理委员会关于推进中央企业数字化转型的指导意见', '一、总体要求'],
      want: { issuer: '国务院国有资产监督管理委员会', region: '全国', type: 'work-plan' },
    },
  ])('$name', ({ lines, want }) => {
    expect(metadataOf(lines)).toMatchObject(want);
  });

  it.each([
    {
      name: 'a plan cited in the preamble is not the period',
      lines: ['关于推进北京市数据专区建设的指导意见', '根据《“十四五”数字经济发展规划》，结合本市实际，提出如下意见。', '一、总体要求'],
      period: null,
    },
    {
      name: 'a horizon is not a period',
      lines: ['为加快人工智能发展，制定本行动计划。', '一、发展目标', '到2026年，全市人工智能产业规模达到1000亿元。'],
      period: null,
    },
    { name: 'a span the text states for itself', lines: ['某市数字经济发展规划', '规划期为2021—2025年，展望到2035年。', '一、发展基础'], period: [2021, 2025] },
    {
      name: 'the title range wins',
      lines: ['某市人工智能行动计划（2024—2026年）', '落实《“十四五”数字经济发展规划》。', '一、总体要求'],
      period: [2024, 2026],
    },
    {
      name: 'an untitled evaluation covers the plan it evaluates',
      lines: [
        '《南京市“十四五”知识产权发展规划》（以下简称《规划》）是纲领性文件。全面评估《规划》实施进展情况。',
        '一、规划实施总体情况',
        '中期评估显示，实施进展顺利，完成值达到序时进度。',
      ],
      period: [2021, 2025],
    },
    {
      name: 'an untitled report naming no evaluated plan has no period',
      lines: ['受国务院委托，现就数字经济发展情况报告如下，请审议。', '一、发展成效', '“十四五”以来，实施情况良好，《“十四五”数字经济发展规划》落实有力。'],
      period: null,
    },
    {
      name: 'goals framed by a plan period',
      lines: ['某高新区知识产权运营服务体系建设实施方案', '一、工作目标', '“十四五”期间，打造知识产权运营服务高地。', '二、重点任务'],
      period: [2021, 2025],
    },
    {
      name: 'a past period reviewed outside the goals',
      lines: ['某区知识产权工作方案', '一、发展基础', '“十三五”期间，全区专利授权量大幅增长。', '二、工作目标', '到2025年，专利授权量达到1000件。'],
      period: null,
    },
    {
      name: 'a period compared with inside the goals',
      lines: ['某区知识产权工作方案', '一、工作目标', '到2025年，专利授权量较“十三五”时期翻一番。'],
      period: null,
    },
  ])('period: $name', ({ lines, period }) => {
    expect(metadataOf(lines).period).toEqual(period);
  });

  it.each([
    {
      name: "a report delivered on the State Council's behalf, dated by its delivery line",
      lines: [
        '2022年10月28日在第十三届全国人民代表大会常务委员会第三十七次会议上',
        '国家发展和改革委员会主任 何立峰',
        '全国人民代表大会常务委员会：',
        '受国务院委托，现就数字经济发展情况报告如下，请审议。',
        '一、发展成效',
      ],
      want: { issuer: '国务院', issued: '2022-10-28', type: 'evaluation', region: '全国' },
    },
    {
      name: 'a news release of the document names its issuers; the dateline and the page date give the day',
      lines: [
        '扩大内需战略规划纲要（2022－2035年）',
        '发布日期: 2022年12月',
        '发布机构:',
        '---',
        '新华社北京12月14日电 近日，中共中央、国务院印发了《扩大内需战略规划纲要（2022－2035年）》，并发出通知。',
        '一、规划背景',
      ],
      want: { issuer: '中共中央、国务院', issued: '2022-12-14', period: [2022, 2035], type: 'plan' },
    },
    {
      name: 'a release of another plan cited in the preamble names no issuer of this one',
      lines: ['某市人工智能发展行动计划', '近日，国务院印发了《新一代人工智能发展规划》，为贯彻落实，制定本行动计划。', '一、总体要求'],
      want: { issuer: null },
    },
    {
      name: 'a dateline in another month than the page date gives no day',
      lines: ['某某规划纲要', '发布日期: 2022年11月', '新华社北京12月14日电 近日印发。', '一、规划背景'],
      want: { issued: null },
    },
  ])('$name', ({ lines, want }) => {
    expect(metadataOf(lines)).toMatchObject(want);
  });

  // Where the document's name comes from when the text has no plain title line (one row per way texts arrive).
  it.each([
    {
      name: 'a site breadcrumb above the notice title is page chrome',
      lines: [
        '湖州市人民政府',
        '首页 > 政务公开 > 政策文件',
        '湖州市人民政府办公室关于印发湖州市数字经济行动方案的通知',
        '各县区人民政府：',
        '现印发给你们。',
        '湖州市人民政府办公室',
        '2024年3月1日',
        '一、总体要求',
      ],
      want: { title: '湖州市数字经济行动方案', type: 'work-plan', region: '湖州市' },
    },
    {
      name: 'a breadcrumb with full-width separators',
      lines: ['网站首页＞信息公开＞规划计划', '衢州市智能制造发展规划', '一、发展基础'],
      want: { title: '衢州市智能制造发展规划', type: 'plan' },
    },
    {
      name: 'a page title with its site after an underscore',
      lines: ['湖州市数字经济行动方案_湖州市人民政府', '为加快发展，制定本方案。', '一、总体要求'],
      want: { title: '湖州市数字经济行动方案', issuer: null, region: '湖州市', type: 'work-plan' },
    },
    {
      name: 'a notice page title with its portal after a spaced dash',
      lines: [
        '湖州市人民政府办公室关于印发湖州市数字经济行动方案的通知 - 湖州市人民政府门户网站',
        '各区县人民政府：',
        '现印发给你们。',
        '湖州市人民政府办公室',
        '2024年3月1日',
        '一、总体要求',
      ],
      want: { title: '湖州市数字经济行动方案', issuer: '湖州市人民政府办公室', type: 'work-plan' },
    },
    {
      name: 'a page title with its site after a bar',
      lines: ['衢州市智能制造发展规划｜衢州市经济和信息化局', '一、发展基础'],
      want: { title: '衢州市智能制造发展规划', type: 'plan' },
    },
    {
      name: 'a dash inside a title without spaces stays',
      lines: ['湖州市数字经济发展规划（2021—2025年）', '一、发展基础'],
      want: { title: '湖州市数字经济发展规划（2021—2025年）', period: [2021, 2025] },
    },
    {
      name: 'an evaluation report naming itself (形成《…报告》)',
      lines: ['为总结“十四五”规划实施情况，我市组织开展中期评估，形成《湖州市知识产权“十四五”规划中期评估报告》。', '一、总体进展', '二、存在问题'],
      want: { title: '湖州市知识产权“十四五”规划中期评估报告', type: 'evaluation', period: [2021, 2025] },
    },
    {
      name: 'the issuer’s own making of the document, handed over (制定了《…》，现印发给你们)',
      lines: ['各区人民政府：', '为加快发展，我局制定了《关于推进嘉兴市数据要素发展的指导意见》，现印发给你们，请认真贯彻落实。', '一、总体要求'],
      want: { title: '关于推进嘉兴市数据要素发展的指导意见', type: 'work-plan' },
    },
    {
      name: 'a zone’s plan whose title names no place is at zone level by its issuer',
      lines: ['关于印发智能制造行动方案的通知', '各部门：', '现印发给你们。', '湖州经济技术开发区管理委员会', '2024年3月1日', '一、总体要求'],
      want: { title: '智能制造行动方案', level: 'zone' },
    },
  ])('$name', ({ lines, want }) => {
    expect(metadataOf(lines)).toMatchObject(want);
  });

  it.each([
    { name: 'a body sentence is no title', lines: ['为加快建设数字强市，结合我市实际，制定本方案。', '一、总体要求', '二、重点任务'] },
    { name: 'a plan the text cites is not formed by it', lines: ['根据《湖州市“十四五”规划》要求，开展以下工作。', '一、总体要求'] },
    { name: 'a document formed elsewhere that is not a report', lines: ['经过多轮研讨，形成《湖州市数据要素行动方案》初稿。', '一、总体要求'] },
  ])('no title: $name', ({ lines }) => {
    expect(metadataOf(lines).title).toBeNull();
  });

  it('a city’s own issuer keeps a place-less title at city level', () => {
    expect(metadataOf(['关于印发智能制造行动方案的通知', '各区县：', '现印发给你们。', '湖州市人民政府办公室', '2024年3月1日', '一、总体要求']).level).toBe(
      'city',
    );
  });

  it('an 附件 label above the title is not part of it', () => {
    expect(metadataOf(['附件2', '常州市知识产权强市建设工作方案', '一、总体要求']).title).toBe('常州市知识产权强市建设工作方案');
  });

  it('a carrier notice gives way to the title it carries', () => {
    const m = metadataOf([
      '关于印发《无锡市知识产权强市建设',
      '实施方案》的通知',
      '各区人民政府：',
      '现印发给你们。',
      '无锡市人民政府办公室',
      '2023年3月1日',
      '一、总体要求',
    ]);
    expect(m).toMatchObject({
      title: '无锡市知识产权强市建设实施方案',
      type: 'work-plan',
      issuer: '无锡市人民政府办公室',
      issued: '2023-03-01',
      region: '无锡市',
    });
  });
});

describe('rule files', () => {
  it('a broken heading pattern stops the run naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlens-rules-'));
    // Recursive: the indicator catalogue is a folder of rule files (rules/indicators/).
    cpSync(rules.dir, dir, { recursive: true });
    const yaml = readFileSync(join(dir, 'structure.yaml'), 'utf8').replace("pattern: '第([一二三四五六七八九十百零〇两]+)章'", "pattern: '第(一+章'");
    writeFileSync(join(dir, 'structure.yaml'), yaml);
    expect(() => metadataOf(['一、总则'], new RuleSet(dir))).toThrow(
      /structure\.yaml: headingStyles\[1\] \(chapter\)\.pattern: not a valid regular expression/,
    );
  });
});
