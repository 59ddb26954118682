/**
 * Runs every rendering of every gold document through the pipeline in memory
 * and scores it. Nothing is written to the database: eval measures the
 * pipeline as it is now, whatever a store holds.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { DEFAULT_PIPELINE, loadPipeline, runPipeline, type Pipeline } from '../core/pipeline.js';
import { ConfigError, DocumentError } from '../core/errors.js';
import type { DocumentState } from '../core/state.js';
import { readGoldDir, toGold, type LoadedGold } from '../gold/index.js';
import { FILE_FORMATS, openSource } from '../ingest/index.js';
import { RuleSet } from '../rules/index.js';
import { STAGES } from '../stages.js';
import { scoreDocument, type DocumentScore } from './score.js';
import { scoreLinking, type LinkingCounts } from './linking.js';

/** Each format's first extension: x.txt, x.docx, x.pdf. */
export const RENDERING_EXTENSIONS: readonly string[] = FILE_FORMATS.map((f) => f.extensions[0]!);

export interface RenderingResult {
  /** Gold document name (file name without extension). */
  name: string;
  /** Path of the rendering that was run. */
  path: string;
  /** By extension (`pdf`), or variant and extension for renderings/ (`pdftotext.txt`): the same document in each form it comes in. */
  format: string;
  score?: DocumentScore;
  /** Catalogue links of the matched targets and actuals (src/eval/linking.ts). */
  linking?: LinkingCounts;
  /** Why the rendering could not be scored (one line). */
  error?: string;
  ms: number;
}

export interface EvalRun {
  goldDir: string;
  docsDir: string;
  results: RenderingResult[];
  /** Gold documents with no rendering in the docs directory. */
  unmatchedGold: string[];
}

export interface EvalOptions {
  goldDir: string;
  docsDir: string;
  /** Defaults to the default pipeline and rules directory. */
  pipeline?: Pipeline;
  rules?: RuleSet;
  /** Renderings processed at once (PDF reading is async, the rest is CPU). */
  concurrency?: number;
}

/**
 * Where further renderings of the documents sit: `renderings/x.<variant>.<ext>`
 * in the docs directory is document x as, say, text pdftotext gave back
 * (`x.pdftotext.txt`). It shares x's gold; the sub-folder keeps such files out
 * of folder-wide ingests and apart from the documents' own names.
 */
export const VARIANTS_DIR = 'renderings';

/** The renderings of document `name` in `docsDir`: x.txt, x.docx, x.pdf, then renderings/x.<variant>.<ext>. */
export function findRenderings(docsDir: string, name: string): string[] {
  const files = readdirSync(docsDir);
  const own = RENDERING_EXTENSIONS.map((ext) => name + ext)
    .filter((file) => files.includes(file))
    .map((file) => join(docsDir, file));
  const variantsDir = join(docsDir, VARIANTS_DIR);
  if (!files.includes(VARIANTS_DIR) || !statSync(variantsDir).isDirectory()) return own;
  const variants = readdirSync(variantsDir)
    .filter((file) => variantOf(file, name) !== undefined)
    .sort()
    .map((file) => join(variantsDir, file));
  return [...own, ...variants];
}

/** `pdftotext.txt` for renderings/x.pdftotext.txt of document x; undefined when the file is not a variant of x. */
function variantOf(file: string, name: string): string | undefined {
  if (!file.startsWith(name + '.')) return undefined;
  const rest = file.slice(name.length + 1);
  const ext = RENDERING_EXTENSIONS.find((e) => rest.endsWith(e));
  if (!ext) return undefined;
  const variant = rest.slice(0, -ext.length);
  return /^[a-z0-9-]+$/.test(variant) ? rest : undefined;
}

/** What eval calls a rendering's format: its extension (`pdf`), or variant and extension (`pdftotext.txt`). */
export function renderingFormat(path: string, name: string): string {
  return variantOf(basename(path), name) ?? extname(path).slice(1);
}

/** Pipeline output for one file; a fatal message becomes a thrown DocumentError. */
export async function processFile(path: string, pipeline: Pipeline, rules: RuleSet): Promise<DocumentState> {
  const state = await runPipeline(pipeline, await openSource(path), { rules });
  const fatal = state.messages.find((m) => m.severity === 'fatal');
  if (fatal) throw new DocumentError(fatal.code, `${fatal.stage}: ${fatal.text}`);
  return state;
}

export async function runEval(options: EvalOptions): Promise<EvalRun> {
  if (!existsSync(options.docsDir) || !statSync(options.docsDir).isDirectory()) {
    throw new ConfigError(options.docsDir, 'documents directory not found');
  }
  const golds = readGoldDir(options.goldDir);
  const pipeline = options.pipeline ?? loadPipeline(DEFAULT_PIPELINE, STAGES);
  const rules = options.rules ?? new RuleSet();

  const jobs: Array<{ gold: LoadedGold; path: string }> = [];
  const unmatchedGold: string[] = [];
  for (const gold of golds) {
    const paths = findRenderings(options.docsDir, gold.name);
    if (paths.length === 0) unmatchedGold.push(gold.name);
    for (const path of paths) jobs.push({ gold, path });
  }

  const results = await mapLimited(jobs, options.concurrency ?? 4, async ({ gold, path }) => {
    const started = performance.now();
    const base = { name: gold.name, path, format: renderingFormat(path, gold.name) };
    try {
      const state = await processFile(path, pipeline, rules);
      const predicted = toGold(state, basename(path));
      return { ...base, score: scoreDocument(gold.gold, predicted), linking: scoreLinking(gold.gold, predicted), ms: performance.now() - started };
    } catch (error) {
      const text = (error as Error).message.split('\n')[0] ?? String(error);
      return { ...base, error: text, ms: performance.now() - started };
    }
  });
  return { goldDir: options.goldDir, docsDir: options.docsDir, results, unmatchedGold };
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
