/**
 * The tables an analyst export holds (csv, json, xlsx write the same ones),
 * each with its columns in order and a Chinese header for every column, so
 * every format has the same rows and the same column meaning.
 */
import { planLabelSql } from '../records/plan-label.js';
import type { Db } from '../store/index.js';
import { departmentSummaries } from './departments.js';
import { queryProgress } from './progress.js';
import type { ProgressWords } from './progress-words.js';

/** A plan's title, else its region, type and year. */
const PLAN_LABEL = planLabelSql('d');

export interface AnalystColumn {
  key: string;
  chinese: string;
}

export interface AnalystTable {
  name: string;
  description: string;
  columns: AnalystColumn[];
  /** `words`: rules/progress.yaml, which the progress table needs (analyst/progress-rules.ts loads it). */
  read(db: Db, words?: ProgressWords): Array<Record<string, unknown>>;
}

const cols = (spec: Array<[string, string]>): AnalystColumn[] => spec.map(([key, chinese]) => ({ key, chinese }));

const PLAN_COLUMNS: Array<[string, string]> = [
  ['plan_id', '规划编号'],
  ['plan_title', '规划名称'],
  ['plan_type', '文件类型'],
  ['region', '地区'],
  ['region_code', '行政区划代码'],
  ['region_level', '行政级别'],
];

const QUANTITY_COLUMNS = cols([
  ['quantity_id', '记录编号'],
  ...PLAN_COLUMNS,
  ['issuer', '发文机关'],
  ['issued', '发布日期'],
  ['plan_start', '规划起始年'],
  ['plan_end', '规划终止年'],
  ['indicator_id', '指标编号'],
  ['indicator_name', '指标名称'],
  ['indicator_as_written', '原文指标'],
  ['category', '指标类别'],
  ['value', '原文数值'],
  ['value_max', '原文数值上限'],
  ['unit', '原文单位'],
  ['comparator', '比较符'],
  ['year', '年份'],
  ['value_base', '标准数值'],
  ['unit_base', '标准单位'],
  ['cumulative', '累计'],
  ['per_year', '每年'],
  ['qualitative', '定性描述'],
  ['status', '完成状态'],
  ['flags', '待核标记'],
  ['section_path', '章节'],
  ['page', '页码'],
  ['quote', '原文'],
  ['sentence', '原文句子'],
  ['review_status', '人工审核'],
  ['reviewed_by', '审核人'],
  ['document_path', '文件路径'],
]);

const fromView = (view: string, columns: AnalystColumn[], order: string) => (db: Db) =>
  db.prepare(`SELECT ${columns.map((c) => `"${c.key}"`).join(', ')} FROM ${view} ORDER BY ${order}`).all() as Array<Record<string, unknown>>;

const targets: AnalystTable = {
  name: 'targets',
  description: 'targets of primary renderings, raw and in base units',
  columns: QUANTITY_COLUMNS,
  read: fromView('targets', QUANTITY_COLUMNS, 'plan_id, quantity_id'),
};

const actuals: AnalystTable = {
  name: 'actuals',
  description: 'reported values of primary renderings, raw and in base units',
  columns: QUANTITY_COLUMNS,
  read: fromView('actuals', QUANTITY_COLUMNS, 'plan_id, quantity_id'),
};

const PROGRESS_COLUMNS = cols([
  ['quantity_id', '目标记录编号'],
  ...PLAN_COLUMNS,
  ['indicator_id', '指标编号'],
  ['indicator_name', '指标名称'],
  ['category', '指标类别'],
  ['target_value', '目标值'],
  ['unit', '单位'],
  ['comparator', '比较符'],
  ['due_year', '目标年份'],
  ['baseline_value', '基期值'],
  ['baseline_year', '基期年份'],
  ['measure', '指标性质（流量/存量）'],
  ['actual_value', '最新实际值'],
  ['actual_from_year', '累加起始年份'],
  ['actual_year', '实际值年份'],
  ['actual_plan_id', '实际值来源规划'],
  ['share_achieved', '完成比例'],
  ['expected_value', '序时进度应达值'],
  ['on_track', '进度判断'],
  ['stated_status', '文件所述进度'],
  ['stated_verdict', '文件所述进度判断'],
  ['status_conflict', '与文件所述进度矛盾'],
  ['section_path', '章节'],
  ['sentence', '原文'],
]);

const progress: AnalystTable = {
  name: 'progress',
  description: 'each target against the latest actual for its region and indicator',
  columns: PROGRESS_COLUMNS,
  // Not the bare view: flows summed and the plan's verdict read as `planlens progress` does (analyst/progress.ts).
  read: (db, words) => {
    if (!words) throw new Error('the progress table needs the words of rules/progress.yaml');
    return queryProgress(db, {}, words)
      .sort((a, b) => a.plan_id - b.plan_id || a.quantity_id - b.quantity_id)
      .map((r) => Object.fromEntries(PROGRESS_COLUMNS.map((c) => [c.key, (r as unknown as Record<string, unknown>)[c.key]])));
  },
};

const RESPONSIBILITY_COLUMNS = cols([
  ['responsibility_id', '任务编号'],
  ['plan_id', '规划编号'],
  ['plan_title', '规划名称'],
  ['region', '地区'],
  ['task', '任务'],
  ['roles', '分工方式'],
  ['lead', '牵头单位'],
  ['support', '配合单位'],
  ['listed', '责任单位'],
  ['section_path', '章节'],
  ['page', '页码'],
  ['sentence', '原文'],
]);

