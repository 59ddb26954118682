/** The Documents page: every stored rendering with its counts, failed files, and the upload box. */
import { DOCUMENT_EXTENSIONS } from '../../ingest/index.js';
import { printable } from '../../core/printable.js';
import type { Db } from '../../store/index.js';
import {
  documentFacets,
  documentList,
  failedPaths,
  filterDocuments,
  searchDocuments,
  type DocumentQuery,
  type DocumentSearchHit,
  type DocumentSort,
} from '../data/documents.js';
import { html, page, raw, type Html } from '../html.js';
import { typeLabel } from '../labels.js';
import { planLabel } from '../../records/plan-label.js';

export interface DocumentsPageOptions {
  maxUpload: string;
  /** Where the rules are, for the search's word cutter. */
  rulesDir: string;
  query: DocumentQuery & { q?: string };
}

/** The query string for this listing with some values changed (empty values dropped). */
function listingHref(q: DocumentsPageOptions['query'], change: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...change })) if (v) params.set(k, v);
  const text = params.toString();
  return text ? `/?${text}` : '/';
}

/** A column heading that sorts the listing by it; a second click reverses. */
function sortHeading(q: DocumentsPageOptions['query'], key: DocumentSort, label: string, numeric = false) {
  const current = q.sort === key;
  const dir = current && q.dir !== 'desc' ? 'desc' : 'asc';
  const sorted = current ? (q.dir === 'desc' ? 'descending' : 'ascending') : null;
  return html`<th class="${numeric ? 'num' : ''}" ${sorted ? raw(` aria-sort="${sorted}"`) : ''}>
    <a class="sort" href="${listingHref(q, { sort: key, dir })}">${label}${current ? (q.dir === 'desc' ? ' ▼' : ' ▲') : ''}</a>
  </th>`;
}

