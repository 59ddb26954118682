/** One row per `planlens ingest`: what ran, with which rules, and how it went. */
import { hostname } from 'node:os';
import type { Db } from './open.js';

export interface RunCounts {
  ok: number;
  failed: number;
  skipped: number;
}

export function startRun(db: Db, run: { pipeline: string; rulesVersion: string; args: unknown }): number {
  markInterruptedRuns(db);
  const info = db
    .prepare("INSERT INTO runs (started_at, pipeline, rules_version, args, status, pid, host) VALUES (?, ?, ?, ?, 'running', ?, ?)")
    .run(new Date().toISOString(), run.pipeline, run.rulesVersion, JSON.stringify(run.args), process.pid, hostname());
  return Number(info.lastInsertRowid);
}

/**
 * Runs left 'running' by a process that is gone (killed, crashed, powered
 * off) are marked interrupted; finished_at stays NULL, as they never
 * finished. A run of a live process — another ingest into this database —
 * and a run on another host, which cannot be checked from here, are left alone.
 */
export function markInterruptedRuns(db: Db): number {
  const open = db.prepare("SELECT id, pid, host FROM runs WHERE status = 'running'").all() as Array<{ id: number; pid: number | null; host: string | null }>;
  const here = hostname();
  const dead = open.filter((r) => r.pid === null || (r.host === here && !processAlive(r.pid)));
  const mark = db.prepare("UPDATE runs SET status = 'interrupted' WHERE id = ? AND status = 'running'");
  for (const run of dead) mark.run(run.id);
  // What they were processing is free again.
  db.prepare("DELETE FROM file_claims WHERE run_id NOT IN (SELECT id FROM runs WHERE status = 'running')").run();
  return dead.length;
}

/**
 * Claims content for a run before it is processed: true if this run holds
 * the claim (new, or its own), false if another running run does. Two
 * ingests into one database then process each file once.
 */
export function claimFile(db: Db, sha256: string, runId: number): boolean {
  return db
    .transaction(() => {
      db.prepare("DELETE FROM file_claims WHERE sha256 = ? AND run_id NOT IN (SELECT id FROM runs WHERE status = 'running')").run(sha256);
      db.prepare('INSERT OR IGNORE INTO file_claims (sha256, run_id, claimed_at) VALUES (?, ?, ?)').run(sha256, runId, new Date().toISOString());
      const holder = db.prepare('SELECT run_id FROM file_claims WHERE sha256 = ?').get(sha256) as { run_id: number };
      return holder.run_id === runId;
    })
    .immediate();
}

export function releaseFile(db: Db, sha256: string, runId: number): void {
  db.prepare('DELETE FROM file_claims WHERE sha256 = ? AND run_id = ?').run(sha256, runId);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/** Counts are written as the batch goes, so a killed run still says how far it got. */
export function updateRunCounts(db: Db, runId: number, counts: RunCounts): void {
  db.prepare('UPDATE runs SET ok = ?, failed = ?, skipped = ? WHERE id = ?').run(counts.ok, counts.failed, counts.skipped, runId);
}

export function finishRun(db: Db, runId: number, counts: RunCounts): void {
  db.prepare('DELETE FROM file_claims WHERE run_id = ?').run(runId);
  db.prepare("UPDATE runs SET ok = ?, failed = ?, skipped = ?, finished_at = ?, status = 'finished' WHERE id = ?").run(
    counts.ok,
    counts.failed,
    counts.skipped,
    new Date().toISOString(),
    runId,
  );
}
