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

  it('filters the documents by region, type and year, and sorts by a column', async () => {
    const docs = await documents();
    const rowsOf = async (query: string) => {
      const page = await (await fetch(`${server.url}/?${query}`)).text();
      return [...page.matchAll(/<tr data-document="(\d+)">/g)].map((m) => Number(m[1]));
    };
    const nanjing = docs.filter((d) => d.region?.startsWith('南京市')).map((d) => d.id);
    expect(nanjing.length).toBeGreaterThan(0);
    expect((await rowsOf(`region=${encodeURIComponent('南京市')}`)).sort()).toEqual(nanjing.sort());
    expect((await rowsOf(`region=${encodeURIComponent('南京市玄武区')}`)).length).toBe(docs.filter((d) => d.region === '南京市玄武区').length);
    expect((await rowsOf('type=work-plan')).length).toBe(docs.filter((d) => d.region === '连云港市').length);
    // 2026 is inside only the 连云港 work plan's period (2024–2026).
    expect((await rowsOf('year=2026')).sort()).toEqual(
      docs
        .filter((d) => d.region === '连云港市')
        .map((d) => d.id)
        .sort(),
    );
    // The API takes the same filters.
    const api = (await (await fetch(`${server.url}/api/documents?region=${encodeURIComponent('南京市')}`)).json()) as { documents: ApiDocument[] };
    expect(api.documents.map((d) => d.id).sort()).toEqual(nanjing.sort());
    const byTargets = await rowsOf('sort=targets&dir=desc');
    const targets = byTargets.map((id) => docs.find((d) => d.id === id)!.targets);
    expect(targets).toEqual([...targets].sort((a, b) => b - a));
    expect(byTargets.length).toBe(docs.length);
  });

  it("searches the documents with the CLI's full-text search and points at each hit in its document", async () => {
    const api = (await (await fetch(`${server.url}/api/search?q=${encodeURIComponent('质押融资')}`)).json()) as {
      hits: Array<{ document_id: number; start: number; end: number; text: string }>;
    };
    const cli = await planlensInProcess(['search', '质押融资', '--db', db, '--limit', '100', '--format', 'json']);
    expect(cli.status).toBe(0);
    const cliHits = JSON.parse(cli.stdout) as Array<{ doc: number; text: string }>;
    expect(api.hits.map((h) => [h.document_id, h.text])).toEqual(cliHits.map((h) => [h.doc, h.text]));
    expect(api.hits.length).toBeGreaterThan(2);

    const listing = await (await fetch(`${server.url}/?q=${encodeURIComponent('质押融资')}`)).text();
    const links = [...listing.matchAll(/href="(\/documents\/\d+\?at=\d+-\d+#rec-hit)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(links.length).toBe(api.hits.length);
    const first = api.hits[0]!;
    const shown = await (await fetch(`${server.url}${links[0]}`)).text();
    // The span is marked in place and anchored; its text is the hit's sentence.
    const mark = shown.match(/<mark class="[^"]*k-hit[^"]*"[^>]*id="rec-hit"[^>]*>([\s\S]*?)<\/mark>/);
    expect(mark).not.toBeNull();
    expect(first.text.startsWith(mark![1]!.replace(/<[^>]+>/g, ''))).toBe(true);
    // No query, no search section; a query nothing matches says so.
    expect(await (await fetch(`${server.url}/`)).text()).not.toContain('id="search-results"');
    expect(await (await fetch(`${server.url}/?q=${encodeURIComponent('完全不存在的词语组合xyz')}`)).text()).toContain('no sentence contains every word');
  });

  it('offers the indicators to compare with their counts, and filters a comparison by kind and year', async () => {
    const choices = (await (await fetch(`${server.url}/api/indicators`)).json()) as {
      linked: Array<{ name: string; id: string; plans: number; targets: number; actuals: number }>;
      unlinked: Array<{ name: string; records: number }>;
    };
    const patents = choices.linked.find((c) => c.name === '万人高价值发明专利拥有量')!;
    expect(patents).toMatchObject({ id: 'ip.high-value-invention-patents-per-10k', plans: 3, targets: 3 });
    const listPage = await (await fetch(`${server.url}/compare`)).text();
    const row = listPage.match(/<tr data-indicator="ip\.high-value-invention-patents-per-10k">([\s\S]*?)<\/tr>/)![1]!;
    expect([...row.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]))).toEqual([patents.plans, patents.targets, patents.actuals]);
    expect(row).toContain(`href="/compare?indicator=${encodeURIComponent('万人高价值发明专利拥有量')}"`);

    const compare = async (query: string) =>
      (await (await fetch(`${server.url}/api/compare?indicator=${encodeURIComponent('万人高价值发明专利拥有量')}&${query}`)).json()) as {
        rows: Array<{ kind: string; year: number }>;
        years: number[];
      };
    const all = await compare('');
    expect(all.rows.length).toBe(patents.targets + patents.actuals);
    expect((await compare('kind=actual')).rows.map((r) => r.kind)).toEqual(Array(patents.actuals).fill('actual'));
    const y2025 = await compare('year=2025');
    expect(y2025.rows.length).toBeGreaterThan(0);
    expect(y2025.rows.every((r) => r.year === 2025)).toBe(true);
    expect(y2025.years).toEqual(all.years);
    const csv = await (await fetch(`${server.url}/api/compare.csv?indicator=${encodeURIComponent('万人高价值发明专利拥有量')}&kind=actual`)).text();
    expect(csv.split('\r\n').filter((l) => l.startsWith('target,')).length).toBe(0);
    expect(csv.split('\r\n').filter((l) => l.startsWith('actual,')).length).toBe(patents.actuals);

    // The bars name the plan, not only the region; the source column quotes a table row with its cells.
    const page = await (await fetch(`${server.url}/compare?indicator=${encodeURIComponent('万人高价值发明专利拥有量')}`)).text();
    expect(page).toContain('南京市玄武区 · “十四五”知识产权发展规划');
    expect(page).toMatch(/<a class="source" href="\/documents\/\d+#rec-q\d+"/);
  });

  it('downloads the progress rows as CSV, the same rows the page shows', async () => {
    const region = encodeURIComponent('南京市');
    const api = (await (await fetch(`${server.url}/api/progress?region=${region}`)).json()) as { rows: Array<{ quantity_id: number }> };
    const response = await fetch(`${server.url}/api/progress.csv?region=${region}`);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('planlens-progress.csv');
    const lines = (await response.text()).split('\r\n').filter(Boolean);
    expect(lines[0]).toContain('完成比例 share_achieved');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(api.rows.map((r) => r.quantity_id));
    const page = await (await fetch(`${server.url}/progress?region=${region}`)).text();
    expect(page).toContain(`href="/api/progress.csv?region=${region}"`);
  });

  it("lists departments with their task counts, and one unit's tasks linked to their documents", async () => {
    const data = (await (await fetch(`${server.url}/api/departments`)).json()) as {
      summaries: Array<{ department: string; canonical_id: string | null; lead: number; support: number; listed: number }>;
    };
    expect(data.summaries.length).toBeGreaterThan(3);
    const busiest = data.summaries[0]!;
    const page = await (await fetch(`${server.url}/departments`)).text();
    expect(page).toContain(`<tr data-department="${busiest.canonical_id ?? busiest.department}">`);
    const name = encodeURIComponent(busiest.canonical_id ?? busiest.department);
    const tasks = (await (await fetch(`${server.url}/api/departments?name=${name}`)).json()) as {
      tasks: { tasks: Array<{ responsibility_id: number; document_id: number; start: number; end: number; task: string; role: string }> };
    };
    expect(tasks.tasks.tasks.length).toBe(busiest.lead + busiest.support + busiest.listed);
    const tasksPage = await (await fetch(`${server.url}/departments?name=${name}`)).text();
    const first = tasks.tasks.tasks[0]!;
    expect(tasksPage).toContain(`href="/documents/${first.document_id}?at=${first.start}-${first.end}#rec-hit"`);
    // The link points at the task's responsibility record as stored: its document and its span.
    const [stored] = readDb<{ document_id: number; start: number; end: number }>(
      'SELECT document_id, start, "end" FROM responsibilities WHERE id = ?',
      first.responsibility_id,
    );
    expect(stored).toEqual({ document_id: first.document_id, start: first.start, end: first.end });
    expect(await (await fetch(`${server.url}/departments?name=${encodeURIComponent('不存在的部门')}`)).text()).toContain('no unit with tasks matches');
    // A region narrows the list to the units of its plans.
    const inRegion = (await (await fetch(`${server.url}/api/departments?region=${encodeURIComponent('连云港')}`)).json()) as {
      notes: string[];
      summaries: Array<{ regions: string }>;
    };
    expect(inRegion.notes[0]).toContain('连云港市');
    expect(inRegion.summaries.length).toBeGreaterThan(0);
    expect(inRegion.summaries.every((d) => d.regions.split('、').includes('连云港市'))).toBe(true);
  });

  it('has a favicon, and names fields in words, not as columns', async () => {
    const icon = await fetch(`${server.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    const docs = await documents();
    const visibleText = async (path: string) =>
      (await (await fetch(`${server.url}${path}`)).text()).replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
    for (const path of [
      '/',
      `/documents/${docs[0]!.id}`,
      `/compare?indicator=${encodeURIComponent('万人高价值发明专利拥有量')}`,
      '/progress',
      '/departments',
      '/review',
    ]) {
      const html = await (await fetch(`${server.url}${path}`)).text();
      expect(html, path).toContain('<link rel="icon" href="/static/favicon.svg"');
      const text = await visibleText(path);
      for (const column of ['is_fact', 'cell_table', 'idx', 'value_base', 'unit_base', 'section_path', 'indicator_id'])
        expect(text, `${path}: ${column}`).not.toMatch(new RegExp(`\\b${column}\\b`));
    }
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
    // Rounded for reading: a whole percentage.
    expect(cells[7]).toBe(`${Math.round(expected.share_achieved * 100)}%`);
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
  it('searches and filters the documents with the keyboard only; focus is visible', async () => {
    await page.goto(server.url);
    // The first Tab reaches the skip link, which is shown and ringed when focused.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Skip to content');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    // The upload box is a tab stop (the file input is hidden from sight only), ringed when focused.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'upload-file'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('upload-file');
    expect(await page.locator('#drop').evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.focus('#q');
    await page.keyboard.type('质押融资');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-region');
    await page.selectOption('#filter-region', '南京市');
    await page.focus('#q');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=.*region=/);
    const hits = page.locator('#search-results .hits li');
    expect(await hits.count()).toBeGreaterThan(0);
    // Every hit is in a plan of 南京市 or a district of it, and so is every listed document.
    for (const text of await page.locator('#documents tbody td:nth-child(4)').allInnerTexts()) expect(text.startsWith('南京市')).toBe(true);
    await screenshot(page, 'documents-search');
    // A column heading sorts, reached and followed by keyboard.
    await page.focus('#documents thead a.sort >> text=目标 Targets');
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=targets/);
    expect(await page.locator('#documents thead th[aria-sort="ascending"]').innerText()).toContain('目标 Targets');
    // A hit opens its document with the sentence marked and in view.
    await page.locator('#search-results .hits li a').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?at=\d+-\d+#rec-hit/);
    const hit = page.locator('mark#rec-hit');
    expect(await hit.innerText()).toMatch(/质押融资|质押/);
    expect(await hit.isVisible()).toBe(true);
  });

  it('picks an indicator from the list and narrows it to targets, by keyboard; source links look like links', async () => {
    await page.goto(`${server.url}/compare`);
    const pick = page.locator('#indicator-table a', { hasText: '万人高价值发明专利拥有量' });
    await pick.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('svg.chart');
    expect(await page.locator('#compare-table tbody tr').count()).toBeGreaterThan(3);
    await page.focus('#filter-kind');
    await page.selectOption('#filter-kind', 'target');
    await page.focus('#indicator');
    await page.keyboard.press('Enter');
    await page.waitForURL(/kind=target/);
    expect(await page.locator('#compare-table tbody tr[data-kind="actual"]').count()).toBe(0);
    expect(await page.locator('#compare-table tbody tr[data-kind="target"]').count()).toBe(3);
    const labels = await page.locator('svg.chart text.label').allTextContents();
    expect(labels.some((l) => l.includes('南京市玄武区 · “十四五”'))).toBe(true);
    const source = page.locator('#compare-table a.source').first();
    const style = await source.evaluate((a) => ({
      color: getComputedStyle(a).color,
      line: getComputedStyle(a).textDecorationLine,
      body: getComputedStyle(document.body).color,
    }));
    expect(style.line).toContain('underline');
    expect(style.color).not.toBe(style.body);
    await screenshot(page, 'compare');
  });

  it('offers the progress rows as a download, with rounded figures', async () => {
    await page.goto(`${server.url}/progress?region=${encodeURIComponent('南京市')}`);
    const link = page.locator('#progress-csv');
    const href = (await link.getAttribute('href'))!;
    const csv = await (await fetch(`${server.url}${href}`)).text();
    expect(csv.split('\r\n').filter(Boolean).length - 1).toBe(await page.locator('#progress-table tbody tr').count());
    for (const share of await page.locator('#progress-table tbody td:nth-child(8)').allInnerTexts()) expect(share).toMatch(/^(\d+%)?$/);
    for (const expected of await page.locator('#progress-table tbody td:nth-child(9)').allInnerTexts()) expect(expected).not.toMatch(/\.\d{3}/);
    await page.locator('#progress-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'progress-table');
  });

  it("opens a department's tasks and a task's sentence in its document", async () => {
    await page.goto(`${server.url}/departments`);
    await screenshot(page, 'departments');
    const first = page.locator('#departments-table tbody tr a').first();
    const name = await first.innerText();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/departments\?name=/);
    expect(await page.locator('#tasks h2').innerText()).toContain('项任务');
    const tasks = page.locator('#tasks-table tbody tr');
    expect(await tasks.count()).toBeGreaterThan(0);
    await screenshot(page, 'department-tasks');
    const task = page.locator('#tasks-table a.source').first();
    const taskText = await task.innerText();
    await task.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/documents\/\d+\?at=/);
    expect((await page.locator('mark#rec-hit').innerText()).length).toBeGreaterThan(0);
    expect(taskText.length).toBeGreaterThan(0);
    expect(name.length).toBeGreaterThan(0);
    // And back: a department marked in a document links to its tasks.
    const department = page.locator('mark.k-department').first();
    await department.click();
    const tasksLink = page.locator('#record-panel a[href^="/departments?name="]').first();
    await tasksLink.click();
    await page.waitForURL(/\/departments\?name=/);
    expect(await page.locator('#tasks, p.match.bad').count()).toBe(1);
  });

  it('chooses the review filters with the keyboard: arrow keys do not reload, the Show button submits', async () => {
    await page.goto(`${server.url}/review`);
    const url = page.url();
    await page.focus('#review-flag');
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    const chosen = await page.locator('#review-flag').inputValue();
    expect(chosen).not.toBe('');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Show');
    await page.keyboard.press('Enter');
    await page.waitForURL(/flag=/);
    expect(new URL(page.url()).searchParams.get('flag')).toBe(chosen);
    // The flag filter names flags in words.
    expect(await page.locator('#review-flag option:checked').innerText()).not.toMatch(/^[a-z-]+ \(/);
  });

  it('accepts, edits and rejects a record from the document view, as Review does', async () => {
    const docs = await documents();
    const lianyungang = docs.find((d) => d.is_primary && d.region === '连云港市')!;
    await page.goto(`${server.url}/documents/${lianyungang.id}`);
    const marks = page.locator('mark.k-target');
    const key = async (i: number) => (await marks.nth(i).getAttribute('data-records'))!.split(' ').find((k) => k.startsWith('q'))!;
    const before = readDb<{ n: number }>('SELECT count(*) AS n FROM review_corrections')[0]!.n;

    // Accept: Enter on the highlight, then Enter on the panel's Accept button.
    const accepted = await key(0);
    await marks.nth(0).focus();
    await page.keyboard.press('Enter');
    const panel = page.locator(`#record-panel .record[data-key="${accepted}"]`);
    expect(await panel.innerText()).toContain('计入对比 counts as the fact');
    expect(await panel.innerText()).not.toMatch(/\bis_fact\b|\bidx\b|\bcell_table\b/);
    // Enter on a mark moves focus to the panel: the next Tab is its Accept button, not the next of many marks.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('record-panel');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('accept');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('.review-status').innerText(), { timeout: 10_000 }).toContain('accepted');
    expect(readDb('SELECT review_status, reviewed_by FROM quantities WHERE id = ?', Number(accepted.slice(1)))).toEqual([
      { review_status: 'accepted', reviewed_by: 'web-test' },
    ]);

    // Edit: the form opens focused; a wrong unit is refused with the review library's message, a right one saved.
    await panel.locator('button[data-action="edit"]').focus();
    await page.keyboard.press('Enter');
    const unit = panel.locator('input[name="unit"]');
    await expect
      .poll(() => unit.evaluate((el) => el === document.activeElement || el.closest('form')!.contains(document.activeElement)), { timeout: 10_000 })
      .toBe(true);
    await unit.fill('斤两桶');
    await unit.press('Enter');
    await expect.poll(() => panel.locator('.form-error').innerText(), { timeout: 10_000 }).toContain("unit '斤两桶' is not a known unit");
    const year = panel.locator('input[name="year"]');
    await unit.fill(readDb<{ unit: string | null }>('SELECT unit FROM quantities WHERE id = ?', Number(accepted.slice(1)))[0]!.unit ?? '');
    await year.fill('2027');
    await screenshot(page, 'document-review');
    await year.press('Enter');
    await expect.poll(() => panel.locator('.review-status').innerText(), { timeout: 10_000 }).toContain('corrected');
    expect(readDb<{ year: number; review_status: string }>('SELECT year, review_status FROM quantities WHERE id = ?', Number(accepted.slice(1)))).toEqual([
      { year: 2027, review_status: 'corrected' },
    ]);

    // Reject another with a reason: the mark is struck through and the correction recorded.
    const rejected = await key(1);
    await marks.nth(1).focus();
    await page.keyboard.press('Enter');
    const other = page.locator(`#record-panel .record[data-key="${rejected}"]`);
    await other.locator('button[data-action="reject"]').focus();
    await page.keyboard.press('Enter');
    const reason = other.locator('input[name="reason"]');
    await reason.fill('not-a-target');
    await reason.press('Enter');
    await expect.poll(() => page.locator(`mark[data-records~="${rejected}"].rejected`).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const corrections = readDb<{ action: string; reviewer: string }>('SELECT action, reviewer FROM review_corrections ORDER BY id').slice(before);
    expect(corrections.map((c) => c.action)).toEqual(['accept', 'edit', 'reject']);
    expect(corrections.every((c) => c.reviewer === 'web-test')).toBe(true);
  });
});
