/**
 * npm run bench — throughput of the whole pipeline on a replicated corpus.
 * Prints per-stage time and throughput, the cost of segmentation + extraction
 * relative to reading + structuring (overall and per format: PDF reading is
 * slow, so the overall ratio flatters the .txt case), peak memory and the
 * machine; then (jobs.ts) throughput at --jobs 1 vs --jobs N on the same
 * corpus, and peak memory at 100 … 1,000 documents of one long batch, at
 * --jobs 1 and at --jobs N side by side. Not a test: numbers vary with the
 * machine and its load; the README records one run.
 *
 * Before that run, as fresh processes: start-up of `planlens docs`, a
 * one-file ingest, and a PDF batch against pdf-parse alone (startup.ts,
 * pdf-ratio.ts) — these need the compiled CLI, which `npm run bench` builds.
 *
 * Usage: npm run bench -- [--documents N] [--jobs N] [--memory-documents N] [--pdf-files N] [--keep]
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_PIPELINE, loadPipeline, type Pipeline } from '../core/pipeline.js';
import type { DocumentState } from '../core/state.js';
import { RuleSet } from '../rules/index.js';
import { defaultJobs, ingestPaths } from '../batch/index.js';
import { STAGES } from '../stages.js';
import { openStore } from '../store/index.js';
import { loadDictionaries } from '../text/jieba.js';
import { measureIngest, round, type MeasuredRun } from './jobs.js';
import { replicateCorpus } from './replicate.js';
import { benchStartup, type StartupFigures } from './startup.js';
import { benchPdfRatio, type PdfRatioFigures } from './pdf-ratio.js';

const ROOT = resolve(import.meta.dirname, '../..');
const WORK = join(ROOT, '.bench');
const BIN = join(ROOT, 'bin/planlens.js');
/** Compiled (dist/bench/run.js): the child-process measurements can preload the usage reporter, and bin/planlens.js runs dist/. */
const COMPILED = import.meta.filename.endsWith('.js');

interface StageTiming {
  seconds: number;
  documents: number;
  /** Seconds per source format (txt, docx, pdf). */
  byFormat: Record<string, number>;
}

/** The foundation: reading and structuring a file. */
const READ_STRUCTURE = ['ingest', 'normalise', 'structure'];
/** What the issue's ratio adds on top of the foundation: sentences + words, then the extractors. */
const isExtraction = (stage: string) => stage === 'segment' || stage.startsWith('extract');
/** The issue's "typical plan" size, for the per-plan extraction time. */
const TYPICAL_PLAN_CHARACTERS = 30_000;

