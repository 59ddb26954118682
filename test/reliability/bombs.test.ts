/**
 * Decompression bombs and oversized documents: a small file that stands for
 * a huge one fails with one line naming the limit, before it is expanded;
 * the batch goes on, the upload is refused with 413. Bombs are built at
 * test time, small enough to be quick, over the default or a lowered limit.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { loadPipeline } from '../../src/core/pipeline.js';
import { detectFormat, ingestStage, openSource, readSource, type IngestOptions } from '../../src/ingest/index.js';
import { STAGES } from '../../src/stages.js';
import { openStore } from '../../src/store/index.js';
import { runCliInProcess } from '../support/cli.js';
import { appOver, lieAboutSizes, pipelineWithLimits, ROOT, wordParagraph, writeDocx, writeDocxBomb } from './support.js';

const CORPORA = join(ROOT, 'corpora');
let dir: string;
let bomb: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planlens-bombs-'));
  bomb = writeDocxBomb(join(dir, 'bomb.docx'), 4);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const optionsWith = (limits: Record<string, number>): IngestOptions => ingestStage.options.parse({ limits });

async function readError(path: string, limits: Record<string, number>): Promise<string> {
  const options = optionsWith(limits);
  try {
    const state = await openSource(path, options.limits);
    await readSource(state.source.format, state.content!, options);
  } catch (error) {
    return (error as Error).message;
  }
  return 'read without error';
}

describe('a .docx bomb', () => {
  it('is small on disk and large inside', () => {
    expect(statSync(bomb).size).toBeLessThan(64 * 1024);
  });

  it('is refused by the compression ratio its central directory declares, before inflating', async () => {
    const started = performance.now();
    const message = await readError(bomb, {});
    expect(message).toMatch(/^word\/document\.xml in the \.docx expands \d+ times .*; the limit is maxCompressionRatio = 100$/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('that lies about its sizes is measured by inflating, and still refused', async () => {
    const liar = join(dir, 'liar.docx');
    copyFileSync(bomb, liar);
    lieAboutSizes(liar, 1000);
    expect(await readError(liar, {})).toMatch(/the limit is maxCompressionRatio = 100$/);
    expect(await readError(liar, { maxCompressionRatio: 1e9, maxUnzippedBytes: 1024 * 1024 })).toMatch(
      /expands to more than it declares \(word\/document\.xml\); the limit is maxUnzippedBytes = 1 MB$/,
    );
  });

  it('in a batch fails with one line naming the limit, and the batch goes on', async () => {
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    copyFileSync(bomb, join(batch, 'a-bomb.docx'));
    copyFileSync(join(CORPORA, 'nanjing-ip-14fyp-midterm-review.txt'), join(batch, 'b-good.txt'));
    const db = join(dir, 'batch.db');
    const r = await runCliInProcess(['ingest', batch, '--db', db, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/a-bomb\.docx: .*maxCompressionRatio = 100$/)]);
    expect(r.stdout).toMatch(/1 stored, 0 skipped \(already stored\), 1 failed/);
    const store = openStore(db);
    try {
      const run = store.db.prepare('SELECT ok, failed, finished_at FROM runs').get() as Record<string, unknown>;
      expect(run).toMatchObject({ ok: 1, failed: 1 });
      expect(run.finished_at).not.toBeNull();
    } finally {
      store.close();
    }
  });

  it('uploaded through the web app is refused with 413 naming the limit, and nothing is stored', async () => {
    const store = openStore(join(dir, 'web.db'));
    try {
      const request = await appOver(store.db, join(dir, 'uploads'));
      const form = new FormData();
      form.append('file', new Blob([readFileSync(bomb)]), 'bomb.docx');
      const response = await request('/api/upload', { method: 'POST', body: form });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: string }).error).toMatch(/^bomb\.docx: .*maxCompressionRatio = 100$/);
      expect(store.db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
    } finally {
      store.close();
    }
  });
});

describe('each limit, lowered, stops a file over it with one line naming it', () => {
  // `base`: other limits raised so that only the one under test can stop the file.
  const cases: Array<{ limit: string; value: number; file: () => string; says: RegExp; base?: Record<string, number> }> = [
    {
      limit: 'maxFileBytes',
      value: 1000,
      file: () => join(CORPORA, 'xuanwu-ip-14fyp-plan.docx'),
      says: /^the file is 21 KB; the limit is maxFileBytes = 1000 bytes$/,
    },
    {
      limit: 'maxTextBytes',
      value: 1000,
      file: () => join(CORPORA, 'xuanwu-ip-14fyp-plan.txt'),
      says: /^the text file is \d+ KB; the limit is maxTextBytes = 1000 bytes$/,
    },
    {
      limit: 'maxUnzippedBytes',
      value: 1024 * 1024,
      file: () => writeDocxBomb(join(dir, 'over-a-mb.docx'), 1.2),
      says: /^the \.docx expands to 1.2 MB; the limit is maxUnzippedBytes = 1 MB$/,
      base: { maxCompressionRatio: 1e9 },
    },
    { limit: 'maxPages', value: 3, file: () => join(CORPORA, 'xuanwu-ip-14fyp-plan.pdf'), says: /^the PDF has \d+ pages; the limit is maxPages = 3$/ },
    {
      limit: 'maxCharacters',
      value: 2000,
      file: () => join(CORPORA, 'nanjing-ip-14fyp-midterm-review.docx'),
      says: /^the document has [\d,]+ characters; the limit is maxCharacters = 2,000$/,
    },
    {
      limit: 'maxParagraphs',
      value: 50,
      file: () => join(CORPORA, 'lianyungang-ip-city-pilot-2024-2026.txt'),
      says: /^the document has [\d,]+ paragraphs; the limit is maxParagraphs = 50$/,
    },
    {
      limit: 'maxParagraphs',
      value: 100,
      file: () => writeDocx(join(dir, 'many-paragraphs.docx'), wordParagraph('一'), 101),
      says: /^the document has 101 paragraphs; the limit is maxParagraphs = 100$/,
    },
  ];
  it.each(cases)('$limit = $value', async ({ limit, value, file, says, base = {} }) => {
    const path = file();
    expect(await readError(path, base)).toBe('read without error');
    expect(await readError(path, { ...base, [limit]: value })).toMatch(says);
  });

  it('the limits are options of the ingest stage, checked when the pipeline file is loaded', () => {
    expect(() => loadPipeline(pipelineWithLimits(dir, { maxPages: -1 }), STAGES)).toThrow(ConfigError);
    expect(() => loadPipeline(pipelineWithLimits(dir, { maxPagez: 10 }), STAGES)).toThrow(/maxPagez|unrecognized/i);
    const lowered = loadPipeline(pipelineWithLimits(dir, { maxPages: 7 }), STAGES);
    expect((lowered.steps[0]!.options as IngestOptions).limits).toMatchObject({ maxPages: 7, maxCharacters: 10_000_000 });
  });

  it('a lowered limit from the pipeline file reaches the batch', async () => {
    const db = join(dir, 'lowered.db');
    const txt = join(CORPORA, 'xuanwu-ip-14fyp-plan.txt');
    const r = await runCliInProcess(['ingest', txt, '--db', db, '--pipeline', pipelineWithLimits(dir, { maxCharacters: 1000 }), '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^${txt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the document has [\\d,]+ characters; the limit is maxCharacters = 1,000\\n$`),
    );
    expect(detectFormat(readFileSync(txt), txt)).toBe('txt');
  });
});
