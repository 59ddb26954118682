/**
 * Paths to files, as a stream: folders are walked with opendir one entry at a
 * time, so a folder of 100,000 files never sits in memory as a list.
 *
 * Inside folders only plan-like files are taken (.txt/.docx/.pdf; not hidden
 * files or Office lock files ~$x.docx); a file named explicitly is always
 * taken and, if it is not a plan document, fails with a clear message.
 * A path that cannot be read (missing, broken symlink) is passed on so the
 * reader reports it like any other bad file. A folder that cannot be read
 * (no permission, gone or replaced while the batch runs) is reported to
 * `onUnreadableFolder` and the walk goes on with the next one.
 */
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatNamed } from '../ingest/formats.js';

export function isCandidateFile(name: string): boolean {
  return formatNamed(name) !== undefined && !name.startsWith('.') && !name.startsWith('~$');
}

export type UnreadableFolder = (path: string, problem: string) => void;

export async function* expandPaths(paths: Iterable<string> | AsyncIterable<string>, onUnreadableFolder: UnreadableFolder = () => {}): AsyncGenerator<string> {
  for await (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) yield* walk(path, onUnreadableFolder);
    else yield path;
  }
}

async function* walk(dir: string, onUnreadable: UnreadableFolder): AsyncGenerator<string> {
  // Subfolders are walked after the folder's own files, so only one open
  // directory handle per level is held at a time.
  const subdirs: string[] = [];
  try {
    yield* folderEntries(dir, subdirs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    onUnreadable(dir, `cannot read the folder (${code ?? (error as Error).message.split('\n')[0]}); files in it were not ingested`);
  }
  subdirs.sort();
  for (const sub of subdirs) yield* walk(sub, onUnreadable);
}

async function* folderEntries(dir: string, subdirs: string[]): AsyncGenerator<string> {
  const handle = await opendir(dir);
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
}
