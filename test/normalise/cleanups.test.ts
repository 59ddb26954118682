/**
 * Table-driven cases for each cleanup, run through the real normalise stage
 * on raw documents shaped like what the readers produce.
 */
import { describe, expect, it } from 'vitest';
import type { StageContext } from '../../src/core/stage.js';
import type { DocumentState, RawBlock, SourceFormat } from '../../src/core/state.js';
import { normaliseStage } from '../../src/normalise/index.js';
import { isPageNumberLine } from '../../src/normalise/page-furniture.js';
import { startsNewParagraph } from '../../src/normalise/headings.js';
import { RuleSet } from '../../src/rules/index.js';

const context: StageContext = { rules: new RuleSet() };

function normalise(blocks: RawBlock[], format: SourceFormat = 'txt', options: Record<string, unknown> = {}, pages?: number) {
  const sourceText = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'box' ? b.paragraphs : b.rows.flat().map((c) => c.text))).join('\n');
  const state: DocumentState = {
    source: { path: `case.${format}`, format, sha256: '', bytes: 0 },
    messages: [],
    raw: { blocks, sourceText, ...(pages ? { pages } : {}) },
  };
  const out = normaliseStage.run(state, normaliseStage.options.parse(options), context) as DocumentState;
  return out.normalised!;
}

const lines = (...texts: string[]): RawBlock[] => texts.map((text) => ({ kind: 'paragraph', text }));
const clean = (text: string, options: Record<string, unknown> = {}): string => normalise(lines(text), 'txt', options).text;

