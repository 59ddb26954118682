/** The Documents page: every stored rendering with its counts, failed files, and the upload box. */
import { DOCUMENT_EXTENSIONS } from '../../ingest/index.js';
import { printable } from '../../core/printable.js';
import type { Db } from '../../store/index.js';
import { documentList, failedPaths } from '../data/documents.js';
import { html, page } from '../html.js';
import { planLabel } from '../../records/plan-label.js';

const TYPE_NAMES: Record<string, string> = {
  plan: '规划 plan',
  'work-plan': '工作方案 work plan',
  'action-plan': '行动计划 action plan',
  'implementation-plan': '实施方案',
  evaluation: '评估 evaluation',
};

export function documentsPage(db: Db, maxUpload: string): string {
  const docs = documentList(db);
  const failed = failedPaths(db);
  return page(
    { title: '文件 Documents', active: 'documents', scripts: ['upload.js'] },
    html`
      <h1>文件 Documents</h1>
      <section class="upload" id="upload">
        <form id="upload-form" method="post" action="/api/upload" enctype="multipart/form-data">
          <label class="drop" id="drop">
            <input type="file" name="file" id="upload-file" accept="${DOCUMENT_EXTENSIONS.join(',')}" />
            <span>把 ${DOCUMENT_EXTENSIONS.join(' / ')} 文件拖到这里，或点击选择 — drop a plan here or click to choose (up to ${maxUpload})</span>
          </label>
        </form>
        <ol class="upload-log" id="upload-log" aria-live="polite"></ol>
      </section>
      <p class="muted">
        ${docs.length} document(s) in ${new Set(docs.map((d) => d.plan_id)).size} plan(s). ★ = the plan's primary rendering (the one comparisons count).
      </p>
      <table class="grid" id="documents">
        <thead>
          <tr>
            <th>#</th>
            <th>标题 Title</th>
            <th>类型 Type</th>
            <th>地区 Region</th>
            <th>期间 Period</th>
            <th>格式</th>
            <th class="num">目标 Targets</th>
            <th class="num">实际 Actuals</th>
            <th class="num">待核 Flags</th>
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
                <td>${d.type ? (TYPE_NAMES[d.type] ?? d.type) : '—'}</td>
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
