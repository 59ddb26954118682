/**
 * Plain text (.txt) that keeps its printed lines — saved or copied out of a
 * PDF or a web page at a fixed width — is joined back into paragraphs. Cases
 * go through the real reader and normalise stage from the file's bytes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentState } from '../../src/core/state.js';
import { columns } from '../../src/normalise/join-lines.js';
import { hardWrap, type WrapStyle } from './hard-wrap.js';
import { corpus, ingestAndNormalise, paragraphs } from './run-document.js';

const dir = mkdtempSync(join(tmpdir(), 'planlens-plain-'));
let files = 0;
async function normaliseText(text: string, options: Record<string, unknown> = {}): Promise<DocumentState> {
  const path = join(dir, `case-${files++}.txt`);
  writeFileSync(path, text);
  return ingestAndNormalise(path, options);
}
const paragraphsOf = async (lines: string[], options: Record<string, unknown> = { joinLines: 'always' }): Promise<string[]> =>
  paragraphs(await normaliseText(lines.join('\n') + '\n', options));

describe('printed width of a line, in columns', () => {
  // A Chinese font prints quotes, dashes and ellipses full width: a line full of them is as wide as it looks.
  it.each([
    ['规划确定', 8],
    ['2023年', 6],
    ['PUE值1.3', 8],
    ['“十大工程”', 12],
    ['‘四好’', 8],
    ['——', 4],
    ['……', 4],
    ['（一）', 6],
  ])('%s: %i', (text, expected) => {
    expect(columns(text)).toBe(expected);
  });
});

describe('joining decisions on plain-text lines (20 characters a line)', () => {
  it.each([
    [
      'a number cut across lines joins',
      ['力争到2025年，知识产权质押融资额突', '破5亿元，专利转化运用成效明显提升。'],
      ['力争到2025年，知识产权质押融资额突破5亿元，专利转化运用成效明显提升。'],
    ],
    [
      'a year cut from its 年 joins',
      ['各地要加强统筹协调，压实工作责任，力争到2025', '年底前全面完成各项任务。'],
      ['各地要加强统筹协调，压实工作责任，力争到2025年底前全面完成各项任务。'],
    ],
    [
      'an item heading wrapped over two lines joins, and starts its paragraph',
      ['推动知识产权工作融入国家重大战略和规划。', '1.保障国家和区域重大战略实施。积极推动知', '识产权工作融入“一带一路”等重大战略。'],
      ['推动知识产权工作融入国家重大战略和规划。', '1.保障国家和区域重大战略实施。积极推动知识产权工作融入“一带一路”等重大战略。'],
    ],
    [
      'a responsibility annotation cut inside its brackets joins',
      ['完善知识产权纠纷多元化解机制，加强调解组织', '建设，推动建立快速维权通道。（牵头单位：市', '市场监管局，责任单位：市司法局）'],
      ['完善知识产权纠纷多元化解机制，加强调解组织建设，推动建立快速维权通道。（牵头单位：市市场监管局，责任单位：市司法局）'],
    ],
    [
      'a sentence end short of the margin ends the paragraph',
      ['加强知识产权保护，完善制度建设，推进体制', '机制改革创新。', '推进知识产权强市建设，加强知识产权保护工作'],
      ['加强知识产权保护，完善制度建设，推进体制机制改革创新。', '推进知识产权强市建设，加强知识产权保护工作'],
    ],
    [
      'a sentence end at the margin goes on (no indents)',
      [
        '加强知识产权保护，完善制度建设，推进体制机',
        '制改革创新，提升知识产权治理能力和水平。',
        '推进知识产权强市建设，加强知识产权保护工',
        '作，完善公共服务。',
      ],
      ['加强知识产权保护，完善制度建设，推进体制机制改革创新，提升知识产权治理能力和水平。推进知识产权强市建设，加强知识产权保护工作，完善公共服务。'],
    ],
    [
      'a one-line heading ending at the margin stands alone',
      ['（四）深入知识产权金融创新，畅通价值渠道。', '持续深化知识产权金融创新，聚焦八大产业链，', '稳妥推进知识产权证券化。'],
      ['（四）深入知识产权金融创新，畅通价值渠道。', '持续深化知识产权金融创新，聚焦八大产业链，稳妥推进知识产权证券化。'],
    ],
    [
      'a field label after a sentence end at the margin starts a paragraph',
      ['内容：推进知识产权公共服务平台建设，提升', '服务便利化水平，完善知识产权服务体系。', '目标：到2025年，建成知识产权服务站10家', '以上。'],
      ['内容：推进知识产权公共服务平台建设，提升服务便利化水平，完善知识产权服务体系。', '目标：到2025年，建成知识产权服务站10家以上。'],
    ],
    [
      'a short title line ends, whatever its punctuation',
      ['二、基本原则', '坚持以习近平新时代中国特色社会主义思想为', '指导，深入贯彻落实党的二十大精神。'],
      ['二、基本原则', '坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神。'],
    ],
    [
      'a title wrapped inside 《》 joins even when short',
      ['关于印发《连云港市知识产权', '强市建设方案》的通知', '各县区人民政府，市各委办局，市各直属单位：'],
      ['关于印发《连云港市知识产权强市建设方案》的通知', '各县区人民政府，市各委办局，市各直属单位：'],
    ],
    // What official documents print alone, centred or right-aligned: text extracted without geometry loses that.
    [
      'a document number stands alone after the title that wraps it',
      ['河南省人民政府办公厅关于印发河南省制造业高', '质量发展三年行动计划的通知', '豫政办〔2024〕21号', '各省辖市人民政府，省人民政府各部门：'],
      ['河南省人民政府办公厅关于印发河南省制造业高质量发展三年行动计划的通知', '豫政办〔2024〕21号', '各省辖市人民政府，省人民政府各部门：'],
    ],
    [
      'a signature and its date stand apart from a sentence ending at the margin',
      [
        '经部务会议审议通过，现印发给你们，请结合',
        '实际认真贯彻执行，确保各项任务落到实处。',
        '生态环境部办公厅',
        '2024年5月20日',
        '关于推进美丽河湖保护与建设的指导意见',
      ],
      [
        '经部务会议审议通过，现印发给你们，请结合实际认真贯彻执行，确保各项任务落到实处。',
        '生态环境部办公厅',
        '2024年5月20日',
        '关于推进美丽河湖保护与建设的指导意见',
      ],
    ],
    [
      'a joint signature wrapped over two lines joins, apart from the text above',
      [
        '现将《行动方案》印发给你们，请结合实际抓好',
        '贯彻落实，确保各项任务落地见效，按时完成。',
        '安徽省住房和城乡建设厅安徽省发展和改革委',
        '员会',
        '2023年4月7日',
      ],
      ['现将《行动方案》印发给你们，请结合实际抓好贯彻落实，确保各项任务落地见效，按时完成。', '安徽省住房和城乡建设厅安徽省发展和改革委员会', '2023年4月7日'],
    ],
    [
      'a title ending with its period stands apart from the text after it',
      ['河南省制造业高质量发展行动计划（2024—2026年）', '为深入贯彻党中央、国务院关于推进新型工业', '化的决策部署，制定本行动计划。'],
      ['河南省制造业高质量发展行动计划（2024—2026年）', '为深入贯彻党中央、国务院关于推进新型工业化的决策部署，制定本行动计划。'],
    ],
    [
      'the addressees of a notice, wrapped, end their paragraph at the colon',
      [
        '各省、自治区、直辖市生态环境厅（局），新疆生产建',
        '设兵团生态环境局，市政府各部门，各直属单位：',
        '经部务会议审议通过，现印发给你们，请结合实',
        '际认真贯彻执行。',
      ],
      [
        '各省、自治区、直辖市生态环境厅（局），新疆生产建设兵团生态环境局，市政府各部门，各直属单位：',
        '经部务会议审议通过，现印发给你们，请结合实际认真贯彻执行。',
      ],
    ],
    [
      'a sentence of the body opening with 各 goes on after a colon at the margin',
      ['各地要加强统筹协调。压实工作责任，重点做好以', '下工作：完善制度建设，推进体制机制改革创新。'],
      ['各地要加强统筹协调。压实工作责任，重点做好以下工作：完善制度建设，推进体制机制改革创新。'],
    ],
    [
      'field labels of a legal-database export each start a line',
      ['河南省人民政府办公厅关于印发行动计划的通知', '【法宝引证码】CLI.13.1598234', '【发布部门】河南省人民政府办公厅', '【发文字号】豫政办〔2024〕21号'],
      ['河南省人民政府办公厅关于印发行动计划的通知', '【法宝引证码】CLI.13.1598234', '【发布部门】河南省人民政府办公厅', '【发文字号】豫政办〔2024〕21号'],
    ],
    [
      'a date inside a sentence, and a period in brackets after punctuation, go on',
      ['全市于2024年6月18日召开推进会议，部署行动计划（2024—2026年）', '各项重点任务。'],
      ['全市于2024年6月18日召开推进会议，部署行动计划（2024—2026年）各项重点任务。'],
    ],
  ])('%s', async (_name, lines, expected) => {
    expect(await paragraphsOf(lines)).toEqual(expected);
  });

  it('paragraphs indented with 　　: an indented line starts a paragraph, an unindented one goes on even after a sentence end', async () => {
    const lines = [
      '\u3000\u3000加强知识产权保护，完善制度建设，推进体',
      '制机制改革创新，提升知识产权治理能力水平。',
      '加快知识产权强市建设，完善公共服务体系。',
      '\u3000\u3000推进知识产权强市建设，加强知识产权保护',
      '工作，完善公共服务。',
      '\u3000\u3000建设知识产权公共服务平台，提升服务水平。',
      '\u3000\u3000培育高价值专利，推动专利转化运用，壮大',
      '产业规模。',
    ];
    expect(await paragraphsOf(lines)).toEqual([
      '加强知识产权保护，完善制度建设，推进体制机制改革创新，提升知识产权治理能力水平。加快知识产权强市建设，完善公共服务体系。',
      '推进知识产权强市建设，加强知识产权保护工作，完善公共服务。',
      '建设知识产权公共服务平台，提升服务水平。',
      '培育高价值专利，推动专利转化运用，壮大产业规模。',
    ]);
  });

  it('a centred line (signature, date) stands alone', async () => {
    const lines = ['加强知识产权保护，完善制度建设，推进体制机', '制改革创新。', '            连云港市人民政府', '            2024年3月1日'];
    expect(await paragraphsOf(lines)).toEqual(['加强知识产权保护，完善制度建设，推进体制机制改革创新。', '连云港市人民政府', '2024年3月1日']);
  });

  it('blank lines between paragraphs always break; text-table lines stay as they are', async () => {
    const text = [
      '加强知识产权保护，完善制度建设，推进体制机',
      '制改革创新，提升知识产权治理能力和水平，',
      '推进知识产权强市建设。',
      '',
      '推进知识产权强市建设，加强知识产权保护工',
      '作，完善公共服务体系。主要指标如下：',
      '\t指标',
      '\t目标值',
      '',
      '\t有效发明专利拥有量（件）',
      '\t5000',
      '',
      '完善知识产权公共服务平台，引进培育专业化',
      '服务机构。',
    ];
    const n = (await normaliseText(text.join('\n'), { joinLines: 'always' })).normalised!;
    expect(n.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'table', 'paragraph']);
    expect(n.text.split('\n')).toEqual([
      '加强知识产权保护，完善制度建设，推进体制机制改革创新，提升知识产权治理能力和水平，推进知识产权强市建设。',
      '推进知识产权强市建设，加强知识产权保护工作，完善公共服务体系。主要指标如下：',
      '\t指标',
      '\t目标值',
      '',
      '\t有效发明专利拥有量（件）',
      '\t5000',
      '完善知识产权公共服务平台，引进培育专业化服务机构。',
    ]);
  });

  it('markdown table rows stay one row a line, in a wrapped text and in one that is not', async () => {
    const table = ['| 序号 | 指标 | 单位 | 目标值 |', '| --- | --- | --- | --- |', '| 1 | 有效发明专利拥有量 | 件 | 5000 |', '| 2 | 商标注册量 | 件 | 800 |'];
    for (const options of [{ joinLines: 'always' }, {}]) {
      const text = ['主要指标完成情况', '规划确定的8项主要指标中，5项指标达到序时进度。', '', ...table, '', '二、存在问题'];
      const n = (await normaliseText(text.join('\n'), options)).normalised!;
      // Spaces around CJK cells are squeezed; the rows keep their lines.
      const squeezed = (line: string) => line.replace(/\s+/gu, '');
      for (const row of table) expect(n.text.split('\n').map(squeezed)).toContain(squeezed(row));
    }
  });

  it('a line that only starts with a bar is text, and joins as text does', async () => {
    const lines = ['加强知识产权保护，完善制度建设，推进体制机', '| 制改革创新。'];
    expect(await paragraphsOf(lines)).toEqual(['加强知识产权保护，完善制度建设，推进体制机|制改革创新。']);
  });
});

/**
 * A table written with bars between its cells, printed to a PDF: a row wider
 * than the page wraps, mid-cell or at a bar, and a printed line may open with
 * a bar that only goes on the row. Each row gathers lines until it has the
 * header's bars. Spaces next to CJK text go in cleanup, so rows are compared
 * without spaces.
 */
