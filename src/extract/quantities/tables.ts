/**
 * Indicator tables: 指标（单位）/ 目标值 / 基期值 / 属性, or an evaluation's
 * 预期目标 / 2021年完成值 / 2022年完成值 / 序时进度. Columns are read by what
 * their headers say (rules/quantity-patterns.yaml tableHeaders), never by
 * position: which is the indicator, which a target, which a completed value
 * and for which year, which the unit, which the status.
 */
import type { Flag, Table, TableCell } from '../../core/state.js';
import { foldWidth } from '../common/text.js';
import { squeeze } from '../../text/names.js';
import { kindOfYear, type DocumentContext, type Kind } from './classify.js';
import type { FigureFinder } from './figures.js';
import { trimName } from './names.js';
import type { Mention } from './prose.js';
import type { QuantityRules, TableRole } from './rules.js';

export interface CellMention extends Mention {
  cell: { table: number; row: number; col: number };
  /** Offsets of the cell in the normalised text. */
  cellStart: number;
  cellEnd: number;
}

interface Column {
  role: TableRole | null;
  kind?: Kind;
  year?: number;
  /** 目标值（%）: a unit the header gives for the whole column. */
  unit?: string;
  /** 年均增长（%）: the column holds a rate of the row's indicator, named by the header. */
  suffix?: string;
}

const EMPTY_VALUE = /^[\s—\-–/／、.…无暂]*$/;

export class TableReader {
  constructor(
    private readonly rules: QuantityRules,
    private readonly figures: FigureFinder,
  ) {}

  read(table: Table, doc: DocumentContext): CellMention[] {
    const header = this.headerRows(table);
    if (header === 0) return [];
    const width = Math.max(...table.rows.map((r) => r.length));
    const columns: Column[] = [];
    for (let c = 0; c < width; c++) columns.push(this.column(table, header, c, doc));
    // A completion rate describes the latest completed value of its row.
    const latestActual = Math.max(
      ...columns.filter((col) => col.role !== 'completion' && col.kind === 'actual' && col.year !== undefined).map((col) => col.year!),
    );
    for (const col of columns) {
      if (col.role === 'completion' && col.year === undefined) {
        const year = Number.isFinite(latestActual) ? latestActual : doc.referenceYear;
        if (year !== null) col.year = year;
      }
    }
    const valueColumns = columns.map((col, c) => ({ ...col, c })).filter((col) => col.kind !== undefined);
    if (valueColumns.length === 0) return [];
    let nameCol = columns.findIndex((col) => col.role === 'indicator');
    if (nameCol < 0) nameCol = this.guessNameColumn(table, header, columns);
    if (nameCol < 0) return [];
    const unitCol = columns.findIndex((col) => col.role === 'unit');
    const statusCol = columns.findIndex((col) => col.role === 'status');
    const headerUnit = this.headerUnit(table, header);

    const out: CellMention[] = [];
    for (let r = header; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      const nameCell = row[nameCol];
      if (!nameCell || nameCell.text.trim() === '') continue;
      const { name, unit: nameUnit } = this.splitName(nameCell.text);
      if (name.length < 2) continue;
      const rowUnit = (unitCol >= 0 ? this.unitOf(row[unitCol]?.text ?? '') : null) ?? nameUnit ?? headerUnit;
      const status = statusCol >= 0 ? squeeze(row[statusCol]?.text ?? '') : '';
      // A completed value often leaves the unit to the target cell of its row (50 件 | 39.79).
      let target: { unit: string; value: number } | null = null;
      const rowMentions: CellMention[] = [];
      for (const col of valueColumns) {
        const cell = row[col.c];
        if (!cell || cell.carried) continue;
        const mention = col.suffix
          ? this.readCell(cell, col, name + col.suffix, col.unit ?? this.rules.patterns.growthColumnUnit)
          : this.readCell(cell, col, name, rowUnit ?? col.unit ?? null);
        if (!mention) continue;
        if (mention.kind === 'target' && !col.suffix && mention.unit && mention.value !== null) target = { unit: mention.unit, value: mention.value };
        if (mention.kind === 'target' && status && !EMPTY_VALUE.test(status)) mention.status = status;
        rowMentions.push({ ...mention, cell: { table: table.index, row: r, col: col.c }, cellStart: cell.start, cellEnd: cell.end });
      }
      for (const m of rowMentions) {
        // Only when the magnitudes agree: ＞5 万 over 10009 means 5万 persons and 10009 persons.
        if (m.unit === null && m.value !== null && target && plausiblySameUnit(m.value, target.value)) {
          const parsed = this.rules.units.parse(target.unit);
          m.unit = target.unit;
          m.unitBase = parsed?.base ?? null;
          m.multiplier = parsed?.multiplier ?? 1;
          m.flags = m.flags.filter((f) => f.kind !== 'missing-unit');
        }
      }
      out.push(...rowMentions);
    }
    return out;
  }

