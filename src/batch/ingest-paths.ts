/**
 * The batch runner: files in, documents stored. Per file: read and hash
 * (openSource) → skip if the content is already stored (recording the new
 * path) unless force → run the pipeline → persist (store, and re-apply
 * reviewers' corrections) in one transaction. Any problem with one file
 * becomes a one-line `path: problem` failure, recorded in the database, and
 * the batch goes on.
 *
 * With `jobs` > 1 the pipeline runs in a pool of worker threads (one file per
 * worker at a time) while this thread reads files and is the only writer;
 * documents are stored in input order (in-order.ts), so a batch gives the
 * same database whatever the number of jobs. Because every document is one
 * transaction and the skip check is by content hash, a killed batch leaves a
 * consistent database and the next run resumes where it stopped. A broken
 * rule file (ConfigError) is the exception: it stops the batch at once.
 */
import PQueue from 'p-queue';
import type { Pipeline } from '../core/pipeline.js';
import { ConfigError, DocumentError } from '../core/errors.js';
import type { DocumentState } from '../core/state.js';
import { ingestOptionsOf, openSource } from '../ingest/index.js';
import type { RuleSet } from '../rules/index.js';
import {
  claimFile,
  countsOf,
  finishRun,
  isStored,
  markInterruptedRuns,
  recordFailure,
  recordPath,
  releaseFile,
  startRun,
  updateRunCounts,
  type Db,
} from '../store/index.js';
// Not through store/index.ts: the indicator rule file needs the YAML parser and zod, which reading commands never load.
import { loadIndicators } from '../store/dimensions.js';
import { expandPaths } from './expand-paths.js';
import { inProcessExtractor, WorkerFailure, type Extractor } from './extractor.js';
import { InOrder, type Turn } from './in-order.js';
import { persistDocument } from './persist.js';
import type { PoolOptions } from './worker-pool.js';

