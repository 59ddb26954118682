/**
 * The Progress page: every target against the latest reported actual for
 * its region and indicator (the compare library's queryProgress over the
 * progress view): share achieved, on-track status, chart and table.
 */
import { matchIndicator, matchRegions, queryProgress, type ProgressFilters, type ProgressRow } from '../../analyst/index.js';
import { loadProgressWords } from '../../analyst/progress-rules.js';
import { primaryDocumentOfPlan, type Db } from '../../store/index.js';
import { barChart } from '../charts.js';
import { formatNumber, html, page, raw } from '../html.js';

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
    const m = matchIndicator(db, q.indicator.trim());
    filters.indicatorKeys = m ? [m.key] : [];
    notes.push(m ? `指标 indicator '${q.indicator}' → ${m.name} (${m.how})` : `没有匹配的指标 — no indicator matches '${q.indicator}'`);
  }
  const primary = primaryDocumentOfPlan(db);
  return { rows: queryProgress(db, filters, loadProgressWords()), notes, primary };
}

const STATUS_NAMES: Record<string, string> = { achieved: '已达成 achieved', 'on track': '符合进度 on track', behind: '滞后 behind' };
const statusKind = (s: ProgressRow['on_track']) => (s === null ? 'unknown' : s.replace(' ', '-'));
const percent = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);

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
        <label>地区 Region <input name="region" value="${q.region ?? ''}" size="12" placeholder="如 南京" /></label>
        <label>指标 Indicator <input name="indicator" value="${q.indicator ?? ''}" size="20" placeholder="名称或别名" /></label>
        <label><input type="checkbox" name="all" value="1" ${q.all ? raw(' checked') : ''} /> 含未报告实际值的目标 include unmeasured targets</label>
        <button type="submit">筛选 Filter</button>
      </form>
      ${notes.map((n) => html`<p class="match">${n}</p>`)}
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
            <th>单位</th>
            <th>目标年</th>
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
              html`<tr>
                <td class="nowrap">${r.region ?? '—'}</td>
                <td><a href="/documents/${primary.get(r.plan_id) ?? ''}#rec-q${r.quantity_id}" title="${r.sentence}">${r.indicator_name}</a></td>
                <td class="num nowrap">
                  ${r.comparator && r.comparator !== '=' ? r.comparator.replace('>=', '≥').replace('<=', '≤') + ' ' : ''}${formatNumber(r.target_value)}
                </td>
                <td>${r.unit ?? ''}</td>
                <td>${r.due_year ?? ''}</td>
                <td class="num nowrap">${r.baseline_value === null ? '' : `${formatNumber(r.baseline_value)} (${r.baseline_year})`}</td>
                <td class="num nowrap">${r.actual_value === null ? '—' : `${formatNumber(r.actual_value)} (${r.actual_year})`}</td>
                <td class="num">${percent(r.share_achieved)}</td>
                <td class="num">${formatNumber(r.expected_value)}</td>
                <td class="nowrap">
                  <span class="status status-${statusKind(r.on_track)}">${r.on_track ? (STATUS_NAMES[r.on_track] ?? r.on_track) : '—'}</span>
                </td>
                <td>${r.stated_status ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    `,
  );
}
