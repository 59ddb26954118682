/**
 * What the pages call things: record fields, flag kinds and document types
 * in words, never as the column names the store uses (`idx`, `is_fact`,
 * `cell_table`). One table for the server's pages and, through the document
 * page's JSON, for its script, so a name reads the same everywhere.
 */

/** Record fields as the document panel, the review page and the edit forms show them. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: '编号 record',
  idx: '序号 order in document',
  kind: '类型 kind',
  indicator: '指标 indicator',
  indicator_id: '标准指标 canonical indicator',
  value: '数值 value',
  value_max: '上限 upper value',
  unit: '单位 unit',
  comparator: '比较 comparison',
  year: '年份 year',
  period_start: '起始年 from',
  period_end: '截止年 to',
  cumulative: '累计 cumulative',
  per_year: '每年 per year',
  qualitative: '定性目标 qualitative target',
  status: '文件自述 stated status',
  value_base: '标准值 value in base unit',
  unit_base: '标准单位 base unit',
  is_fact: '计入对比 counts as the fact',
  section_path: '章节 section',
  page: '页码 page',
  sentence_idx: '句序 sentence number',
  cell_table: '表格 table',
  cell_row: '表格行 table row',
  cell_col: '表格列 table column',
  review_status: '审核状态 review status',
  reviewed_by: '审核人 reviewed by',
  reviewed_at: '审核时间 reviewed at',
  review_check: '审核核对 review check',
  name: '名称 name as written',
  canonical_id: '标准部门 canonical department',
  canonical_name: '标准名称 canonical name',
  what: '事项 what',
  start: '开始 start',
  end: '截止 end',
  recurring: '周期性 recurring',
  task: '任务 task',
  lead: '牵头 lead',
  support: '配合 support',
  roles: '分工 roles',
  rule: '规则 rule',
  offsets: '位置 position in text',
  reason: '理由 reason',
};

/** Flag kinds in words; an unknown kind is shown with its dashes as spaces. */
export const FLAG_LABELS: Readonly<Record<string, string>> = {
  'unlinked-indicator': '未关联标准指标 unlinked indicator',
  'linked-by-similarity': '按相似度关联 linked by similarity',
  'value-conflict': '数值不一致 values disagree',
  'year-defaulted': '年份为推定 year assumed',
  'missing-unit': '缺少单位 no unit',
  'unit-from-indicator': '单位取自指标 unit taken from the indicator',
  'unit-from-noun': '单位取自名词 unit taken from the counted noun',
  'unlikely-magnitude': '数量级存疑 unlikely magnitude',
  'qualified-by-section': '由章节限定 qualified by its section',
};

/** Record types as the review queue names them. */
export const RECORD_TYPE_LABELS: Readonly<Record<string, string>> = {
  quantity: '数量 figure',
  department: '部门 department',
  responsibility: '分工 task',
  milestone: '时间节点 milestone',
};

/** Document types in words. */
export const TYPE_LABELS: Readonly<Record<string, string>> = {
  plan: '规划 plan',
  'work-plan': '工作方案 work plan',
  'action-plan': '行动计划 action plan',
  'implementation-plan': '实施方案 implementation plan',
  evaluation: '评估 evaluation',
  notice: '通知 notice',
};

const words = (key: string) => key.replace(/[-_]/g, ' ');

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? words(field);
export const flagLabel = (kind: string | undefined): string => (kind ? (FLAG_LABELS[kind] ?? words(kind)) : '—');
export const typeLabel = (type: string | null): string => (type ? (TYPE_LABELS[type] ?? words(type)) : '—');
export const recordTypeLabel = (type: string): string => RECORD_TYPE_LABELS[type] ?? words(type);

/** Coded field values in words, as the review page and the document panel show them (≥, 目标 target, 是 yes). */
export const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  comparator: { '>=': '≥', '<=': '≤', '~': '约 about', '=': '=', '>': '>', '<': '<' },
  kind: { target: '目标 target', actual: '实际 actual' },
  roles: { split: '分牵头配合 lead and support', unsplit: '未分牵头配合 listed' },
  is_fact: { '1': '是 yes', '0': '否 no (another record holds this fact)' },
  recurring: { '1': '是 yes', '0': '否 no' },
  cumulative: { '1': '是 yes', '0': '否 no' },
  per_year: { '1': '是 yes', '0': '否 no' },
};

export const valueLabel = (field: string, text: string): string => VALUE_LABELS[field]?.[text] ?? text;