describe('character cleanups', () => {
  it.each([
    ['docx bookmark', '[bookmark: _Toc93592294]一、发展基础和面临形势', '一、发展基础和面临形势'],
    ['two bookmarks', '[bookmark: _Toc26516][bookmark: _Toc30510]持续实施', '持续实施'],
    ['digit–unit space', '到 2026 年，培育 100 家企业', '到2026年，培育100家企业'],
    ['date with spaces', '2022 年 6 月 16 日', '2022年6月16日'],
    ['stretched line', '构 ， 形 成 “ 品 牌 化', '构，形成“品牌化'],
    ['per cent sign', '提高 8.6 %', '提高8.6%'],
    ['Latin words keep their space', 'World Intellectual Property Organization', 'World Intellectual Property Organization'],
    ['Latin next to Chinese', '占 GDP 比重', '占GDP比重'],
    ['two numbers stay apart', '39.79 48.73', '39.79 48.73'],
    ['full-width digits', '１２３件', '123件'],
    ['full-width comparators', '＞2800，＜5，＝3，≥10', '>2800，<5，=3，≥10'],
    ['full-width per cent and decimal point', '８５％，３．５亿元', '85%，3.5亿元'],
    ['full-width letters', 'ＰＣＴ专利', 'PCT专利'],
    ['heading number point stays', '1．优化知识产权基层管理', '1．优化知识产权基层管理'],
    ['CJK punctuation stays', '（一）强化保护、运用：“十四五”；完成。', '（一）强化保护、运用：“十四五”；完成。'],
    ['ideographic indent and NBSP', '\u3000\u3000全市\u00a0发明专利', '全市发明专利'],
    ['zero-width characters', '专\u200b利\ufeff', '专利'],
    // A table row copied out with spaces between its cells keeps its column gaps as TABs.
    ['a row with column gaps', '创新投入  研发经费投入强度    %  2.88  3.3  预期性', '创新投入\t研发经费投入强度\t%\t2.88\t3.3\t预期性'],
    ['a row with ideographic gaps', '研发经费投入强度\u3000\u3000%\u3000\u30002.88\u3000\u30003.3', '研发经费投入强度\t%\t2.88\t3.3'],
    // A task table exported with one ideographic space between its cells: two such gaps or more, and no sentence end, make a row.
    [
      'a row with single ideographic gaps',
      '1\u3000完成撂荒地整治摸底建档\u3000县农业农村局\u3000各乡（镇）人民政府\u30002024年4月底前',
      '1\t完成撂荒地整治摸底建档\t县农业农村局\t各乡（镇）人民政府\t2024年4月底前',
    ],
    ['a header row with single ideographic gaps', '序号\u3000重点任务\u3000牵头单位\u3000完成时限', '序号\t重点任务\t牵头单位\t完成时限'],
    ['one ideographic gap is no row', '安徽省住房和城乡建设厅\u3000安徽省发展和改革委员会', '安徽省住房和城乡建设厅安徽省发展和改革委员会'],
    ['a chapter heading set between ideographic spaces is no row', '\u3000第二章\u3000智慧林业总体发展思路\u3000', '第二章智慧林业总体发展思路'],
    ['a table caption with one ideographic gap is no row', '表1\u3000安徽省城乡建设领域碳达峰主要指标', '表1安徽省城乡建设领域碳达峰主要指标'],
    [
      'a sentence with ideographic gaps',
      '第一章\u3000总则\u3000第一条\u3000为规范政务数据管理，制定本办法。',
      '第一章总则第一条为规范政务数据管理，制定本办法。',
    ],
    ['one wide gap is no row', '南京市科学技术局    2023年3月15日', '南京市科学技术局2023年3月15日'],
    ['single spaces are no gaps', '研发 经费 投入 强度 达到 3 %', '研发经费投入强度达到3%'],
    // One space between cells (pdftotext without -layout; a page or word processor that collapsed the TABs).
    ['a numbered row, one space between cells', '1 制造业增加值占地区生产总值比重 % 28.6 29 30 31', '1\t制造业增加值占地区生产总值比重\t%\t28.6\t29\t30\t31'],
    ['a header row with year columns', '序号 指标名称 单位 2023年基数 2024年 2025年 2026年', '序号\t指标名称\t单位\t2023年基数\t2024年\t2025年\t2026年'],
    ['a row with bracketed and dashed figures', '8 单位增加值能耗下降 % — 〔3.5〕 〔7〕', '8\t单位增加值能耗下降\t%\t—\t〔3.5〕\t〔7〕'],
    ['a row without a number, comparators in cells', '新建数据中心PUE值 — 1.6 ≤1.3 约束性', '新建数据中心PUE值\t—\t1.6\t≤1.3\t约束性'],
    ['a numbered row cut after its first figure', '3 高技术制造业增加值占比重 % 12.7', '3\t高技术制造业增加值占比重\t%\t12.7'],
    ['prose with spaced numbers is no row', '到 2025 年 达到 30 % 以上', '到2025年达到30%以上'],
    ['a spaced date is no row', '2023 年 4 月 7 日', '2023年4月7日'],
    ['prose punctuation: no row', '完成 2 项，新增 3 4 个', '完成2项，新增3 4个'],
    ['three cells are no row', '数字经济规模 1120 2000', '数字经济规模1120 2000'],
    // Crawled web pages saved as markdown.
    ['markdown title mark', '# 关于印发《某市行动方案》的通知', '关于印发《某市行动方案》的通知'],
    ['markdown section mark', '## 政策全文', '政策全文'],
    ['markdown bold heading', '**一、工作目标**', '一、工作目标'],
    ['indented bold heading', '\u3000\u3000**三、重点任务**', '三、重点任务'],
    ['bold field label', '**发布日期**: 2025-12-22', '发布日期: 2025-12-22'],
    ['bullet bold label', '- **文件编号**：工信部信管〔2025〕180号', '文件编号：工信部信管〔2025〕180号'],
    ['a dash item without bold keeps its dash', '- 数据来源', '-数据来源'],
    ['unbalanced crawler bold', '**某市行动方案（2026—2030年****）**', '某市行动方案（2026—2030年）'],
    ['markdown link keeps its text', '**原文链接**: [http://a.gov.cn/x.html](http://a.gov.cn/x.html)', '原文链接: http://a.gov.cn/x.html'],
    ['link with a name', '附件：[空间布局图.pdf](./x.pdf)', '附件：空间布局图.pdf'],
    ['a hash inside a line stays', '编号#3', '编号#3'],
    ['a single asterisk stays', '注：*为约束性指标', '注：*为约束性指标'],
    // Code points a PDF text layer gives for the characters a CJK font draws alike.
    ['Kangxi radicals', '⼈⺠⽣活⽔平⼤幅提⾼', '人民生活水平大幅提高'],
    ['Kangxi radicals next to digits', '⽤⼾数达6.97亿，截⾄2022年7⽉', '用户数达6.97亿，截至2022年7月'],
    ['simplified radical forms', '加快锻造⻓板、补⻬短板，推动⻋联⽹部署', '加快锻造长板、补齐短板，推动车联网部署'],
    ['simplified department words', '市⻛险防控⻔户，⻝品⻜速发展，⻢⻥', '市风险防控门户，食品飞速发展，马鱼'],
    ['Kangxi blue is the common form', '⾭年', '青年'],
    ['a component-only radical stays', '⺅⺡', '⺅⺡'],
    ['ordinary characters stay', '人民长门车风', '人民长门车风'],
    ['horizontal bar in a period', '行动方案（2026―2030年）', '行动方案（2026—2030年）'],
    ['horizontal bar in a range', '培育3―5家企业', '培育3—5家企业'],
    ['other dashes stay', '2024-2026年，3～5家，3–5个', '2024-2026年，3～5家，3–5个'],
  ])('%s', (_name, input, expected) => {
    expect(clean(input)).toBe(expected);
  });

  it.each([
    ['bookmarks', '[bookmark: _Toc1]标题'],
    ['fullWidth', '１２'],
    ['cjkSpaces', '2026 年'],
    ['markdown', '**一、工作目标**'],
    ['glyphAliases', '⼈⺠―'],
  ])('option %s: false leaves the text alone', (option, input) => {
    expect(clean(input, { [option]: false })).toBe(input);
  });
});

