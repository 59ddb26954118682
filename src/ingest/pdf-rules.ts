/**
 * A ruled table's lines as PDF writers draw them. pdf-parse's getTable() sees
 * only stroked paths; browsers (Chromium's Skia) and word processors' PDF
 * export draw cell borders as filled hairline rectangles instead, so their
 * tables would never be found. A filled rectangle thin one way and long the
 * other is a ruling line along its middle.
 */
import type { LineStore } from 'pdf-parse';
// Values from the one door to pdf.js, which puts back what its legacy build replaces (pdfjs.ts).
import { Line, OPS, Point, Util } from './pdfjs.js';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Thicker than this (PDF points) a fill is a shaded area, not a rule. */
const MAX_RULE_THICKNESS = 2.5;
/** Shorter than this a thin fill is a dash or a glyph part, not a rule (pdf-parse's own threshold for strokes). */
const MIN_RULE_LENGTH = 5;

type Matrix = number[];

/** Ruling lines of filled hairline rectangles, in page coordinates (x right, y up). */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The rule a filled rectangle [x0, y0, x1, y1] (already in page units) stands for, or null when it is no rule. */
export function ruleOfFill(box: [number, number, number, number]): Rule | null {
  const [x0, y0, x1, y1] = [Math.min(box[0], box[2]), Math.min(box[1], box[3]), Math.max(box[0], box[2]), Math.max(box[1], box[3])];
  const width = x1 - x0;
  const height = y1 - y0;
  if (height <= MAX_RULE_THICKNESS && width >= MIN_RULE_LENGTH && width > height) {
    const y = (y0 + y1) / 2;
    return { x1: x0, y1: y, x2: x1, y2: y };
  }
  if (width <= MAX_RULE_THICKNESS && height >= MIN_RULE_LENGTH && height > width) {
    const x = (x0 + x1) / 2;
    return { x1: x, y1: y0, x2: x, y2: y1 };
  }
  return null;
}

/** Every filled path's bounds on the page, mapped through the transforms in force when it was drawn. */
export async function filledRules(page: PDFPageProxy): Promise<Rule[]> {
  const ops = await page.getOperatorList();
  const rules: Rule[] = [];
  let matrix: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(matrix);
    else if (fn === OPS.restore) matrix = stack.pop() ?? matrix;
    else if (fn === OPS.transform) matrix = Util.transform(matrix, args as Matrix);
    else if (fn === OPS.constructPath && args && isFill(args[0]) && isBounds(args[2])) {
      const [x0, y0, x1, y1] = args[2];
      const [ax, ay] = apply(matrix, x0, y0);
      const [bx, by] = apply(matrix, x1, y1);
      const rule = ruleOfFill([ax, ay, bx, by]);
      if (rule) rules.push(rule);
    }
  }
  return rules;
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0]! + y * m[2]! + m[4]!, x * m[1]! + y * m[3]! + m[5]!];
}

function isFill(op: unknown): boolean {
  return op === OPS.fill || op === OPS.eoFill;
}

function isBounds(value: unknown): value is [number, number, number, number] {
  const box = value as ArrayLike<number> | undefined;
  return box !== undefined && box !== null && box.length === 4 && Number.isFinite(box[0]) && Number.isFinite(box[3]);
}

/** Adds the rules to a pdf-parse line store, in the viewport coordinates its stroked lines use. */
export function addRules(store: LineStore, rules: Rule[], viewport: Matrix): void {
  for (const rule of rules) store.add(new Line(new Point(rule.x1, rule.y1), new Point(rule.x2, rule.y2)).transform(viewport));
}