/** The same pipeline with each stage timed (bench only: stages stay unaware). */
function timed(pipeline: Pipeline, timings: Map<string, StageTiming>): Pipeline {
  return {
    name: pipeline.name,
    steps: pipeline.steps.map(({ stage, options }) => {
      const t: StageTiming = { seconds: 0, documents: 0, byFormat: {} };
      timings.set(stage.name, t);
      return {
        options,
        stage: {
          ...stage,
          async run(state: DocumentState, opts: unknown, context) {
            const start = performance.now();
            try {
              return await stage.run(state, opts, context);
            } finally {
              const seconds = (performance.now() - start) / 1000;
              t.seconds += seconds;
              t.documents++;
              t.byFormat[state.source.format] = (t.byFormat[state.source.format] ?? 0) + seconds;
            }
          },
        },
      };
    }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      documents: { type: 'string', default: '203' },
      // The pool against one thread: at least two workers, also where the default (a core per worker but one) is one.
      jobs: { type: 'string', default: String(Math.max(2, defaultJobs())) },
      'memory-documents': { type: 'string', default: '1000' },
      'pdf-files': { type: 'string', default: '24' },
      keep: { type: 'boolean', default: false },
    },
  });
  const loadBefore = loadavg()[0]!;
  const startup: StartupFigures | null = COMPILED ? benchStartup(BIN) : null;
  const pdf: PdfRatioFigures | null = COMPILED ? benchPdfRatio(ROOT, BIN, Number(values['pdf-files'])) : null;
  const target = Number(values.documents);
  const jobs = Number(values.jobs);
  const memoryDocuments = Number(values['memory-documents']);
  const loadAtStart = round(loadavg()[0]!, 1);
  const corpus = join(WORK, 'corpus');
  const dbPath = join(WORK, 'bench.db');
  const files = replicateCorpus(join(ROOT, 'corpora'), corpus, target);
  rmSync(dbPath, { force: true });
  for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });

  const rules = new RuleSet();
  // jieba's dictionaries load once per process; timed apart so they do not land on whichever document happens to be first.
  const loadStarted = performance.now();
  loadDictionaries(rules.resource('userdict.utf8'));
  const dictionaryLoadMs = Math.round(performance.now() - loadStarted);
  const timings = new Map<string, StageTiming>();
  const pipeline = timed(loadPipeline(DEFAULT_PIPELINE, STAGES), timings);
  const store = openStore(dbPath);
  const formatSeconds: Record<string, number> = {};
  // One file at a time, so the stages' times add up to the run's.
  const summary = await ingestPaths([corpus], { db: store.db, pipeline, rules, inFlight: 1 });
  const byFormat = store.db
    .prepare('SELECT format, count(*) AS n, sum(length(text)) AS chars, coalesce(sum(pages), 0) AS pages FROM documents GROUP BY format')
    .all() as Array<{
    format: string;
    n: number;
    chars: number;
    pages: number;
  }>;
  store.close();
  for (const t of timings.values()) for (const [f, s] of Object.entries(t.byFormat)) formatSeconds[f] = (formatSeconds[f] ?? 0) + s;
  const pdfPages = byFormat.find((f) => f.format === 'pdf')?.pages ?? 0;

  const formats = byFormat.map((f) => f.format);
  const stageRows = [...timings].map(([name, t]) => ({
    stage: name,
    seconds: round(t.seconds, 2),
    'ms/doc': round((t.seconds * 1000) / Math.max(1, t.documents), 1),
    'docs/s': round(t.documents / t.seconds, 1),
    'chars/s': Math.round(summary.characters / t.seconds),
    'ms/doc by format': Object.fromEntries(byFormat.map((f) => [f.format, round(((t.byFormat[f.format] ?? 0) * 1000) / f.n, 1)])),
  }));
  const stageTotal = [...timings.values()].reduce((a, t) => a + t.seconds, 0);
  const sumStages = (pick: (name: string) => boolean, format?: string) =>
    [...timings].filter(([n]) => pick(n)).reduce((a, [, t]) => a + (format === undefined ? t.seconds : (t.byFormat[format] ?? 0)), 0);
  const ratioOf = (format?: string) => {
    const base = sumStages((n) => READ_STRUCTURE.includes(n), format);
    return base ? round(sumStages(isExtraction, format) / base, 2) : null;
  };
  const base = sumStages((n) => READ_STRUCTURE.includes(n));
  const byFormatRows = byFormat.map((f) => {
    const foundation = sumStages((n) => READ_STRUCTURE.includes(n), f.format);
    const extraction = sumStages(isExtraction, f.format);
    return {
      format: f.format,
      documents: f.n,
      'read+structure ms/doc': round((foundation * 1000) / f.n, 1),
      'segment+extract ms/doc': round((extraction * 1000) / f.n, 1),
      ratio: ratioOf(f.format),
      'segment+extract ms per 30k chars': round((extraction * 1000 * TYPICAL_PLAN_CHARACTERS) / Math.max(1, f.chars), 0),
    };
  });
  const cpu = cpus();
  const result = {
    machine: {
      cpu: cpu[0]?.model ?? 'unknown',
      cores: cpu.length,
      memoryGB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    files: files.length,
    loadAverageAtStart: loadAtStart,
    stored: summary.stored,
    failed: summary.failed,
    plans: undefined as number | undefined,
    seconds: round(summary.seconds, 2),
    documentsPerSecond: round(summary.stored / summary.seconds, 2),
    charactersPerSecond: Math.round(summary.characters / summary.seconds),
    pdfPagesPerSecond: formatSeconds.pdf ? round(pdfPages / formatSeconds.pdf, 1) : null,
    storeAndOverheadSeconds: round(summary.seconds - stageTotal, 2),
    /** The issue's ratio: (segment + extract-*) ÷ (ingest + normalise + structure). */
    segmentExtractionToReadStructureRatio: ratioOf(),
    /** The older figure without segmentation, kept for comparison with earlier runs. */
    extractionOnlyToReadStructureRatio: base ? round(sumStages((n) => n.startsWith('extract')) / base, 2) : null,
    byFormat: byFormatRows,
    jiebaDictionaryLoadMs: dictionaryLoadMs,
    peakRssMB: round(process.resourceUsage().maxRSS / 1024, 0),
    startup,
    pdf,
    loadAverage: { before: round(loadBefore, 1), after: round(loadavg()[0]!, 1) },
    stages: stageRows,
    secondsByFormat: Object.fromEntries(Object.entries(formatSeconds).map(([f, s]) => [f, round(s, 2)])),
    documentsByFormat: Object.fromEntries(byFormat.map((f) => [f.format, f.n])),
  };
  const reopened = openStore(dbPath);
  result.plans = (reopened.db.prepare('SELECT count(*) AS n FROM plans').get() as { n: number }).n;
  reopened.close();

  const m = result.machine;
  const out = [
    `planlens bench — ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, node ${m.node} (${m.platform})`,
    `${result.files} files (${Object.entries(result.documentsByFormat)
      .map(([f, n]) => `${n} ${f}`)
      .join(', ')}), in one thread (--jobs 1), load average ${loadAtStart} at the start: ` +
      `${result.stored} stored, ${result.failed} failed, grouped into ${result.plans} plans`,
    '',
    'stage                     seconds   ms/doc   docs/s      chars/s   ' + formats.map((f) => `${f} ms/doc`.padStart(12)).join(''),
    ...stageRows.map(
      (r) =>
        `${r.stage.padEnd(24)} ${String(r.seconds).padStart(8)} ${String(r['ms/doc']).padStart(8)} ${String(r['docs/s']).padStart(8)} ${String(r['chars/s']).padStart(12)}   ` +
        formats.map((f) => String(r['ms/doc by format'][f] ?? '').padStart(12)).join(''),
    ),
    `${'store + run overhead'.padEnd(24)} ${String(result.storeAndOverheadSeconds).padStart(8)}`,
    '',
    `overall: ${result.seconds} s, ${result.documentsPerSecond} documents/s, ${result.charactersPerSecond} characters/s` +
      (result.pdfPagesPerSecond ? `, ${result.pdfPagesPerSecond} PDF pages/s (${pdfPages} pages)` : ''),
    `(segment+extraction) / (ingest+normalise+structure) time: ${result.segmentExtractionToReadStructureRatio ?? 'n/a'} ` +
      `(extraction alone: ${result.extractionOnlyToReadStructureRatio ?? 'n/a'})`,
    '',
    'format  docs   read+structure ms/doc   segment+extract ms/doc   ratio   segment+extract ms per 30k chars',
    ...byFormatRows.map(
      (r) =>
        `${r.format.padEnd(6)} ${String(r.documents).padStart(5)} ${String(r['read+structure ms/doc']).padStart(23)} ${String(r['segment+extract ms/doc']).padStart(24)} ` +
        `${String(r.ratio ?? 'n/a').padStart(7)} ${String(r['segment+extract ms per 30k chars']).padStart(34)}`,
    ),
    '',
    `jieba dictionaries: loaded once in ${dictionaryLoadMs} ms before the run (not in the segment stage's time)`,
    `peak memory (rss high-water): ${result.peakRssMB} MB`,
    '',
    ...startupLines(startup, pdf),
    `load average (1 min): ${result.loadAverage.before} before, ${result.loadAverage.after} after (wall times stretch with load; CPU times and ratios much less)`,
  ];
  console.log(out.join('\n'));

  // Each in a process of its own (peak memory is per process), one after the other on the same corpus.
  const single = measureIngest(corpus, join(WORK, 'jobs-1.db'), 1);
  const pooled = measureIngest(corpus, join(WORK, `jobs-${jobs}.db`), jobs);
  const speedUp = round(pooled.documentsPerSecond / single.documentsPerSecond, 2);
  const estimate = idleSpeedUp(single, pooled, cpu.length);
  const line = (r: typeof single) =>
    `--jobs ${String(r.jobs).padEnd(2)} ${String(r.documentsPerSecond).padStart(6)} documents/s  ${String(round(r.seconds, 1)).padStart(6)} s  ` +
    `CPU ${round(r.cpuSeconds, 1)} s (main thread ${r.mainThreadCpuSeconds ?? '?'} s)  peak RSS ${r.peakRssMB} MB  load ${r.load[0]} → ${r.load[1]}`;
  console.log(
    [
      '',
      `throughput, ${files.length} files, each run in a fresh process and database:`,
      line(single),
      line(pooled),
      `speed-up measured: ${speedUp}× (under the load shown: with other busy processes the scheduler shares the cores between them, not between threads)`,
      `speed-up from CPU time, for ${cpu.length} idle cores: ${estimate ?? 'n/a'}× (the pool's CPU per document, its main thread's share and the cores bound it)`,
    ].join('\n'),
  );

  const memoryCorpus = join(WORK, 'memory-corpus');
  const memoryFiles = replicateCorpus(join(ROOT, 'corpora'), memoryCorpus, memoryDocuments).length;
  const samples = [...new Set([10, 100, 250, 500, memoryDocuments].filter((n) => n <= memoryFiles))];
  // One thread and the pool, each a batch of its own in a fresh process.
  const memory = [...new Set([1, jobs])].map((j) => measureIngest(memoryCorpus, join(WORK, `memory-${j}.db`), j, samples));
  const growth = (run: MeasuredRun) => (run.rssAt[100] && run.rssAt[memoryDocuments] ? round(run.rssAt[memoryDocuments]! / run.rssAt[100]!, 2) : 'n/a');
  console.log(
    [
      '',
      `memory, one batch of ${memoryFiles} files per run, each in a fresh process: peak RSS (high-water mark) when the Nth document is stored`,
      '          ' + samples.map((n) => `${n} docs`.padStart(11)).join('') + '   1,000 ÷ 100   documents/s   load',
      ...memory.map(
        (run) =>
          `--jobs ${String(run.jobs).padEnd(2)} ` +
          samples.map((n) => `${run.rssAt[n] ?? '?'} MB`.padStart(11)).join('') +
          `${String(growth(run)).padStart(14)}${String(run.documentsPerSecond).padStart(14)}   ${run.load[0]} → ${run.load[1]}`,
      ),
    ].join('\n'),
  );
  writeFileSync(join(WORK, 'results.json'), JSON.stringify({ ...result, jobs: { single, pooled, speedUp, idleSpeedUpEstimate: estimate }, memory }, null, 2));
  if (!values.keep) for (const folder of [corpus, memoryCorpus]) rmSync(folder, { recursive: true, force: true });
}

