/**
 * The gold annotation format (test/fixtures/gold/FORMAT.md) as zod schemas.
 * Objects are strict so a misspelt field in a hand-written gold file is an
 * error naming the field instead of a fact silently scored as missing.
 */
import { z } from 'zod';

const Year = z.number().int().min(1900).max(2200);
/** 'YYYY' or 'YYYY-MM' (FORMAT.md milestones). */
const YearOrMonth = z.string().regex(/^\d{4}(-\d{2})?$/, 'expected YYYY or YYYY-MM');
const Comparator = z.enum(['>=', '>', '=', '~', '<=', '<']);
const Period = z.tuple([Year, Year]);

export const GoldDocumentFields = z.strictObject({
  title: z.string().nullable(),
  region: z.string().nullable(),
  level: z.enum(['national', 'province', 'city', 'district', 'zone']).nullable(),
  issuer: z.string().nullable(),
  doc_number: z.string().nullable(),
  issued: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .nullable(),
  period: Period.nullable(),
  type: z.enum(['plan', 'work-plan', 'evaluation', 'notice']).nullable(),
});

const QuantityFields = {
  indicator: z.string().min(1),
  /** The catalogue id of what the figure measures (rules/indicators/), where the catalogue has exactly that measure; scored as linking. */
  canonical: z
    .string()
    .regex(/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/, 'a catalogue id such as digital.5g-base-stations')
    .optional(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  year: Year.nullable(),
  period: Period.optional(),
  cumulative: z.boolean().optional(),
  value_max: z.number().optional(),
  per_year: z.boolean().optional(),
  qualitative: z.string().optional(),
  status: z.string().optional(),
  quote: z.string().optional(),
  /** Free text for the annotator; never scored. */
  note: z.string().optional(),
  /** What an actual is measured against (相比2012年); context, never scored. */
  compared_with: z.string().optional(),
};

export const GoldTarget = z.strictObject({ ...QuantityFields, comparator: Comparator.nullable().optional() });
export const GoldActual = z.strictObject({ ...QuantityFields, comparator: Comparator.nullable().optional() });

export const GoldResponsibility = z.strictObject({
  task: z.string().min(1),
  lead: z.array(z.string().min(1)),
  support: z.array(z.string().min(1)),
  roles: z.enum(['split', 'unsplit']).optional(),
  /** The duty within the task the units are named for, where narrower than the task; never scored. */
  scope: z.string().optional(),
  note: z.string().optional(),
});

export const GoldMilestone = z.strictObject({
  what: z.string().min(1),
  start: YearOrMonth.nullable().optional(),
  end: YearOrMonth.nullable().optional(),
  note: z.string().optional(),
});

export const GoldFile = z.strictObject({
  file: z.string().min(1),
  document: GoldDocumentFields,
  targets: z.array(GoldTarget).default([]),
  actuals: z.array(GoldActual).default([]),
  responsibilities: z.array(GoldResponsibility).default([]),
  implicit_support: z.array(z.string().min(1)).default([]),
  milestones: z.array(GoldMilestone).default([]),
  departments: z.array(z.string().min(1)).default([]),
  /** The annotator's judgement calls, in words; never scored. */
  notes: z.union([z.string(), z.array(z.string())]).optional(),
  /** Facts about the source kept outside the text (dataset title, date); for reference, never scored. */
  source_metadata: z.record(z.string(), z.unknown()).optional(),
});

export type GoldFile = z.infer<typeof GoldFile>;
/** What a writer supplies; defaults fill in the omitted lists. */
export type GoldFileInput = z.input<typeof GoldFile>;
export type GoldDocumentFields = z.infer<typeof GoldDocumentFields>;
export type GoldQuantity = z.infer<typeof GoldTarget>;
export type GoldResponsibility = z.infer<typeof GoldResponsibility>;
export type GoldMilestone = z.infer<typeof GoldMilestone>;
