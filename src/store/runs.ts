/** One row per `planlens ingest`: what ran, with which rules, and how it went. */
import type { Db } from './open.js';

export interface RunCounts {
  ok: number;
  failed: number;
  skipped: number;
}

export function startRun(db: Db, run: { pipeline: string; rulesVersion: string; args: unknown }): number {
  const info = db
    .prepare('INSERT INTO runs (started_at, pipeline, rules_version, args) VALUES (?, ?, ?, ?)')
    .run(new Date().toISOString(), run.pipeline, run.rulesVersion, JSON.stringify(run.args));
  return Number(info.lastInsertRowid);
}

/** Counts are written as the batch goes, so a killed run still says how far it got. */
export function updateRunCounts(db: Db, runId: number, counts: RunCounts): void {
  db.prepare('UPDATE runs SET ok = ?, failed = ?, skipped = ? WHERE id = ?').run(counts.ok, counts.failed, counts.skipped, runId);
}

export function finishRun(db: Db, runId: number, counts: RunCounts): void {
  db.prepare('UPDATE runs SET ok = ?, failed = ?, skipped = ?, finished_at = ? WHERE id = ?').run(
    counts.ok,
    counts.failed,
    counts.skipped,
    new Date().toISOString(),
    runId,
  );
}
