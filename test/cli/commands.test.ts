/**
 * The CLI as a user meets it: exit statuses, --format, docs/show/search/inspect
 * on a real database — the corpora as `planlens ingest` stored them in this
 * run (test/support/shared-corpus.ts). Ingest and one command for each exit
 * status run as a real process (`cli`); the rest through main(argv), what
 * bin/planlens.js calls, without a Node start-up per command (`run`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess as run } from '../support/cli.js';
import { copyCorporaDb, ingestedCorpora } from '../support/shared-corpus.js';
import { runCliProcess as cli, CORPORA } from '../support/cli.js';

let dir: string;
let db: string;
let ingest: ReturnType<typeof cli>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planlens-cli-'));
  ({ ingest } = ingestedCorpora());
  db = copyCorporaDb(join(dir, 'cli.db'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest', () => {
  it('stores the corpora, exits 0 and prints a summary', async () => {
    expect(ingest.stderr).toBe('');
    expect(ingest.status).toBe(0);
    expect(ingest.stdout).toMatch(/Ingested 7 file\(s\) .*: 7 stored, 0 skipped \(already stored\), 0 failed/);
    expect(ingest.stdout).toMatch(/3 plan\(s\) from 7 document\(s\)/);
  });

  it('skips everything on a second run, and prints no "0.0 documents/s" rate for it', async () => {
    const again = cli(['ingest', CORPORA, '--db', db, '--quiet']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/0 stored, 7 skipped \(already stored\), 0 failed\n/);
    expect(again.stdout).not.toMatch(/documents\/s/);
  });
});

describe('exit statuses', () => {
  it('0 for --help, with examples', async () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
    expect((await run(['ingest', '--help'])).stdout).toMatch(/planlens ingest corpora\//);
  });
  it('2 for an unknown option, a bad --format, a bad --jobs (or its old name --concurrency), no command', async () => {
    // The real process prints the same: test/cli/acceptance.test.ts runs `docs --bogus` as one.
    expect((await run(['docs', '--db', db, '--bogus'])).status).toBe(2);
    const badFormat = await run(['docs', '--db', db, '--format', 'xml']);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toMatch(/xml/);
    expect((await run(['ingest', CORPORA, '--db', db, '--concurrency', '0'])).status).toBe(2);
    const badJobs = await run(['ingest', CORPORA, '--db', db, '--jobs', '0']);
    expect(badJobs.status).toBe(2);
    expect(badJobs.stderr).toMatch(/--jobs must be a positive whole number/);
    expect((await run([])).status).toBe(2);
    expect((await run(['frobnicate'])).status).toBe(2);
  });
  it('2 for a missing rules directory or pipeline file', async () => {
    const rules = await run(['ingest', CORPORA, '--db', db, '--rules', join(dir, 'no-rules')]);
    expect(rules.status).toBe(2);
    expect(rules.stderr.trim().split('\n')).toHaveLength(1);
    expect(rules.stderr).toContain(join(dir, 'no-rules'));
    expect((await run(['ingest', CORPORA, '--db', db, '--pipeline', join(dir, 'none.yaml')])).status).toBe(2);
  });
  it('1 with a one-line error naming the database when it does not exist', async () => {
    const missing = join(dir, 'missing.db');
    const result = cli(['docs', '--db', missing]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(missing);
  });
  it('1 when show finds nothing', async () => {
    const result = await run(['show', 'no-such-document', '--db', db]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no-such-document/);
  });
});

describe('docs, show, search', () => {
  it('docs --format json lists each plan with its renderings', async () => {
    const result = await run(['docs', '--db', db, '--format', 'json']);
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<{ plan: number; primary: boolean; format: string; path: string }>;
    expect(rows).toHaveLength(7);
    const xuanwu = rows.filter((r) => r.path.includes('xuanwu'));
    expect(new Set(xuanwu.map((r) => r.plan)).size).toBe(1);
    expect(xuanwu.filter((r) => r.primary).map((r) => r.format)).toEqual(['docx']);
  });

  it('docs is json when piped, csv on request', async () => {
    const piped = (await run(['docs', '--db', db])).stdout;
    expect(() => JSON.parse(piped)).not.toThrow();
    const csv = (await run(['docs', '--db', db, '--format', 'csv'])).stdout.split('\r\n');
    expect(csv[0]).toBe('plan,doc,primary,format,pages,chars,similarity,title,region,period,type,sha256,path');
    expect(csv.filter(Boolean)).toHaveLength(8);
  });

  it('show takes a path and lists the renderings and sections', async () => {
    const result = await run(['show', join(CORPORA, 'xuanwu-ip-14fyp-plan.pdf'), '--db', db, '--format', 'json']);
    expect(result.status).toBe(0);
    const shown = JSON.parse(result.stdout);
    expect(shown.document.format).toBe('pdf');
    expect(shown.renderings.map((r: { format: string }) => r.format).sort()).toEqual(['docx', 'pdf', 'txt']);
    expect(shown.sections.length).toBeGreaterThan(5);
    const table = await run(['show', shown.document.sha256.slice(0, 8), '--db', db, '--format', 'table']);
    expect(table.stdout).toMatch(/Renderings of this plan/);
    expect(table.stdout).toMatch(/Sections:/);
  });

  it('search finds a Chinese word and says where', async () => {
    const result = await run(['search', '质押融资', '--db', db, '--format', 'json']);
    expect(result.status).toBe(0);
    const hits = JSON.parse(result.stdout) as Array<{ text: string; section: string; path: string }>;
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.text).toMatch(/质押/);
    expect(hits.some((h) => h.section !== '')).toBe(true);
    const table = await run(['search', '质押融资', '--db', db, '--format', 'table']);
    expect(table.stdout.split('\n')[0]).toMatch(/^doc\s+plan\s+format\s+section/);
  });
});

describe('inspect', () => {
  it("prints one stage's output without storing anything", async () => {
    const result = await run(['inspect', join(CORPORA, 'nanjing-ip-14fyp-midterm-review.docx'), '--stage', 'structure', '--format', 'json']);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.structure.sections.length).toBeGreaterThan(3);
    expect(output.segments).toBeUndefined();
    const readable = await run(['inspect', join(CORPORA, 'nanjing-ip-14fyp-midterm-review.docx'), '--stage', 'segment', '--format', 'table']);
    expect(readable.status).toBe(0);
    expect(readable.stdout).toMatch(/sentences: \d+/);
  });
  it('2 for a stage not in the pipeline, 1 for a file that cannot be read', async () => {
    expect((await run(['inspect', join(CORPORA, 'nanjing-ip-14fyp-midterm-review.txt'), '--stage', 'nope'])).status).toBe(2);
    const missing = await run(['inspect', join(dir, 'nothing.txt'), '--stage', 'ingest']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(join(dir, 'nothing.txt'));
  });
});
