/**
 * Eval results for people (table) and programs (json). The table ends with a
 * compact summary so the last 15 lines of output say everything that matters.
 */
import { FILE_FORMATS } from '../ingest/index.js';
import { renderingKey, type Baseline, type BaselineSections } from './baseline.js';
import { aggregate, type SectionPrf } from './metrics.js';
import { summariseLinking, type LinkingScore } from './linking.js';
import type { EvalRun, RenderingResult } from './run.js';
import { DOCUMENT_FIELDS, SECTIONS, type DocumentField, type SectionScore } from './score.js';

export const FORMATS: readonly string[] = FILE_FORMATS.map((f) => f.format);

export interface EvalSummary {
  renderings: number;
  failed: Array<{ path: string; error: string }>;
  unmatchedGold: string[];
  overall: SectionPrf;
  byFormat: Record<string, SectionPrf>;
  byRendering: Array<{ name: string; format: string; path: string; ms: number; sections?: SectionPrf; error?: string }>;
  /** Share of renderings whose field equals gold (null = null counts as correct). */
  fieldAccuracy: Record<DocumentField, number>;
  /** Catalogue linking over every scored rendering. */
  linking: LinkingScore;
}

export function summarise(run: EvalRun): EvalSummary {
  const scored = run.results.filter((r): r is RenderingResult & { score: NonNullable<RenderingResult['score']> } => !!r.score);
  const byFormat: Record<string, SectionPrf> = {};
  for (const format of formatsOf(run)) {
    const ofFormat = scored.filter((r) => r.format === format);
    if (ofFormat.length > 0) byFormat[format] = aggregate(ofFormat.map((r) => r.score));
  }
  const fieldAccuracy = Object.fromEntries(
    DOCUMENT_FIELDS.map((f) => [f, scored.length === 0 ? 0 : scored.filter((r) => r.score.fields[f].correct).length / scored.length]),
  ) as Record<DocumentField, number>;
  return {
    renderings: run.results.length,
    failed: run.results.filter((r) => r.error).map((r) => ({ path: r.path, error: r.error! })),
    unmatchedGold: run.unmatchedGold,
    overall: aggregate(scored.map((r) => r.score)),
    byFormat,
    byRendering: run.results.map((r) => ({
      name: r.name,
      format: r.format,
      path: r.path,
      ms: Math.round(r.ms),
      ...(r.score ? { sections: aggregate([r.score]) } : {}),
      ...(r.error ? { error: r.error } : {}),
    })),
    fieldAccuracy,
    linking: summariseLinking(run.results.flatMap((r) => (r.linking ? [r.linking] : []))),
  };
}

/** The file formats first, in their order, then the variants of renderings/ by name. */
function formatsOf(run: EvalRun): string[] {
  const present = new Set(run.results.map((r) => r.format));
  return [...FORMATS.filter((f) => present.has(f)), ...[...present].filter((f) => !FORMATS.includes(f)).sort()];
}

export function renderJson(run: EvalRun, verbose: boolean): string {
  const summary = summarise(run);
  const details = verbose
    ? run.results.map((r) => ({
        path: r.path,
        ...(r.error ? { error: r.error } : {}),
        ...(r.score ? { sections: r.score.sections, fields: r.score.fields } : {}),
      }))
    : undefined;
  return JSON.stringify({ ...summary, ...(details ? { details } : {}) }, null, 2);
}

const pct = (x: number) => x.toFixed(3);

