/** The server-side pieces pages are made of: SVG bars, in-place highlights, escaping. */
import { describe, expect, it } from 'vitest';
import { barChart, niceCeiling } from '../../src/server/charts.js';
import { markedParagraphs, markedText } from '../../src/server/highlight.js';
import { html } from '../../src/server/html.js';
import { filterDocuments, yearsOf, type DocumentListRow } from '../../src/server/data/documents.js';
import { computedNumber, figureNumber, figureText, percentText } from '../../src/server/figures.js';
import { fieldLabel, flagLabel, valueLabel } from '../../src/server/labels.js';
import { barLabel } from '../../src/server/pages/compare.js';
import { withTermsMarked } from '../../src/server/pages/documents.js';
import { parseSpan } from '../../src/server/pages/document.js';
import { statusConflict } from '../../src/server/pages/progress.js';
import type { ProgressRow } from '../../src/analyst/index.js';
import { safeFileName } from '../../src/server/upload.js';

describe('bar chart', () => {
  it.each([
    [162.3, 200],
    [100, 100],
    [48.73, 50],
    [135000, 200000],
    [7, 8],
    [0.3, 0.4],
  ])('axis end for %s is %s', (value, end) => expect(niceCeiling(value)).toBeCloseTo(end));

  it('draws bars proportional to their values, labelled and escaped', () => {
    const svg = barChart({
      title: 'a<b',
      bars: [
        { label: '南京市', value: 50, kind: 'target', note: '件 · 2025年' },
        { label: '南京市玄武区', value: 100, kind: 'target' },
        { label: '连云港市', value: 10, kind: 'actual', href: '/documents/3#rec-q1' },
      ],
    });
    const widths = [...svg.matchAll(/<rect class="bar bar-(\w+)"[^>]* width="([\d.]+)"[^>]* data-value="([\d.]+)"/g)].map((m) => [
      m[1],
      Number(m[2]),
      Number(m[3]),
    ]);
    expect(widths.map(([kind, , value]) => [kind, value])).toEqual([
      ['target', 50],
      ['target', 100],
      ['actual', 10],
    ]);
    expect((widths[1]![1] as number) / (widths[0]![1] as number)).toBeCloseTo(2);
    expect(svg).toContain('50 件 · 2025年');
    expect(svg).toContain('<a href="/documents/3#rec-q1">');
    expect(svg).toContain('<title>a&lt;b</title>');
  });
});

describe('highlights', () => {
  const text = '到2025年，万人高价值发明专利拥有量达10件，由市知识产权局牵头。\n第二行<b>';

  it('marks overlapping records piece by piece, each record anchored once', () => {
    const marks = [
      { key: 'q1', kind: 'target', start: text.indexOf('10件'), end: text.indexOf('10件') + 3 },
      { key: 'm1', kind: 'milestone', start: 0, end: text.indexOf('10件') + 3 },
      { key: 'd1', kind: 'department', start: text.indexOf('市知识产权局'), end: text.indexOf('市知识产权局') + 6, extra: 'flagged' },
    ];
    const out = markedText(text, 0, text.indexOf('\n'), marks, new Set());
    expect(out).toContain('<mark class="hl k-milestone" data-records="m1" id="rec-m1" tabindex="0">到2025年，万人高价值发明专利拥有量达</mark>');
    expect(out).toContain('<mark class="hl k-target k-milestone" data-records="q1 m1" id="rec-q1" tabindex="0">10件</mark>');
    expect(out).toContain('<mark class="hl k-department flagged" data-records="d1" id="rec-d1" tabindex="0">市知识产权局</mark>');
    expect(out.replace(/<[^>]+>/g, '')).toBe(text.slice(0, text.indexOf('\n')));
  });

  it('escapes document text and splits paragraphs at line ends', () => {
    const out = markedParagraphs(text, 0, text.length, [], new Set());
    expect(out.match(/<p>/g)).toHaveLength(2);
    expect(out).toContain('第二行&lt;b&gt;');
  });
});

