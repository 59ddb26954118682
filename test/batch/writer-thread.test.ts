/**
 * With a pool, the main thread reads, hashes and writes: jieba's dictionary
 * (about 50 MB per thread) loads in the workers only — sentences arrive with
 * their full-text column already cut (store/search.ts storableSegments). In
 * one thread the pipeline runs there, so it loads. Each case is a fresh
 * process: test files share their worker's modules, and the test set-up loads
 * jieba in advance.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'planlens-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = ['到2025年，全市高价值发明专利拥有量达到1.2万件。', '到2027年，知识产权质押融资登记金额累计达到50亿元。'].map((text, i) => {
  const path = join(dir, `plan-${i}.txt`);
  writeFileSync(path, `某市知识产权发展规划\n\n${text}\n`);
  return path;
});

/** Ingests the files with `jobs` in a fresh process; whether its main thread loaded jieba, and what it stored. */
function ingestIn(jobs: number): { jiebaInMainThread: boolean; stored: number; words: string[] } {
  const module = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, 'src', path)).href);
  const script = `
    const { ingestPaths } = await import(${module('batch/index.ts')});
    const { DEFAULT_PIPELINE, loadPipeline } = await import(${module('core/pipeline.ts')});
    const { RuleSet } = await import(${module('rules/index.ts')});
    const { STAGES } = await import(${module('stages.ts')});
    const { openStore } = await import(${module('store/index.ts')});
    const { loadedDictionary } = await import(${module('text/jieba.ts')});
    const store = openStore(${JSON.stringify(join(dir, `jobs-${jobs}.db`))});
    const summary = await ingestPaths(${JSON.stringify(files)}, { db: store.db, pipeline: loadPipeline(DEFAULT_PIPELINE, STAGES), rules: new RuleSet(), jobs: ${jobs} });
    const words = store.db.prepare('SELECT words FROM sentences ORDER BY document_id, idx').all().map((r) => r.words);
    store.close();
    console.log(JSON.stringify({ jiebaInMainThread: loadedDictionary() !== null, stored: summary.stored, words }));`;
  // A file, not --eval: worker threads inherit the process's options, and --input-type is refused outside --eval.
  const scriptFile = join(dir, `ingest-${jobs}.mjs`);
  writeFileSync(scriptFile, script);
  const child = spawnSync(process.execPath, ['--import', 'tsx', scriptFile], { cwd: ROOT, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as { jiebaInMainThread: boolean; stored: number; words: string[] };
}

const cases = [
  { jobs: 1, jiebaInMainThread: true },
  { jobs: 2, jiebaInMainThread: false },
];

describe("the main thread's jieba", () => {
  const runs = new Map<number, ReturnType<typeof ingestIn>>();
  for (const c of cases) {
    it(`--jobs ${c.jobs}: ${c.jiebaInMainThread ? 'loaded (the pipeline runs there)' : 'not loaded (workers cut the words)'}`, () => {
      const run = ingestIn(c.jobs);
      runs.set(c.jobs, run);
      expect(run.stored).toBe(files.length);
      expect(run.jiebaInMainThread).toBe(c.jiebaInMainThread);
      // The full-text column holds the words and the dictionary words inside compounds (质押融资 inside 知识产权质押融资).
      expect(run.words.join(' ').split(' ')).toEqual(expect.arrayContaining(['知识产权质押融资', '质押融资', '高价值发明专利']));
    });
  }
  it('both store the same full-text words', () => {
    expect(runs.get(2)?.words).toEqual(runs.get(1)?.words);
  });
});
