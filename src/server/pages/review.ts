/**
 * The Review page: the review library's queue (src/review listQueue) for one
 * document at a time, each record with its sentence and the extracted span
 * highlighted, its fields and flags, and the keyboard shortcuts. Actions go
 * through the JSON API to the same corrections the CLI writes.
 */
import { RECORD_SPECS } from '../../records/index.js';
import { listQueue, type ReviewItem } from '../../review/index.js';
import type { Db } from '../../store/index.js';
import { documentList } from '../data/documents.js';
import { html, page, raw } from '../html.js';
import { planLabel } from '../../records/plan-label.js';
import { FIELD_LABELS, fieldLabel, flagLabel, recordTypeLabel, valueLabel } from '../labels.js';

export interface ReviewQuery {
  document?: string;
  flag?: string;
}

/** Fields shown per record type, most telling first (src/records). */
const SHOWN: Record<string, readonly string[]> = Object.fromEntries([...RECORD_SPECS.values()].map((k) => [k.type, k.shown]));

/** Editable fields per type, as the edit form offers them (src/records). */
export const EDITABLE: Record<string, readonly string[]> = Object.fromEntries([...RECORD_SPECS.values()].map((k) => [k.type, k.editable]));

function sentenceHtml(item: ReviewItem) {
  const s = item.sentence;
  if (!item.span || item.span.start < 0 || item.span.end > s.length) return html`${s}`;
  return html`${s.slice(0, item.span.start)}<mark>${s.slice(item.span.start, item.span.end)}</mark>${s.slice(item.span.end)}`;
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : Array.isArray(v) ? v.join('、') : String(v));

export function reviewPage(db: Db, q: ReviewQuery, notice?: string): string {
  const docs = documentList(db);
  // Pending items per document, to pick a sensible default and label the choices.
  const pending = new Map<number, number>();
  for (const item of listQueue(db, { unreviewed: true })) pending.set(item.documentId, (pending.get(item.documentId) ?? 0) + 1);
  const chosen =
    q.document && /^\d+$/.test(q.document)
      ? Number(q.document)
      : (docs.find((d) => d.is_primary && pending.get(d.id))?.id ?? docs.find((d) => pending.get(d.id))?.id ?? docs[0]?.id);
  const items = chosen === undefined ? [] : listQueue(db, { document: String(chosen), unreviewed: true, flag: q.flag || undefined });
  const flagKinds = new Map<string, number>();
  for (const item of chosen === undefined ? [] : listQueue(db, { document: String(chosen), unreviewed: true })) {
    for (const f of item.flags) flagKinds.set(f.kind, (flagKinds.get(f.kind) ?? 0) + 1);
  }
  return page(
    { title: '审核 Review', active: 'review', scripts: ['review.js'] },
    html`
      <h1>审核 Review</h1>
      <!-- No submit on change: arrow keys on a closed select fire change in Chromium, so a keyboard user would reload at every key. -->
      <form class="search" method="get" action="/review">
        <label
          >文件 Document
          <select name="document" id="review-document">
            ${docs.map(
              (d) =>
                html`<option value="${d.id}" ${d.id === chosen ? raw(' selected') : ''}>
                  ${d.is_primary ? '★ ' : ''}${d.id} · ${planLabel(d)} · ${d.format} — ${pending.get(d.id) ?? 0} 待审
                </option>`,
            )}
          </select></label
        >
        <label
          >标记 Flag
          <select name="flag" id="review-flag">
            <option value="">全部 all</option>
            ${[...flagKinds].map(([k, n]) => html`<option value="${k}" ${k === q.flag ? raw(' selected') : ''}>${flagLabel(k)} (${n})</option>`)}
          </select></label
        >
        <button type="submit">显示 Show</button>
      </form>
      ${notice ? html`<p class="notice">${notice}</p>` : ''}
      <div id="notice" aria-live="polite"></div>
      <div class="review-layout">
        <div>
          <p class="muted" id="queue-count">${items.length} 条待审核 record(s) to review in this document.</p>
          <ol class="queue" id="queue">
            ${items.map(
              (item, i) =>
                html`<li
                  class="item${i === 0 ? ' current' : ''}"
                  id="item-${item.id}"
                  data-id="${item.id}"
                  data-type="${item.type}"
                  data-fields="${JSON.stringify(
                    Object.fromEntries((EDITABLE[item.type] ?? []).map((k) => [k, show(item.fields[k]) === '—' ? '' : show(item.fields[k])])),
                  )}"
                  tabindex="-1"
                >
                  <div class="head">
                    <b>${item.id}</b> · ${recordTypeLabel(item.type)} ·
                    <span class="muted">${item.sectionPath}${item.page ? ` · 第${item.page}页` : ''}</span> ·
                    <a href="/documents/${item.documentId}#rec-${item.id}">原文 in document</a>
                  </div>
                  <p class="sentence">${sentenceHtml(item)}</p>
                  <div class="fields">
                    ${(SHOWN[item.type] ?? [])
                      .filter((k) => item.fields[k] !== null && item.fields[k] !== undefined && show(item.fields[k]) !== '')
                      .map(
                        (k) =>
                          html`<span class="field"><span class="muted">${fieldLabel(k)}</span> <b>${valueLabel(k, show(item.fields[k]))}</b></span
                            >　 `,
                      )}
                  </div>
                  <ul class="flags">
                    ${item.flags.map((f) => html`<li><b>${flagLabel(f.kind)}</b>: ${f.reason}</li>`)}
                  </ul>
                  <div class="actions">
                    <button type="button" data-action="accept" title="a">接受 Accept <kbd>a</kbd></button>
                    <button type="button" class="secondary" data-action="reject" title="r">拒绝 Reject <kbd>r</kbd></button>
                    <button type="button" class="secondary" data-action="edit" title="e">修改 Edit <kbd>e</kbd></button>
                  </div>
                </li>`,
            )}
          </ol>
          ${items.length === 0 ? html`<p class="notice">这个文件没有待审核的记录 — nothing left to review in this document.</p>` : ''}
        </div>
        <aside class="keys" id="keys">
          <h3>键盘 Keyboard</h3>
          <p><kbd>j</kbd> 下一条 next　<kbd>k</kbd> 上一条 previous</p>
          <p><kbd>a</kbd> 接受 accept</p>
          <p><kbd>r</kbd> 拒绝 reject (reason, then <kbd>Enter</kbd>)</p>
          <p><kbd>e</kbd> 修改 edit (<kbd>Enter</kbd> saves, <kbd>Esc</kbd> cancels)</p>
          <p><kbd>u</kbd> 撤销上一步 undo the last correction made here</p>
          <p class="muted">
            Corrections are the ones <code>planlens review</code> writes: kept in review_corrections, re-applied when a document is ingested again.
          </p>
        </aside>
      </div>
      <script type="application/json" id="field-labels">
        ${raw(JSON.stringify(FIELD_LABELS).replace(/</g, '\\u003c'))}
      </script>
    `,
  );
}
