/**
 * Preloaded into a measured child process (`node --import` this file's
 * compiled .js): at exit, writes the process's own CPU time and peak RSS to
 * the file named by PLANLENS_BENCH_USAGE. The parent cannot read a child's
 * CPU time from Node, and this keeps the measured command unchanged.
 */
import { writeFileSync } from 'node:fs';

export interface ChildUsage {
  cpuMs: number;
  maxRssMB: number;
}

const out = process.env.PLANLENS_BENCH_USAGE;
if (out) {
  process.on('exit', () => {
    const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
    const usage: ChildUsage = { cpuMs: Math.round((userCPUTime + systemCPUTime) / 1000), maxRssMB: Math.round(maxRSS / 1024) };
    writeFileSync(out, JSON.stringify(usage));
  });
}
