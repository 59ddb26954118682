/**
 * The Compare page: one indicator (found by name, alias or a part of a name
 * with the compare library's matchIndicator) across every plan, targets and
 * reported actuals, as a table and an SVG bar chart, with links back to the
 * source sentence and CSV/xlsx downloads of the same rows.
 */
import { describeMatch, indicatorUsage, queryQuantities, resolveIndicator, unlinkedNames, type IndicatorMatch, type QuantityRow } from '../../analyst/index.js';
import { loadNameAnalyser } from '../../text/indicator-names/rules.js';
import type { Db } from '../../store/index.js';
import { barChart, type Bar } from '../charts.js';
import { baseValueFormat, figureNumber } from '../figures.js';
import { html, page, raw } from '../html.js';

export interface CompareResult {
  query: string;
  match: IndicatorMatch | null;
  message: string;
  rows: QuantityRow[];
  /** The years the indicator's rows have (before the year filter), for the filter's choices. */
  years: number[];
}

/** What the comparison is narrowed to: targets or actuals only, one year. */
export interface CompareFilters {
  kind?: string;
  year?: string;
}

export function compareIndicator(db: Db, query: string, filters: CompareFilters = {}): CompareResult {
  const text = query.trim();
  if (!text) return { query, match: null, message: '', rows: [], years: [] };
  const { match, refusal } = resolveIndicator(db, text, loadNameAnalyser());
  if (!match) {
    const why = refusal
      ? `${refusal.reason}${refusal.candidates.length ? ` — closest: ${refusal.candidates.join('; ')}` : ''}`
      : `no indicator matches '${text}'`;
    return { query, match: null, message: `没有匹配“${text}”的指标 — ${why}`, rows: [], years: [] };
  }
  const all = queryQuantities(db, { indicatorKeys: match.keys });
  const years = [...new Set(all.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const year = Number(filters.year);
  const rows = all.filter((r) => (filters.kind !== 'target' && filters.kind !== 'actual') || r.kind === filters.kind).filter((r) => !year || r.year === year);
  return { query, match, message: describeMatch(text, match).replace(/^--indicator /, ''), rows, years };
}

export interface IndicatorChoice {
  name: string;
  /** Canonical id; null for a name plans use that links to no canonical indicator. */
  id: string | null;
  plans: number;
  targets: number | null;
  actuals: number | null;
  records: number;
}

/** Indicators any plan states, with how many plans, targets and actuals: the list to pick from. */
export function indicatorChoices(db: Db): { linked: IndicatorChoice[]; unlinked: IndicatorChoice[] } {
  const linked = indicatorUsage(db)
    .filter((u) => u.targets + u.actuals > 0)
    .map((u) => ({ name: u.name, id: u.id, plans: u.plans, targets: u.targets, actuals: u.actuals, records: u.targets + u.actuals }));
  const unlinked = unlinkedNames(db).map((u) => ({ name: u.name, id: null, plans: u.plans, targets: null, actuals: null, records: u.records }));
  return { linked, unlinked };
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

/** A bar names its plan, not only its region: two plans of one region stay apart. The title loses the region it starts with. */
export function barLabel(r: Pick<QuantityRow, 'region' | 'plan_title' | 'plan_id'>): string {
  const plan = r.plan_title ?? `plan ${r.plan_id}`;
  if (!r.region) return plan;
  const rest = plan.startsWith(r.region) ? plan.slice(r.region.length).trim() : plan;
  return rest ? `${r.region} · ${rest}` : r.region;
}

function chartBars(rows: QuantityRow[]): Bar[] {
  const bars: Bar[] = [];
  const value = (r: QuantityRow) => r.value_base ?? r.value;
  for (const r of rows) {
    const v = value(r);
    if (v === null) continue;
    bars.push({
      label: barLabel(r),
      value: v,
      note: `· ${r.kind === 'target' ? '目标' : '实际'} ${r.year ?? '?'}年`,
      kind: r.kind,
      href: sourceLink(r),
      data: { region: r.region ?? '', year: r.year ?? '', kind: r.kind, plan: r.plan_id },
    });
  }
  return bars;
}

function indicatorList(choices: ReturnType<typeof indicatorChoices>, current: string | undefined) {
  const link = (c: IndicatorChoice) =>
    html`<a href="/compare?indicator=${encodeURIComponent(c.name)}" ${c.name === current ? raw(' aria-current="true"') : ''}>${c.name}</a>`;
  return html`<details class="indicator-list" id="indicator-list" ${current ? '' : raw(' open')}>
    <summary>指标列表 Indicators (${choices.linked.length} 个标准指标 canonical · ${choices.unlinked.length} 个未关联名称 unlinked names)</summary>
    <table class="grid compact" id="indicator-table">
      <thead>
        <tr>
          <th>指标 Indicator</th>
          <th class="num">规划 Plans</th>
          <th class="num">目标 Targets</th>
          <th class="num">实际 Actuals</th>
        </tr>
      </thead>
      <tbody>
        ${choices.linked.map(
          (c) =>
            html`<tr data-indicator="${c.id ?? ''}">
              <td>${link(c)}</td>
              <td class="num">${c.plans}</td>
              <td class="num">${c.targets}</td>
              <td class="num">${c.actuals}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <details class="unlinked">
      <summary>未关联标准指标的名称 Names that link to no canonical indicator (${choices.unlinked.length})</summary>
      <ul class="columns">
        ${choices.unlinked.map((c) => html`<li>${link(c)} <span class="muted">${c.records} 条 · ${c.plans} 规划</span></li>`)}
      </ul>
    </details>
  </details>`;
}

export function comparePage(db: Db, query: string, names: string[], filters: CompareFilters = {}): string {
  const result = compareIndicator(db, query, filters);
  const { rows, match } = result;
  // Each region's target next to what it reported, regions in the library's order (larger areas first).
  const regions = [...new Set(rows.map((r) => r.region))];
  const bars = chartBars(
    [...rows].sort(
      (a, b) =>
        regions.indexOf(a.region) - regions.indexOf(b.region) ||
        a.plan_id - b.plan_id ||
        Number(a.kind === 'actual') - Number(b.kind === 'actual') ||
        (a.year ?? 0) - (b.year ?? 0),
    ),
  );
  const params = new URLSearchParams({ indicator: result.query.trim() });
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.year) params.set('year', filters.year);
  const downloadQuery = params.toString();
  const option = (value: string, label: string, chosen: string | undefined) =>
    html`<option value="${value}" ${value === (chosen ?? '') ? raw(' selected') : ''}>${label}</option>`;
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
          size="34"
        />
        <datalist id="indicator-names">${names.map((n) => html`<option value="${n}"></option>`)}</datalist>
        <label
          >类型 Kind
          <select name="kind" id="filter-kind">
            ${option('', '目标和实际 both', filters.kind)} ${option('target', '目标 targets', filters.kind)} ${option('actual', '实际 actuals', filters.kind)}
          </select></label
        >
        <label
          >年份 Year
          <select name="year" id="filter-year">
            ${option('', '全部 all', filters.year)} ${result.years.map((y) => option(String(y), String(y), filters.year))}
          </select></label
        >
        <button type="submit">对比 Compare</button>
      </form>
      ${result.message ? html`<p class="match ${match ? (match.exact ? 'ok' : 'loose') : 'bad'}" id="match">${result.message}</p>` : html`<p class="muted">输入指标名称或从下面的列表中选择。Type an indicator name, or pick one from the list below.</p>`}
      ${indicatorList(indicatorChoices(db), match?.name)}
      ${
        match
          ? html`
              <h2>${match.name} ${match.id ? html`<code>${match.id}</code>` : html`<span class="muted">(未关联标准指标 unlinked name)</span>`}</h2>
              <p class="downloads">
                下载 Download: <a href="/api/compare.csv?${downloadQuery}" download>CSV</a> ·
                <a href="/api/compare.xlsx?${downloadQuery}" download>Excel (.xlsx)</a>
              </p>
              ${
                bars.length
                  ? raw(
                      barChart({
                        title: `${match.name}：各规划目标与实际`,
                        bars,
                        format: baseValueFormat(
                          bars.map((b) => b.value),
                          rows.find((r) => r.unit_base)?.unit_base ?? rows[0]?.unit,
                        ),
                        legend: [
                          { kind: 'target', label: '目标 target' },
                          { kind: 'actual', label: '实际 actual' },
                        ],
                      }),
                    )
                  : html`<p class="muted">没有数值 — no numeric values for this indicator${filters.kind || filters.year ? ' with these filters' : ''}.</p>`
              }
              ${rows.length ? quantityTable(rows) : html`<p class="muted">没有记录 — no plan states this indicator${filters.kind || filters.year ? ' with these filters' : ''}.</p>`}
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
        <th>类型 Kind</th>
        <th class="num">数值 Value</th>
        <th>单位 Unit</th>
        <th>年份 Year</th>
        <th class="num">标准值 Base value</th>
        <th>标准单位 Base unit</th>
        <th>原文 Source</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr class="kind-${r.kind}" data-kind="${r.kind}" data-region="${r.region ?? ''}" data-year="${r.year ?? ''}">
            <td class="nowrap">${r.region ?? '—'}</td>
            <td>${r.plan_title ?? `plan ${r.plan_id}`}</td>
            <td class="nowrap"><span class="tag tag-${r.kind}">${r.kind === 'target' ? '目标 target' : '实际 actual'}</span></td>
            <td class="num nowrap">${figureNumber(r)}</td>
            <td>${r.unit ?? ''}</td>
            <td class="nowrap">${r.year ?? ''}</td>
            <td class="num">${figureNumber({ value: r.value_base })}</td>
            <td>${r.unit_base ?? ''}</td>
            <td class="quote"><a class="source" href="${sourceLink(r)}" title="打开原文 open the source in the document">${r.quote || r.sentence}</a></td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