/** The hit's sentence with each word of the query marked where it occurs as written. */
export function withTermsMarked(text: string, query: string): Html {
  const terms = [...new Set(query.split(/\s+/).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (terms.length === 0) return html`${text}`;
  const pattern = new RegExp(`(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
  return html`${text.split(pattern).map((piece, i) => (i % 2 === 1 ? html`<mark>${piece}</mark>` : piece))}`;
}

function searchResults(hits: DocumentSearchHit[], query: string) {
  if (!query.trim()) return '';
  return html`<section class="search-results" id="search-results" aria-live="polite">
    <h2>检索 Search: “${query}” — ${hits.length}${hits.length >= 100 ? '+' : ''} 句 sentence(s)</h2>
    ${
      hits.length
        ? html`<ol class="hits">
            ${hits.map(
              (h) =>
                html`<li>
                  <a href="/documents/${h.document_id}?at=${h.start}-${h.end}#rec-hit">${h.label}</a>
                  <span class="muted">${h.section_path ? ` · ${h.section_path}` : ''}${h.page ? ` · 第${h.page}页` : ''}</span>
                  <p class="sentence">${withTermsMarked(h.text, query)}</p>
                </li>`,
            )}
          </ol>`
        : html`<p class="muted">没有找到 — no sentence contains every word of the query.</p>`
    }
  </section>`;
}

export function documentsPage(db: Db, options: DocumentsPageOptions): string {
  const { query: q } = options;
  const all = documentList(db);
  const docs = filterDocuments(all, q);
  const facets = documentFacets(all);
  const failed = failedPaths(db);
  // The filters narrow the hits too: a search within 南京市's plans.
  const shown = new Set(docs.map((d) => d.id));
  const hits = searchDocuments(db, q.q ?? '', options.rulesDir).filter((h) => shown.has(h.document_id));
  const option = (value: string, label: string, chosen: string | undefined) =>
    html`<option value="${value}" ${value === (chosen ?? '') ? raw(' selected') : ''}>${label}</option>`;
  return page(
    { title: '文件 Documents', active: 'documents', scripts: ['upload.js'] },
    html`
      <h1>文件 Documents</h1>
      <section class="upload" id="upload">
        <form id="upload-form" method="post" action="/api/upload" enctype="multipart/form-data">
          <label class="drop" id="drop">
            <input type="file" name="file" id="upload-file" accept="${DOCUMENT_EXTENSIONS.join(',')}" />
            <span>把 ${DOCUMENT_EXTENSIONS.join(' / ')} 文件拖到这里，或点击选择 — drop a plan here or click to choose (up to ${options.maxUpload})</span>
          </label>
        </form>
        <ol class="upload-log" id="upload-log" aria-live="polite"></ol>
      </section>
      <form class="search" id="document-filters" method="get" action="/" role="search">
        <label>检索 Search <input type="search" name="q" id="q" value="${q.q ?? ''}" size="18" placeholder="如 质押融资" /></label>
        <label
          >地区 Region
          <select name="region" id="filter-region">
            ${option('', '全部 all', q.region)} ${facets.regions.map((r) => option(r, r, q.region))}
          </select></label
        >
        <label
          >类型 Type
          <select name="type" id="filter-type">
            ${option('', '全部 all', q.type)} ${facets.types.map((t) => option(t, typeLabel(t), q.type))}
          </select></label
        >
        <label
          >年份 Year
          <select name="year" id="filter-year">
            ${option('', '全部 all', q.year)} ${facets.years.map((y) => option(String(y), String(y), q.year))}
          </select></label
        >
        ${q.sort ? html`<input type="hidden" name="sort" value="${q.sort}" /><input type="hidden" name="dir" value="${q.dir ?? ''}" />` : ''}
        <button type="submit">查找 Apply</button>
        ${q.q || q.region || q.type || q.year || q.sort ? html`<a href="/">清除 Clear</a>` : ''}
      </form>
      ${searchResults(hits, q.q ?? '')}
      <p class="muted" id="documents-count">
        ${docs.length === all.length ? '' : `${docs.length} / `}${all.length} document(s) in ${new Set(all.map((d) => d.plan_id)).size} plan(s). ★ = the plan's
        primary rendering (the one comparisons count).
      </p>
      <table class="grid" id="documents">
        <thead>
          <tr>
            <th>#</th>
            ${sortHeading(q, 'title', '标题 Title')} ${sortHeading(q, 'type', '类型 Type')} ${sortHeading(q, 'region', '地区 Region')}
            ${sortHeading(q, 'period', '期间 Period')}
            <th>格式 Format</th>
            ${sortHeading(q, 'targets', '目标 Targets', true)} ${sortHeading(q, 'actuals', '实际 Actuals', true)}
            ${sortHeading(q, 'flagged', '待核 Flagged', true)}
            <th class="num">版本 Renderings</th>
            <th class="num">错误 Errors</th>
          </tr>
        </thead>
        <tbody>
          ${docs.map(
            (d) =>
              html`<tr data-document="${d.id}">
                <td class="num">${d.id}</td>
                <td class="title">
                  <a href="/documents/${d.id}">${d.is_primary ? '★ ' : ''}${planLabel(d)}</a>
                  <div class="path">${printable(d.path)}</div>
                </td>
                <td>${typeLabel(d.type)}</td>
                <td class="nowrap">${d.region ?? '—'}</td>
                <td class="nowrap">${d.period_start ? `${d.period_start}–${d.period_end ?? ''}` : '—'}</td>
                <td>${d.format}${d.pages ? html` <span class="muted">${d.pages}页</span>` : ''}</td>
                <td class="num">${d.targets}</td>
                <td class="num">${d.actuals}</td>
                <td class="num">${d.flagged ? html`<a href="/review?document=${d.id}">${d.flagged}</a>` : '0'}</td>
                <td class="num">${d.renderings}</td>
                <td class="num${d.errors ? ' bad' : ''}">${d.errors}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        failed.length
          ? html`<h2>未能读取的文件 Files that failed</h2>
              <table class="grid" id="failures">
                <thead>
                  <tr>
                    <th>文件 File</th>
                    <th>阶段 Stage</th>
                    <th>问题 Problem</th>
                    <th>时间 When</th>
                  </tr>
                </thead>
                <tbody>
                  ${failed.map(
                    (f) =>
                      html`<tr>
                        <td>${printable(f.path)}</td>
                        <td>${f.stage}</td>
                        <td class="bad">${printable(f.text)}</td>
                        <td class="nowrap">${f.created_at.slice(0, 19).replace('T', ' ')}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
          : ''
      }
    `,
  );
}
