/**
 * The web app: pages and a JSON API over one open database, a thin shell
 * over the same library the CLI uses (store listings, analyst queries, the
 * batch runner, review corrections). Nothing here computes a
 * result of its own; routes read requests, call the library, render.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import type { Pipeline } from '../core/pipeline.js';
import type { RuleSet } from '../rules/index.js';
import type { Db } from '../store/index.js';
import { loopbackHostOnly, requireToken, sameOriginWrites } from './auth.js';
import { escapeHtml } from './html.js';
import { documentDetail, documentList, failedPaths, filterDocuments, searchDocuments } from './data/documents.js';
import { compareCsv, compareXlsx, progressCsv } from './downloads.js';
import { compareIndicator, comparePage, indicatorChoices, indicatorNames } from './pages/compare.js';
import { documentPage, parseSpan } from './pages/document.js';
import { departmentsData, departmentsPage } from './pages/departments.js';
import { documentsPage } from './pages/documents.js';
import { progressPage, progressRows } from './pages/progress.js';
import { reviewRoutes } from './review-routes.js';
import { allowedMethods } from './allowed-methods.js';
import { discard, FileTooLarge, incomingDir, MultipartError, receiveFile, type ReceivedFile } from './multipart.js';
import { checkUpload, checkUploadSize, formatBytes, getJob, startUpload, UploadRefused, waitForJob, type UploadContext } from './upload.js';

export interface AppOptions {
  db: Db;
  rules: RuleSet;
  pipeline: Pipeline;
  /** Where uploaded files are kept (they are the documents' source paths). */
  uploadDir: string;
  /** Required on every request when set (serving beyond loopback). */
  token: string | null;
  maxUploadBytes: number;
  /** Who the review corrections are recorded as. */
  reviewer: string;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'static');
const STATIC_TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8', svg: 'image/svg+xml' };