describe('tables written with bars, cut by the page width', () => {
  const squeezed = (lines: string[]) => lines.map((line) => line.replace(/\s+/gu, ''));
  it.each([
    [
      'a markdown row cut mid-cell, and one cut at a bar, go on until they have the header’s bars',
      [
        '| 类别 | 指标 | 单位 | 2020年 | 2025年 | 属性 |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 总体规模 | 数字经济核心产业增加值占比 | % | 7.8',
        '| 12 | 预期性 |',
        '| 数字产业化 | 电子信息制造业营业收入 | 亿元 |',
        '905 | 1800 | 预期性 |',
        '注：5G基站数量为累计值。',
      ],
      [
        '| 类别 | 指标 | 单位 | 2020年 | 2025年 | 属性 |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 总体规模 | 数字经济核心产业增加值占比 | % | 7.8 | 12 | 预期性 |',
        '| 数字产业化 | 电子信息制造业营业收入 | 亿元 | 905 | 1800 | 预期性 |',
        '注：5G基站数量为累计值。',
      ],
    ],
    [
      'a header and its rule cut over two lines each, the rows cut at 20–30 characters',
      [
        '| 类别 | 指标 | 单位 | 2020年',
        '基期 | 2025年目标 | 属性 |',
        '| --- | --- | --- |',
        ' --- | --- | --- |',
        '| 总体规模 | 数字经济规模 |',
        '亿元 | 1120 | 2000 | 预期性 |',
        '| 数字产业化 | 规模以上电子信息制造',
        '业营业收入 | 亿元 | 905 | 1800 |',
        ' 预期性 |',
      ],
      [
        '| 类别 | 指标 | 单位 | 2020年基期 | 2025年目标 | 属性 |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 总体规模 | 数字经济规模 | 亿元 | 1120 | 2000 | 预期性 |',
        '| 数字产业化 | 规模以上电子信息制造业营业收入 | 亿元 | 905 | 1800 | 预期性 |',
      ],
    ],
    [
      'rows without outer bars open with their numbers; a last cell cut off goes on its row',
      [
        '序号 | 任务 | 牵头单位 | 配合单位 | 完成时限',
        '1 | 深化“高效办成一件事”改革 | 区政务服务中心 | 区市',
        '场监督管理局、区司法局 | 2027年12月底前',
        '2 | 破除市场准入壁垒 | 区市场监督管理局 | 区发展和改革局 |',
        '2025年6月底前',
        '3 | 提升涉企纠纷化解质效 | 区人民法院 | 区司法局 | 长期',
        '坚持',
        '4 | 强化企业融资服务 | 区金融服务中心 | 区财政局 | 长期坚持',
      ],
      [
        '序号 | 任务 | 牵头单位 | 配合单位 | 完成时限',
        '1 | 深化“高效办成一件事”改革 | 区政务服务中心 | 区市场监督管理局、区司法局 | 2027年12月底前',
        '2 | 破除市场准入壁垒 | 区市场监督管理局 | 区发展和改革局 | 2025年6月底前',
        '3 | 提升涉企纠纷化解质效 | 区人民法院 | 区司法局 | 长期坚持',
        '4 | 强化企业融资服务 | 区金融服务中心 | 区财政局 | 长期坚持',
      ],
    ],
    [
      'a header cut before its last cell goes on to the first row',
      [
        '序号 | 任务 | 牵头单位 | 配合单位 |',
        '完成时限',
        '1 | 推行包容审慎监管 | 区司法局 | 区市场监督管理局 | 2025年9月',
        '底前',
        '2 | 提升涉企纠纷化解质效 | 区人民法院 | 区司法局 | 长期坚持',
      ],
      [
        '序号 | 任务 | 牵头单位 | 配合单位 | 完成时限',
        '1 | 推行包容审慎监管 | 区司法局 | 区市场监督管理局 | 2025年9月底前',
        '2 | 提升涉企纠纷化解质效 | 区人民法院 | 区司法局 | 长期坚持',
      ],
    ],
    [
      'rows opening with their names: a row short of its bars takes the next line, 93 | 约束性 the end of a cut 3.93',
      ['指标 | 单位 | 2020年 | 2025年 | 属性', '每万人口全科医生数 | 人 | 3.0 | 3.', '93 | 约束性', '孕产妇死亡率 | /10万 | 8.2 | ≤10 | 预期性'],
      ['指标 | 单位 | 2020年 | 2025年 | 属性', '每万人口全科医生数 | 人 | 3.0 | 3.93 | 约束性', '孕产妇死亡率 | /10万 | 8.2 | ≤10 | 预期性'],
    ],
    [
      'rows opening with their names, their header and last cells cut (pdftotext of a page too narrow)',
      [
        '指标 | 2020年基数 | 2025年目标 | 2023年完成值 | 进展情',
        '况',
        '普惠性幼儿园在园幼儿占比（%） | 80.2 | ≥85 | 88.6 | 提',
        '前完成',
        '新增中小学学位（万个） | — | 2.5 | 1.68 | 超序时进度',
        '三、存在的主要问题',
      ],
      [
        '指标 | 2020年基数 | 2025年目标 | 2023年完成值 | 进展情况',
        '普惠性幼儿园在园幼儿占比（%） | 80.2 | ≥85 | 88.6 | 提前完成',
        '新增中小学学位（万个） | — | 2.5 | 1.68 | 超序时进度',
        '三、存在的主要问题',
      ],
    ],
    [
      'rows opening with their names, indented: an indented name cut before its first bar opens the row',
      [
        '\u3000\u3000指标 | 单位 | 2020年 | 2025年 | 属性',
        '\u3000\u3000个人卫生支出占卫生总费用的比重 |',
        '% | 28.9 | ＜27 | 约束性',
        '\u3000\u3000二级及以上综合医院设置老年医学科比例',
        '| % | 46 | ≥60 | 预期性',
      ],
      [
        '指标 | 单位 | 2020年 | 2025年 | 属性',
        '个人卫生支出占卫生总费用的比重 | % | 28.9 | <27 | 约束性',
        '二级及以上综合医院设置老年医学科比例 | % | 46 | ≥60 | 预期性',
      ],
    ],
    [
      'rows opening with their names that do not add up to the header’s bars are left to the paragraph joiner',
      ['指标 | 2020年基数 | 2025年目标 | 2023年', '完成值 | 进展情况', '普惠性幼儿园在园幼儿占比（%） | 80.2 | ≥85 |', '88.6 | 提前完成'],
      ['指标 | 2020年基数 | 2025年目标 | 2023年完成值 | 进展情况', '普惠性幼儿园在园幼儿占比（%） | 80.2 | ≥85 | 88.6 | 提前完成'],
    ],
    [
      'a line of cells with no row after it is no header',
      ['指标 | 单位 | 目标值', '加强知识产权保护，完善制度建设，推进体制机', '制改革创新。'],
      ['指标 | 单位 | 目标值', '加强知识产权保护，完善制度建设，推进体制机制改革创新。'],
    ],
  ])('%s', async (_name, lines, expected) => {
    expect(squeezed(await paragraphsOf(lines))).toEqual(squeezed(expected));
  });
});

