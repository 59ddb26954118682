/**
 * The Progress page: every target against the latest reported actual for
 * its region and indicator (the compare library's queryProgress over the
 * progress view): share achieved, on-track status, chart and table.
 */
import { matchIndicator, matchRegions, queryProgress, type ProgressFilters, type ProgressRow } from '../../analyst/index.js';
import { loadNameAnalyser } from '../../text/indicator-names/rules.js';
import { loadProgressWords } from '../../analyst/progress-rules.js';
import { listDocuments, primaryDocumentOfPlan, type Db } from '../../store/index.js';
import { barChart } from '../charts.js';
import { computedNumber, percentText, rowScale, scaledNumber } from '../figures.js';
import { html, page, raw } from '../html.js';

export interface ProgressQuery {
  region?: string;
  indicator?: string;
  /** Include targets nothing has been reported against. */
  all?: boolean;
}

export interface ProgressResult {
  rows: ProgressRow[];
  notes: string[];
  /** plan id → its primary document, for links to the target's sentence. */
  primary: Map<number, number>;
}

export function progressRows(db: Db, q: ProgressQuery): ProgressResult {
  const filters: ProgressFilters = { measuredOnly: !q.all };
  const notes: string[] = [];
  if (q.region?.trim()) {
    const m = matchRegions(db, q.region.trim());
    filters.regions = m.names;
    notes.push(m.names.length ? `地区 region '${q.region}' → ${m.names.join(', ')}` : `没有匹配的地区 — no stored region matches '${q.region}'`);
  }
  if (q.indicator?.trim()) {
    const m = matchIndicator(db, q.indicator.trim(), loadNameAnalyser());
    filters.indicatorKeys = m ? m.keys : [];
    notes.push(m ? `指标 indicator '${q.indicator}' → ${m.name} (${m.how})` : `没有匹配的指标 — no indicator matches '${q.indicator}'`);
  }
  const primary = primaryDocumentOfPlan(db);
  return { rows: queryProgress(db, filters, loadProgressWords()), notes, primary };
}

const STATUS_NAMES: Record<string, string> = { achieved: '已达成 achieved', 'on track': '符合进度 on track', behind: '滞后 behind' };
const statusKind = (s: ProgressRow['on_track']) => (s === null ? 'unknown' : s.replace(' ', '-'));

/**
 * Where the plan's own verdict (文件自述: 达到序时进度, 超过预期目标值)
 * contradicts the status computed from the figures, the reason in words.
 * The facts work supplies it on progress rows as `status_conflict`; a row
 * without it has nothing to mark.
 */
export function statusConflict(r: ProgressRow): string | null {
  const conflict = (r as ProgressRow & { status_conflict?: string | null }).status_conflict;
  return conflict ? conflict : null;
}