  /** The table's own header count, or the first row if it reads as a header. */
  private headerRows(table: Table): number {
    let header = table.headerRows;
    if (header === 0) {
      const first = table.rows[0];
      if (!first) return 0;
      const roles = first.map((cell) => this.roleOf(cell.text)).filter((r) => r !== null);
      header = roles.length >= 2 ? 1 : 0;
    }
    // 规划值 | 属性 over a row of years alone (2020年 | 2025年): that row is header too.
    while (header > 0 && header < table.rows.length - 1 && this.isHeaderContinuation(table.rows[header]!)) header++;
    return header;
  }

  private isHeaderContinuation(row: TableCell[]): boolean {
    const texts = row
      .filter((cell) => !cell.carried)
      .map((cell) => squeeze(foldWidth(cell.text)))
      .filter((t) => t !== '');
    return texts.length > 0 && texts.every((t) => /^(?:\d{4}年[^\d]{0,6}|[^\d]{1,8})$/.test(t) && (/\d{4}年/.test(t) || this.roleOf(t) !== null));
  }

  private roleOf(text: string): TableRole | null {
    // 指标（单位） is the indicator column; the bracket only says where units are.
    const t = squeeze(foldWidth(text)).replace(/[（(][^（）()]*[）)]/g, '') || squeeze(text);
    for (const h of this.rules.patterns.tableHeaders) if (h.words.some((w) => t.includes(w))) return h.role;
    return null;
  }

  private column(table: Table, header: number, c: number, doc: DocumentContext): Column {
    const parts: string[] = [];
    for (let r = 0; r < header; r++) {
      const text = squeeze(table.rows[r]?.[c]?.text ?? '');
      if (text && !parts.includes(text)) parts.push(text);
    }
    const text = parts.join('');
    const role = this.roleOf(text);
    const yearMatch = /(\d{4})年/.exec(text);
    const year = yearMatch ? Number(yearMatch[1]) : undefined;
    const bracket = /[（(]([^（）()]{1,8})[）)]/.exec(foldWidth(text));
    const unit = bracket ? (this.unitOf(bracket[1]!.replace(/^单位[:：]/, '')) ?? undefined) : undefined;
    const withUnit = unit ? { unit } : {};
    // 规划值 over 2020年 | 2025年: a group header spans the columns; the year under it says which is which.
    const lowest = parts.at(-1);
    if (parts.length > 1 && lowest && this.roleOf(lowest) === null) {
      const lowYear = /(\d{4})年/.exec(lowest);
      if (lowYear) return { role: null, kind: kindOfYear(Number(lowYear[1]), doc), year: Number(lowYear[1]), ...withUnit };
    }
    if (role === 'growth' || role === 'completion') {
      // 年均增长（%）, 完成率: a rate of the row's indicator, named by the header word.
      const suffix = this.rules.patterns.tableHeaders.find((h) => h.role === role)!.words.find((w) => text.includes(w))!;
      if (role === 'growth') return { role, kind: 'target', year: year ?? doc.period?.[1], suffix, ...withUnit };
      return { role, kind: 'actual', ...(year !== undefined ? { year } : {}), suffix, ...withUnit };
    }
    if (role === 'target') return { role, kind: 'target', year: year ?? doc.period?.[1], ...withUnit };
    if (role === 'actual') return { role, kind: 'actual', year: year ?? (doc.period ? doc.period[0] - 1 : undefined), ...withUnit };
    if (role === null && year !== undefined) return { role, kind: kindOfYear(year, doc), year, ...withUnit };
    return { role };
  }

  /** Without an 指标 header, the name column is the first whose body is mostly words. */
  private guessNameColumn(table: Table, header: number, columns: Column[]): number {
    for (let c = 0; c < columns.length; c++) {
      if (columns[c]!.role !== null || columns[c]!.kind !== undefined) continue;
      const body = table.rows.slice(header).map((r) => squeeze(r[c]?.text ?? ''));
      const wordy = body.filter((t) => /[\u4e00-\u9fff]{3,}/.test(t)).length;
      if (wordy >= body.length / 2) return c;
    }
    return -1;
  }