describe('templates and names', () => {
  it('escapes interpolated values unless they are markup', () => {
    expect(html`<p>${'<script>'}${html`<b>ok</b>`}${null}${['a', '&']}</p>`.value).toBe('<p>&lt;script&gt;<b>ok</b>a&amp;</p>');
  });

  it.each([
    ['连云港工作方案.txt', '连云港工作方案.txt'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\x\\规划.pdf', '规划.pdf'],
    ['.hidden', 'hidden'],
    ['a<b>:c?.docx', 'a_b__c_.docx'],
    ['', 'upload'],
  ])('keeps an uploaded name %j safe as %j', (name, safe) => expect(safeFileName(name)).toBe(safe));
});

describe('figures as the pages show them', () => {
  it.each([
    [{ value: 10, comparator: '>=' }, '≥ 10'],
    [{ value: 100, comparator: '~' }, '约 100'],
    [{ value: 3500, comparator: '>' }, '> 3,500'],
    [{ value: 48.73, comparator: '=' }, '48.73'],
    [{ value: 3, value_max: 5, comparator: null }, '3–5'],
    [{ value: 0.5, comparator: '<=' }, '≤ 0.5'],
    [{ value: null, comparator: '>=' }, ''],
  ])('a stated figure %j reads %j', (figure, text) => expect(figureNumber(figure)).toBe(text));

  it('puts the unit after the figure, and nothing after an empty one', () => {
    expect(figureText({ value: 10, unit: '件', comparator: '>=' })).toBe('≥ 10 件');
    expect(figureText({ value: 10, unit: null })).toBe('10');
    expect(figureText({ value: null, unit: '件' })).toBe('');
  });

  it.each([
    [42.3425, '42.3'],
    [8235500000, '8,235,500,000'],
    [10.75, '10.8'],
    [1.23456, '1.23'],
    [0.04567, '0.05'],
    [950.4, '950'],
    [null, ''],
    [Number.NaN, ''],
  ])('a computed value %s is rounded for reading as %j', (value, text) => expect(computedNumber(value)).toBe(text));

  it.each([
    [0.9746, '97%'],
    [1.1069, '111%'],
    [0.2, '20%'],
    [null, ''],
  ])('a share %s reads %j', (share, text) => expect(percentText(share)).toBe(text));
});

describe('names in words', () => {
  it.each([
    ['is_fact', '计入对比 counts as the fact'],
    ['cell_table', '表格 table'],
    ['idx', '序号 order in document'],
    ['value_base', '标准值 value in base unit'],
    ['some_new_field', 'some new field'],
  ])('field %s is shown as %j', (field, label) => expect(fieldLabel(field)).toBe(label));

  it.each([
    ['year-defaulted', '年份为推定 year assumed'],
    ['unlinked-indicator', '未关联标准指标 unlinked indicator'],
    ['a-kind-not-listed', 'a kind not listed'],
    [undefined, '—'],
  ])('flag %s is shown as %j', (kind, label) => expect(flagLabel(kind)).toBe(label));

  it.each([
    ['comparator', '>=', '≥'],
    ['comparator', '~', '约 about'],
    ['kind', 'actual', '实际 actual'],
    ['is_fact', '0', '否 no (another record holds this fact)'],
    ['roles', 'unsplit', '未分牵头配合 listed'],
    ['unit', '件', '件'],
    ['kind', 'something-else', 'something-else'],
  ])('%s %j is shown as %j', (field, value, label) => expect(valueLabel(field, value)).toBe(label));
});

describe('compare bars name their plan', () => {
  it.each([
    [{ region: '南京市玄武区', plan_title: '南京市玄武区“十四五”知识产权发展规划', plan_id: 1 }, '南京市玄武区 · “十四五”知识产权发展规划'],
    [{ region: '南京市', plan_title: '南京市 评估报告 (2021—2025)', plan_id: 3 }, '南京市 · 评估报告 (2021—2025)'],
    [{ region: '山东省', plan_title: '关于加快推进人工智能发展的意见', plan_id: 4 }, '山东省 · 关于加快推进人工智能发展的意见'],
    [{ region: '济南市', plan_title: '济南市', plan_id: 5 }, '济南市'],
    [{ region: null, plan_title: '某规划', plan_id: 6 }, '某规划'],
  ])('%j is labelled %j', (row, label) => expect(barLabel(row)).toBe(label));
});

describe('a span pointed at in a document (?at=)', () => {
  it.each([
    ['120-150', { start: 120, end: 150 }],
    ['0-1', { start: 0, end: 1 }],
    ['150-120', null],
    ['5-5', null],
    ['abc', null],
    [undefined, null],
    ['1-2-3', null],
  ])('%j is %j', (at, span) => expect(parseSpan(at)).toEqual(span));
});

describe('progress check column', () => {
  const row = { on_track: 'behind', stated_status: '超过预期目标值' } as unknown as ProgressRow;
  it('marks a row only where the facts work says the plan contradicts the computed status', () => {
    expect(statusConflict(row)).toBeNull();
    expect(statusConflict({ ...row, status_conflict: '文件称超过预期目标值，计算为滞后' } as ProgressRow)).toBe('文件称超过预期目标值，计算为滞后');
    expect(statusConflict({ ...row, status_conflict: '' } as ProgressRow)).toBeNull();
  });
});

describe('documents listing: filter and sort', () => {
  const doc = (id: number, region: string | null, type: string | null, period: [number | null, number | null], issued: string | null, targets: number) =>
    ({
      id,
      plan_id: id,
      region,
      type,
      period_start: period[0],
      period_end: period[1],
      issued,
      title: `plan ${id}`,
      targets,
      actuals: 0,
      flagged: 0,
    }) as unknown as DocumentListRow;
  const docs = [
    doc(1, '南京市玄武区', 'plan', [2021, 2025], null, 56),
    doc(2, '连云港市', 'work-plan', [2024, 2026], null, 15),
    doc(3, '南京市', 'evaluation', [2021, 2025], '2023-05-10', 37),
    doc(4, '山东省', 'work-plan', [null, null], '2019-01-02', 5),
  ];
  const ids = (rows: DocumentListRow[]) => rows.map((d) => d.id);

  it.each([
    [{}, [1, 2, 3, 4]],
    [{ region: '南京市' }, [1, 3]],
    [{ region: '南京市玄武区' }, [1]],
    [{ type: 'work-plan' }, [2, 4]],
    [{ year: '2026' }, [2]],
    [{ year: '2023' }, [1, 3]],
    [{ year: '2019' }, [4]],
    [{ region: '南京市', year: '2026' }, []],
    [{ sort: 'targets' }, [4, 2, 3, 1]],
    [{ sort: 'targets', dir: 'desc' }, [1, 3, 2, 4]],
    [{ sort: 'period' }, [4, 1, 3, 2]],
    [{ sort: 'no-such-column' }, [1, 2, 3, 4]],
  ])('%j keeps %j', (query, kept) => expect(ids(filterDocuments(docs, query))).toEqual(kept));

  it('reads a document as about every year of its period and the year it was issued', () => {
    expect(yearsOf(docs[2]!).sort()).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(yearsOf(docs[3]!)).toEqual([2019]);
  });
});

describe('search hits mark the words searched for', () => {
  it.each([
    ['深入推进知识产权质押融资工作', '质押融资', '深入推进知识产权<mark>质押融资</mark>工作'],
    ['专利转化和专利运用', '专利 转化', '<mark>专利</mark><mark>转化</mark>和<mark>专利</mark>运用'],
    ['质押融资总额（亿元）', '融资 质押融资', '<mark>质押融资</mark>总额（亿元）'],
    ['a<b>质押', '质押', 'a&lt;b&gt;<mark>质押</mark>'],
    ['金额(亿元)', '(亿元)', '金额<mark>(亿元)</mark>'],
    ['没有这个词', '质押', '没有这个词'],
    ['文本', '', '文本'],
  ])('%j searched for %j reads %j', (text, query, out) => expect(withTermsMarked(text, query).value).toBe(out));
});