/** The issue's start-up and PDF rows, as fresh processes (medians for start-up). */
function startupLines(startup: StartupFigures | null, pdf: PdfRatioFigures | null): string[] {
  if (!startup || !pdf) return ['start-up and PDF ratio: not measured (run the compiled bench: npm run bench)'];
  const cell = (m: { wallMs: number; cpuMs: number; maxRssMB: number }) =>
    `${(m.wallMs / 1000).toFixed(2)} s wall, ${(m.cpuMs / 1000).toFixed(2)} s CPU, ${m.maxRssMB} MB peak RSS`;
  return [
    `start-up, fresh processes (median of ${startup.runs}):`,
    `  planlens docs (small database)      ${cell(startup.docs)}`,
    `  planlens ingest one.txt (1 sentence) ${cell(startup.ingestOneTxt)}`,
    `PDF batch, ${pdf.files} files, ${pdf.pages} pages (corpora/ + corpora-real/ PDFs with distinct bytes), fresh processes:`,
    `  pdf-parse getText alone             ${cell(pdf.pdfParseAlone)}`,
    `  planlens ingest                     ${cell(pdf.planlensIngest)}`,
    `  planlens ÷ pdf-parse alone: ${pdf.wallRatio}× wall, ${pdf.cpuRatio}× CPU; planlens adds ` +
      `${Math.round((pdf.planlensIngest.cpuMs - pdf.pdfParseAlone.cpuMs) / Math.max(1, pdf.pages))} ms CPU per page`,
  ];
}

/**
 * What the pool would gain on an otherwise idle machine, from CPU time (which
 * load barely changes) instead of wall time. Each run's throughput is bounded
 * by the cores over its CPU per document and by its busiest thread: in one
 * thread the main thread runs the pipeline (V8's collector and compiler
 * threads already use part of a second core); with a pool, by the main thread
 * (the one writer) and by the workers' count over their CPU per document.
 */
function idleSpeedUp(single: MeasuredRun, pooled: MeasuredRun, cores: number): number | null {
  if (single.mainThreadCpuSeconds === null || pooled.mainThreadCpuSeconds === null || !single.stored || !pooled.stored) return null;
  const singleThroughput = Math.min(cores / (single.cpuSeconds / single.stored), single.stored / single.mainThreadCpuSeconds);
  const pooledPerDocument = pooled.cpuSeconds / pooled.stored;
  const mainPerDocument = pooled.mainThreadCpuSeconds / pooled.stored;
  const pooledThroughput = Math.min(cores / pooledPerDocument, 1 / mainPerDocument, pooled.jobs / (pooledPerDocument - mainPerDocument));
  return round(pooledThroughput / singleThroughput, 2);
}

await main();
