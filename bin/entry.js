// Which planlens to run: the compiled dist/ when it was built from the
// sources as they are now, else the TypeScript sources through tsx. So a
// fresh clone (npm install builds dist/ in `prepare`) starts fast, and an
// edit to src/ takes effect at once without a build — never stale output.
//
// "As they are now" is decided by file times, at the cost of one directory
// walk and a stat per source file and folder (about 200, a few milliseconds):
// `npm run build` stamps dist/ with the time the build STARTED, so a source
// saved during or after a build is newer than the stamp and the sources run.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Written by scripts/build-dist.js after a successful build; its mtime is when that build started. */
export const BUILD_STAMP = '.built';

/** Set to 1 to run the TypeScript sources even when dist/ is fresh (debugging with source lines). */
export const FORCE_SOURCE_ENV = 'PLANLENS_SOURCE';

/**
 * The newest modification time under `dir`, of its files and of its folders
 * (a folder's time changes when a file in it is deleted or renamed); 0 for a
 * missing folder.
 */
export function newestMtime(dir) {
  let newest;
  let names;
  try {
    newest = statSync(dir).mtimeMs;
    names = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of names) {
    if (!entry.isFile() && !entry.isDirectory()) continue;
    const mtime = statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/**
 * 'dist' when dist/ holds a finished build no older than every file in src/;
 * 'source' otherwise (no build, a failed or partial one, an edited source).
 */
export function chooseEntry(root, env = process.env) {
  if (env[FORCE_SOURCE_ENV] === '1') return 'source';
  let built;
  try {
    built = statSync(join(root, 'dist', BUILD_STAMP)).mtimeMs;
  } catch {
    return 'source';
  }
  return newestMtime(join(root, 'src')) > built ? 'source' : 'dist';
}
