/**
 * The Document page: the normalised text section by section, tables as
 * tables, every extracted record marked in place (offsets are into
 * documents.text). The records travel as JSON in the page; clicking a mark
 * shows the fields, rule and flags of every record under it.
 */
import { PAGE_KIND_NAMES } from '../../records/index.js';
import { printable } from '../../core/printable.js';
import type { DocumentDetail, PageTable } from '../data/documents.js';
import { html, page, raw, type Html } from '../html.js';
import { markedParagraphs, markedText, type Mark } from '../highlight.js';
import { planLabel } from '../../records/plan-label.js';
import { FIELD_LABELS, FLAG_LABELS, VALUE_LABELS } from '../labels.js';
import { EDITABLE } from './review.js';

/** A span of the text to point at (a search hit, a task's sentence): `?at=START-END`, anchored as #rec-hit. */
export interface TextSpan {
  start: number;
  end: number;
}

export function parseSpan(at: string | undefined): TextSpan | null {
  const m = at?.match(/^(\d+)-(\d+)$/);
  if (!m) return null;
  const span = { start: Number(m[1]), end: Number(m[2]) };
  return span.end > span.start ? span : null;
}

export function documentPage(detail: DocumentDetail, at: TextSpan | null = null): string {
  const { document: d, text, sections, tables, records } = detail;
  const marks: Mark[] = records.map((r) => ({
    key: r.key,
    kind: r.kind,
    start: r.start,
    end: r.end,
    extra: r.flags.length ? 'flagged' : r.fields.is_fact === 0 ? 'not-fact' : undefined,
  }));
  // First, so the span gets its own anchor even where a record starts at the same place.
  if (at && at.end <= text.length) marks.unshift({ key: 'hit', kind: 'hit', start: at.start, end: at.end });
  const anchored = new Set<string>();
  const ordered = orderedBlocks(sections, tables);
  let body = '';
  let pos = 0;
  for (const b of ordered) {
    if (b.start < pos) continue; // a heading inside a table, say: the table wins
    body += markedParagraphs(text, pos, b.start, marks, anchored);
    body +=
      b.kind === 'heading' ? sectionHeading(b.level, b.path, markedText(text, b.start, b.end, marks, anchored)) : renderTable(b.table, text, marks, anchored);
    pos = b.end;
  }
  body += markedParagraphs(text, pos, text.length, marks, anchored);

  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  const recordsJson = pageJson(Object.fromEntries(records.map((r) => [r.key, r])));
  // What the record panel needs to name fields in words and offer the review actions (the Review page's routes).
  const panelJson = pageJson({ fields: FIELD_LABELS, flags: FLAG_LABELS, values: VALUE_LABELS, editable: EDITABLE });

  return page(
    { title: planLabel(d), active: 'documents', scripts: ['document.js'] },
    html`
      <div class="doc-layout">
        <article class="doc" id="doc-text">
          <h1>${planLabel(d)}</h1>
          <p class="meta">
            ${[
              d.region,
              d.type,
              d.period_start ? `${d.period_start}–${d.period_end ?? ''}` : null,
              d.issuer,
              d.doc_number,
              d.issued,
              `${d.format}${d.pages ? ` · ${d.pages} 页` : ''}`,
            ]
              .filter(Boolean)
              .join(' · ')}<br /><span class="path">${printable(d.path)}</span>
          </p>
          ${
            detail.messages.length
              ? html`<details class="messages">
                  <summary>${detail.messages.length} 条处理信息 pipeline messages</summary>
                  <ul>
                    ${detail.messages.map((m) => html`<li class="sev-${m.severity}"><b>${m.severity}</b> ${m.stage}/${m.code}: ${m.text}</li>`)}
                  </ul>
                </details>`
              : ''
          }
          <div class="text">${raw(body)}</div>
        </article>
        <aside class="side">
          <div class="legend">
            ${(['target', 'actual', 'department', 'milestone'] as const).map(
              (k) =>
                html`<label
                  ><input type="checkbox" data-toggle="${k}" checked /> <mark class="hl k-${k}">${PAGE_KIND_NAMES[k]}</mark> ${counts.get(k) ?? 0}</label
                >`,
            )}
            <span class="muted">待核 flagged: ${detail.flagged} (红框 red outline)</span>
          </div>
          ${
            sections.length
              ? html`<details class="toc">
                  <summary>目录 Sections (${sections.length})</summary>
                  <ol>
                    ${sections.map((s) => html`<li class="lv${s.level}"><a href="#sec-${encodeURIComponent(s.path)}">${s.number} ${s.heading}</a></li>`)}
                  </ol>
                </details>`
              : ''
          }
          <div id="record-panel" class="record-panel" tabindex="-1" aria-live="polite" aria-label="所选记录 selected records">
            <p class="muted">点击高亮文字查看字段、规则和标记。Click a highlight to see its fields, rule and flags.</p>
          </div>
        </aside>
      </div>
      <script type="application/json" id="records">
        ${raw(recordsJson)}
      </script>
      <script type="application/json" id="panel-words">
        ${raw(panelJson)}
      </script>
    `,
  );
}

/** JSON inside a <script> element: no "</script>" can end it early. */
function pageJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

type OrderedBlock =
  { kind: 'heading'; start: number; end: number; level: number; path: string } | { kind: 'table'; start: number; end: number; table: PageTable };

function orderedBlocks(sections: DocumentDetail['sections'], tables: PageTable[]): OrderedBlock[] {
  const blocks: OrderedBlock[] = [
    ...sections.map((s) => ({
      kind: 'heading' as const,
      start: s.heading_start,
      end: s.heading_end,
      level: s.level,
      path: s.path,
    })),
    ...tables.map((t) => ({ kind: 'table' as const, start: t.start, end: t.end, table: t })),
  ];
  return blocks.sort((a, b) => a.start - b.start || (a.kind === 'table' ? -1 : 1));
}

function sectionHeading(level: number, path: string, inner: string): string {
  const tag = `h${Math.min(6, level + 1)}`;
  return `<${tag} class="section" id="sec-${encodeURIComponent(path)}" data-path="${path.replace(/"/g, '&quot;')}">${inner}</${tag}>\n`;
}

function renderTable(t: PageTable, text: string, marks: Mark[], anchored: Set<string>): string {
  const rows: Html[] = [];
  for (let r = 0; r < t.n_rows; r++) {
    const cells = t.cells.filter((c) => c.row === r);
    const tag = r < t.header_rows ? 'th' : 'td';
    rows.push(
      html`<tr>
        ${cells.map((c) =>
          raw(
            `<${tag}${c.carried ? ' class="carried" title="merged cell, carried from above/left"' : ''}>${c.carried ? '' : markedText(text, c.start, c.end, marks, anchored)}</${tag}>`,
          ),
        )}
      </tr>`,
    );
  }
  return html`<div class="table-wrap">
    <table class="grid doc-table" data-table="${t.id}">
      ${rows}
    </table>
  </div> `.value;
}