describe('page furniture', () => {
  it.each([
    ['— 8 —', true],
    ['- 8 -', true],
    ['－ 12 －', true],
    ['第 8 页', true],
    ['第8页 共15页', true],
    ['-- 2 of 15 --', true],
    ['3/15', true],
    ['8', false],
    ['— 十四五 —', false],
    ['第八章 保障措施', false],
    ['2025年', false],
  ])('%s is a page-number line: %s', (line, expected) => {
    expect(isPageNumberLine(line)).toBe(expected);
  });

  it('drops page numbers and a running header repeated on most pages, keeps the body', () => {
    const verbs = ['加强', '推进', '培育', '完善', '壮大'];
    const objects = ['知识产权保护', '专利转化运用', '高价值专利', '公共服务体系'];
    const blocks: RawBlock[] = [];
    for (let page = 1; page <= 5; page++) {
      blocks.push({ kind: 'paragraph', text: '连云港市人民政府文件', page });
      for (let k = 0; k < 4; k++) blocks.push({ kind: 'paragraph', text: `${verbs[page - 1]}${objects[k]}。`, page });
      blocks.push({ kind: 'paragraph', text: page % 2 ? `— ${page} —` : `${page}`, page });
    }
    const n = normalise(blocks, 'pdf', { joinLines: 'never' }, 5);
    expect(n.text).not.toMatch(/连云港市人民政府文件|—|^\d+$/m);
    expect(n.text.split('\n')).toHaveLength(20);
    expect(n.pageStarts).toEqual([0, 1, 2, 3, 4].map((p) => n.blocks[p * 4]!.start));
  });

  it.each([
    ['a PDF page', 'pdf' as const],
    ['pdftotext text without form feeds', 'txt' as const],
  ])('keeps a row number at the top of a page that has its own page number (%s)', (_name, format) => {
    // A stacked table (one cell a line) turns the page between rows: 4 opens page 2, whose number is — 2 —.
    const page1 = ['序号', '指标名称', '单位', '1', '铁路营业里程', '公里', '2', '高速公路通车里程', '公里', '3', '农村公路总里程', '公里'];
    const page2 = ['4', '民航旅客吞吐量', '万人次', '5', '综合客运枢纽', '个', '注：评估结论按2023年底完成值确定。'];
    const blocks: RawBlock[] = [
      ...page1.map((text) => ({ kind: 'paragraph' as const, text, page: 1 })),
      { kind: 'paragraph', text: '— 1 —', page: 1 },
      ...page2.map((text) => ({ kind: 'paragraph' as const, text, page: 2 })),
      { kind: 'paragraph', text: '— 2 —', page: 2 },
    ].map((b) => (format === 'txt' ? { kind: b.kind, text: b.text } : b)) as RawBlock[];
    expect(normalise(blocks, format, { joinLines: 'never' }, format === 'pdf' ? 2 : undefined).text.split('\n')).toEqual([...page1, ...page2]);
  });

  it('keeps a line that repeats on only a few pages', () => {
    const blocks: RawBlock[] = [];
    for (let page = 1; page <= 6; page++) {
      blocks.push({ kind: 'paragraph', text: page <= 2 ? '专栏1 重点工程' : `正文${page}。`, page });
      blocks.push({ kind: 'paragraph', text: `内容${page}。`, page });
    }
    expect(normalise(blocks, 'pdf', {}, 6).text).toContain('专栏1重点工程');
  });
});