/**
 * A table printed one row a line with one space between cells (pdftotext
 * without -layout) keeps its cells apart as TABs; a row the page cut after a
 * figure takes back the figures the next line holds alone.
 */
describe('table rows with one space between cells, cut by the page width', () => {
  const rowsOf = async (lines: string[]) => (await normaliseText(lines.join('\n') + '\n', { joinLines: 'always' })).normalised!.text.split('\n');
  const header = '序号 指标名称 单位 2023年基数 2024年 2025年 2026年';
  const tabbed = (line: string) => line.replace(/ /g, '\t');
  it.each([
    [
      'figures cut off a row go back on it',
      [header, '3 高技术制造业增加值占规模以上工业增加值比重 % 12.7', '13.3 14 15', '4 规模以上工业企业研发投入强度 % 1.52 1.6 1.7 1.8'],
      [tabbed(header), '3\t高技术制造业增加值占规模以上工业增加值比重\t%\t12.7\t13.3\t14\t15', tabbed('4 规模以上工业企业研发投入强度 % 1.52 1.6 1.7 1.8')],
    ],
    [
      'one bracketed figure cut off the last row goes back on it; the note after the table stays apart',
      [header, '8 规模以上工业单位增加值能耗下降 % — 〔3.5〕 〔7〕', '〔10〕', '注：〔〕内为较2023年累计下降幅度。'],
      [tabbed(header), tabbed('8 规模以上工业单位增加值能耗下降 % — 〔3.5〕 〔7〕 〔10〕'), '注：〔〕内为较2023年累计下降幅度。'],
    ],
    [
      'figures that would make a row too wide stay where they are',
      [header, '1 制造业增加值占地区生产总值比重 % 28.6 29 30 31', '32 33'],
      [tabbed(header), tabbed('1 制造业增加值占地区生产总值比重 % 28.6 29 30 31'), '32 33'],
    ],
  ])('%s', async (_name, lines, expected) => {
    expect(await rowsOf(lines)).toEqual(expected);
  });
});

