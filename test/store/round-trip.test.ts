/**
 * The store on the real corpora: every rendering stored, renderings of one
 * plan grouped by their text, Chinese full-text search, skip/force/rename.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, loadPipeline } from '../../src/core/pipeline.js';
import { RuleSet } from '../../src/rules/index.js';
import { ingestPaths } from '../../src/batch/index.js';
import { STAGES } from '../../src/stages.js';
import { listDocuments, openStore, primaryTotals, searchSentences, type Store } from '../../src/store/index.js';

const CORPORA = resolve(import.meta.dirname, '../../corpora');
const pipeline = loadPipeline(DEFAULT_PIPELINE, STAGES);
const rules = new RuleSet();

let dir: string;
let store: Store;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planlens-store-'));
  store = openStore(join(dir, 'test.db'));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ingest = (paths: string[], force = false) => ingestPaths(paths, { db: store.db, pipeline, rules, force });
const count = (sql: string, ...params: unknown[]) => (store.db.prepare(sql).get(...params) as { n: number }).n;

describe('store round trip on corpora/', () => {
  it('stores every rendering and groups them into one plan per document text', async () => {
    const summary = await ingest([CORPORA]);
    expect(summary.failures).toEqual([]);
    expect(summary.stored).toBe(7);
    expect(summary.sentences).toBeGreaterThan(300);
    expect(count('SELECT count(*) AS n FROM documents')).toBe(7);
    expect(count('SELECT count(*) AS n FROM plans')).toBe(3);

    const docs = listDocuments(store.db);
    const xuanwu = docs.filter((d) => d.path.includes('xuanwu'));
    expect(xuanwu.map((d) => d.format).sort()).toEqual(['docx', 'pdf', 'txt']);
    expect(new Set(xuanwu.map((d) => d.plan_id)).size).toBe(1);
    // docx is the primary rendering where there is one
    expect(xuanwu.find((d) => d.is_primary)?.format).toBe('docx');
    expect(docs.filter((d) => d.path.includes('lianyungang')).find((d) => d.is_primary)?.format).toBe('txt');
    // each plan has exactly one primary rendering
    expect(count('SELECT count(*) AS n FROM primary_documents')).toBe(3);
    expect(primaryTotals(store.db).plans).toBe(3);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('stores structure, sentences with jieba words, and provenance of extractions', () => {
    expect(count('SELECT count(*) AS n FROM sections')).toBeGreaterThan(20);
    expect(count("SELECT count(*) AS n FROM sentences WHERE words = ''")).toBeLessThan(count('SELECT count(*) AS n FROM sentences'));
    // every extracted quantity points at a sentence of its document
    expect(
      count(
        `SELECT count(*) AS n FROM quantities q LEFT JOIN sentences s ON s.document_id = q.document_id AND s.idx = q.sentence_idx
         WHERE s.id IS NULL`,
      ),
    ).toBe(0);
  });

  it('loads the indicator and region dimensions, and quantities link to known indicators', () => {
    expect(count('SELECT count(*) AS n FROM indicators')).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM quantities WHERE indicator_id IS NOT NULL AND indicator_id NOT IN (SELECT id FROM indicators)')).toBe(0);
    // every plan's region is in the region dimension, with its parent chain
    expect(count('SELECT count(*) AS n FROM plans WHERE region IS NOT NULL AND region NOT IN (SELECT name FROM regions)')).toBe(0);
    expect(store.db.prepare("SELECT parent FROM regions WHERE name = '南京市玄武区'").get()).toEqual({ parent: '南京市' });
  });

  it('stores what the catalogue says of each indicator and what the name says of each figure', () => {
    expect(
      store.db.prepare("SELECT domain, kind, direction, per_capita_base, unit FROM indicators WHERE id = 'ip.high-value-invention-patents-per-10k'").get(),
    ).toEqual({
      domain: 'ip',
      kind: 'per-capita',
      direction: 'up',
      per_capita_base: '每万人口',
      unit: '件',
    });
    expect(count('SELECT count(*) AS n FROM indicators WHERE source IS NULL OR domain IS NULL OR kind IS NULL')).toBe(0);
    // percent has one spelling
    expect(count("SELECT count(*) AS n FROM quantities WHERE unit_base = 'percent'")).toBe(0);
    expect(count("SELECT count(*) AS n FROM quantities WHERE unit_base = '%'")).toBeGreaterThan(0);
    // 新增… keeps its verb and kind
    expect(count("SELECT count(*) AS n FROM quantities WHERE measure_verb = '新增' AND measure_kind = 'new'")).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM quantities WHERE measure_kind IS NOT NULL AND measure_verb IS NULL')).toBe(0);
  });

  it('finds a Chinese word with the FTS index, once per plan', () => {
    const hits = searchSentences(store.db, '质押融资');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.text.replace(/\s/g, '')).toMatch(/质押融资/);
    const plans = hits.map((h) => h.plan_id);
    const all = searchSentences(store.db, '质押融资', { allRenderings: true, limit: 1000 });
    // the same sentences exist in every rendering, but by default only the primary one answers
    expect(all.length).toBeGreaterThan(hits.length);
    expect(new Set(all.map((h) => h.plan_id))).toEqual(new Set(plans));
    // a single character falls back to a substring match
    expect(searchSentences(store.db, '鼓').length).toBeGreaterThan(0);
  });

  it('skips content already stored, and records another name for the same content', async () => {
    const copy = join(dir, 'renamed-plan.txt');
    copyFileSync(join(CORPORA, 'xuanwu-ip-14fyp-plan.txt'), copy);
    const summary = await ingest([CORPORA, copy]);
    expect(summary).toMatchObject({ stored: 0, skipped: 8, failed: 0 });
    expect(count('SELECT count(*) AS n FROM documents')).toBe(7);
    const paths = store.db
      .prepare("SELECT p.path FROM document_paths p JOIN documents d ON d.id = p.document_id WHERE d.path LIKE '%xuanwu-ip-14fyp-plan.txt'")
      .all() as Array<{ path: string }>;
    expect(paths.map((p) => p.path)).toContain(copy);
  });

  it('--force re-stores, keeping one document per content and the paths seen', async () => {
    const before = listDocuments(store.db);
    const summary = await ingest([join(CORPORA, 'xuanwu-ip-14fyp-plan.txt')], true);
    expect(summary).toMatchObject({ stored: 1, skipped: 0, failed: 0 });
    const after = listDocuments(store.db);
    expect(after).toHaveLength(7);
    const old = before.find((d) => d.path.endsWith('xuanwu-ip-14fyp-plan.txt'))!;
    const now = after.find((d) => d.sha256 === old.sha256)!;
    expect(now.id).not.toBe(old.id);
    expect(now.plan_id).toBe(old.plan_id);
    expect(count('SELECT count(*) AS n FROM document_paths WHERE document_id = ?', now.id)).toBe(2);
    expect(count('SELECT count(*) AS n FROM plans')).toBe(3);
    expect(count('SELECT count(*) AS n FROM sentences WHERE document_id = ?', old.id)).toBe(0);
  });

  it('stores the same bytes twice in one --force batch only once', async () => {
    const a = join(dir, 'copy-a.txt');
    const b = join(dir, 'copy-b.txt');
    copyFileSync(join(CORPORA, 'nanjing-ip-14fyp-midterm-review.txt'), a);
    copyFileSync(join(CORPORA, 'nanjing-ip-14fyp-midterm-review.txt'), b);
    const summary = await ingest([a, b], true);
    expect(summary).toMatchObject({ stored: 1, skipped: 1, failed: 0 });
    expect(count('SELECT count(*) AS n FROM documents')).toBe(7);
    const id = (store.db.prepare('SELECT document_id AS n FROM document_paths WHERE path = ?').get(a) as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM document_paths WHERE document_id = ? AND path IN (?, ?)', id, a, b)).toBe(2);
  });
});
