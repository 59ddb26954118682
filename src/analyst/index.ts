/**
 * The analyst queries: cross-plan comparison over the analyst views
 * (targets, actuals, progress, compare; SQL in src/store/schema) and the
 * queries behind `planlens query|compare|progress|
 * indicators|departments|tasks` and the csv/json/xlsx exports.
 */
export {
  matchIndicator,
  resolveIndicator,
  describeMatch,
  describeRefusal,
  type IndicatorMatch,
  type IndicatorRefusal,
  type IndicatorResolution,
} from './indicator-match.js';
export { NameAnalyser, type Measure, type NameParts } from '../text/indicator-names/compare.js';
export { withMeasures, type MeasuredRow } from './measures.js';
// indicator-groups.ts (natural) and text/indicator-names/rules.ts (yaml, zod) are imported where they are used.
export type { IndicatorGroup, GroupMember } from './indicator-groups.js';
export { matchRegions, type RegionMatch } from './regions.js';
export { queryQuantities, knownCategories, flagKinds, type QuantityFilters, type QuantityRow } from './quantities.js';
export { queryProgress, type ProgressFilters, type ProgressRow } from './progress.js';
export { indicatorUsage, unlinkedNames, type IndicatorUsage, type UnlinkedName } from './indicators.js';
export { departmentSummaries, departmentTasks, type DepartmentSummary, type DepartmentTask, type TaskResult } from './departments.js';
export { ANALYST_TABLES, readAnalystTable, selectTables, headersOf, hasDocuments, type AnalystTable, type AnalystColumn } from './tables.js';
