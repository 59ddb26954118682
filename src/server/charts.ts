/**
 * Bar charts drawn as SVG on the server: no chart library, no script, and the
 * numbers in the picture are the numbers in the table beside it. Bars are
 * horizontal so long Chinese region and indicator names stay readable on the
 * category axis.
 */
import { figureNumber } from './figures.js';
import { escapeHtml } from './html.js';

export interface Bar {
  /** Category-axis label (a region, or region + indicator). */
  label: string;
  value: number;
  /** Text after the value: unit and year, e.g. "件 · 2025年". */
  note?: string;
  /** CSS class suffix: bar-target, bar-actual, bar-achieved… */
  kind: string;
  /** Where a click on the bar goes (e.g. the source sentence). */
  href?: string;
  /** Extra data-* attributes, for tests and scripts. */
  data?: Record<string, string | number>;
}

export interface BarChartOptions {
  title: string;
  bars: Bar[];
  /** Draw a reference line at this value (e.g. 100% achieved). */
  reference?: { value: number; label: string };
  /** Value axis formatter. */
  format?: (value: number) => string;
  legend?: Array<{ kind: string; label: string }>;
}

const ROW = 26;
const BAR = 18;
const LABEL_WIDTH = 340;
const PLOT_WIDTH = 560;
const NOTE_WIDTH = 240;
const TOP = 30;

export function barChart(options: BarChartOptions): string {
  const { bars } = options;
  const fmt = options.format ?? ((value: number) => figureNumber({ value }));
  const max = niceCeiling(Math.max(0, ...bars.map((b) => b.value), options.reference?.value ?? 0) || 1);
  const scale = (v: number) => (Math.max(0, v) / max) * PLOT_WIDTH;
  const width = LABEL_WIDTH + PLOT_WIDTH + NOTE_WIDTH;
  const legendHeight = options.legend?.length ? 22 : 0;
  const height = TOP + bars.length * ROW + 24 + legendHeight;
  const parts: string[] = [];
  parts.push(
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
    `<title>${escapeHtml(options.title)}</title>`,
  );
  // Value gridlines at quarters of the largest value.
  for (let i = 0; i <= 4; i++) {
    const x = LABEL_WIDTH + (PLOT_WIDTH * i) / 4;
    parts.push(
      `<line class="grid" x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${TOP + bars.length * ROW}"/>`,
      `<text class="axis" x="${x}" y="${TOP + bars.length * ROW + 16}" text-anchor="middle">${escapeHtml(fmt((max * i) / 4))}</text>`,
    );
  }
  bars.forEach((b, i) => {
    const y = TOP + i * ROW;
    const w = scale(b.value);
    const data = Object.entries(b.data ?? {})
      .map(([k, v]) => ` data-${k}="${escapeHtml(String(v))}"`)
      .join('');
    const label = truncate(b.label, 24);
    const bar =
      `<rect class="bar bar-${b.kind}" x="${LABEL_WIDTH}" y="${y + (ROW - BAR) / 2}" width="${w.toFixed(1)}" height="${BAR}" data-value="${b.value}"${data}>` +
      `<title>${escapeHtml(`${b.label}: ${fmt(b.value)} ${b.note ?? ''}`)}</title></rect>`;
    parts.push(
      `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + ROW / 2 + 5}" text-anchor="end">${escapeHtml(label)}</text>`,
      b.href ? `<a href="${escapeHtml(b.href)}">${bar}</a>` : bar,
      `<text class="value" x="${LABEL_WIDTH + w + 6}" y="${y + ROW / 2 + 5}">${escapeHtml(`${fmt(b.value)}${b.note ? ' ' + b.note : ''}`)}</text>`,
    );
  });
  if (options.reference) {
    const x = LABEL_WIDTH + scale(options.reference.value);
    parts.push(
      `<line class="reference" x1="${x}" y1="${TOP - 10}" x2="${x}" y2="${TOP + bars.length * ROW}"/>`,
      `<text class="axis" x="${x}" y="${TOP - 14}" text-anchor="middle">${escapeHtml(options.reference.label)}</text>`,
    );
  }
  if (options.legend?.length) {
    let x = LABEL_WIDTH;
    const y = height - 8;
    for (const item of options.legend) {
      parts.push(
        `<rect class="bar bar-${item.kind} legend" x="${x}" y="${y - 11}" width="14" height="12"/>`,
        `<text class="axis" x="${x + 19}" y="${y}">${escapeHtml(item.label)}</text>`,
      );
      x += 30 + item.label.length * 13;
    }
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The axis end: the smallest of 1, 2, 2.5, 4, 5, 8, 10 × 10^k at or above the largest value, so quarter gridlines read as round numbers. */
export function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 4, 5, 8, 10].find((m) => m * power >= value - 1e-9) ?? 10;
  return step * power;
}

function truncate(text: string, max: number): string {
  return [...text].length > max ? [...text].slice(0, max - 1).join('') + '…' : text;
}
