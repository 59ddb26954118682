/**
 * The probe cases, read from the data files in cases/ (YAML): each a passage
 * in the style of a real plan and every target and actual a careful reader
 * records (FORMAT.md). A case is data — add one to the file of its batch; the
 * files' header says the fields. Validated here, so a malformed case fails
 * with its file and id before any passage runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Expected, ProbeCase } from './probe.js';

/** In the order the probe reports them: the written styles, the blind batches, the real plans' styles. */
const FILES = ['styles.yaml', 'blind-2026-11-21.yaml', 'real-styles.yaml'];

const Extra = z
  .object({
    period: z.tuple([z.number().int(), z.number().int()]),
    cumulative: z.boolean(),
    per_year: z.boolean(),
    value_max: z.number(),
    qualitative: z.string().min(1),
  })
  .partial()
  .strict();

/** [indicator, value, unit, comparator, year, {extra}] — the arguments of probe.ts q(). */
const Record = z.union([
  z.tuple([z.string().min(1), z.number().nullable(), z.string().nullable(), z.enum(['>=', '>', '=', '~', '<=', '<']).nullable(), z.number().int().nullable()]),
  z.tuple([
    z.string().min(1),
    z.number().nullable(),
    z.string().nullable(),
    z.enum(['>=', '>', '=', '~', '<=', '<']).nullable(),
    z.number().int().nullable(),
    Extra,
  ]),
]);

const Case = z
  .object({
    id: z.string().min(1),
    style: z.string().min(1),
    doc: z.enum(['province-plan', 'county-plan', 'national-plan', 'work-plan', 'evaluation', 'action-plan', 'measures', 'report']),
    heading: z.string().min(1).optional(),
    /** The passage, or a flattened table (Word's save-as-text) given as rows of cells. */
    text: z.string().min(1).optional(),
    table: z.array(z.array(z.string())).min(1).optional(),
    targets: z.array(Record).optional(),
    actuals: z.array(Record).optional(),
  })
  .strict()
  .refine((c) => (c.text === undefined) !== (c.table === undefined), 'a case has a text or a table, not both');

/** A flattened table (Word's save-as-text): a TAB before each cell, a blank line between rows. */
export function tab(rows: string[][]): string {
  return rows.map((row) => row.map((cell) => `\t${cell}`).join('\n')).join('\n\n') + '\n';
}

function expected([indicator, value, unit, comparator, year, extra]: z.infer<typeof Record>): Expected {
  return { indicator, value, unit, ...(comparator ? { comparator } : {}), year, ...extra };
}

function readCases(file: string): ProbeCase[] {
  const path = join(import.meta.dirname, 'cases', file);
  const data = z.array(z.unknown()).parse(parse(readFileSync(path, 'utf8')));
  return data.map((item, i) => {
    const parsed = Case.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${path}: [${i}] (${(item as { id?: string }).id ?? '?'}).${issue.path.join('.')}: ${issue.message}`);
    }
    const c = parsed.data;
    return {
      id: c.id,
      style: c.style,
      doc: c.doc,
      ...(c.heading !== undefined ? { heading: c.heading } : {}),
      text: c.text ?? tab(c.table!),
      ...(c.targets ? { targets: c.targets.map(expected) } : {}),
      ...(c.actuals ? { actuals: c.actuals.map(expected) } : {}),
    };
  });
}

export const CASES: ProbeCase[] = FILES.flatMap(readCases);