/**
 * A numbered table whose cells the text gives apart by gaps (single spaces
 * from a PDF text layer, ideographic spaces, TABs), rows wrapped at the page
 * width inside a cell or between cells: the row's gaps, counted against the
 * header's, tell which.
 */
describe('numbered tables with gaps between cells, rows wrapped', () => {
  const linesOf = async (lines: string[]) => (await normaliseText(lines.join('\n') + '\n', { joinLines: 'always' })).normalised!.text.split('\n');
  const header = '序号 重点任务 牵头单位 配合单位 完成时限';
  it.each([
    [
      'a row wrapped inside a cell, one wrapped between cells, the last row wrapped inside a cell; the heading after stays',
      [
        header,
        '1 完成撂荒地整治摸底建档 县农业农村局 各乡（镇）',
        '人民政府 2024年4月底前',
        '2 开展农村人居环境整治“春季攻坚” 县农业农村局',
        '县住建局、县生态环境局、县卫健委 2024年6月底前',
        '3 开展防返贫监测集中排查 县乡村振兴局 县民政局、',
        '县医保局 2024年9月底前',
        '四、实施步骤',
      ],
      [
        '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
        '1\t完成撂荒地整治摸底建档\t县农业农村局\t各乡（镇）人民政府\t2024年4月底前',
        '2\t开展农村人居环境整治“春季攻坚”\t县农业农村局\t县住建局、县生态环境局、县卫健委\t2024年6月底前',
        '3\t开展防返贫监测集中排查\t县乡村振兴局\t县民政局、县医保局\t2024年9月底前',
        '四、实施步骤',
      ],
    ],
    [
      'a heading straight before the header stays a heading, not a header cell',
      [
        '一、重点任务',
        '序号\u3000重点任务\u3000责任单位\u3000完成时限',
        '1\u3000深化执法衔接\u3000市知识产权局、市公安局\u30002023年9月底前',
        '2\u3000加强口岸保护\u3000宁波海关\u3000持续推进',
      ],
      ['一、重点任务', '序号\t重点任务\t责任单位\t完成时限', '1\t深化执法衔接\t市知识产权局、市公安局\t2023年9月底前', '2\t加强口岸保护\t宁波海关\t持续推进'],
    ],
    [
      'cells apart by ideographic spaces, rows indented and cut anywhere, a gap left at a line end or start',
      [
        '\u3000\u3000序号\u3000重点任务\u3000牵头单位\u3000配合单位\u3000完成时限',
        '\u3000\u30001\u3000开展农村人居环境整治“春季攻坚”\u3000',
        '县农业农村局\u3000县住建局、县卫健委\u30002024',
        '年6月底前',
        '\u3000\u30002\u3000完成高标准农田建设项目竣工验收',
        '\u3000县农业农村局\u3000县财政局、县水利局\u30002024年11月底',
        '前',
      ],
      [
        '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
        '1\t开展农村人居环境整治“春季攻坚”\t县农业农村局\t县住建局、县卫健委\t2024年6月底前',
        '2\t完成高标准农田建设项目竣工验收\t县农业农村局\t县财政局、县水利局\t2024年11月底前',
      ],
    ],
    [
      'cells apart by TABs, header and rows cut mid-cell, a blank line after every printed line',
      [
        '\u3000\u3000序号\t指标名称\t单位\t2023年基数\t202',
        '',
        '4年\t2025年\t2026年',
        '',
        '\u3000\u30001\t制造业增加值占比重\t%\t28.',
        '',
        '6\t29\t30\t31',
        '',
        '\u3000\u30002\t关键工序数控化率\t%',
        '',
        '\t58\t60\t62\t65',
        '',
      ],
      ['序号\t指标名称\t单位\t2023年基数\t2024年\t2025年\t2026年', '1\t制造业增加值占比重\t%\t28.6\t29\t30\t31', '2\t关键工序数控化率\t%\t58\t60\t62\t65'],
    ],
    [
      'a row that adds up neither way leaves the table to the paragraph joiner',
      [header, '1 完成撂荒地整治摸底建档 县农业农村局', '2024年4月底前', '2 开展防返贫监测集中排查 县乡村振兴局 县民政局 2024年9月底前'],
      [
        '序号重点任务牵头单位配合单位完成时限',
        '1完成撂荒地整治摸底建档县农业农村局',
        '2024年4月底前',
        '2开展防返贫监测集中排查县乡村振兴局县民政局2024年9月底前',
      ],
    ],
    [
      'words apart by spaces with no row 1 after them are no header',
      ['加强 组织 领导 压实 责任', '各地要加强统筹协调，压实工作责任。'],
      ['加强组织领导压实责任', '各地要加强统筹协调，压实工作责任。'],
    ],
  ])('%s', async (_name, lines, expected) => {
    expect(await linesOf(lines)).toEqual(expected);
  });
});