describe('joining hard-wrapped PDF lines', () => {
  const pdfLines = (...texts: string[]): RawBlock[] => texts.map((text) => ({ kind: 'paragraph', text, page: 1 }));
  it.each([
    [
      'a word broken across lines',
      ['到2025年，全市发明专利拥有量达到50', '00件，有效注册商标量达到13.5万件。'],
      ['到2025年，全市发明专利拥有量达到5000件，有效注册商标量达到13.5万件。'],
    ],
    [
      'a heading starts a paragraph',
      ['加强知识产权保护，完善制度建设，推进体制机制改革创新工作', '（二）强化运用'],
      ['加强知识产权保护，完善制度建设，推进体制机制改革创新工作', '（二）强化运用'],
    ],
    [
      'a sentence end short of the margin ends a paragraph',
      ['加强知识产权保护，完善制度建设，推进体制机制创新。', '推进知识产权强市建设，加强知识产权保护，完善制度建设工作的'],
      ['加强知识产权保护，完善制度建设，推进体制机制创新。', '推进知识产权强市建设，加强知识产权保护，完善制度建设工作的'],
    ],
    [
      'a sentence end at the margin goes on',
      ['加强知识产权保护，完善制度建设，推进体制机制改革创新工作。', '推进知识产权强市建设，加强知识产权保护，完善制度建设工作', '（牵头单位：市市场监管局）'],
      ['加强知识产权保护，完善制度建设，推进体制机制改革创新工作。推进知识产权强市建设，加强知识产权保护，完善制度建设工作（牵头单位：市市场监管局）'],
    ],
    ['a short line before a heading', ['一、指导思想', '1.高起点谋划知识产权强市'], ['一、指导思想', '1.高起点谋划知识产权强市']],
    [
      'a short title line ends',
      ['二、基本原则', '坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落'],
      ['二、基本原则', '坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落'],
    ],
    [
      'a table row between wrapped lines stays a line',
      [
        '加强知识产权保护，完善制度建设，推进体制机制改革创新工作',
        '研发经费投入强度  %  2.88  3.3',
        '推进知识产权强市建设，加强知识产权保护，完善制度建设工作。',
      ],
      [
        '加强知识产权保护，完善制度建设，推进体制机制改革创新工作',
        '研发经费投入强度\t%\t2.88\t3.3',
        '推进知识产权强市建设，加强知识产权保护，完善制度建设工作。',
      ],
    ],
    ['a title wrapped inside 《》', ['关于印发《南京市玄武区“十四五”知识产权', '发展规划》的通知'], ['关于印发《南京市玄武区“十四五”知识产权发展规划》的通知']],
  ])('%s', (_name, input, expected) => {
    const n = normalise(pdfLines(...input), 'pdf', {}, 1);
    expect(n.text.split('\n')).toEqual(expected);
  });

  it('with geometry: a sentence ending at the right margin does not end the paragraph', () => {
    const blocks: RawBlock[] = [
      { kind: 'paragraph', text: '知识产权保护力度持续强化。加强执法队伍建设，严厉查', page: 1, layout: { indent: 2, trailing: 0 } },
      { kind: 'paragraph', text: '一体化平台，为辖区企业提供全方位知识产权司法保护服务。', page: 1, layout: { indent: 0, trailing: 0 } },
      { kind: 'paragraph', text: '开展知识产权代理机构违法违规行为核查检查专项行动，累计', page: 1, layout: { indent: 0, trailing: 0 } },
      { kind: 'paragraph', text: '获批市级示范街区 2 个。', page: 1, layout: { indent: 0, trailing: 15 } },
      { kind: 'paragraph', text: '知识产权服务水平不断提高。建有知识产权公共信息服务', page: 1, layout: { indent: 2, trailing: 0 } },
    ];
    expect(normalise(blocks, 'pdf', {}, 1).text.split('\n')).toEqual([
      '知识产权保护力度持续强化。加强执法队伍建设，严厉查一体化平台，为辖区企业提供全方位知识产权司法保护服务。开展知识产权代理机构违法违规行为核查检查专项行动，累计获批市级示范街区2个。',
      '知识产权服务水平不断提高。建有知识产权公共信息服务',
    ]);
  });

  it('Latin words broken across lines get their space back', () => {
    const blocks: RawBlock[] = [
      { kind: 'paragraph', text: '通过技术与创新支持中心建立与 World Intellectual Property', page: 1, layout: { indent: 0, trailing: 0 } },
      { kind: 'paragraph', text: 'Organization 的联系。', page: 1, layout: { indent: 0, trailing: 10 } },
    ];
    expect(normalise(blocks, 'pdf', {}, 1).text).toBe('通过技术与创新支持中心建立与World Intellectual Property Organization的联系。');
  });

  it('joinLines: never keeps PDF lines as they are', () => {
    expect(normalise(pdfLines('到2025年，全市发明专利拥有量达到50', '00件。'), 'pdf', { joinLines: 'never' }, 1).text).toBe(
      '到2025年，全市发明专利拥有量达到50\n00件。',
    );
  });

  it.each([
    ['第一章 总则', true],
    ['一、指导思想', true],
    ['（一）发展基础', true],
    ['1.高起点谋划', true],
    ['1．优化', true],
    ['（1）加强', true],
    ['①建立', true],
    ['——坚持改革创新', true],
    ['专栏1 重点工程', true],
    ['1.5亿元的融资', false],
    ['2025年，全市', false],
    ['专项培训。', false],
  ])('%s opens a paragraph: %s', (line, expected) => {
    expect(startsNewParagraph(line)).toBe(expected);
  });
});

