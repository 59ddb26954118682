/** Heading numbering patterns, one table row per way plans number their headings. */
import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../../src/core/offset-map.js';
import type { NormalisedText } from '../../src/core/state.js';
import { buildStructure } from '../../src/structure/index.js';
import { rules } from './chain.js';

/** A document given as lines, one paragraph block per line (the shape normalise gives a .txt). */
function text(lines: string[]): NormalisedText {
  const joined = lines.join('\n');
  let at = 0;
  const blocks = lines.map((line) => {
    const block = { kind: 'paragraph' as const, start: at, end: at + line.length };
    at += line.length + 1;
    return block;
  });
  return { text: joined, blocks, offsetMap: OffsetMap.identity(joined.length) };
}

function sections(lines: string[]): Array<[string, string]> {
  return buildStructure(text(lines), rules).sections.map((s) => [s.path, s.heading]);
}

describe('heading patterns', () => {
  it.each([
    {
      name: '一、 and （一）',
      lines: ['一、总体要求', '（一）指导思想', '正文。'],
      want: [
        ['一', '总体要求'],
        ['一/（一）', '指导思想'],
      ],
    },
    {
      name: '1. and 1． and 1、',
      lines: ['一、任务', '1.甲任务', '2．乙任务', '3、丙任务'],
      want: [
        ['一', '任务'],
        ['一/1', '甲任务'],
        ['一/2', '乙任务'],
        ['一/3', '丙任务'],
      ],
    },
    {
      name: '（1） and ①',
      lines: ['1.任务', '（1）细项', '①要点', '②要点二'],
      want: [
        ['1', '任务'],
        ['1/（1）', '细项'],
        ['1/（1）/①', '要点'],
        ['1/（1）/②', '要点二'],
      ],
    },
    {
      name: '1） with only a closing bracket',
      lines: ['（一）任务', '1）甲', '2）乙'],
      want: [
        ['（一）', '任务'],
        ['（一）/1）', '甲'],
        ['（一）/2）', '乙'],
      ],
    },
    {
      name: 'half-width (1) written full-width in the path',
      lines: ['(1)细项', '(2)细项二'],
      want: [
        ['（1）', '细项'],
        ['（2）', '细项二'],
      ],
    },
    {
      name: '第一章 / 第一节',
      lines: ['第一章 发展基础', '第一节 主要成就', '一、创造', '第二章 总体要求'],
      want: [
        ['第一章', '发展基础'],
        ['第一章/第一节', '主要成就'],
        ['第一章/第一节/一', '创造'],
        ['第二章', '总体要求'],
      ],
    },
    {
      name: 'work-plan item: heading before the first 。, body on the same line',
      lines: ['一、重点任务', '1.保障国家和区域重大战略实施。积极推动知识产权工作融入重大战略。（牵头单位：市知识产权局）'],
      want: [
        ['一', '重点任务'],
        ['一/1', '保障国家和区域重大战略实施'],
      ],
    },
    {
      name: 'heading with its own brackets keeps them',
      lines: ['（一）宣传发动阶段（2024年6月—2024年10月底）。印发方案。'],
      want: [['（一）', '宣传发动阶段（2024年6月—2024年10月底）']],
    },
    {
      name: 'levels follow first appearance, not a fixed order',
      lines: ['1.甲', '一、乙', '2.丙'],
      want: [
        ['1', '甲'],
        ['1/一', '乙'],
        ['2', '丙'],
      ],
    },
    {
      name: 'numbers restart under a new parent',
      lines: ['一、甲', '1.子', '2.子二', '二、乙', '1.子三'],
      want: [
        ['一', '甲'],
        ['一/1', '子'],
        ['一/2', '子二'],
        ['二', '乙'],
        ['二/1', '子三'],
      ],
    },
    {
      // 总体要求-、: the source lost the first number; 二、三、四 still run on from 二.
      name: 'a sequence whose first number is lost starts where its run starts',
      lines: ['总体要求-、', '正文。', '二、重点任务', '（一）甲', '三、保障措施', '四、附则'],
      want: [
        ['二', '重点任务'],
        ['二/（一）', '甲'],
        ['三', '保障措施'],
        ['四', '附则'],
      ],
    },
    {
      name: 'a mid-way run of (N) items under headings',
      lines: ['一、目标', '二、任务', '(四)攻关场景', '(五)验证场景', '(六)应用场景'],
      want: [
        ['一', '目标'],
        ['二', '任务'],
        ['二/（四）', '攻关场景'],
        ['二/（五）', '验证场景'],
        ['二/（六）', '应用场景'],
      ],
    },
    {
      name: 'a skipped number is still a heading',
      lines: ['1.甲', '2.乙', '4.丁'],
      want: [
        ['1', '甲'],
        ['2', '乙'],
        ['4', '丁'],
      ],
    },
  ])('$name', ({ lines, want }) => {
    expect(sections(lines)).toEqual(want);
  });

  it.each([
    { name: 'a year', line: '2021年，全市专利授权量达到1万件。' },
    { name: 'a decimal or date like 4.26', line: '4.26世界知识产权日期间开展宣传。' },
    { name: 'a number out of sequence in running text', line: '7、8月份开展专项检查。' },
    { name: 'one number out of sequence, no run after it', line: '三、是加强协同。' },
    { name: 'a bare number with nothing after it', line: '一、' },
    { name: 'a list of numbers', line: '1、2、3号楼' },
    { name: 'a table-of-contents line with leader dots', line: '一、发展环境……………………3' },
    { name: 'a table-of-contents line with a page number', line: '一、发展环境 12' },
  ])('not a heading: $name', ({ line }) => {
    expect(sections(['正文开始。', line])).toEqual([]);
  });

  it('a number out of sequence followed by numbers that do not run on from it is no heading', () => {
    expect(sections(['正文开始。', '五、甲', '正文。', '二、乙', '正文。', '九、丙'])).toEqual([]);
  });

  it('headings a docx marks by style count even without a number in the text', () => {
    const lines = ['前言', '正文。', '第一章 总体要求', '一、指导思想', '发展目标', '第二章 重点任务', '九、跳号的标题'];
    const levels = [1, undefined, 1, 2, 2, 1, 2];
    const doc = text(lines);
    doc.blocks = doc.blocks.map((block, i) => (levels[i] ? { ...block, headingLevel: levels[i] } : block));
    expect(buildStructure(doc, rules).sections.map((s) => [s.path, s.number, s.level])).toEqual([
      ['前言', '', 1],
      ['第一章', '第一章', 1],
      ['第一章/一', '一、', 2],
      // Word generated this heading's number: the text stands in for it
      ['第一章/发展目标', '', 2],
      ['第二章', '第二章', 1],
      // marked as a heading, so accepted although 九 does not follow 一
      ['第二章/九', '九、', 2],
    ]);
  });

  it('numbered lines inside a flattened table are rows, not headings', () => {
    const lines = ['一、主要指标', '\t序号', '\t指标', '\t目标值', '', '\t1', '\t专利数', '\t100', '', '\t2', '\t商标数', '\t50', '', '二、任务'];
    const structure = buildStructure(text(lines), rules);
    expect(structure.sections.map((s) => s.path)).toEqual(['一', '二']);
    expect(structure.tables).toHaveLength(1);
    expect(structure.tables[0]!.headerRows).toBe(1);
    expect(structure.tables[0]!.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['序号', '指标', '目标值'],
      ['1', '专利数', '100'],
      ['2', '商标数', '50'],
    ]);
  });

  it('a 专栏 title above a table takes the table into the box; the table stays a table', () => {
    const lines = ['一、目标', '专栏1 主要指标', '\t指标', '\t目标值', '', '\t专利数', '\t100', '二、任务'];
    const structure = buildStructure(text(lines), rules);
    expect(structure.tables).toHaveLength(1);
    expect(structure.boxes).toHaveLength(1);
    const [box, table] = [structure.boxes[0]!, structure.tables[0]!];
    expect(box.title).toBe('专栏1 主要指标');
    expect(box.start).toBeLessThan(table.start);
    expect(box.end).toBe(table.end);
    expect(structure.sections.map((s) => s.path)).toEqual(['一', '二']);
  });

  it('专栏 title lines open boxes that end at the next heading', () => {
    const lines = ['一、任务', '专栏1 重点工程', '内容：建设平台。', '目标：到2025年建成。', '二、保障'];
    const structure = buildStructure(text(lines), rules);
    expect(structure.boxes.map((b) => [b.title, b.sectionPath])).toEqual([['专栏1 重点工程', '一']]);
    const box = structure.boxes[0]!;
    expect(text(lines).text.slice(box.start, box.end)).toBe('专栏1 重点工程\n内容：建设平台。\n目标：到2025年建成。');
  });
});