/** pdftotext ends each page with its footer and a blank line, and starts the next with a form feed. */
describe('page turns in pdftotext output', () => {
  const before = ['加强知识产权保护，完善制度建设，推进体制机', '制改革创新。到2025年，营业收入首次突破500'];
  const after = ['亿元的企业5家，首次突破1000亿元的企业3家。'];
  const joined = '加强知识产权保护，完善制度建设，推进体制机制改革创新。到2025年，营业收入首次突破500亿元的企业5家，首次突破1000亿元的企业3家。';
  it.each([
    ['a page number, a blank line, a form feed, mid-sentence', [...before, '—6—', '', `\f${after[0]}`], [joined]],
    ['a blank line and a form feed, mid-sentence', [...before, '', `\f${after[0]}`], [joined]],
    ['a page number between blank lines, mid-sentence', [...before, '', '— 6 —', '', after[0]!], [joined]],
    [
      'after a sentence end the blank line stays a paragraph break',
      ['加强知识产权保护，完善制度建设，推进体制机', '制改革创新，加快推进知识产权强市建设。', '—6—', '', '\f推进知识产权强市建设，加强知识产权保护。'],
      ['加强知识产权保护，完善制度建设，推进体制机制改革创新，加快推进知识产权强市建设。', '推进知识产权强市建设，加强知识产权保护。'],
    ],
  ])('%s', async (_name, lines, expected) => {
    expect(await paragraphsOf(lines)).toEqual(expected);
  });
});