  /** （单位：件） in a header cell applies to every row. */
  private headerUnit(table: Table, header: number): string | null {
    for (let r = 0; r < header; r++) {
      for (const cell of table.rows[r] ?? []) {
        const m = /单位[:：]\s*([^）)\s]+)/.exec(foldWidth(cell.text));
        if (m) return this.unitOf(m[1]!);
      }
    }
    return null;
  }

  private unitOf(text: string): string | null {
    const parsed = this.rules.units.parse(squeeze(foldWidth(text)));
    return parsed && parsed.base !== '' ? parsed.unit : null;
  }

  /** 累计知识产权交易额（亿元） → name and unit. */
  private splitName(text: string): { name: string; unit: string | null } {
    // 1.每万人口高价值发明专利拥有量: the row's number is no part of the name.
    let name = squeeze(foldWidth(text)).replace(/^(?:\d{1,2}[.、．]|[（(]\d{1,2}[）)]|[①-⑳])/, '');
    let unit: string | null = null;
    const m = /[（(]([^（）()]{1,10})[）)]$/.exec(name);
    if (m) {
      // 件/万人, 亿元/年: the unit is what stands before the slash.
      const parsed = this.unitOf(m[1]!.split(/[/／]/)[0]!);
      if (parsed) {
        unit = parsed;
        name = name.slice(0, m.index);
      }
    }
    return { name: trimName(name), unit };
  }

  private readCell(cell: TableCell, col: { kind?: Kind; year?: number }, name: string, rowUnit: string | null): Mention | null {
    let text = foldWidth(cell.text).trim();
    if (EMPTY_VALUE.test(text)) return null;
    // 〔14〕: a total over the plan period.
    const bracket = this.rules.patterns.cumulativeBrackets.find(([open, close]) => text.startsWith(open) && text.endsWith(close));
    if (bracket) text = ' '.repeat(bracket[0].length) + text.slice(bracket[0].length, text.length - bracket[1].length);
    const kind = col.kind!;
    const year = col.year ?? null;
    const base = {
      kind,
      indicator: name,
      year,
      rule: 'quantity.table',
      ...(name.includes('累计') || bracket ? { cumulative: true } : {}),
    };
    for (const q of this.rules.patterns.qualitative) {
      const word = q.words.find((w) => text.includes(w));
      if (word && kind === 'target') {
        return {
          ...base,
          value: null,
          unit: null,
          unitBase: null,
          multiplier: 1,
          comparator: '=',
          qualitative: word,
          start: 0,
          end: text.length,
          rule: q.id,
          flags: [],
        };
      }
    }
    const figure = this.figures.find(text, { cell: true })[0];
    if (!figure) return null;
    // A cell is a value, not prose: the figure must be most of it.
    if (squeeze(text).length > squeeze(text.slice(figure.start, figure.end)).length + 4) return null;
    const flags: Flag[] = [];
    let unit = figure.unit;
    let unitBase = figure.unitBase;
    let multiplier = figure.multiplier;
    if (unit !== null && unitBase === '') {
      // ＞600 亿 with 亿元 from the name: the magnitude was written, the unit left to the context.
      const context = rowUnit ? this.rules.units.parse(rowUnit) : null;
      if (context && context.magnitude === figure.unit) {
        unit = context.unit;
        unitBase = context.base;
      } else if (context && context.magnitude === '') {
        unit = figure.unit + context.unit;
        unitBase = context.base;
      } else {
        flags.push({ kind: 'missing-unit', reason: `the cell gives only the magnitude '${figure.unit}' and neither the row nor the header names the unit` });
      }
    } else if (unit === null) {
      if (rowUnit) {
        const parsed = this.rules.units.parse(rowUnit)!;
        unit = parsed.unit;
        unitBase = parsed.base;
        multiplier = parsed.multiplier;
      } else {
        flags.push({ kind: 'missing-unit', reason: 'the cell has no unit and neither the indicator, a unit column nor the header gives one' });
      }
    }
    if (year === null) flags.push({ kind: 'year-defaulted', reason: 'the column header names no year and the plan period is unknown' });
    return {
      ...base,
      value: figure.value,
      ...(figure.valueMax !== undefined ? { valueMax: figure.valueMax } : {}),
      unit,
      unitBase,
      multiplier,
      comparator: figure.comparator,
      start: figure.numberStart,
      end: figure.end,
      flags,
    };
  }
}

function plausiblySameUnit(value: number, reference: number): boolean {
  if (reference === 0 || value === 0) return true;
  const ratio = Math.abs(value / reference);
  return ratio >= 1e-3 && ratio <= 1e3;
}