const responsibilities: AnalystTable = {
  name: 'responsibilities',
  description: 'tasks with their lead and support units, or their 责任单位 where the text does not say who leads (units joined with 、)',
  columns: RESPONSIBILITY_COLUMNS,
  read: (db) =>
    db
      .prepare(
        `SELECT r.id AS responsibility_id, d.plan_id, ${PLAN_LABEL} AS plan_title, d.region, r.task, r.roles,
           -- An unsplit list (责任单位：A、B) is stored as lead = first unit; the text names no lead, so it is shown as listed.
           CASE WHEN r.roles = 'unsplit' THEN NULL ELSE (SELECT group_concat(name, '、') FROM (SELECT name FROM responsibility_units WHERE responsibility_id = r.id AND role = 'lead' ORDER BY position)) END AS lead,
           CASE WHEN r.roles = 'unsplit' THEN NULL ELSE (SELECT group_concat(name, '、') FROM (SELECT name FROM responsibility_units WHERE responsibility_id = r.id AND role = 'support' ORDER BY position)) END AS support,
           CASE WHEN r.roles = 'unsplit' THEN (SELECT group_concat(name, '、') FROM (SELECT name FROM responsibility_units WHERE responsibility_id = r.id ORDER BY role = 'support', position)) END AS listed,
           r.section_path, r.page, r.sentence
         FROM responsibilities r JOIN primary_documents d ON d.id = r.document_id ORDER BY d.plan_id, r.idx`,
      )
      .all() as Array<Record<string, unknown>>,
};

const MILESTONE_COLUMNS = cols([
  ['milestone_id', '节点编号'],
  ['plan_id', '规划编号'],
  ['plan_title', '规划名称'],
  ['region', '地区'],
  ['what', '事项'],
  ['start', '开始'],
  ['end', '截止'],
  ['recurring', '周期'],
  ['section_path', '章节'],
  ['page', '页码'],
  ['sentence', '原文'],
]);

const milestones: AnalystTable = {
  name: 'milestones',
  description: 'dated stages and deadlines',
  columns: MILESTONE_COLUMNS,
  read: (db) =>
    db
      .prepare(
        `SELECT m.id AS milestone_id, d.plan_id, ${PLAN_LABEL} AS plan_title, d.region, m.what, m.start, m."end", m.recurring,
           m.section_path, m.page, m.sentence
         FROM milestones m JOIN primary_documents d ON d.id = m.document_id ORDER BY d.plan_id, m.span_start`,
      )
      .all() as Array<Record<string, unknown>>,
};

const departments: AnalystTable = {
  name: 'departments',
  description: 'units with their number of tasks as lead and as support',
  columns: cols([
    ['department', '部门'],
    ['canonical_id', '部门编号'],
    ['lead', '牵头任务数'],
    ['support', '配合任务数'],
    ['listed', '责任任务数（未分牵头配合）'],
    ['implicit_support', '全部任务配合（文件数）'],
    ['mentions', '提及次数'],
    ['documents', '文件数'],
    ['regions', '地区'],
    ['written_as', '原文写法'],
  ]),
  read: (db) => departmentSummaries(db) as unknown as Array<Record<string, unknown>>,
};

const DOCUMENT_COLUMNS = cols([
  ['document_id', '文件编号'],
  ['plan_id', '规划编号'],
  ['is_primary', '主版本'],
  ['title', '标题'],
  ['region', '地区'],
  ['level', '行政级别'],
  ['type', '文件类型'],
  ['issuer', '发文机关'],
  ['doc_number', '文号'],
  ['issued', '发布日期'],
  ['period_start', '起始年'],
  ['period_end', '终止年'],
  ['format', '格式'],
  ['pages', '页数'],
  ['path', '文件路径'],
  ['sha256', 'SHA-256'],
]);

const documents: AnalystTable = {
  name: 'documents',
  description: 'every stored rendering; is_primary marks the one the other tables count',
  columns: DOCUMENT_COLUMNS,
  read: (db) =>
    db
      .prepare(
        `SELECT d.id AS document_id, d.plan_id, coalesce(p.primary_document_id = d.id, 0) AS is_primary, d.title, d.region, d.level, d.type,
           d.issuer, d.doc_number, d.issued, d.period_start, d.period_end, d.format, d.pages, d.path, d.sha256
         FROM documents d LEFT JOIN plans p ON p.id = d.plan_id ORDER BY d.plan_id, is_primary DESC, d.id`,
      )
      .all() as Array<Record<string, unknown>>,
};

/** In the order the exports write them (xlsx sheet order). */
export const ANALYST_TABLES: readonly AnalystTable[] = [targets, actuals, progress, responsibilities, milestones, departments, documents];

export function readAnalystTable(db: Db, name: string, words?: ProgressWords): Array<Record<string, unknown>> {
  const table = ANALYST_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`unknown table '${name}' (one of ${ANALYST_TABLES.map((t) => t.name).join(', ')})`);
  return table.read(db, words);
}

/** The tables an export writes: all, or the one --table names. */
export function selectTables(names?: string[]): readonly AnalystTable[] {
  if (!names || names.length === 0) return ANALYST_TABLES;
  return names.map((name) => {
    const table = ANALYST_TABLES.find((t) => t.name === name);
    if (!table) throw new Error(`--table '${name}': not one of ${ANALYST_TABLES.map((t) => t.name).join(', ')}`);
    return table;
  });
}

/** Column headers as written out: the keys, or the Chinese names. */
export function headersOf(table: AnalystTable, chinese: boolean): string[] {
  return table.columns.map((c) => (chinese ? c.chinese : c.key));
}

/** Whether the database holds any document at all (an empty export is a mistake to say). */
export function hasDocuments(db: Db): boolean {
  return db.prepare('SELECT 1 FROM documents LIMIT 1').get() !== undefined;
}