export interface IngestOptions {
  db: Db;
  pipeline: Pipeline;
  rules: RuleSet;
  force?: boolean;
  /**
   * Worker threads running the pipeline (default 1: in this thread, no pool).
   * A batch of one file runs in this thread whatever the number: a worker's
   * start-up (modules, rules, dictionaries) would cost more than it saves.
   */
  jobs?: number;
  /**
   * Files in flight at once (default: 2 in one thread, the next file read while one is processed; 2 per job with
   * a pool, each worker with a file queued behind the one it is on). The bench times stages with 1.
   */
  inFlight?: number;
  /** Per-worker heap limit (PoolOptions.workerHeapMB). */
  workerHeapMB?: number;
  /** Another worker module (tests only). */
  workerEntry?: string;
  /** Stored with the run, for the record (e.g. the command line). */
  args?: unknown;
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { kind: 'found'; path: string; found: number }
  | { kind: 'stored'; path: string; documentId: number; planId: number; joinedPlan: boolean; replaced: boolean }
  | { kind: 'skipped'; path: string; reason: string }
  | { kind: 'failed'; path: string; error: string };

export interface IngestSummary {
  runId: number;
  found: number;
  stored: number;
  skipped: number;
  failed: number;
  pages: number;
  characters: number;
  sentences: number;
  tables: number;
  targets: number;
  actuals: number;
  flagged: number;
  seconds: number;
  /** The first MAX_LISTED_FAILURES failures; all of them are in the messages table. */
  failures: Array<{ path: string; error: string }>;
}

const MAX_LISTED_FAILURES = 1000;
/** How often a file claimed by another ingest is looked at again. */
const CLAIM_POLL_MS = 100;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function ingestPaths(paths: Iterable<string> | AsyncIterable<string>, options: IngestOptions): Promise<IngestSummary> {
  const { db, pipeline, rules } = options;
  const jobs = options.jobs ?? 1;
  const started = performance.now();
  loadIndicators(db, rules);
  const runId = startRun(db, { pipeline: pipeline.name, rulesVersion: rules.version, args: options.args ?? null });
  const summary: IngestSummary = {
    runId,
    found: 0,
    stored: 0,
    skipped: 0,
    failed: 0,
    pages: 0,
    characters: 0,
    sentences: 0,
    tables: 0,
    targets: 0,
    actuals: 0,
    flagged: 0,
    seconds: 0,
    failures: [],
  };
  const progress = options.onProgress ?? (() => {});
  const counts = () => ({ ok: summary.stored, failed: summary.failed, skipped: summary.skipped });
  // Files whose content is being processed right now: a second copy waits for the first, then is skipped.
  // Entries leave when done, so memory does not grow with the batch.
  const inFlight = new Map<string, Promise<void>>();
  // With --force, content stored earlier in this same run is still skipped: the same bytes twice are stored once.
  const alreadyDone = (sha: string) => (options.force ? isStored(db, sha, runId) : isStored(db, sha));

  const fail = (path: string, stage: string, code: string, problem: string) => {
    const error = `${path}: ${problem}`;
    summary.failed++;
    if (summary.failures.length < MAX_LISTED_FAILURES) summary.failures.push({ path, error });
    recordFailure(db, runId, path, { stage, code, text: problem });
    progress({ kind: 'failed', path, error });
  };

  const { limits } = ingestOptionsOf(pipeline.steps);
  // Where the pipeline runs is chosen when the walk has found a second file (a pool) or ended after one (this
  // thread). The first file waits for the choice; the walk is not read ahead, so it stays as lazy as it was.
  let chooseExtractor!: (extractor: Promise<Extractor>) => void;
  const extractor = new Promise<Extractor>((resolve) => (chooseExtractor = resolve));
  let chosen = false;
  const choose = (pooled: boolean) => {
    if (chosen) return;
    chosen = true;
    if (!pooled) return chooseExtractor(Promise.resolve(inProcessExtractor(pipeline, rules)));
    // The pool module (piscina) loads only for a pooled batch: a one-file ingest does not pay for it.
    chooseExtractor(import('./worker-pool.js').then((pool) => pool.pooledExtractor(pipeline, rules, poolOptions(jobs, options))));
    queue.concurrency = options.inFlight ?? 2 * jobs;
  };
  const processFile = async (path: string, turn: Turn): Promise<void> => {
    let initial: DocumentState;
    try {
      initial = await openSource(path, limits);
    } catch (error) {
      const code = error instanceof DocumentError ? error.code : 'unreadable';
      return fail(path, 'ingest', code, oneLine(error));
    }
    const sha = initial.source.sha256;
    for (let earlier = inFlight.get(sha); earlier; earlier = inFlight.get(sha)) await earlier;
    if (alreadyDone(sha)) {
      recordPath(db, sha, path);
      summary.skipped++;
      progress({ kind: 'skipped', path, reason: 'same content already stored' });
      return;
    }
    let finish!: () => void;
    inFlight.set(sha, new Promise<void>((resolve) => (finish = resolve)));
    let claimed = false;
    try {
      // Another ingest into this database may be processing the same content: wait for it, then skip.
      // (If that ingest is killed meanwhile, its run is marked interrupted and the claim freed.)
      while (!(claimed = claimFile(db, sha, runId))) {
        await sleep(CLAIM_POLL_MS);
        markInterruptedRuns(db);
      }
      if (!options.force && isStored(db, sha)) {
        recordPath(db, sha, path);
        summary.skipped++;
        progress({ kind: 'skipped', path, reason: 'same content already stored' });
        return;
      }
      let state;
      try {
        state = await (await extractor).extract(initial);
      } catch (error) {
        if (error instanceof WorkerFailure) return fail(path, 'run', 'worker-failed', error.message);
        throw error;
      }
      const fatal = state.messages.find((m) => m.severity === 'fatal');
      if (fatal) return fail(path, fatal.stage, fatal.code, fatal.text);
      await turn.ready;
      let stored;
      try {
        stored = persistDocument(db, state, { runId, pipeline: pipeline.name, rulesVersion: rules.version }, { unlessStored: !options.force });
      } catch (error) {
        return fail(path, 'store', 'store-failed', `cannot store: ${oneLine(error)}`);
      }
      if (!stored) {
        // Stored meanwhile by a writer that did not claim it (an older planlens): it is theirs, not this run's.
        recordPath(db, sha, path);
        summary.skipped++;
        progress({ kind: 'skipped', path, reason: 'same content stored meanwhile by another ingest' });
        return;
      }
      summary.stored++;
      summary.pages += state.raw?.pages ?? 0;
      summary.characters += state.normalised?.text.length ?? 0;
      const c = countsOf(db, stored.documentId);
      summary.sentences += c.sentences;
      summary.tables += c.tables;
      summary.targets += c.targets;
      summary.actuals += c.actuals;
      summary.flagged += c.flagged;
      progress({
        kind: 'stored',
        path,
        documentId: stored.documentId,
        planId: stored.planId,
        joinedPlan: stored.similarity !== null,
        replaced: stored.replaced,
      });
    } finally {
      if (claimed) releaseFile(db, sha, runId);
      inFlight.delete(sha);
      finish();
    }
  };

  // A broken rule file is not one bad document: it stops the batch (files already stored stay stored).
  let stop: ConfigError | null = null;
  const unreadableFolder = (folder: string, problem: string) => fail(folder, 'ingest', 'unreadable-folder', problem);
  // Files in flight (finished documents wait for their turn to be stored: this bounds them too). In this thread the
  // next file is read while one is processed; a pool gets two per worker (choose), one queued behind each file.
  const queue = new PQueue({ concurrency: options.inFlight ?? 2 });
  const order = new InOrder();
  try {
    for await (const path of expandPaths(paths, unreadableFolder)) {
      if (stop) break;
      summary.found++;
      if (jobs === 1 || summary.found === 2) choose(jobs > 1);
      progress({ kind: 'found', path, found: summary.found });
      // Back-pressure: never more than a few files waiting, however long the stream.
      await queue.onSizeLessThan(queue.concurrency);
      const turn = order.next();
      void queue.add(async () => {
        if (stop) return turn.end();
        try {
          await processFile(path, turn);
        } catch (error) {
          if (error instanceof ConfigError) {
            stop ??= error;
            queue.clear();
          } else {
            fail(path, 'run', 'internal-error', oneLine(error));
          }
        } finally {
          turn.end();
        }
        updateRunCounts(db, runId, counts());
      });
    }
  } finally {
    // Whatever stopped the walk, files already started finish and the run is closed
    // before the caller may close the database under them.
    choose(false);
    await queue.onIdle();
    await (await extractor.catch(() => null))?.close();
    finishRun(db, runId, counts());
  }
  if (stop) throw stop;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

function poolOptions(jobs: number, options: IngestOptions): PoolOptions {
  return { jobs, ...(options.workerHeapMB && { workerHeapMB: options.workerHeapMB }), ...(options.workerEntry && { entry: options.workerEntry }) };
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim();
}
