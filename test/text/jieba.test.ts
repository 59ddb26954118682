/**
 * The jieba wrapper (src/text/jieba.ts): whichever function a process calls
 * first, the words come from the project's user dictionary. Each order runs
 * in a fresh process, because jieba's dictionaries are process-wide (and the
 * test setup has loaded them in this one already). The control case builds a
 * segmenter from jieba's own dictionary directly, as the extractors once did
 * with nodejieba, and gets the split the wrapper prevents.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const WRAPPER = resolve(ROOT, 'src/text/jieba.ts');

/** Runs `body` in a fresh Node process with the wrapper imported as `j` and a bare segmenter on jieba's own dictionary as `raw`; returns its JSON output. */
function fresh(body: string): unknown {
  const script = `
    const j = await import(${JSON.stringify(WRAPPER)});
    const { Jieba } = (await import('@node-rs/jieba')).default;
    const raw = Jieba.withDict((await import('@node-rs/jieba/dict')).default.dict);
    const out = await (async () => { ${body} })();
    process.stdout.write(JSON.stringify(out));`;
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(stdout);
}

const TERM = '高价值发明专利';
const SENTENCE = `全市${TERM}拥有量`;

describe('one dictionary whatever the call order', () => {
  const sentence = JSON.stringify(SENTENCE);
  it.each([
    ['cut', `return j.cut(${sentence});`],
    ['tag', `return j.tag(${sentence}).map((t) => t.word);`],
    ['cutAll', `j.cutAll(${sentence}); return j.cut(${sentence});`],
    ['cutWords', `return j.cutWords(${sentence}, j.DEFAULT_USER_DICT);`],
  ])('%s first: the user dictionary is loaded and the domain term stays one word', (_first, body) => {
    const { words, loaded } = fresh(
      `const words = await (async () => { ${body} })(); return { words, loaded: j.loadedDictionary() === j.DEFAULT_USER_DICT };`,
    ) as {
      words: string[];
      loaded: boolean;
    };
    expect(loaded).toBe(true);
    expect(words).toContain(TERM);
  });

  it('control: jieba called directly uses its own dictionary and splits the term', () => {
    expect(fresh(`return raw.cut(${JSON.stringify(SENTENCE)});`)).not.toContain(TERM);
  });
});