export function createApp(options: AppOptions): Hono {
  const { db } = options;
  const app = new Hono();
  const upload: UploadContext = { db, rules: options.rules, pipeline: options.pipeline, uploadDir: options.uploadDir };

  // Without a token the server must be on loopback (serve decides), so only loopback Host names are answered.
  app.use('*', loopbackHostOnly(options.token === null));
  app.use('*', requireToken(options.token));
  app.use('*', sameOriginWrites());
  app.onError((error, c) => {
    const message = error.message.split('\n')[0] ?? 'internal error';
    return c.req.path.startsWith('/api/')
      ? c.json({ error: message }, 500)
      : c.html(`<!doctype html><meta charset="utf-8"><p>500 — ${escapeHtml(message)}</p>`, 500);
  });

  // Browsers ask for /favicon.ico whatever the page says.
  app.get('/favicon.ico', (c) =>
    c.body(readFileSync(join(STATIC_DIR, 'favicon.svg')), 200, { 'content-type': STATIC_TYPES.svg!, 'cache-control': 'max-age=86400' }),
  );
  app.get('/static/:file', (c) => {
    const file = c.req.param('file');
    const type = STATIC_TYPES[file.split('.').pop() ?? ''];
    if (!/^[\w.-]+$/.test(file) || !type) return c.text('not found', 404);
    try {
      return c.body(readFileSync(join(STATIC_DIR, file)), 200, { 'content-type': type, 'cache-control': 'no-cache' });
    } catch {
      return c.text('not found', 404);
    }
  });

  // Pages
  app.get('/', (c) =>
    c.html(
      documentsPage(db, {
        maxUpload: formatBytes(options.maxUploadBytes),
        rulesDir: options.rules.dir,
        query: {
          q: c.req.query('q'),
          region: c.req.query('region'),
          type: c.req.query('type'),
          year: c.req.query('year'),
          sort: c.req.query('sort'),
          dir: c.req.query('dir'),
        },
      }),
    ),
  );
  app.get('/documents/:id{[0-9]+}', (c) => {
    const detail = documentDetail(db, Number(c.req.param('id')));
    return detail
      ? c.html(documentPage(detail, parseSpan(c.req.query('at'))))
      : c.html(notFound(`没有编号为 ${c.req.param('id')} 的文件 — no document ${c.req.param('id')}`), 404);
  });
  const compareFilters = (c: Context) => ({ kind: c.req.query('kind'), year: c.req.query('year') });
  app.get('/compare', (c) => c.html(comparePage(db, c.req.query('indicator') ?? '', indicatorNames(db), compareFilters(c))));
  app.get('/progress', (c) =>
    c.html(progressPage(db, { region: c.req.query('region'), indicator: c.req.query('indicator'), all: c.req.query('all') === '1' })),
  );

  app.get('/departments', (c) => c.html(departmentsPage(db, { name: c.req.query('name'), region: c.req.query('region') })));

  // JSON API (documented in README.md, "Web app and JSON API")
  app.get('/api/documents', (c) =>
    c.json({
      documents: filterDocuments(documentList(db), {
        region: c.req.query('region'),
        type: c.req.query('type'),
        year: c.req.query('year'),
        sort: c.req.query('sort'),
        dir: c.req.query('dir'),
      }),
      failed: failedPaths(db),
    }),
  );
  app.get('/api/documents/:id{[0-9]+}', (c) => {
    const detail = documentDetail(db, Number(c.req.param('id')));
    return detail ? c.json(detail) : c.json({ error: `no document ${c.req.param('id')}` }, 404);
  });
  app.get('/api/departments', (c) => c.json(departmentsData(db, { name: c.req.query('name'), region: c.req.query('region') })));
  app.get('/api/search', (c) => c.json({ hits: searchDocuments(db, c.req.query('q') ?? '', options.rules.dir) }));
  app.get('/api/indicators', (c) => c.json({ names: indicatorNames(db), ...indicatorChoices(db) }));
  app.get('/api/compare', (c) => {
    const result = compareIndicator(db, c.req.query('indicator') ?? '', compareFilters(c));
    return result.match ? c.json(result) : c.json({ error: result.message || 'give ?indicator=NAME' }, 404);
  });
  app.get('/api/compare.csv', (c) => {
    const result = compareIndicator(db, c.req.query('indicator') ?? '', compareFilters(c));
    if (!result.match) return c.json({ error: result.message || 'give ?indicator=NAME' }, 404);
    return c.body(compareCsv(result.rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment(`${result.match.name}.csv`),
    });
  });
  app.get('/api/compare.xlsx', async (c) => {
    const result = compareIndicator(db, c.req.query('indicator') ?? '', compareFilters(c));
    if (!result.match) return c.json({ error: result.message || 'give ?indicator=NAME' }, 404);
    return c.body(new Uint8Array(await compareXlsx(result.rows)), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': attachment(`${result.match.name}.xlsx`),
    });
  });
  app.get('/api/progress.csv', (c) => {
    const { rows } = progressRows(db, { region: c.req.query('region'), indicator: c.req.query('indicator'), all: c.req.query('all') === '1' });
    return c.body(progressCsv(rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment('进度 progress.csv', 'planlens-progress'),
    });
  });
  app.get('/api/progress', (c) => {
    const { rows, notes } = progressRows(db, { region: c.req.query('region'), indicator: c.req.query('indicator'), all: c.req.query('all') === '1' });
    return c.json({ notes, rows });
  });

  app.post('/api/upload', async (c) => {
    const tooLarge = `upload too large: files are limited to ${formatBytes(options.maxUploadBytes)}`;
    // Room for the multipart envelope around the largest allowed file.
    if (Number(c.req.header('content-length') ?? 0) > options.maxUploadBytes + 64 * 1024) return c.json({ error: tooLarge }, 413);
    const type = c.req.header('content-type') ?? '';
    const malformed = 'send the file as multipart/form-data in the field "file"';
    if (!c.req.raw.body) return c.json({ error: `no file: ${malformed}` }, 400);
    let file: ReceivedFile | null;
    try {
      // Streamed to a file in the uploads folder as it arrives, and cut off at the limit.
      file = await receiveFile(c.req.raw.body, type, 'file', incomingDir(options.uploadDir), options.maxUploadBytes + 64 * 1024);
    } catch (error) {
      if (error instanceof FileTooLarge) return c.json({ error: tooLarge }, 413);
      if (error instanceof MultipartError) return c.json({ error: malformed }, 400);
      throw error;
    }
    if (!file) return c.json({ error: `no file: ${malformed}` }, 400);
    let content: Buffer;
    try {
      checkUploadSize(file.name, file.bytes, options.maxUploadBytes);
      content = await readFile(file.path);
      await checkUpload(file.name, content, options.maxUploadBytes, options.pipeline);
    } catch (error) {
      await discard(file);
      if (error instanceof UploadRefused) return c.json({ error: error.message }, error.status);
      throw error;
    }
    const job = startUpload(upload, file.name, content, file.path);
    if (c.req.query('wait') === '1') {
      await waitForJob(job.id);
      return c.json(job, job.state === 'failed' ? 422 : 200);
    }
    return c.json(job, 202);
  });
  app.get('/api/jobs/:id', (c) => {
    const job = getJob(c.req.param('id'));
    return job ? c.json(job) : c.json({ error: `no upload job ${c.req.param('id')}` }, 404);
  });

  app.route('/', reviewRoutes(db, options.rules, options.reviewer));

  const methodsOf = allowedMethods(app);
  app.notFound((c) => {
    const allowed = methodsOf(c.req.path);
    if (allowed.length > 0) {
      return c.json({ error: `${c.req.method} is not allowed on ${c.req.path} (allowed: ${allowed.join(', ')})` }, 405, { allow: allowed.join(', ') });
    }
    return c.req.path.startsWith('/api/')
      ? c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404)
      : c.html(notFound(`没有这个页面 — no page at ${c.req.path}`), 404);
  });
  return app;
}

function attachment(name: string, fallback = 'planlens-compare'): string {
  // RFC 5987: the Chinese name for browsers that read filename*, an ASCII fallback for the rest.
  return `attachment; filename="${fallback}.${name.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function notFound(message: string): string {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><link rel="stylesheet" href="/static/app.css"><link rel="icon" href="/static/favicon.svg" type="image/svg+xml"><main><h1>404</h1><p>${escapeHtml(message)}</p><p><a href="/">← 文件 Documents</a></p></main></html>`;
}
