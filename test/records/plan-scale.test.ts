/**
 * Figures as people read them: in the plan's own scale (600亿元, 13.5万件),
 * rounded for reading, never as base units (60000000000 元).
 */
import { describe, expect, it } from 'vitest';
import { formatFigure, formatRecordFigure, roundForReading, scaleOfRecord, type FigureOptions } from '../../src/records/plan-scale.js';

describe('formatFigure: a base value with no plan scale reads with a magnitude word', () => {
  const cases: Array<[value: number | null, unit: string | null, options: FigureOptions, shown: string]> = [
    [60_000_000_000, '元', {}, '600亿元'],
    [135_000, '件', {}, '13.5万件'],
    [19_000, '件', {}, '19000件'],
    [12_482, '件', {}, '12482件'],
    [500, '家', {}, '500家'],
    [42.3425, 'percent', {}, '42.34%'],
    [8.6, '%', {}, '8.6%'],
    [123_456_789, '元', {}, '1.235亿元'],
    [2_000_000_000_000, '元', {}, '2万亿元'],
    [697_000_000, '人', {}, '6.97亿人'],
    [1_500_000, 'USD', {}, '150万美元'],
    [250, '倍', {}, '250倍'],
    [null, '元', {}, ''],
    [60_000_000_000, '元', { comparator: '>=' }, '≥600亿元'],
    [100, '人', { comparator: '~' }, '约100人'],
    [100, '人', { comparator: '=' }, '100人'],
    [3, '家', { valueMax: 5 }, '3—5家'],
    [120.75, '件', { asWritten: true }, '120.75件'],
    [120.75, '件', {}, '120.8件'],
  ];
  for (const [value, unit, options, shown] of cases) {
    it(`${value} ${unit} ${JSON.stringify(options)} → '${shown}'`, () => expect(formatFigure(value, unit, options)).toBe(shown));
  }
});

describe('formatFigure: with the scale of the plan that wrote the target', () => {
  const target600yi = scaleOfRecord({ value: 600, unit: '亿元', value_base: 6e10, unit_base: '元' });
  const target135wan = scaleOfRecord({ value: 13.5, unit: '万件', value_base: 135_000, unit_base: '件' });
  const cases: Array<[value: number, unit: string, options: FigureOptions, shown: string]> = [
    [48_730_000_000, '元', { scale: target600yi }, '487.3亿元'],
    [6e10, '元', { scale: target600yi, comparator: '>' }, '>600亿元'],
    [130_000, '件', { scale: target135wan }, '13万件'],
    [9_000, '件', { scale: target135wan }, '0.9万件'],
  ];
  for (const [value, unit, options, shown] of cases) {
    it(`${value} ${unit} in ${options.scale?.unit} → '${shown}'`, () => expect(formatFigure(value, unit, options)).toBe(shown));
  }
});

describe('formatRecordFigure: a record reads as the plan wrote it', () => {
  const cases: Array<[record: Parameters<typeof formatRecordFigure>[0], shown: string]> = [
    [{ value: 600, unit: '亿元', value_base: 6e10, unit_base: '元', comparator: '>' }, '>600亿元'],
    [{ value: 13.5, unit: '万件', value_base: 135_000, unit_base: '件', comparator: '>=' }, '≥13.5万件'],
    // 200亿 with the measure taken from the indicator (元): the reader sees 200亿元.
    [{ value: 200, unit: '亿', value_base: 2e10, unit_base: '元', comparator: '>' }, '>200亿元'],
    [{ value: 5, unit: '万', value_base: 50_000, unit_base: '人次' }, '5万人次'],
    [{ value: 3, value_max: 5, unit: '家', value_base: 3, unit_base: '家' }, '3—5家'],
    // The plan's own figure is never rounded: 120.75件 is what it says.
    [{ value: 42.3425, unit: '%', value_base: 42.3425, unit_base: 'percent' }, '42.3425%'],
    [{ value: 120.75, unit: '件', value_base: 120.75, unit_base: '件', comparator: '>=' }, '≥120.75件'],
    // A table cell whose unit is in the header: the base unit is all there is.
    [{ value: 11, unit: null, value_base: 11, unit_base: '家' }, '11家'],
    [{ value: 1000, unit: '家', value_base: 1000, unit_base: '家' }, '1000家'],
    [{ value: null, unit: null, value_base: null, unit_base: null }, ''],
    [{ value: null, unit: null, value_base: null, unit_base: null, comparator: '=', qualitative: '全覆盖' }, '全覆盖'],
  ];
  for (const [record, shown] of cases) {
    it(`${JSON.stringify(record)} → '${shown}'`, () => expect(formatRecordFigure(record)).toBe(shown));
  }
});

describe('roundForReading', () => {
  const cases: Array<[number, string]> = [
    [19000.4, '19000'],
    [42.3425, '42.34'],
    [6.974, '6.974'],
    [0.123456, '0.1235'],
    [1234.5, '1235'],
    [-12.345, '-12.35'],
  ];
  for (const [value, shown] of cases) it(`${value} → ${shown}`, () => expect(roundForReading(value)).toBe(shown));
});
