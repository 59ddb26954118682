/**
 * Figures of a support policy that set no goal: grants and awards (给予每家
 * 最高500万元补助), caps on support (支持金额最高可至3000万元), the
 * thresholds that qualify for them (年销售收入首次达到2000万元的，给予…),
 * the rules an application must meet (标准数量不宜少于5项) and definitions.
 * Measures documents are full of them; a plan's goals never read this way.
 */
import type { Figure } from './figures.js';
import type { QuantityRules } from './rules.js';
import { squeeze } from '../../text/names.js';

const MONEY = new Set(['元', 'USD', 'EUR']);

/** Why the figure is a policy parameter, or null when it may be a goal. */
export function policyParameter(text: string, clauseStart: number, clauseEnd: number, figure: Figure, rules: QuantityRules): string | null {
  const p = rules.patterns.policyParameters;
  const clause = squeeze(text.slice(clauseStart, clauseEnd));
  const money = figure.unitBase !== null && MONEY.has(figure.unitBase);
  if (p.grantVerbs.some((w) => clause.includes(w))) return 'a grant (给予…) in its clause';
  const before = squeeze(text.slice(clauseStart, figure.numberStart));
  const beforeComparator = squeeze(text.slice(clauseStart, figure.start));
  if (p.ruleModals.some((w) => beforeComparator.endsWith(w))) return 'an admission rule (不宜少于…)';
  // 各省推荐项目不超过10个: how many nominations a notice accepts, not a goal.
  if ((figure.comparator === '<=' || figure.comparator === '<') && p.quotaVerbs.some((w) => beforeComparator.includes(w)))
    return 'a quota of nominations (推荐…不超过)';
  if (p.definitionWords.some((w) => clause.includes(w))) return 'a definition (…是指…)';
  if (p.caps.some((w) => before.endsWith(w) || before.endsWith(`${w}${figure.comparatorWord}`))) return 'a cap on support (最高…)';
  if (p.amountNouns.some((w) => before.includes(w))) return 'an amount of support';
  // 支持200家中小企业 counts firms to support: only money right after a grant word is a grant.
  if (money && p.grantNouns.some((w) => before.endsWith(w) || before.endsWith(`${w}${figure.comparatorWord}`))) return 'a grant (奖励50万元)';
  if (money && p.perRecipient.some((w) => before.includes(w))) return 'an amount per recipient (每家…万元)';
  const after = squeeze(text.slice(figure.end, clauseEnd));
  const grantAfter = after.replace(new RegExp(`^(?:${p.grantNounLeadIns.join('|')})*`, 'u'), '');
  if (money && p.grantNouns.some((w) => grantAfter.startsWith(w))) return 'a grant (…万元补助)';
  if (p.conditionEndings.some((w) => after.endsWith(w)) && clauseEnd < text.length && /[，,]/.test(text[clauseEnd]!)) return 'a qualifying threshold (…的，)';
  return null;
}