/**
 * pdftotext -layout places each printed line on a character grid: body lines
 * fold at a number of characters, and a centred title (set larger) or an
 * indent comes out as ASCII spaces before the text. Those spaces are
 * position, not characters of the line.
 */
describe('lines placed with spaces in text folded by characters (pdftotext -layout)', () => {
  const paragraph =
    '到2025年，全市数字经济核心产业规模突破1200亿元，培育数字经济领军企业30家以上，建成5G基站2万个，打造工业互联网平台10个，培育省级以上专精特新企业500家，推动规上工业企业数字化改造全覆盖。';
  const body = hardWrap(paragraph, { width: 22, measure: 'chars' }).trimEnd().split('\n');
  it.each([
    [
      'a centred title before a field label stands alone',
      ['    某市数字经济行动方案(2024年)', '发布日期: 2024年5月8日', ...body],
      ['某市数字经济行动方案(2024年)', '发布日期: 2024年5月8日', paragraph],
    ],
    [
      'an indented first line that reaches the margin goes on',
      ['    某市数字经济行动方案(2024年)', `  ${body[0]!.slice(0, 21)}`, body[0]!.slice(21) + body[1]!, ...body.slice(2)],
      ['某市数字经济行动方案(2024年)', paragraph],
    ],
  ])('%s', async (_name, lines, expected) => {
    expect(await paragraphsOf(lines)).toEqual(expected);
  });
});

