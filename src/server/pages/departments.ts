/**
 * The Departments page: every unit the plans give tasks to, with how many
 * it leads, supports or is listed for (the analyst library's
 * departmentSummaries, as `planlens departments` lists them), and for one
 * unit its tasks (departmentTasks, as `planlens tasks`), each linked to its
 * sentence in the document.
 */
import { departmentSummaries, departmentTasks, matchRegions, type DepartmentSummary, type DepartmentTask } from '../../analyst/index.js';
import type { Db } from '../../store/index.js';
import { html, page } from '../html.js';

export interface DepartmentsQuery {
  /** A unit: canonical id, name or part of a name. */
  name?: string;
  region?: string;
}

const ROLE_LABELS: Readonly<Record<DepartmentTask['role'], string>> = {
  lead: '牵头 lead',
  support: '配合 support',
  listed: '责任单位 listed',
  'support (implicit)': '配合（统一要求）support (all tasks)',
};

export function departmentsData(db: Db, q: DepartmentsQuery) {
  const notes: string[] = [];
  let regions: string[] | undefined;
  if (q.region?.trim()) {
    regions = matchRegions(db, q.region.trim()).names;
    notes.push(regions.length ? `地区 region '${q.region}' → ${regions.join(', ')}` : `没有匹配的地区 — no stored region matches '${q.region}'`);
  }
  const summaries = departmentSummaries(db, regions).filter((d) => d.lead + d.support + d.listed + d.implicit_support > 0);
  const tasks = q.name?.trim() ? departmentTasks(db, q.name.trim(), regions) : null;
  return { notes, summaries, tasks };
}

const unitHref = (d: DepartmentSummary, region: string | undefined) => {
  const params = new URLSearchParams({ name: d.canonical_id ?? d.department });
  if (region) params.set('region', region);
  return `/departments?${params.toString()}#tasks`;
};

function summaryTable(summaries: DepartmentSummary[], q: DepartmentsQuery) {
  return html`<table class="grid" id="departments-table">
    <thead>
      <tr>
        <th>部门 Department</th>
        <th class="num" title="牵头的任务数 tasks it leads">牵头 Leads</th>
        <th class="num" title="配合的任务数 tasks it supports">配合 Supports</th>
        <th class="num" title="列为责任单位、未分牵头配合的任务数 tasks it is listed for, no role stated">责任单位 Listed</th>
        <th class="num" title="文件要求其配合全部任务 documents where it supports every task">配合全部 All tasks</th>
        <th class="num">提及 Mentions</th>
        <th>地区 Regions</th>
        <th>写法 Written as</th>
      </tr>
    </thead>
    <tbody>
      ${summaries.map(
        (d) =>
          html`<tr data-department="${d.canonical_id ?? d.department}">
            <td><a href="${unitHref(d, q.region)}">${d.department}</a></td>
            <td class="num">${d.lead}</td>
            <td class="num">${d.support}</td>
            <td class="num">${d.listed}</td>
            <td class="num">${d.implicit_support}</td>
            <td class="num">${d.mentions}</td>
            <td>${d.regions}</td>
            <td class="muted">${d.written_as}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function taskList(name: string, result: NonNullable<ReturnType<typeof departmentsData>['tasks']>) {
  if (result.matched.length === 0) return html`<p class="match bad" id="tasks">没有匹配“${name}”的部门 — no unit with tasks matches '${name}'.</p>`;
  return html`<section id="tasks" tabindex="-1">
    <h2>${name}：${result.tasks.length} 项任务 task(s)</h2>
    <p class="match ${result.exact ? 'ok' : 'loose'}">匹配 matched${result.exact ? '' : ' by part of a name'}: ${result.matched.join('、')}</p>
    <table class="grid" id="tasks-table">
      <thead>
        <tr>
          <th>规划 Plan</th>
          <th>角色 Role</th>
          <th>任务 Task</th>
          <th>时间节点 Deadlines</th>
          <th>相关目标 Targets</th>
        </tr>
      </thead>
      <tbody>
        ${result.tasks.map(
          (t) =>
            html`<tr data-role="${t.role}">
              <td>${t.region ? html`<span class="nowrap">${t.region}</span><br />` : ''}<span class="muted">${t.plan_title ?? ''}</span></td>
              <td class="nowrap">
                ${ROLE_LABELS[t.role]}
                <div class="muted">${t.unit_as_written}</div>
              </td>
              <td class="quote">
                <a class="source" href="/documents/${t.document_id}?at=${t.start}-${t.end}#rec-hit" title="打开原文 open the task in its document">${t.task}</a>
                <div class="muted">${t.section_path}</div>
              </td>
              <td>${t.deadlines || html`<span class="muted">${t.plan_end ? `规划期末 plan end ${t.plan_end}` : '—'}</span>`}</td>
              <td>${t.targets}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

export function departmentsPage(db: Db, q: DepartmentsQuery): string {
  const { notes, summaries, tasks } = departmentsData(db, q);
  return page(
    { title: q.name ? `部门任务 ${q.name}` : '部门任务 Departments', active: 'departments' },
    html`
      <h1>部门任务 Departments and tasks</h1>
      <form class="search" method="get" action="/departments">
        <label>部门 Department <input name="name" id="department-name" value="${q.name ?? ''}" size="20" placeholder="如 市知识产权局" /></label>
        <label>地区 Region <input name="region" id="department-region" value="${q.region ?? ''}" size="12" placeholder="如 南京" /></label>
        <button type="submit">查看任务 Show tasks</button>
      </form>
      ${notes.map((n) => html`<p class="match">${n}</p>`)} ${tasks ? taskList(q.name!.trim(), tasks) : ''}
      <h2>${summaries.length} 个部门 departments with tasks</h2>
      <p class="muted">
        牵头 / 配合：文件写明的分工；责任单位：列出的单位未分牵头配合（不把第一个当作牵头）。Leads / supports as the text assigns them; listed: a list of units
        where the text does not say who leads. Primary renderings only.
      </p>
      ${summaries.length ? summaryTable(summaries, q) : html`<p class="muted">没有分工记录 — no plan assigns tasks to units.</p>`}
    `,
  );
}
