/**
 * The Compare page: one indicator (found by name, alias or a part of a name
 * with the compare library's matchIndicator) across every plan, targets and
 * reported actuals, as a table and an SVG bar chart, with links back to the
 * source sentence and CSV/xlsx downloads of the same rows.
 */
import { describeMatch, indicatorUsage, matchIndicator, queryQuantities, unlinkedNames, type IndicatorMatch, type QuantityRow } from '../../analyst/index.js';
import { loadNameAnalyser } from '../../analyst/name-parts-rules.js';
import type { Db } from '../../store/index.js';
import { barChart, type Bar } from '../charts.js';
import { formatNumber, html, page, raw } from '../html.js';

export interface CompareResult {
  query: string;
  match: IndicatorMatch | null;
  message: string;
  rows: QuantityRow[];
}

export function compareIndicator(db: Db, query: string): CompareResult {
  const text = query.trim();
  if (!text) return { query, match: null, message: '', rows: [] };
  const match = matchIndicator(db, text, loadNameAnalyser());
  if (!match) return { query, match: null, message: `没有匹配“${text}”的指标 — no indicator matches '${text}'`, rows: [] };
  return { query, match, message: describeMatch(text, match).replace(/^--indicator /, ''), rows: queryQuantities(db, { indicatorKeys: match.keys }) };
}

/** Names to offer in the search box: canonical names and aliases, then names plans use unlinked (the compare library's lists). */
export function indicatorNames(db: Db): string[] {
  const names = new Set<string>();
  for (const usage of indicatorUsage(db)) for (const name of [usage.name, ...usage.aliases]) names.add(name);
  for (const unlinked of unlinkedNames(db)) names.add(unlinked.name);
  return [...names];
}

export function sourceLink(r: Pick<QuantityRow, 'document_id' | 'quantity_id'>): string {
  return `/documents/${r.document_id}#rec-q${r.quantity_id}`;
}

function chartBars(rows: QuantityRow[]): Bar[] {
  const bars: Bar[] = [];
  const value = (r: QuantityRow) => r.value_base ?? r.value;
  for (const r of rows) {
    const v = value(r);
    if (v === null) continue;
    bars.push({
      label: r.region ?? r.plan_title ?? `plan ${r.plan_id}`,
      value: v,
      note: `${r.unit_base ?? r.unit ?? ''} · ${r.kind === 'target' ? '目标' : '实际'} ${r.year ?? '?'}年`,
      kind: r.kind,
      href: sourceLink(r),
      data: { region: r.region ?? '', year: r.year ?? '', kind: r.kind, plan: r.plan_id },
    });
  }
  return bars;
}

export function comparePage(db: Db, query: string, names: string[]): string {
  const result = compareIndicator(db, query);
  const { rows, match } = result;
  // Each region's target next to what it reported, regions in the library's order (larger areas first).
  const regions = [...new Set(rows.map((r) => r.region))];
  const bars = chartBars(
    [...rows].sort(
      (a, b) =>
        regions.indexOf(a.region) - regions.indexOf(b.region) || Number(a.kind === 'actual') - Number(b.kind === 'actual') || (a.year ?? 0) - (b.year ?? 0),
    ),
  );
  const enc = encodeURIComponent(result.query.trim());
  return page(
    { title: match ? `对比 ${match.name}` : '指标对比 Compare', active: 'compare' },
    html`
      <h1>指标对比 Compare</h1>
      <form class="search" method="get" action="/compare">
        <label for="indicator">指标 Indicator</label>
        <input
          id="indicator"
          name="indicator"
          list="indicator-names"
          value="${result.query}"
          placeholder="名称、别名或名称的一部分 — name, alias or part of a name"
          autocomplete="off"
          size="40"
        />
        <datalist id="indicator-names">${names.map((n) => html`<option value="${n}"></option>`)}</datalist>
        <button type="submit">对比 Compare</button>
      </form>
      ${result.message ? html`<p class="match ${match ? (match.exact ? 'ok' : 'loose') : 'bad'}" id="match">${result.message}</p>` : html`<p class="muted">输入指标名称开始对比。Type an indicator name to compare it across plans.</p>`}
      ${
        match
          ? html`
              <h2>${match.name} ${match.id ? html`<code>${match.id}</code>` : html`<span class="muted">(未关联标准指标 unlinked name)</span>`}</h2>
              <p class="downloads">
                下载 Download: <a href="/api/compare.csv?indicator=${enc}" download>CSV</a> ·
                <a href="/api/compare.xlsx?indicator=${enc}" download>Excel (.xlsx)</a>
              </p>
              ${
                bars.length
                  ? raw(
                      barChart({
                        title: `${match.name}：各地区目标与实际（标准单位）`,
                        bars,
                        legend: [
                          { kind: 'target', label: '目标 target' },
                          { kind: 'actual', label: '实际 actual' },
                        ],
                      }),
                    )
                  : html`<p class="muted">没有数值 — no numeric values for this indicator.</p>`
              }
              ${rows.length ? quantityTable(rows) : html`<p class="muted">没有记录 — no plan states this indicator.</p>`}
            `
          : ''
      }
    `,
  );
}

function quantityTable(rows: QuantityRow[]) {
  return html`<table class="grid" id="compare-table">
    <thead>
      <tr>
        <th>地区 Region</th>
        <th>规划 Plan</th>
        <th>类型</th>
        <th class="num">数值 Value</th>
        <th>单位</th>
        <th>年份 Year</th>
        <th class="num">标准值 Base value</th>
        <th>标准单位</th>
        <th>原文 Source</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr class="kind-${r.kind}" data-kind="${r.kind}" data-region="${r.region ?? ''}">
            <td class="nowrap">${r.region ?? '—'}</td>
            <td>${r.plan_title ?? `plan ${r.plan_id}`}</td>
            <td class="nowrap"><span class="tag tag-${r.kind}">${r.kind === 'target' ? '目标' : '实际'}</span></td>
            <td class="num nowrap">
              ${r.comparator && r.comparator !== '=' ? r.comparator.replace('>=', '≥').replace('<=', '≤') + ' ' : ''}${formatNumber(r.value)}${r.value_max !== null ? `–${formatNumber(r.value_max)}` : ''}
            </td>
            <td>${r.unit ?? ''}</td>
            <td class="nowrap">${r.year ?? ''}</td>
            <td class="num">${formatNumber(r.value_base)}</td>
            <td>${r.unit_base ?? ''}</td>
            <td class="quote"><a href="${sourceLink(r)}" title="打开原文 open the source sentence">${r.sentence}</a></td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
