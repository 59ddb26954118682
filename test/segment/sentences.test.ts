/** Sentence splitting: patterns table-driven, then the real documents. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/segment/sentences.js';
import { CORPORA, segmentedOnce } from '../structure/chain.js';

const STOPS = '。；！？;!?';
const split = (text: string) => splitSentences(text, 0, text.length, { stops: STOPS }).map((s) => text.slice(s.start, s.end));

describe('splitting patterns', () => {
  it.each([
    { name: 'full stops', text: '完善机制。强化保护；提升服务！是否达到？', want: ['完善机制。', '强化保护；', '提升服务！', '是否达到？'] },
    { name: 'ASCII stops', text: 'A项完成; B项完成! C项?', want: ['A项完成;', 'B项完成!', 'C项?'] },
    { name: 'closing quote stays with its sentence', text: '坚持“创新引领。”推动发展。', want: ['坚持“创新引领。”', '推动发展。'] },
    {
      name: 'no split inside （…）',
      text: '建设平台（牵头单位：市知识产权局；配合单位：各区）。下一项。',
      want: ['建设平台（牵头单位：市知识产权局；配合单位：各区）。', '下一项。'],
    },
    { name: 'no split inside (…)', text: '建设平台(甲;乙)。下一项。', want: ['建设平台(甲;乙)。', '下一项。'] },
    { name: 'an unclosed bracket does not swallow the line', text: '建设平台（甲。乙。', want: ['建设平台（甲。', '乙。'] },
    { name: 'no stop: the whole piece', text: '（一）发展基础', want: ['（一）发展基础'] },
    { name: 'surrounding spaces trimmed, punctuation-only pieces dropped', text: '  完善机制。 。  ', want: ['完善机制。'] },
    { name: 'decimal points are not stops', text: '比重达8.6%。', want: ['比重达8.6%。'] },
  ])('$name', ({ text, want }) => {
    expect(split(text)).toEqual(want);
  });
});

const formats = (doc: string) => ['txt', 'docx', 'pdf'].map((ext) => `${doc}.${ext}`).filter((file) => existsSync(resolve(CORPORA, file)));

describe('sentences of the real documents', () => {
  it.each(formats('xuanwu-ip-14fyp-plan'))('%s: one sentence per table cell, none for carried cells', async (file) => {
    const { structure, segments } = await segmentedOnce(file);
    const table = structure!.tables.find((t) => t.rows.length === 23)!;
    const cells = segments!.sentences.filter((s) => s.cell?.table === table.index);
    const written = table.rows.flatMap((row) => row.filter((cell) => !cell.carried && cell.text !== ''));
    expect(cells).toHaveLength(written.length);
    const indicator = cells.find((s) => s.text === '万人发明专利拥有量（件）')!;
    expect(indicator.cell).toEqual({ table: table.index, row: 2, col: 1 });
    expect(indicator.sectionPath).toBe('二/（四）');
    // Carried 分类 cells are not repeated as sentences.
    expect(cells.filter((s) => s.text === '知识产权创造')).toHaveLength(1);
  });

  it.each(formats('xuanwu-ip-14fyp-plan'))('%s: box content carries its box, section and (pdf) page', async (file) => {
    const { structure, segments } = await segmentedOnce(file);
    const goal = segments!.sentences.find((s) => s.text.startsWith('目标：至2025年，获批国家知识产权试点示范园区'))!;
    expect(goal.box).toBe(0);
    expect(structure!.boxes[0]!.title.startsWith('专项1')).toBe(true);
    expect(goal.sectionPath).toBe('三/（一）/3');
    if (file.endsWith('.pdf')) expect(goal.page).toBeGreaterThan(1);
    else expect(goal.page).toBeUndefined();
    const outside = segments!.sentences.find((s) => s.text.startsWith('完善知识产权管理体制机制'))!;
    expect(outside.box).toBeUndefined();
  });

  it.each(formats('lianyungang-ip-city-pilot-2024-2026'))('%s: work-plan items split into heading and body sentences', async (file) => {
    const { segments } = await segmentedOnce(file);
    const sentences = segments!.sentences;
    const heading = sentences.find((s) => s.text === '1.保障国家和区域重大战略实施。')!;
    expect(heading.sectionPath).toBe('四/（一）/1');
    expect(sentences[heading.index + 1]!.text.startsWith('积极推动知识产权工作融入')).toBe(true);
    expect(sentences[heading.index + 1]!.sectionPath).toBe('四/（一）/1');
  });

  it.each([...formats('xuanwu-ip-14fyp-plan'), ...formats('nanjing-ip-14fyp-midterm-review'), ...formats('lianyungang-ip-city-pilot-2024-2026')])(
    '%s: sentences are in order, point at their text and have words',
    async (file) => {
      const { normalised, segments } = await segmentedOnce(file);
      const { sentences, words } = segments!;
      expect(sentences.length).toBeGreaterThan(100);
      expect(words).toHaveLength(sentences.length);
      sentences.forEach((s, i) => {
        expect(s.index).toBe(i);
        if (i > 0) expect(s.start).toBeGreaterThanOrEqual(sentences[i - 1]!.start);
        if (!s.cell) expect(normalised!.text.slice(s.start, s.end)).toBe(s.text);
        expect(words[i]!.join('').replace(/\s/g, '')).toBe(s.text.replace(/\s/g, ''));
      });
    },
  );
});