describe('tables and boxes', () => {
  it('keeps .txt table lines, their leading tab and blank row separators, as one table block', () => {
    const n = normalise(lines('附表', '\t序号', '\t内容', '', '\t1', '\t发明专利 50 件', '', '\t2', '\t３５００', '', '正文继续。'));
    expect(n.text).toBe('附表\n\t序号\n\t内容\n\n\t1\n\t发明专利50件\n\n\t2\n\t3500\n正文继续。');
    expect(n.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = n.blocks[1]!;
    expect(n.text.slice(table.start, table.end)).toBe('\t序号\n\t内容\n\n\t1\n\t发明专利50件\n\n\t2\n\t3500');
  });

  it('keeps a multi-line cell inside a .txt table', () => {
    const n = normalise(lines('\t分类', '\t发展', '目标', '', '\t知识产权创造', '\t100', '', '正文。'));
    expect(n.blocks.map((b) => b.kind)).toEqual(['table', 'paragraph']);
  });

  it('renders docx table cells one per line with exact cell offsets and spans', () => {
    const n = normalise(
      [
        { kind: 'paragraph', text: '主要指标' },
        {
          kind: 'table',
          rows: [
            [
              { text: '分类', rowSpan: 1, colSpan: 1 },
              { text: '指标（单位）', rowSpan: 1, colSpan: 1 },
              { text: '发展\n目标', rowSpan: 1, colSpan: 1 },
            ],
            [
              { text: '知识产权创造', rowSpan: 2, colSpan: 1 },
              { text: '万人发明专利拥有量（件）', rowSpan: 1, colSpan: 1 },
              { text: '３００', rowSpan: 1, colSpan: 1 },
            ],
            [
              { text: '有效发明专利拥有量（件）', rowSpan: 1, colSpan: 1 },
              { text: '＞2800', rowSpan: 1, colSpan: 1 },
            ],
          ],
        },
      ],
      'docx',
    );
    const table = n.blocks[1]!;
    expect(table.kind).toBe('table');
    expect(n.text.slice(table.start, table.end).split('\n')).toEqual([
      '分类',
      '指标（单位）',
      '发展目标',
      '知识产权创造',
      '万人发明专利拥有量（件）',
      '300',
      '有效发明专利拥有量（件）',
      '>2800',
    ]);
    for (const cell of table.rows!.flat()) expect(n.text.slice(cell.start, cell.end)).toBe(cell.text);
    expect(table.rows![1]![0]!.rowSpan).toBe(2);
    expect(table.rows![2]!.map((c) => c.text)).toEqual(['有效发明专利拥有量（件）', '>2800']);
  });

  it('renders a box as one block, one paragraph per line', () => {
    const n = normalise([{ kind: 'box', paragraphs: ['专栏1 重点工程', '内容：推进 10 个园区建设。', '目标：到2025年完成。'] }], 'docx');
    expect(n.blocks).toHaveLength(1);
    expect(n.blocks[0]!.kind).toBe('box');
    expect(n.text).toBe('专栏1重点工程\n内容：推进10个园区建设。\n目标：到2025年完成。');
  });
});

describe('options', () => {
  it('rejects an unknown option', () => {
    expect(normaliseStage.options.safeParse({ joinLine: 'auto' }).success).toBe(false);
    expect(normaliseStage.options.safeParse({ joinLines: 'sometimes' }).success).toBe(false);
  });
});
