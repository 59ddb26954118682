/** How mammoth's HTML becomes raw blocks: cases for each construct Word files use. */
import { describe, expect, it } from 'vitest';
import { htmlToBlocks } from '../../src/ingest/read-docx.js';

describe('docx HTML to raw blocks', () => {
  it.each([
    [
      'heading levels',
      '<h1>一、总体要求</h1><h2>（一）指导思想</h2>',
      [
        { kind: 'paragraph', text: '一、总体要求', headingLevel: 1 },
        { kind: 'paragraph', text: '（一）指导思想', headingLevel: 2 },
      ],
    ],
    ['bookmark anchors vanish', '<h1><a id="_Toc93592294"></a>一、发展基础</h1>', [{ kind: 'paragraph', text: '一、发展基础', headingLevel: 1 }]],
    [
      'a soft line break joins Chinese text',
      '<p>关于印发《南京市玄武区“十四五”知识产权<br />发展规划》的通知</p>',
      [{ kind: 'paragraph', text: '关于印发《南京市玄武区“十四五”知识产权发展规划》的通知' }],
    ],
    ['a soft line break keeps Latin words apart', '<p>World Intellectual<br />Property</p>', [{ kind: 'paragraph', text: 'World Intellectual Property' }]],
    ['entities are decoded', '<p>A&amp;B &lt;市知识产权局&gt;</p>', [{ kind: 'paragraph', text: 'A&B <市知识产权局>' }]],
    [
      'footnote markers are dropped',
      '<p>达到100件<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>。</p>',
      [{ kind: 'paragraph', text: '达到100件。' }],
    ],
    [
      'list items are paragraphs',
      '<ol><li>加强保护<ol><li>完善制度</li></ol></li></ol>',
      [
        { kind: 'paragraph', text: '加强保护' },
        { kind: 'paragraph', text: '完善制度' },
      ],
    ],
    ['empty paragraphs are dropped', '<p></p><p>正文</p>', [{ kind: 'paragraph', text: '正文' }]],
    [
      'a one-cell table is a box',
      '<table><tr><td><p>专栏1 重点工程</p><p>内容：建设园区。</p></td></tr></table>',
      [{ kind: 'box', paragraphs: ['专栏1 重点工程', '内容：建设园区。'] }],
    ],
  ])('%s', (_name, html, expected) => {
    expect(htmlToBlocks(html)).toEqual(expected);
  });

  it('a table keeps row and column spans, cell paragraphs joined', () => {
    const html =
      '<table><thead><tr><th colspan="2"><p>指标</p></th><th><p>发展</p><p>目标</p></th></tr></thead>' +
      '<tbody><tr><td rowspan="2"><p>创造</p></td><td><p>万人发明专利拥有量</p></td><td><p>300</p></td></tr>' +
      '<tr><td><p>有效发明专利</p></td><td><table><tr><td>1</td><td>2</td></tr></table></td></tr></tbody></table>';
    expect(htmlToBlocks(html)).toEqual([
      {
        kind: 'table',
        rows: [
          [
            { text: '指标', rowSpan: 1, colSpan: 2 },
            { text: '发展目标', rowSpan: 1, colSpan: 1 },
          ],
          [
            { text: '创造', rowSpan: 2, colSpan: 1 },
            { text: '万人发明专利拥有量', rowSpan: 1, colSpan: 1 },
            { text: '300', rowSpan: 1, colSpan: 1 },
          ],
          [
            { text: '有效发明专利', rowSpan: 1, colSpan: 1 },
            { text: '1 2', rowSpan: 1, colSpan: 1 },
          ],
        ],
      },
    ]);
  });
});
