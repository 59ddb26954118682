/**
 * Exports an analyst takes into Excel or pandas: the xlsx re-read with
 * exceljs holds the database's rows; CSV starts with the UTF-8 BOM.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCorpora, type CorpusDb } from '../support/corpus-db.js';

let corpus: CorpusDb;
beforeAll(() => {
  corpus = ingestCorpora('export');
});
afterAll(() => corpus?.remove());

const TABLES = ['targets', 'actuals', 'progress', 'responsibilities', 'milestones', 'departments', 'documents'];

/** Row counts straight from the database, independent of the export code. */
function databaseCounts(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    // One fact per plan, indicator, year and scope, of the records that state a number or words.
    const facts = (kind: string) =>
      count(`SELECT count(*) AS n FROM (SELECT DISTINCT plan_id, indicator_key, year, per_year, coalesce(period_start, year), coalesce(unit_base, unit, '') FROM quantity_mentions
        WHERE kind = '${kind}' AND (value IS NOT NULL OR coalesce(qualitative, '') <> ''))`);
    return {
      targets: facts('target'),
      actuals: facts('actual'),
      progress: count('SELECT count(*) AS n FROM targets'),
      responsibilities: count('SELECT count(*) AS n FROM responsibilities r JOIN plans p ON p.primary_document_id = r.document_id'),
      milestones: count('SELECT count(*) AS n FROM milestones m JOIN plans p ON p.primary_document_id = m.document_id'),
      documents: count('SELECT count(*) AS n FROM documents'),
    };
  } finally {
    db.close();
  }
}

/** RFC 4180 records (quoted fields may hold commas and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (record.push(field), (field = ''));
    else if (c === '\r' && text[i + 1] === '\n') {
      (record.push(field), records.push(record), (record = []), (field = ''), i++);
    } else field += c;
  }
  if (field || record.length) (record.push(field), records.push(record));
  return records;
}

describe('export --format xlsx', () => {
  it('one sheet per table, frozen header, the same rows as the database', async () => {
    const out = join(corpus.dir, 'planlens.xlsx');
    const r = await corpus.run(['export', '--format', 'xlsx', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(TABLES);

    const counts = databaseCounts(corpus.db);
    expect(counts.targets).toBeGreaterThan(0);
    const db = new Database(corpus.db, { readonly: true });
    try {
      for (const sheet of workbook.worksheets) {
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        if (sheet.name in counts) expect(sheet.rowCount - 1, sheet.name).toBe(counts[sheet.name]);
      }
      // Cell by cell for targets: every value as the view holds it, numbers as numbers.
      const sheet = workbook.getWorksheet('targets')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
      const viewRows = db.prepare(`SELECT ${header.map((h) => `"${h}"`).join(', ')} FROM targets ORDER BY plan_id, quantity_id`).all() as Array<
        Record<string, unknown>
      >;
      expect(sheet.rowCount - 1).toBe(viewRows.length);
      viewRows.forEach((row, i) => {
        const cells = sheet.getRow(i + 2);
        header.forEach((h, j) => {
          const cell = cells.getCell(j + 1).value;
          expect(cell ?? null, `${h} of row ${i + 2}`).toEqual(row[h] ?? null);
        });
      });
      const departments = workbook.getWorksheet('departments')!;
      expect(departments.rowCount).toBeGreaterThan(5);
    } finally {
      db.close();
    }
  });

  it('--chinese-headers names the columns in Chinese', async () => {
    const out = join(corpus.dir, 'zh.xlsx');
    expect((await corpus.run(['export', '--format', 'xlsx', '--out', out, '--chinese-headers'])).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const header = (workbook.getWorksheet('targets')!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['地区', '指标名称', '原文数值', '标准数值', '年份', '原文']));
  });
});

describe('export --format csv', () => {
  it('a folder of UTF-8 CSVs with BOM, one per table, rows as in the database', async () => {
    const out = join(corpus.dir, 'csv');
    const r = await corpus.run(['export', '--format', 'csv', '--out', out]);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(TABLES.map((t) => `${t}.csv`).sort());
    const counts = databaseCounts(corpus.db);
    for (const table of TABLES) {
      const bytes = readFileSync(join(out, `${table}.csv`));
      expect([...bytes.subarray(0, 3)], table).toEqual([0xef, 0xbb, 0xbf]);
      const records = parseCsv(bytes.toString('utf8').slice(1));
      const width = records[0]!.length;
      for (const rec of records) expect(rec).toHaveLength(width);
      if (table in counts) expect(records.length - 1, table).toBe(counts[table]);
    }
    const targets = parseCsv(readFileSync(join(out, 'targets.csv'), 'utf8').slice(1));
    expect(targets.some((rec) => rec.includes('万人高价值发明专利拥有量'))).toBe(true);
  });

  it('--table writes one file, to --out when it names a .csv', async () => {
    const out = join(corpus.dir, 'one', 'progress.csv');
    const r = await corpus.run(['export', '--format', 'csv', '--table', 'progress', '--out', out, '--chinese-headers']);
    expect(r.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    const header = parseCsv(readFileSync(out, 'utf8').slice(1))[0]!;
    expect(header).toEqual(expect.arrayContaining(['目标值', '最新实际值', '完成比例', '进度判断']));
    expect((await corpus.run(['export', '--format', 'csv', '--table', 'nope', '--out', out])).status).toBe(2);
  });
});

describe('export --format json', () => {
  it('arrays of rows per table, flags as JSON lists', async () => {
    const out = join(corpus.dir, 'json');
    expect((await corpus.run(['export', '--format', 'json', '--out', out])).status).toBe(0);
    const targets = JSON.parse(readFileSync(join(out, 'targets.json'), 'utf8')) as Array<Record<string, unknown>>;
    expect(targets.length).toBe(databaseCounts(corpus.db).targets);
    expect(targets.every((t) => Array.isArray(t.flags))).toBe(true);
  });
});