/** Every region a stored plan is about, to offer in the region box. */
function storedRegions(db: Db): string[] {
  return [
    ...new Set(
      listDocuments(db)
        .map((d) => d.region)
        .filter((r): r is string => !!r),
    ),
  ].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** The query string of the page's current filters, for its download link. */
function filterQuery(q: ProgressQuery): string {
  const params = new URLSearchParams();
  if (q.region) params.set('region', q.region);
  if (q.indicator) params.set('indicator', q.indicator);
  if (q.all) params.set('all', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function progressPage(db: Db, q: ProgressQuery): string {
  const { rows, notes, primary } = progressRows(db, q);
  const measured = rows.filter((r) => r.share_achieved !== null);
  const tally = new Map<string, number>();
  for (const r of rows) tally.set(statusKind(r.on_track), (tally.get(statusKind(r.on_track)) ?? 0) + 1);
  return page(
    { title: '进度 Progress', active: 'progress' },
    html`
      <h1>进度 Progress</h1>
      <form class="search" method="get" action="/progress">
        <label
          >地区 Region <input name="region" id="progress-region" list="progress-regions" value="${q.region ?? ''}" size="12" placeholder="如 南京"
        /></label>
        <datalist id="progress-regions">${storedRegions(db).map((r) => html`<option value="${r}"></option>`)}</datalist>
        <label>指标 Indicator <input name="indicator" value="${q.indicator ?? ''}" size="20" placeholder="名称或别名" /></label>
        <label><input type="checkbox" name="all" value="1" ${q.all ? raw(' checked') : ''} /> 含未报告实际值的目标 include unmeasured targets</label>
        <button type="submit">筛选 Filter</button>
      </form>
      ${notes.map((n) => html`<p class="match">${n}</p>`)}
      <p class="downloads">下载 Download: <a href="/api/progress.csv${filterQuery(q)}" download id="progress-csv">CSV</a></p>
      <p class="tally">
        ${rows.length} 个目标 targets:
        ${(['achieved', 'on-track', 'behind', 'unknown'] as const).map(
          (k) =>
            html`<span class="status status-${k}">${k === 'unknown' ? '无法判断 no baseline' : STATUS_NAMES[k.replace('-', ' ')]} ${tally.get(k) ?? 0}</span> `,
        )}
      </p>
      <p class="muted">
        完成比例 = 最新实际值 ÷ 目标值（越低越好的指标取倒数）；“符合进度”按基期到目标年的线性进度判断。Share achieved = latest actual ÷ target; on track = at
        or above the linear pace from the baseline.
      </p>
      ${
        measured.length
          ? raw(
              barChart({
                title: '目标完成比例 share of target achieved',
                bars: measured.map((r) => ({
                  label: `${r.region ?? ''} ${r.indicator_name}`,
                  value: r.share_achieved! * 100,
                  note: `(${r.actual_year}年) ${r.on_track ? (STATUS_NAMES[r.on_track] ?? r.on_track) : ''}`,
                  kind: statusKind(r.on_track),
                  data: { region: r.region ?? '', indicator: r.indicator_name },
                })),
                reference: { value: 100, label: '100%' },
                format: (v) => `${Math.round(v)}%`,
              }),
            )
          : ''
      }
      <table class="grid" id="progress-table">
        <thead>
          <tr>
            <th>地区 Region</th>
            <th>指标 Indicator</th>
            <th class="num">目标 Target</th>
            <th>单位 Unit</th>
            <th>目标年 Due</th>
            <th class="num">基期 Baseline</th>
            <th class="num">实际 Actual</th>
            <th class="num">完成 Share</th>
            <th class="num">应达 Expected</th>
            <th>状态 Status</th>
            <th>文件自述 Stated</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr class="${statusConflict(r) ? 'contradiction' : ''}" data-indicator="${r.indicator_name}">
                <td class="nowrap">${r.region ?? '—'}</td>
                <td><a href="/documents/${primary.get(r.plan_id) ?? ''}#rec-q${r.quantity_id}" title="${r.sentence}">${r.indicator_name}</a></td>
                <td class="num nowrap">${scaledNumber(r.target_value, rowScale(r), r.comparator)}</td>
                <td>${rowScale(r).unit}</td>
                <td>${r.due_year ?? ''}</td>
                <td class="num nowrap">${r.baseline_value === null ? '' : `${scaledNumber(r.baseline_value, rowScale(r))} (${r.baseline_year})`}</td>
                <td class="num nowrap">${r.actual_value === null ? '—' : `${scaledNumber(r.actual_value, rowScale(r))} (${r.actual_year})`}</td>
                <td class="num">${percentText(r.share_achieved)}</td>
                <td class="num">${r.expected_value === null ? '' : computedNumber(r.expected_value / rowScale(r).factor)}</td>
                <td class="nowrap">
                  <span class="status status-${statusKind(r.on_track)}">${r.on_track ? (STATUS_NAMES[r.on_track] ?? r.on_track) : '—'}</span>
                </td>
                <td>
                  ${r.stated_status ?? ''}
                  ${statusConflict(r) ? html`<div class="conflict" title="${statusConflict(r)}">⚠ 与计算不符 contradicts the computed status</div>` : ''}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    `,
  );
}