/**
 * Text some PDF extractors give: every printed line followed by a blank line,
 * lines cut unevenly (20–30 characters), paragraphs marked by their
 * indent, page numbers between lines. The blank lines are spacing; the indent
 * alone says where a paragraph starts.
 */
describe('every printed line followed by a blank line, cut unevenly', () => {
  const PARAGRAPHS = [
    '某市加快数字经济高质量发展行动方案（2024—2026年）',
    '为加快推进数字经济高质量发展，培育新质生产力，推动数字技术与实体经济深度融合，结合本市实际，制定本方案。',
    '一、主要目标',
    '到2026年，全市数字经济核心产业规模突破1200亿元，年均增长15%以上；培育数字经济领军企业30家以上，建成5G基站2万个。',
    '（一）培育数字产业集群。聚焦集成电路、软件和信息技术服务、人工智能等领域，打造3—5个千亿级产业集群，引育一批带动作用强的链主企业。（牵头单位：市工业和信息化局，配合单位：市发展改革委、市科技局）',
    '（二）推进产业数字化转型。实施规上工业企业数字化改造全覆盖行动，每年新增省级以上智能工厂10家以上。对新认定的国家级智能制造示范工厂，给予最高500万元奖励。',
    '特此通知。',
    '某市人民政府办公室',
    '2024年3月1日',
  ];
  const spaced = (style: Partial<WrapStyle>, paragraphs: string[] = PARAGRAPHS) =>
    hardWrap(paragraphs.join('\n'), { width: 30, measure: 'chars', jitter: 10, indent: true, blankAfterEachLine: true, ...style });

  it.each([
    ['20–30 characters a line', spaced({})],
    ['with page numbers — n — between lines', spaced({ pages: { lines: 6, number: 'dash' } })],
    ['24–30 characters a line, CRLF', spaced({ jitter: 6, crlf: true })],
  ])('%s: gives back the paragraphs, the signature lines apart', async (_name, text) => {
    expect(paragraphs(await normaliseText(text))).toEqual(PARAGRAPHS);
  });

  it('a line cut just before a colon goes on: 主要目 / 标是：', async () => {
    const last = ['\u3000\u3000锚定远景目标，“十四五”时期的主要目', '', '标是：消费和投资规模再上新台阶。', ''];
    const text = spaced({}) + last.join('\n');
    expect(paragraphs(await normaliseText(text)).slice(-1)).toEqual(['锚定远景目标，“十四五”时期的主要目标是：消费和投资规模再上新台阶。']);
  });

  it('a table printed one cell a line, every cell indented like a paragraph, keeps its cells apart and the prose joined', async () => {
    // More indented cell lines than continuation lines: the margin is where cut lines go on, not the commonest indent.
    const cells = ['序号', '指标名称', '单位', '2023年', '2026年', '指标属性'];
    const rows = ['数字经济核心产业增加值', '5G基站数量', '数据中心标准机架数'].flatMap((name, i) => [
      String(i + 1),
      name,
      '个',
      String(10 + i),
      String(20 + i),
      '预期性',
    ]);
    const more = [
      '（三）提升数字基础设施能级。加快5G网络、千兆光网和算力设施建设，统筹布局数据中心，推动新建大型数据中心电能利用效率降至1.3以下，到2026年建成5G基站2万个以上。',
      '（四）优化数字经济发展环境。完善数据要素市场规则，推进公共数据授权运营，培育数据商和第三方专业服务机构20家以上，开展数据要素流通交易试点示范。',
      '（五）强化数字技术创新。围绕人工智能、区块链、工业软件等领域，组织实施关键核心技术攻关项目，建设省级以上创新平台10个以上，推动科技成果在本地转化落地。',
      '（六）加强数字人才培育。实施数字技能提升行动，支持高校和职业院校开设数字经济相关专业，每年培训数字技能人才1万人次以上，引进高层次数字人才团队5个。',
    ];
    const withTable = [...PARAGRAPHS.slice(0, 4), ...cells, ...rows, ...more, ...PARAGRAPHS.slice(4)];
    expect(paragraphs(await normaliseText(spaced({}, withTable)))).toEqual(withTable);
  });

  it('one paragraph per line with blank lines between stays as it is', async () => {
    const text = PARAGRAPHS.slice(1, 6).join('\n\n') + '\n';
    expect(paragraphs(await normaliseText(text))).toEqual(PARAGRAPHS.slice(1, 6));
  });
});

