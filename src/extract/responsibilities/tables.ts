/**
 * Task tables: a row per task, a task column and role columns whose headers
 * are role labels (牵头单位 | 配合单位, or one 责任单位 column: unsplit).
 */
import type { Table } from '../../core/state.js';
import { squeeze } from '../../text/names.js';
import { parseRoleContent, splitUnitList } from './annotation.js';
import type { CompiledResponsibilityRules, Role } from './rules.js';
import { cleanTask } from './task.js';

export interface TableResponsibility {
  task: string;
  lead: string[];
  support: string[];
  roles: 'split' | 'unsplit';
  start: number;
  end: number;
  row: number;
  col: number;
  table: number;
  sectionPath: string;
  /** The row's 完成时限 cell, as written. */
  deadline?: string;
}

/**
 * `isUnit` / `isNamedUnit` judge names where a cell writes its own roles
 * (区司法局牵头，区市场监管局配合); without them a cell takes its column's role.
 */
export function responsibilitiesFromTable(
  table: Table,
  rules: CompiledResponsibilityRules,
  isUnit?: (name: string) => boolean,
  isNamedUnit?: (name: string) => boolean,
): TableResponsibility[] {
  if (table.headerRows < 1 || table.rows.length <= table.headerRows) return [];
  const header = table.rows[table.headerRows - 1]!.map((c) => squeeze(c.text));
  const roleCols: Array<{ col: number; role: Role }> = [];
  let taskCol = -1;
  let deadlineCol = -1;
  header.forEach((h, col) => {
    const label = rules.labels.find((l) => h.includes(l.label));
    if (label) roleCols.push({ col, role: label.role });
    else if (deadlineCol < 0 && rules.raw.deadlineLabels.some((d) => h.includes(d))) deadlineCol = col;
    else if (taskCol < 0 && rules.raw.tableTaskHeaders.some((t) => h.includes(t))) taskCol = col;
  });
  if (taskCol < 0 || roleCols.length === 0) return [];
  const out: TableResponsibility[] = [];
  for (let r = table.headerRows; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const taskCell = row[taskCol];
    if (!taskCell) continue;
    const lists: Record<Role, string[]> = { lead: [], support: [], unsplit: [] };
    const cells = roleCols.map(({ col, role }) => {
      const cell = row[col];
      return { cell, role, own: cell && isUnit ? rolesInCell(cell.text, role, rules, isUnit, isNamedUnit ?? isUnit) : null };
    });
    // A cell that writes all the row's roles (X牵头，Y配合) leaves the next column empty: what the grid carried into it is not this row's.
    const ownRoles = cells.some((c) => c.own);
    for (const { cell, role, own } of cells) {
      if (!cell || (ownRoles && !own && cell.carried)) continue;
      if (own) {
        lists.lead.push(...own.lead);
        lists.support.push(...own.support);
      } else lists[role].push(...splitUnitList(cell.text, rules.raw.listSeparators));
    }
    if (lists.lead.length + lists.support.length + lists.unsplit.length === 0) continue;
    const task = cleanTask(taskCell.text.split(/[。\n]/)[0] ?? taskCell.text);
    if (!task) continue;
    const unsplit = lists.lead.length === 0 && lists.support.length === 0;
    const deadline = deadlineCol >= 0 ? row[deadlineCol]?.text.trim() : undefined;
    // As in an annotation: beside a lead, 责任单位 names the units that share the task (support).
    const hasLead = lists.lead.length > 0;
    out.push({
      ...(deadline ? { deadline } : {}),
      task,
      lead: unsplit ? lists.unsplit.slice(0, 1) : hasLead ? lists.lead : lists.unsplit,
      support: unsplit ? lists.unsplit.slice(1) : hasLead ? [...lists.unsplit, ...lists.support] : lists.support,
      roles: unsplit ? 'unsplit' : 'split',
      start: taskCell.start,
      end: taskCell.end,
      row: r,
      col: taskCol,
      table: table.index,
      sectionPath: table.sectionPath,
    });
  }
  return mergeCarriedRows(out);
}

/**
 * A role cell that writes its own roles overrides its column's label:
 * 区司法局牵头，区市场监管局配合 (role words after the names), or
 * 市发展改革委（牵头）、市财政局 (a role in brackets after a name; the others
 * keep the column's role). Null where the cell names no role of its own.
 */
function rolesInCell(
  text: string,
  columnRole: Role,
  rules: CompiledResponsibilityRules,
  isUnit: (name: string) => boolean,
  isNamedUnit: (name: string) => boolean,
): { lead: string[]; support: string[] } | null {
  const markers = rules.raw.inlineRoles.filter((m) => m.role !== 'unsplit');
  const bracketed = (name: string) => markers.find((m) => new RegExp(`[（(]\\s*${m.marker}\\s*[）)]$`, 'u').test(name));
  const names = splitUnitList(text, rules.raw.listSeparators);
  if (names.some((n) => bracketed(n))) {
    const out = { lead: [] as string[], support: [] as string[] };
    for (const name of names) {
      const marker = bracketed(name);
      const unit = marker ? name.replace(/[（(][^（）()]*[）)]$/u, '').trim() : name;
      // Beside a marked lead, the unmarked names of a 责任单位 column share the task: support.
      const role = marker?.role ?? (columnRole === 'lead' ? 'lead' : 'support');
      (role === 'lead' ? out.lead : out.support).push(unit);
    }
    return out.lead.length > 0 ? out : null;
  }
  if (!markers.some((m) => text.includes(m.marker))) return null;
  const parsed = parseRoleContent(text, rules, isUnit, isNamedUnit);
  return parsed && parsed.roles === 'split' && parsed.lead.length > 0 ? { lead: parsed.lead, support: parsed.support } : null;
}

/** A task cell merged over several rows is one task: its rows' units are pooled. */
function mergeCarriedRows(rows: TableResponsibility[]): TableResponsibility[] {
  const out: TableResponsibility[] = [];
  for (const r of rows) {
    const prev = out[out.length - 1];
    if (prev && prev.task === r.task && prev.start === r.start) {
      for (const u of r.lead) if (!prev.lead.includes(u)) prev.lead.push(u);
      for (const u of r.support) if (!prev.support.includes(u)) prev.support.push(u);
    } else out.push({ ...r, lead: [...r.lead], support: [...r.support] });
  }
  return out;
}
