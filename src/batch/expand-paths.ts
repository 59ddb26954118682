/**
 * Paths to files, as a stream: folders are walked with opendir one entry at a
 * time, so a folder of 100,000 files never sits in memory as a list.
 *
 * Inside folders only plan-like files are taken (.txt/.docx/.pdf; not hidden
 * files or Office lock files ~$x.docx); a file named explicitly is always
 * taken and, if it is not a plan document, fails with a clear message.
 * A path that cannot be read (missing, broken symlink) is passed on so the
 * reader reports it like any other bad file.
 */
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatNamed } from '../ingest/formats.js';

export function isCandidateFile(name: string): boolean {
  return formatNamed(name) !== undefined && !name.startsWith('.') && !name.startsWith('~$');
}

export async function* expandPaths(paths: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  for await (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) yield* walk(path);
    else yield path;
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  const handle = await opendir(dir);
  // Subfolders are walked after the folder's own files, so only one open
  // directory handle per level is held at a time.
  const subdirs: string[] = [];
  for await (const entry of handle) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) subdirs.push(path);
    } else if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      // Linked folders are not followed (cycles); a broken link is reported as a bad file.
      if (!target) yield path;
      else if (target.isFile() && isCandidateFile(entry.name)) yield path;
    } else if (entry.isFile() && isCandidateFile(entry.name)) {
      yield path;
    }
  }
  subdirs.sort();
  for (const sub of subdirs) yield* walk(sub);
}