export function renderTable(run: EvalRun, verbose: boolean, baseline?: Baseline): string {
  const summary = summarise(run);
  const lines: string[] = [];

  if (verbose) {
    for (const r of run.results) {
      if (!r.score) continue;
      lines.push(`== ${r.path}`);
      for (const section of SECTIONS) lines.push(...sectionFindings(section, r.score.sections[section]));
      for (const f of r.linking?.findings ?? []) lines.push(`  linking LINK  ${f.fact}${f.quote ? `  «${oneLine(f.quote)}»` : ''}`);
      lines.push('');
    }
  }

  lines.push('per rendering (F1: targets actuals resp. milestones departments document | overall):');
  for (const r of summary.byRendering) {
    if (!r.sections) {
      lines.push(`  ${r.path}  FAILED: ${r.error}`);
      continue;
    }
    const s = r.sections;
    const f1s = [s.targets, s.actuals, s.responsibilities, s.milestones, s.departments, s.document].map((x) => pct(x.f1)).join(' ');
    const before = baseline?.byRendering.get(renderingKey(r.name, r.format))?.overall;
    lines.push(`  ${r.path}  ${f1s} | ${pct(s.overall.f1)}${before ? ` (baseline ${pct(before.f1)})` : ''}  (${r.ms} ms)`);
  }

  // ---- compact summary: keep it under 15 lines (a hook prints `tail -n 15`).
  const formats = formatsOf(run).filter((f) => summary.byFormat[f]);
  const width = (f: string) => Math.max(8, f.length + 4);
  lines.push(
    `eval: ${summary.renderings} renderings of ${new Set(run.results.map((r) => r.name)).size} gold documents (${formats.map((f) => `${f} ${run.results.filter((r) => r.format === f).length}`).join(', ')})`,
  );
  lines.push(
    `${'section'.padEnd(17)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)} ${'dup'.padStart(4)} |${formats.map((f) => ('F1 ' + f).padStart(width(f))).join('')}${baseline ? ` | ${'base P'.padStart(6)} ${'base R'.padStart(6)} ${'base F1'.padStart(7)}` : ''}`,
  );
  for (const section of [...SECTIONS, 'overall'] as const) {
    const p = summary.overall[section];
    const perFormat = formats.map((f) => pct(summary.byFormat[f]![section].f1).padStart(width(f))).join('');
    const before = baseline?.overall[section];
    const baselineColumns = baseline
      ? ` | ${before ? `${pct(before.precision).padStart(6)} ${pct(before.recall).padStart(6)} ${pct(before.f1).padStart(7)}` : '(none)'.padStart(6)}`
      : '';
    lines.push(
      `${section.padEnd(17)} ${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)} ${String(p.tp).padStart(4)} ${String(p.fp).padStart(4)} ${String(p.fn).padStart(4)} ${String(p.duplicates).padStart(4)} |${perFormat}${baselineColumns}`,
    );
  }
  const l = summary.linking;
  lines.push(
    `linking: precision ${pct(l.precision)} (${l.counts.linkedRight}/${l.counts.linkedMatched}), recall ${pct(l.recall)} (${l.counts.goldLinked}/${l.counts.gold}), targets linked ${pct(l.linkedShare)} (${l.counts.predictedTargetsLinked}/${l.counts.predictedTargets})`,
  );
  lines.push(`document fields (accuracy): ${DOCUMENT_FIELDS.map((f) => `${f} ${pct(summary.fieldAccuracy[f])}`).join(', ')}`);
  const problems = [
    ...summary.failed.map((f) => `${f.path}: ${f.error}`),
    ...summary.unmatchedGold.map((n) => `${n}: no .txt/.docx/.pdf rendering in ${run.docsDir}`),
  ];
  lines.push(problems.length === 0 ? 'failed: none' : `failed (${problems.length}): ${problems.join(' ; ')}`);
  return lines.join('\n');
}

function sectionFindings(section: string, score: SectionScore): string[] {
  const out: string[] = [];
  for (const m of score.misses) out.push(`  ${section} MISS  ${m.fact}${m.quote ? `  «${m.quote}»` : ''}`);
  for (const f of score.falsePositives) out.push(`  ${section} FP    ${f.fact}${f.quote ? `  «${oneLine(f.quote)}»` : ''}`);
  for (const d of score.duplicateFindings) out.push(`  ${section} DUP   ${d.fact}${d.quote ? `  «${oneLine(d.quote)}»` : ''}`);
  for (const a of score.attributeErrors) out.push(`  ${section} ATTR  ${a.fact}${a.quote ? `  «${oneLine(a.quote)}»` : ''}`);
  return out;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? flat.slice(0, 117) + '…' : flat;
}

/** Columns of the per-document markdown table: the sections people track. */
const MARKDOWN_SECTIONS = ['targets', 'actuals', 'responsibilities', 'milestones', 'departments', 'document', 'overall'] as const;

/**
 * One row per rendering: F1 per section, each as `baseline → now` when a
 * baseline is given, ending with the totals row. For a results page such as
 * corpora-real/README.md.
 */
export function renderMarkdown(run: EvalRun, baseline?: Baseline): string {
  const summary = summarise(run);
  const cell = (now: number | undefined, before: number | undefined) =>
    now === undefined ? '—' : before === undefined ? pct(now) : `${pct(before)} → ${pct(now)}`;
  const row = (label: string, now: SectionPrf | undefined, before: BaselineSections | undefined) =>
    `| ${label} | ${MARKDOWN_SECTIONS.map((s) => cell(now?.[s].f1, before?.[s]?.f1)).join(' | ')} |`;
  const lines = [`| document | ${MARKDOWN_SECTIONS.join(' | ')} |`, `|---|${MARKDOWN_SECTIONS.map(() => '---').join('|')}|`];
  for (const r of summary.byRendering) {
    lines.push(row(`${r.name}.${r.format}`, r.sections, baseline?.byRendering.get(renderingKey(r.name, r.format))));
  }
  lines.push(row('**all (micro-averaged)**', summary.overall, baseline?.overall));
  return lines.join('\n');
}
