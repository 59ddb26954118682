/**
 * An earlier eval run kept as JSON (`planlens eval --format json > run.json`)
 * to compare against: the development set's first run, recorded before any
 * rule was changed, is the honest measure of how far the rules generalise.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { SECTIONS, type SectionName } from './score.js';

const SectionF1 = z.object({ precision: z.number(), recall: z.number(), f1: z.number() });
const Sections = z.record(z.string(), SectionF1);

const BaselineFile = z.object({
  overall: Sections,
  byRendering: z.array(z.object({ name: z.string(), format: z.string(), sections: Sections.optional() })),
});

export type BaselineSections = Partial<Record<SectionName | 'overall', z.infer<typeof SectionF1>>>;

export interface Baseline {
  path: string;
  overall: BaselineSections;
  /** Keyed `name.format` (one rendering of one gold document). */
  byRendering: Map<string, BaselineSections>;
}

export const renderingKey = (name: string, format: string): string => `${name}.${format}`;

export function readBaseline(path: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(path, `cannot read the baseline: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = BaselineFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(path, `not an eval JSON report (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  const byRendering = new Map<string, BaselineSections>();
  for (const r of parsed.data.byRendering) if (r.sections) byRendering.set(renderingKey(r.name, r.format), pickSections(r.sections));
  return { path, overall: pickSections(parsed.data.overall), byRendering };
}

function pickSections(sections: z.infer<typeof Sections>): BaselineSections {
  const out: BaselineSections = {};
  for (const name of [...SECTIONS, 'overall'] as const) if (sections[name]) out[name] = sections[name];
  return out;
}
