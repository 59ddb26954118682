/** Section trees of the real documents, in every format the corpus has. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPORA, structuredOnce } from './chain.js';

interface Expected {
  doc: string;
  /** How many sections the document's heading numbering opens. */
  sections: number;
  headings: Array<[path: string, heading: string]>;
}

const EXPECTED: Expected[] = [
  {
    doc: 'xuanwu-ip-14fyp-plan',
    sections: 38,
    headings: [
      ['一', '发展基础和面临形势'],
      ['一/（一）', '发展基础'],
      ['二/（四）', '发展目标'],
      ['三', '重点任务'],
      ['三/（一）/1', '优化知识产权基层管理体制机制'],
      // numbering runs on across parents: 4 follows 3 under a new （二）
      ['三/（二）/4', '强化高价值专利培育'],
      ['三/（五）/13', '推进“互联网+”知识产权公共服务'],
      ['三/（六）/18', '统筹优化知识产权人才发展环境'],
      ['四/（四）', '营造良好环境'],
    ],
  },
  {
    doc: 'nanjing-ip-14fyp-midterm-review',
    sections: 25,
    headings: [
      ['一', '《规划》实施总体情况'],
      ['一/（一）/1', '知识产权创造增速超过预期进度'],
      // numbers restart under a new parent, and the document skips 4
      ['一/（二）/1', '知识产权管理体制机制改革稳步推进'],
      ['一/（二）/5', '形成知识产权全链条保护格局'],
      ['二/（三）', '知识产权价值实现渠道不够通畅'],
      // heading ends at the first 。
      ['三/（一）', '深入实施知识产权全链保护计划，营造良好营商环境'],
      ['三/（六）', '深入实施区域知识产权协作计划，提升创新主体综合竞争力'],
    ],
  },
  {
    doc: 'lianyungang-ip-city-pilot-2024-2026',
    sections: 46,
    headings: [
      ['一', '指导思想'],
      ['二/（一）', '坚持高质量发展'],
      // work-plan items: title before the first 。, body on the same line
      ['四/（一）/1', '保障国家和区域重大战略实施'],
      ['四/（三）/9', '强化知识产权“严保护”导向'],
      ['四/（五）/19', '厚植知识产权人才发展基础'],
      ['五/（一）', '宣传发动阶段（2024年6月—2024年10月底）'],
      ['六/（三）', '营造良好氛围'],
    ],
  },
];

const CASES = EXPECTED.flatMap((expected) =>
  ['txt', 'docx', 'pdf']
    .map((ext) => `${expected.doc}.${ext}`)
    .filter((file) => existsSync(resolve(CORPORA, file)))
    .map((file) => ({ file, expected })),
);

describe('section tree', () => {
  it.each(CASES)('$file has its headings', async ({ file, expected }) => {
    const { structure } = await structuredOnce(file);
    const sections = structure!.sections;
    const byPath = new Map(sections.map((s) => [s.path, s.heading]));
    for (const [path, heading] of expected.headings) expect([path, byPath.get(path)]).toEqual([path, heading]);
    expect(sections.length).toBe(expected.sections);
  });

  it.each(CASES)('$file: sections nest and cover the text in order', async ({ file }) => {
    const state = await structuredOnce(file);
    const { sections } = state.structure!;
    const text = state.normalised!.text;
    for (const section of sections) {
      expect(text.slice(section.headingStart, section.headingEnd)).toContain(section.heading);
      const parentPath = section.path.split('/').slice(0, -1).join('/');
      if (parentPath) {
        const parent = sections.find((s) => s.path === parentPath)!;
        expect(parent.level).toBeLessThan(section.level);
        expect(section.start).toBeGreaterThanOrEqual(parent.start);
        expect(section.end).toBeLessThanOrEqual(parent.end);
      }
    }
  });

  it.each(CASES)('$file: no section opens inside a table or box', async ({ file }) => {
    const { structure } = await structuredOnce(file);
    const { sections, tables, boxes } = structure!;
    for (const region of [...tables, ...boxes]) {
      expect(sections.filter((s) => s.start >= region.start && s.start < region.end)).toEqual([]);
    }
  });
});
