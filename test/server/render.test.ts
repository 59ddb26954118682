/** The server-side pieces pages are made of: SVG bars, in-place highlights, escaping. */
import { describe, expect, it } from 'vitest';
import { barChart, niceCeiling } from '../../src/server/charts.js';
import { markedParagraphs, markedText } from '../../src/server/highlight.js';
import { html } from '../../src/server/html.js';
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