/** A hard-wrapped page of body text: 20 characters a line, paragraphs of several lines. */
const BODY = [
  '加强知识产权保护，完善制度建设，推进体制机',
  '制改革创新，提升知识产权治理能力和水平。',
  '推进知识产权强市建设，加强知识产权保护工',
  '作，完善公共服务体系，提升服务便利化水平',
  '和专业化程度。',
  '培育高价值专利，推动专利转化运用，壮大知',
  '识产权密集型产业规模，力争到2025年，知识',
  '产权质押融资额突破5亿元。',
];

describe('finding hard-wrapped text', () => {
  it('joins a hard-wrapped file by default, through page-number lines, running headers and CRLF', async () => {
    const original = readFileSync(corpus('lianyungang-ip-city-pilot-2024-2026.txt'), 'utf8');
    const plain = paragraphs(await normaliseText(hardWrap(original, { width: 30 })));
    const paged = paragraphs(
      await normaliseText(hardWrap(original, { width: 30, crlf: true, pages: { lines: 25, number: 'dash', header: '连云港市人民政府文件' } })),
    );
    expect(plain.length).toBeGreaterThan(40);
    expect(paged).toEqual(plain);
    expect(paged.join('\n')).not.toMatch(/连云港市人民政府文件|— \d+ —/);
  });

  it('a form feed at the start of a line turns the page without breaking the paragraph', async () => {
    const text = [...BODY.slice(0, 4), `\f${BODY[4]}`, ...BODY.slice(5), ...BODY].join('\n');
    const state = await normaliseText(text);
    expect(state.raw!.pages).toBe(2);
    expect(paragraphs(state)[0]).toBe(
      '加强知识产权保护，完善制度建设，推进体制机制改革创新，提升知识产权治理能力和水平。推进知识产权强市建设，加强知识产权保护工作，完善公共服务体系，提升服务便利化水平和专业化程度。',
    );
  });

  it('leaves one paragraph per line alone, however long the lines', async () => {
    const lines = [
      '加强知识产权保护，完善制度建设，推进体制机制改革创新，提升知识产权治理能力和水平。',
      '一、总体要求',
      '推进知识产权强市建设，加强知识产权保护工作，完善公共服务体系，提升服务便利化水平和专业化程度。',
      '（一）指导思想',
      '培育高价值专利，推动专利转化运用，壮大知识产权密集型产业规模，力争到2025年，知识产权质押融资额突破5亿元。',
      '（二）基本原则',
      '坚持改革创新。',
      '坚持统筹协调，强化部门协同。',
      '坚持严格保护，准确把握知识产权保护战略定位，统筹政府和社会各方力量。',
      '二、主要目标',
      '到2026年，知识产权综合实力实现跃升',
      '三、重点任务',
    ];
    expect(await paragraphsOf(lines, {})).toEqual(lines);
  });
});
