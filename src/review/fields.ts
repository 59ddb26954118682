/**
 * What a reviewer types → record fields. Values arrive as text (CLI flags,
 * a web form); each field is checked here, once, so the CLI and the web app
 * accept exactly the same corrections. Editing a value or unit recomputes the
 * base value (13.5 万件 → 135000 件) with the unit rules; naming an indicator
 * links it to the canonical indicator whose name or alias it is.
 */
import { UnitTable } from '../extract/common/units.js';
import { RuleSet } from '../rules/index.js';
import { squeeze } from '../text/names.js';
import type { Db } from '../store/index.js';
import { ReviewInputError } from './queue.js';
import type { Fields, RecordType } from '../records/index.js';
import { kindOf } from './records.js';

export type FieldPatch = Record<string, string | number | string[] | null | undefined>;

export interface PatchContext {
  /** Unit rules for base values; default: the rules directory. */
  units?: UnitTable;
  rules?: RuleSet;
}

const COMPARATORS = ['>=', '>', '=', '~', '<=', '<'];
const COMPARATOR_WORDS: Record<string, string> = { '≥': '>=', '≤': '<=', '＞': '>', '＜': '<', 约: '~', 左右: '~' };
/** Field names a person may type, and the column they mean. */
const ALIASES: Record<string, string> = {
  'indicator-id': 'indicator_id',
  indicatorId: 'indicator_id',
  'value-max': 'value_max',
  valueMax: 'value_max',
  'canonical-id': 'canonical_id',
  canonicalId: 'canonical_id',
  'canonical-name': 'canonical_name',
  canonicalName: 'canonical_name',
};

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && (v.trim() === '' || v.trim() === 'null' || v.trim() === '-'));

function number(name: string, v: unknown): number | null {
  if (blank(v)) return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[,，\s]/g, ''));
  if (!Number.isFinite(n)) throw new ReviewInputError(`--${name}: '${v}' is not a number`);
  return n;
}

function text(v: unknown): string | null {
  return blank(v) ? null : String(v).trim();
}

function list(v: unknown): string[] {
  if (blank(v)) return [];
  if (Array.isArray(v))
    return v
      .map(String)
      .map((s) => s.trim())
      .filter(Boolean);
  return String(v)
    .split(/[、,，;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function yearMonth(name: string, v: unknown): string | null {
  const t = text(v);
  if (t === null) return null;
  if (!/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(t)) throw new ReviewInputError(`--${name}: '${t}' is not YYYY or YYYY-MM`);
  return t;
}

export function normalisePatch(db: Db, type: RecordType, patch: FieldPatch, current: Fields, context: PatchContext = {}): Fields {
  const kind = kindOf(type);
  const out: Fields = {};
  for (const [rawName, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const name = ALIASES[rawName] ?? rawName.replace(/-/g, '_');
    if (!kind.fields.includes(name)) throw new ReviewInputError(`--${rawName}: a ${type} has no such field (it has ${kind.fields.join(', ')})`);
    out[name] = fieldValue(db, type, name, value);
  }
  if (type === 'quantity') {
    if ('indicator' in out && !('indicator_id' in out)) {
      // A renamed indicator links where the name is a known one; an unknown name keeps no stale link.
      out.indicator_id = linkIndicator(db, out.indicator as string | null);
    }
    if ('value' in out || 'unit' in out || 'value_max' in out) Object.assign(out, baseValue({ ...current, ...out }, context));
  }
  return out;
}

function fieldValue(db: Db, type: RecordType, name: string, value: unknown): unknown {
  switch (name) {
    case 'value':
    case 'value_max':
      return number(name, value);
    case 'year': {
      const n = number(name, value);
      if (n !== null && (!Number.isInteger(n) || n < 1900 || n > 2200)) throw new ReviewInputError(`--year: '${value}' is not a year`);
      return n;
    }
    case 'kind': {
      const t = text(value);
      if (t !== 'target' && t !== 'actual') throw new ReviewInputError(`--kind: '${value}' is not target or actual`);
      return t;
    }
    case 'comparator': {
      const t = text(value);
      if (t === null) return null;
      const c = COMPARATOR_WORDS[t] ?? t;
      if (!COMPARATORS.includes(c)) throw new ReviewInputError(`--comparator: '${value}' is not one of ${COMPARATORS.join(' ')}`);
      return c;
    }
    case 'indicator_id': {
      const t = text(value);
      if (t !== null && !db.prepare('SELECT 1 FROM indicators WHERE id = ?').get(t)) {
        throw new ReviewInputError(`--indicator-id: '${t}' is no indicator in the catalogue (rules/indicators/) (see \`planlens indicators\`)`);
      }
      return t;
    }
    case 'roles': {
      const t = text(value);
      if (t !== 'split' && t !== 'unsplit') throw new ReviewInputError(`--roles: '${value}' is not split or unsplit`);
      return t;
    }
    case 'lead':
    case 'support':
      return list(value);
    case 'start':
    case 'end':
      return type === 'milestone' ? yearMonth(name, value) : value;
    default:
      return text(value);
  }
}

/** The canonical indicator a name (or alias) stands for, compared without blanks. */
export function linkIndicator(db: Db, name: string | null): string | null {
  if (!name) return null;
  const wanted = squeeze(name);
  for (const row of db.prepare('SELECT id, name, aliases FROM indicators').all() as Array<{ id: string; name: string; aliases: string }>) {
    if (squeeze(row.name) === wanted || (JSON.parse(row.aliases) as string[]).some((a) => squeeze(a) === wanted)) return row.id;
  }
  return null;
}

function baseValue(fields: Fields, context: PatchContext): Fields {
  const unit = fields.unit as string | null;
  const value = fields.value as number | null;
  const units = context.units ?? UnitTable.load(context.rules ?? new RuleSet());
  const parsed = unit ? units.parse(unit) : null;
  if (!parsed || value === null) return { value_base: value, unit_base: parsed?.base || unit };
  return { value_base: value * parsed.multiplier, unit_base: parsed.base || unit };
}
