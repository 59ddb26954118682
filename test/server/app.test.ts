/**
 * The web app against `planlens serve` over the sample corpora: over HTTP,
 * and in a real browser (Chromium via playwright-core), where each page is
 * screenshotted to output/screenshots/ so a person can look at it. Without
 * Chromium the browser tests are skipped, and a line at the end of the run
 * says how to enable them; PLANLENS_REQUIRE_BROWSER=1 (.ci/run) makes that a
 * failure instead.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSER_SKIPPED_MARK, browserMissingError, browserRequired } from '../support/browser.js';
import { browser, CHROMIUM, CORPORA, ingestedCorpora, planlensInProcess, screenshot, serve, type Served } from './harness.js';

interface ApiDocument {
  id: number;
  plan_id: number;
  is_primary: number;
  path: string;
  region: string | null;
  targets: number;
  flagged: number;
}

let dir: string;
let db: string;
let server: Served;
let context: BrowserContext;
let page: Page;

async function documents(): Promise<ApiDocument[]> {
  const r = await fetch(`${server.url}/api/documents`);
  return ((await r.json()) as { documents: ApiDocument[] }).documents;
}

function readDb<T>(sql: string, ...params: unknown[]): T[] {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare(sql).all(...params) as T[];
  } finally {
    handle.close();
  }
}

beforeAll(async () => {
  ({ dir, db } = ingestedCorpora());
  server = await serve(['--db', db, '--uploads', join(dir, 'uploads'), '--reviewer', 'web-test']);
});

afterAll(async () => {
  // A server that died mid-run says why here, not only as "fetch failed" in the next test.
  if (server && server.child.exitCode !== null) console.error(`planlens serve exited early:\n${server.output()}`);
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('planlens serve over HTTP', () => {
  it('binds to loopback without a token and says where it is', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output()).not.toMatch(/token/);
  });

  it('lists every stored document with its counts', async () => {
    const docs = await documents();
    expect(docs).toHaveLength(7);
    expect(
      docs
        .filter((d) => d.is_primary)
        .map((d) => d.region)
        .sort(),
    ).toEqual(['南京市', '南京市玄武区', '连云港市']);
    for (const doc of docs) {
      const [stored] = readDb<{ n: number }>("SELECT count(*) AS n FROM quantities WHERE document_id = ? AND kind = 'target'", doc.id);
      expect(doc.targets, doc.path).toBe(stored!.n);
    }
  });

  it('downloads a comparison as CSV and as an Excel workbook', async () => {
    // The CSV holds the rows the Compare page charts: 万人高价值发明专利拥有量 has three targets.
    const csv = await (await fetch(`${server.url}/api/compare.csv?indicator=${encodeURIComponent('万人高价值发明专利拥有量')}`)).text();
    expect(csv.split('\r\n').filter((l) => l.startsWith('target,')).length).toBe(3);
    const xlsx = await fetch(`${server.url}/api/compare.xlsx?indicator=${encodeURIComponent('万人高价值发明专利拥有量')}`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
  });

  it('refuses an upload that is not a plan format by its content, not by its name (415)', async () => {
    const docsBefore = (await documents()).length;
    // A PNG renamed .txt.
    const png = new FormData();
    png.append('file', new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])]), 'picture.txt');
    const refused = await fetch(`${server.url}/api/upload`, { method: 'POST', body: png });
    expect(refused.status).toBe(415);
    expect(((await refused.json()) as { error: string }).error).toBe('picture.txt: unsupported format: the file is a PNG image');
    expect((await documents()).length).toBe(docsBefore);
  });
});

// Skipped without a browser (the run ends with a line saying how to enable them), unless CI requires one:
// then beforeAll fails every test below, saying why.
if (CHROMIUM === null && !browserRequired()) writeFileSync(join(inject('sharedFixtures'), BROWSER_SKIPPED_MARK), '');
describe.skipIf(CHROMIUM === null && !browserRequired())('planlens serve in Chromium', () => {
  beforeAll(async () => {
    if (CHROMIUM === null) throw browserMissingError();
    context = await browser();
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('lists every stored document with its counts', async () => {
    await page.goto(server.url);
    const rows = page.locator('#documents tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(7);
    const docs = await documents();
    const xuanwu = docs.find((d) => d.is_primary && d.region === '南京市玄武区')!;
    const row = page.locator(`#documents tr[data-document="${xuanwu.id}"]`);
    expect(await row.locator('td').nth(6).innerText()).toBe(String(xuanwu.targets));
    expect(await row.innerText()).toContain('南京市玄武区“十四五”知识产权发展规划');
    await screenshot(page, 'documents');
  });

  it('shows a document with its records marked in place and tables as tables', async () => {
    const docs = await documents();
    const xuanwu = docs.find((d) => d.is_primary && d.region === '南京市玄武区')!;
    await page.goto(`${server.url}/documents/${xuanwu.id}`);
    const table = page.locator('table.doc-table').first();
    expect(await table.locator('tr').count()).toBe(23);
    expect(await table.locator('th').first().innerText()).toBe('分类');
    const marks = page.locator('mark.k-target');
    expect(await marks.count()).toBeGreaterThan(10);
    // The offsets are into documents.text: the marked text is the figure the record holds.
    const first = marks.first();
    const key = (await first.getAttribute('data-records'))!.split(' ').find((k) => k.startsWith('q'))!;
    const [record] = readDb<{ value: number; start: number; end: number; rule: string; text: string }>(
      'SELECT q.value, q.start, q."end", q.rule, substr(d.text, q.start + 1, q."end" - q.start) AS text FROM quantities q JOIN documents d ON d.id = q.document_id WHERE q.id = ?',
      Number(key.slice(1)),
    );
    expect(await first.innerText()).toBe(record!.text);
    await first.click();
    const panel = page.locator('#record-panel');
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain(record!.rule);
    expect(await panel.innerText()).toContain(String(record!.value));
    expect(await page.locator('mark.k-department').count()).toBeGreaterThan(0);
    expect(await page.locator('mark.k-milestone').count()).toBeGreaterThan(0);
    await screenshot(page, 'document');
  });

  it('compares 万人高价值发明专利拥有量 across plans: three target bars with the right values', async () => {
    await page.goto(`${server.url}/compare`);
    await page.fill('#indicator', '万人高价值发明专利拥有量');
    await page.press('#indicator', 'Enter');
    await page.waitForSelector('svg.chart');
    const bars = await page
      .locator('svg.chart rect.bar-target:not(.legend)')
      .evaluateAll((rects) =>
        rects.map((r) => ({ region: r.getAttribute('data-region'), value: Number(r.getAttribute('data-value')), year: r.getAttribute('data-year') })),
      );
    expect(bars.map(({ region, value }) => ({ region, value })).sort((a, b) => a.region!.localeCompare(b.region!))).toEqual(
      [
        { region: '南京市', value: 50 },
        { region: '南京市玄武区', value: 100 },
        { region: '连云港市', value: 10 },
      ].sort((a, b) => a.region.localeCompare(b.region)),
    );
    // Due years are labelled on the chart.
    expect(await page.locator('svg.chart').innerHTML()).toContain('2026年');
    expect(await page.locator('#compare-table tbody tr[data-kind="target"]').count()).toBe(3);
    await screenshot(page, 'compare');

    // A bar links back to its source sentence in the document view.
    await page.locator('svg.chart rect.bar-target[data-region="南京市玄武区"]').click();
    await page.waitForURL(/\/documents\/\d+#rec-q\d+/);
    await expect.poll(() => page.locator('#record-panel').innerText(), { timeout: 10_000 }).toContain('100');
  });

  it('finds an indicator by a part of its name and says how it matched', async () => {
    await page.goto(`${server.url}/compare?indicator=${encodeURIComponent('高价值发明专利')}`);
    expect(await page.locator('#match').innerText()).toMatch(/matched .+ by/);
    await page.goto(`${server.url}/compare?indicator=${encodeURIComponent('完全不存在的指标名称xyz')}`);
    expect(await page.locator('#match').innerText()).toContain('no indicator matches');
  });

  it('shows progress: share achieved and on-track status per target, chart and table', async () => {
    await page.goto(`${server.url}/progress?region=${encodeURIComponent('南京市')}`);
    const row = page.locator('#progress-table tbody tr', { hasText: '万人高价值发明专利拥有量' }).first();
    const cells = await row.locator('td').allInnerTexts();
    const api = (await (await fetch(`${server.url}/api/progress?region=${encodeURIComponent('南京市')}`)).json()) as {
      rows: Array<{ indicator_name: string; share_achieved: number; on_track: string }>;
    };
    const expected = api.rows.find((r) => r.indicator_name === '万人高价值发明专利拥有量')!;
    expect(cells[7]).toBe(`${(expected.share_achieved * 100).toFixed(1)}%`);
    expect(cells[9]).toContain(expected.on_track);
    expect(await page.locator('svg.chart rect.bar').count()).toBeGreaterThan(5);
    await screenshot(page, 'progress');
  });

  it('reviews with the keyboard: accept leaves the queue and is recorded as the CLI records it; u undoes', async () => {
    const docs = await documents();
    const lianyungang = docs.find((d) => d.is_primary && d.region === '连云港市')!;
    await page.goto(`${server.url}/review?document=${lianyungang.id}`);
    const before = await page.locator('#queue li.item').count();
    expect(before).toBeGreaterThan(0);
    // j until the current item is a quantity (a target or actual).
    for (let i = 0; i < before && (await page.locator('#queue li.item.current').getAttribute('data-type')) !== 'quantity'; i++) await page.keyboard.press('j');
    const current = page.locator('#queue li.item.current');
    const id = (await current.getAttribute('data-id'))!;
    expect(id).toMatch(/^q\d+$/);
    await screenshot(page, 'review');
    await page.keyboard.press('a');
    await page.locator(`#item-${id}`).waitFor({ state: 'detached' });
    expect(await page.locator('#queue li.item').count()).toBe(before - 1);

    const [row] = readDb<{ review_status: string; reviewed_by: string }>('SELECT review_status, reviewed_by FROM quantities WHERE id = ?', Number(id.slice(1)));
    expect(row).toEqual({ review_status: 'accepted', reviewed_by: 'web-test' });
    const corrections = readDb<{ action: string; reviewer: string }>('SELECT action, reviewer FROM review_corrections');
    expect(corrections).toEqual([{ action: 'accept', reviewer: 'web-test' }]);
    // The CLI reads the same database: the accepted record is there with its reviewed values.
    const query = await planlensInProcess(['query', '--db', db, '--region', '连云港市', '--format', 'json']);
    expect(query.status).toBe(0);
    const listed = (JSON.parse(query.stdout) as Array<Record<string, unknown>>).find((r) => r.quantity_id === Number(id.slice(1)));
    expect(listed).toMatchObject({ review_status: 'accepted', reviewed_by: 'web-test' });
    // …and the review CLI no longer lists it as waiting.
    const waiting = await planlensInProcess(['review', 'list', '--db', db, '--document', String(lianyungang.id), '--unreviewed', '--format', 'json']);
    expect(waiting.status).toBe(0);
    const waitingIds = (JSON.parse(waiting.stdout) as Array<{ id: string }>).map((i) => i.id);
    expect(waitingIds.length).toBe(before - 1);
    expect(waitingIds).not.toContain(id);

    // Reload: still gone (the page reads the queue of unreviewed records).
    await page.reload();
    expect(await page.locator(`#item-${id}`).count()).toBe(0);
    await page.keyboard.press('u');
    await page.locator(`#item-${id}`).waitFor({ state: 'attached' });
    const [undone] = readDb<{ review_status: string | null }>('SELECT review_status FROM quantities WHERE id = ?', Number(id.slice(1)));
    expect(undone!.review_status).toBeNull();
  });

  it("rejects with r and a reason: the record stops counting in the CLI's query; u brings it back", async () => {
    const docs = await documents();
    const lianyungang = docs.find((d) => d.is_primary && d.region === '连云港市')!;
    await page.goto(`${server.url}/review?document=${lianyungang.id}`);
    const before = await page.locator('#queue li.item').count();
    for (let i = 0; i < 50 && (await page.locator('#queue li.item.current').getAttribute('data-type')) !== 'quantity'; i++) await page.keyboard.press('j');
    const id = (await page.locator('#queue li.item.current').getAttribute('data-id'))!;
    const [record] = readDb<{ indicator: string; value: number; year: number; sentence: string }>(
      'SELECT indicator, value, year, sentence FROM quantities WHERE id = ?',
      Number(id.slice(1)),
    );
    // Rows are matched by what they say, not by row id: a rejected record may be stored apart and come back under a new id.
    const listed = async () =>
      (
        JSON.parse((await planlensInProcess(['query', '--db', db, '--region', '连云港市', '--format', 'json'])).stdout) as Array<Record<string, unknown>>
      ).filter((r) => r.indicator_as_written === record!.indicator && r.value === record!.value && r.year === record!.year && r.sentence === record!.sentence)
        .length;
    const count = await listed();
    expect(count).toBeGreaterThan(0);
    await page.keyboard.press('r');
    const reason = page.locator(`#item-${id} input[name="reason"]`);
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
    await reason.fill('not-a-target');
    await reason.press('Enter');
    await page.locator(`#item-${id}`).waitFor({ state: 'detached' });
    expect(await page.locator('#queue li.item').count()).toBe(before - 1);
    expect(readDb("SELECT reason, reviewer FROM review_corrections WHERE action = 'reject'")).toEqual([{ reason: 'not-a-target', reviewer: 'web-test' }]);
    expect(await listed()).toBe(count - 1);
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('#queue li.item').count(), { timeout: 10_000 }).toBe(before);
    expect(readDb("SELECT action FROM review_corrections WHERE action = 'undo'").length).toBe(2);
    expect(await listed()).toBe(count);
  });

  it('validates edits with clear messages: an unknown unit, an implausible year', async () => {
    const docs = await documents();
    const lianyungang = docs.find((d) => d.is_primary && d.region === '连云港市')!;
    await page.goto(`${server.url}/review?document=${lianyungang.id}`);
    for (let i = 0; i < 50 && (await page.locator('#queue li.item.current').getAttribute('data-type')) !== 'quantity'; i++) await page.keyboard.press('j');
    const item = page.locator('#queue li.item.current');
    await page.keyboard.press('e');
    const unit = item.locator('input[name="unit"]');
    await unit.fill('斤两桶');
    await unit.press('Enter');
    await expect.poll(() => item.locator('.error').innerText(), { timeout: 10_000 }).toContain("unit '斤两桶' is not a known unit");
    await unit.fill('件');
    const year = item.locator('input[name="year"]');
    await year.fill('3025');
    await year.press('Enter');
    await expect.poll(() => item.locator('.error').innerText(), { timeout: 10_000 }).toContain("'3025' is not a year");
    await screenshot(page, 'review-edit');
    await year.press('Escape');
    expect(readDb('SELECT id FROM review_corrections WHERE action = ?', 'edit')).toEqual([]);
  });

  it('refuses a corrupt PDF upload with a clear message and changes nothing', async () => {
    const docsBefore = (await documents()).length;
    const messagesBefore = readDb<{ n: number }>('SELECT count(*) AS n FROM messages')[0]!.n;
    await page.goto(server.url);
    await page.setInputFiles('#upload-file', {
      name: 'broken-plan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nthis is not a real PDF body\n'),
    });
    const line = page.locator('#upload-log li.error');
    await line.waitFor();
    const text = await line.innerText();
    expect(text).toContain('broken-plan.pdf');
    expect(text).toMatch(/not imported/);
    await screenshot(page, 'upload-error');
    expect((await documents()).length).toBe(docsBefore);
    expect(readDb<{ n: number }>('SELECT count(*) AS n FROM messages')[0]!.n).toBe(messagesBefore);
    expect(existsSync(join(dir, 'uploads')) ? readdirSync(join(dir, 'uploads')) : []).not.toContain('broken-plan.pdf');
  });

  it('ingests a dropped file through the same pipeline and shows it', async () => {
    const docsBefore = await documents();
    // A new version of a sample plan: same plan, new content, so it is stored as another rendering.
    const text = readFileSync(join(CORPORA, 'lianyungang-ip-city-pilot-2024-2026.txt'), 'utf8') + '\n（网页上传测试副本）\n';
    await page.goto(server.url);
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], '连云港工作方案-上传.txt', { type: 'text/plain' }));
      document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    const line = page.locator('#upload-log li.stored');
    await line.waitFor({ timeout: 60_000 });
    await expect.poll(() => line.innerText(), { timeout: 60_000 }).toMatch(/done in/);
    const after = await documents();
    expect(after.length).toBe(docsBefore.length + 1);
    const added = after.find((d) => !docsBefore.some((b) => b.id === d.id))!;
    expect(added.path.endsWith('连云港工作方案-上传.txt')).toBe(true);
    expect(added.region).toBe('连云港市');
    expect(added.targets).toBeGreaterThan(0);
  });
});
