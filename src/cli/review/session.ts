/**
 * `planlens review`: the interactive session. One record at a time — its
 * sentence with the extracted span highlighted, section and page, fields and
 * flags — and one key to act: a accept, r reject, e edit, s skip, u undo,
 * q quit. Every action goes through the same library calls as
 * `planlens review accept|reject|edit|undo`, and the place is saved after
 * each, so the next session resumes where this one stopped.
 */
import {
  accept,
  edit,
  getItem,
  listQueue,
  loadProgress,
  reject,
  saveProgress,
  undo,
  ReviewInputError,
  type FieldPatch,
  type QueueFilters,
  type ReviewItem,
} from '../../review/index.js';
import { placeOf, resumeOrder } from '../../review/progress.js';
import type { Db } from '../../store/index.js';
import { REJECT_REASONS } from '../choices.js';
import { KeyReader } from './keys.js';

export interface SessionOptions {
  db: Db;
  reviewer: string;
  filters: QueueFilters;
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  rulesDir?: string;
}

export interface SessionSummary {
  accepted: number;
  rejected: number;
  edited: number;
  skipped: number;
  undone: number;
  left: number;
}

export { REJECT_REASONS };

export function renderItem(item: ReviewItem, position: string, color: boolean): string {
  const mark = (text: string) => (color ? `\x1b[7m${text}\x1b[0m` : `[[${text}]]`);
  const dim = (text: string) => (color ? `\x1b[2m${text}\x1b[0m` : text);
  const sentence = item.span
    ? item.sentence.slice(0, item.span.start) + mark(item.sentence.slice(item.span.start, item.span.end)) + item.sentence.slice(item.span.end)
    : item.sentence;
  const where = [
    item.documentPath,
    item.sectionPath ? `§ ${item.sectionPath}` : '§ (top)',
    item.page !== null ? `p. ${item.page}` : null,
    item.sentenceIndex !== null ? `sentence ${item.sentenceIndex}` : null,
  ]
    .filter(Boolean)
    .join('  ');
  const fields = Object.entries(item.fields)
    .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
    .map(
      ([k, v]) =>
        `${k}: ${Array.isArray(v) ? v.join('、') : String(v)}${item.extracted && JSON.stringify(item.extracted[k] ?? null) !== JSON.stringify(v) ? dim(` (extracted: ${show(item.extracted[k])})`) : ''}`,
    );
  const lines = [
    '',
    `${position}  ${item.id}  ${item.type}  ${dim(where)}`,
    `  ${sentence}`,
    ...fields.map((f) => `    ${f}`),
    ...item.flags.map((f) => `  ! ${f.kind}: ${f.reason}`),
    item.status ? `  reviewed: ${item.status}${item.check ? ` (${item.check})` : ''} by ${item.reviewedBy}` : '  not reviewed yet',
    '  a accept  r reject  e edit  s skip  u undo  q quit',
  ];
  return lines.join('\n') + '\n> ';
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  return Array.isArray(v) ? v.join('、') : String(v);
}

/** "value=100 unit=件 lead=甲、乙" → a patch; values may be quoted to hold blanks. */
export function parseEditLine(line: string): FieldPatch {
  const patch: FieldPatch = {};
  const re = /([\w-]+)\s*=\s*("([^"]*)"|'([^']*)'|\S*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) patch[m[1]!] = m[3] ?? m[4] ?? m[2]!;
  if (Object.keys(patch).length === 0) throw new ReviewInputError(`'${line}': write field=value pairs, e.g. value=100 unit=件`);
  return patch;
}

export async function runSession(options: SessionOptions): Promise<SessionSummary> {
  const { db, reviewer, output } = options;
  const who = { reviewer };
  const color = Boolean(output.isTTY);
  const keys = new KeyReader(options.input, output);
  const summary: SessionSummary = { accepted: 0, rejected: 0, edited: 0, skipped: 0, undone: 0, left: 0 };
  const done: string[] = [];
  try {
    const queue = resumeOrder(listQueue(db, { ...options.filters, unreviewed: true }), loadProgress(db, reviewer));
    if (queue.length === 0) {
      output.write('Nothing to review: every flagged record has been reviewed.\n');
      return summary;
    }
    output.write(`${queue.length} record(s) to review as ${reviewer}.\n`);
    let i = 0;
    while (i < queue.length) {
      let item: ReviewItem;
      try {
        item = getItem(db, queue[i]!.id);
      } catch {
        // Gone since the queue was read (re-ingested): move on.
        i++;
        continue;
      }
      output.write(renderItem(item, `[${i + 1}/${queue.length}]`, color));
      const key = (await keys.key()).toLowerCase();
      try {
        if (key === 'q') break;
        if (key === 'a') {
          accept(db, item.id, who);
          summary.accepted++;
          done.push(item.id);
        } else if (key === 'r') {
          output.write(`  reason (${REJECT_REASONS.map((r, n) => `${n + 1} ${r}`).join(', ')}, or your words): `);
          const answer = (await keys.line())?.trim();
          if (!answer) continue;
          const reason = REJECT_REASONS[Number(answer) - 1] ?? answer;
          reject(db, item.id, reason, who);
          summary.rejected++;
          done.push(item.id);
        } else if (key === 'e') {
          output.write('  field=value … (e.g. value=100 unit=件 year=2025): ');
          const answer = (await keys.line())?.trim();
          if (!answer) continue;
          edit(db, item.id, parseEditLine(answer), who, {});
          summary.edited++;
          done.push(item.id);
        } else if (key === 's') {
          summary.skipped++;
        } else if (key === 'u') {
          const last = done.pop();
          if (!last) {
            output.write('  nothing to undo in this session\n');
            continue;
          }
          const restored = undo(db, last, who);
          summary.undone++;
          output.write(`  undone: ${restored.id} is ${restored.status ?? 'not reviewed'} again\n`);
          // Back to the record just undone, so it can be reviewed again.
          const back = queue.findIndex((q) => q.id === last);
          if (back >= 0) {
            queue[back] = restored;
            i = back;
          }
          continue;
        } else {
          output.write(`  '${key}' is no action here\n`);
          continue;
        }
      } catch (error) {
        output.write(`  ${(error as Error).message.split('\n')[0]}\n`);
        continue;
      }
      saveProgress(db, reviewer, placeOf(item));
      i++;
    }
    summary.left = queue.length - i;
    return summary;
  } finally {
    keys.close();
  }
}
