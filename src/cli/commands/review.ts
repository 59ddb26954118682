/**
 * `planlens review`: look at flagged extractions and correct them. Without a
 * subcommand it is an interactive session; the subcommands do the same one
 * step at a time for scripts (list, show, accept, reject, edit, add, history,
 * undo) and `promote` turns corrections into rule data. All of it is
 * src/review; this file only reads arguments and prints.
 */
import { createInterface } from 'node:readline/promises';
import { Option, type Command } from 'commander';
import type { FieldPatch, QueueFilters, ReviewItem } from '../../review/index.js';
import { FIELD_HELP, RECORD_TYPES, type RecordType } from '../../records/index.js';
import type { Store } from '../../store/index.js';
import { DEFAULT_RULES_DIR, REJECT_REASONS } from '../choices.js';
import { CliError, EXIT, UsageError, type CliCommand, type CliContext } from '../command.js';
import { loadRules, openExistingStore, withDbOption, withFormatOption, withRulesOption } from '../options.js';
import { resolveFormat, writeRows } from '../output.js';

/** src/review, loaded when a review command runs rather than whenever the CLI starts. */
type ReviewLib = typeof import('../../review/index.js');

interface CommonOptions {
  db: string;
  reviewer?: string;
  note?: string;
  format?: string;
}

/** Every field a correction may set, as --flag (the library checks which fit the record). */
const FIELD_OPTIONS: Array<[string, string]> = FIELD_HELP.map(([field, help]) => [field.replace(/_/g, '-'), help]);

const camel = (flag: string) => flag.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

function withFieldOptions(command: Command): Command {
  for (const [flag, help] of FIELD_OPTIONS) command.option(`--${flag} <${flag === 'lead' || flag === 'support' ? 'units' : 'value'}>`, help);
  return command;
}

function patchOf(options: Record<string, unknown>): FieldPatch {
  const patch: FieldPatch = {};
  for (const [flag] of FIELD_OPTIONS) {
    const value = options[camel(flag)];
    if (value !== undefined) patch[flag] = value as string;
  }
  return patch;
}

function withReviewerOption(command: Command): Command {
  return command.option('--reviewer <name>', 'who is reviewing (default: $PLANLENS_REVIEWER)').option('--note <text>', 'a note kept with the correction');
}

function reviewerOf(options: CommonOptions): { reviewer: string; note?: string } {
  const reviewer = (options.reviewer ?? process.env.PLANLENS_REVIEWER ?? '').trim();
  if (!reviewer) throw new UsageError('--reviewer: a reviewer name is required (or set PLANLENS_REVIEWER)');
  return { reviewer, note: options.note };
}

function withFilterOptions(command: Command): Command {
  return command
    .option('--document <ref>', 'only this document (id, path, sha256 prefix, or part of the path or title)')
    .option('--flag <kind>', 'only records with this flag (unlinked-indicator, correction-conflict …)')
    .option('--indicator <name>', 'only quantities whose indicator name or id contains this')
    .addOption(new Option('--type <type>', 'only this kind of record').choices([...RECORD_TYPES]))
    .option('--all', 'every record, not only flagged and reviewed ones')
    .option('--all-renderings', "every rendering of each plan, not only the primary one that queries count (a plan's .pdf/.txt twins)");
}

function filtersOf(options: Record<string, unknown>): QueueFilters {
  return {
    document: options.document as string | undefined,
    flag: options.flag as string | undefined,
    indicator: options.indicator as string | undefined,
    type: options.type as RecordType | undefined,
    all: Boolean(options.all),
    unreviewed: Boolean(options.unreviewed),
    allRenderings: Boolean(options.allRenderings),
  };
}

/** Library errors → CLI errors: bad input is bad usage (2), a missing record a failure (1). */
async function run<T>(dbPath: string, body: (store: Store, lib: ReviewLib) => T | Promise<T>): Promise<T> {
  const lib = await import('../../review/index.js');
  const { ReviewInputError, ReviewNotFound } = lib;
  const store = await openExistingStore(dbPath);
  try {
    return await body(store, lib);
  } catch (error) {
    if (error instanceof ReviewInputError) throw new UsageError(error.message);
    if (error instanceof ReviewNotFound) throw new CliError(error.message);
    throw error;
  } finally {
    store.close();
  }
}

function itemRow(item: ReviewItem) {
  return {
    id: item.id,
    document: item.documentId,
    section: item.sectionPath,
    record: item.label,
    flags: item.flags.map((f) => f.kind).join(', '),
    status: item.status ?? '',
    check: item.check ?? '',
    reviewer: item.reviewedBy ?? '',
  };
}

function printItems(cli: CliContext, items: ReviewItem[], format: string | undefined): void {
  const resolved = resolveFormat(format, cli.stdout);
  // JSON carries the whole item (fields, extracted values, flags in words, the sentence): what a program needs.
  if (resolved === 'json') writeRows(cli.stdout, items as unknown as Array<Record<string, unknown>>, 'json');
  else writeRows(cli.stdout, items.map(itemRow), resolved);
}

function printDone(cli: CliContext, verb: string, item: ReviewItem, format?: string): void {
  if (format === 'json') cli.stdout.write(JSON.stringify(item, null, 2) + '\n');
  else
    cli.stdout.write(
      `${verb} ${item.id}: ${item.label}${item.status ? ` [${item.status}${item.check && item.check !== 'same' ? `, ${item.check}` : ''}]` : ''}\n`,
    );
}

export const reviewCommand: CliCommand = (program, cli) => {
  const review = program
    .command('review')
    .description('review flagged extractions: interactive session, or list/accept/reject/edit/add/undo/history/promote')
    .addHelpText(
      'after',
      `
Without a command: an interactive session over the records nobody has reviewed, resuming where you
stopped. It takes --reviewer NAME (or $PLANLENS_REVIEWER), --db PATH and the filters of \`review list\`
(--document REF, --flag KIND, --indicator TEXT, --type TYPE, --all).

Examples:
  planlens review --reviewer alice                       interactive: a accept, r reject, e edit, s skip, u undo, q quit
  planlens review list --flag unlinked-indicator --format json
  planlens review edit q12 --value 100 --unit 件 --reviewer alice
  planlens review add --document xuanwu --text 马德里商标有效注册86件 --indicator 马德里商标有效注册量 --kind actual --value 86 --unit 件 --year 2020
  planlens review promote --yes                          corrections → rules/indicators/<domain>.yaml aliases, rules/units.yaml units`,
    );

  const session = review.command('session', { isDefault: true, hidden: true }).description('interactive review session');
  withFilterOptions(withReviewerOption(withDbOption(session)));
  session.action(async (options: CommonOptions & Record<string, unknown>) => {
    const who = reviewerOf(options);
    const { runSession } = await import('../review/session.js');
    await run(options.db, async (store) => {
      const summary = await runSession({ db: store.db, reviewer: who.reviewer, filters: filtersOf(options), input: process.stdin, output: cli.stdout });
      cli.stdout.write(
        `\n${summary.accepted} accepted, ${summary.rejected} rejected, ${summary.edited} edited, ${summary.undone} undone, ${summary.skipped} skipped; ${summary.left} left for next time\n`,
      );
    });
    cli.done(EXIT.ok);
  });

  const list = review
    .command('list')
    .description('the review queue: flagged records (and reviewed ones) in document order')
    .option('--unreviewed', 'only records nobody has reviewed (and conflicts)');
  list.addHelpText(
    'after',
    "\nExamples:\n  planlens review list --unreviewed\n  planlens review list --document xuanwu --flag unlinked-indicator --format json | jq '.[].id'",
  );
  withFormatOption(withFilterOptions(withDbOption(list)));
  list.action(async (options: CommonOptions & Record<string, unknown>) => {
    await run(options.db, (store, { listQueue }) => printItems(cli, listQueue(store.db, filtersOf(options)), options.format));
    cli.done(EXIT.ok);
  });

  const showCmd = review.command('show').description('one record: sentence, span, fields, extracted values, flags').argument('<id>');
  showCmd.addHelpText('after', '\nExamples:\n  planlens review show q12\n  planlens review show q12 --format json');
  withDbOption(showCmd).addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'));
  showCmd.action(async (id: string, options: CommonOptions) => {
    await run(options.db, (store, { getItem }) => {
      const item = getItem(store.db, id);
      if (options.format === 'json') cli.stdout.write(JSON.stringify(item, null, 2) + '\n');
      else
        cli.stdout.write(
          `${item.id} ${item.label}\n  ${item.sentence}\n  flags: ${item.flags.map((f) => `${f.kind} (${f.reason})`).join('; ') || 'none'}\n  status: ${item.status ?? 'not reviewed'}\n`,
        );
    });
    cli.done(EXIT.ok);
  });

  const acceptCmd = review.command('accept').description('the record is right as it is').argument('<ids...>');
  acceptCmd.addHelpText('after', '\nExamples:\n  planlens review accept q12 q13 --reviewer alice');
  withReviewerOption(withDbOption(acceptCmd)).addOption(new Option('--format <format>').choices(['text', 'json']).default('text'));
  acceptCmd.action(async (ids: string[], options: CommonOptions) => {
    const who = reviewerOf(options);
    await run(options.db, (store, { accept }) => ids.forEach((id) => printDone(cli, 'accepted', accept(store.db, id, who), options.format)));
    cli.done(EXIT.ok);
  });

  const rejectCmd = review.command('reject').description('the record is wrong: not a target, not a department …').argument('<ids...>');
  rejectCmd.addHelpText('after', '\nExamples:\n  planlens review reject q12 --reason not-a-target --reviewer alice');
  withReviewerOption(withDbOption(rejectCmd))
    .option('--reason <reason>', `why (${REJECT_REASONS.join(', ')}, or your words)`, 'wrong')
    .addOption(new Option('--format <format>').choices(['text', 'json']).default('text'));
  rejectCmd.action(async (ids: string[], options: CommonOptions & { reason: string }) => {
    const who = reviewerOf(options);
    await run(options.db, (store, { reject }) => ids.forEach((id) => printDone(cli, 'rejected', reject(store.db, id, options.reason, who), options.format)));
    cli.done(EXIT.ok);
  });

  const editCmd = review.command('edit').description('correct fields of a record (only the ones given change)').argument('<id>');
  editCmd.addHelpText(
    'after',
    "\nExamples:\n  planlens review edit q12 --value 100 --unit 件 --reviewer alice\n  planlens review edit q12 --indicator-id ip.pct-applications --note 'PCT, not invention patents'",
  );
  withRulesOption(withFieldOptions(withReviewerOption(withDbOption(editCmd)))).addOption(
    new Option('--format <format>').choices(['text', 'json']).default('text'),
  );
  editCmd.action(async (id: string, options: CommonOptions & { rules: string } & Record<string, unknown>) => {
    const who = reviewerOf(options);
    const patch = patchOf(options);
    if (Object.keys(patch).length === 0) throw new UsageError(`review edit: say what to change (${FIELD_OPTIONS.map(([f]) => '--' + f).join(' ')})`);
    const rules = await loadRules(options.rules);
    await run(options.db, (store, { edit }) => {
      printDone(cli, 'corrected', edit(store.db, id, patch, who, { rules }), options.format);
    });
    cli.done(EXIT.ok);
  });

  const addCmd = review.command('add').description('add a record the extraction missed, pointing at its sentence');
  addCmd.addHelpText(
    'after',
    '\nExamples:\n  planlens review add --document xuanwu --text 马德里商标有效注册86件 --indicator 马德里商标有效注册量 --kind actual --value 86 --unit 件 --year 2020\n  planlens review add --document 3 --sentence 120 --type department --name 区科技局',
  );
  withRulesOption(withFieldOptions(withReviewerOption(withDbOption(addCmd))))
    .requiredOption('--document <ref>', 'the document (id, path, sha256 prefix, or part of the path or title)')
    .addOption(new Option('--type <type>', 'kind of record').choices([...RECORD_TYPES]).default('quantity'))
    .option('--sentence <n>', 'sentence index (see `planlens show`, `planlens search`)')
    .option('--text <words>', 'words of the sentence (the record’s span); must be in one sentence unless --sentence is given')
    .addOption(new Option('--format <format>').choices(['text', 'json']).default('text'));
  addCmd.action(
    async (options: CommonOptions & { rules: string; document: string; type: RecordType; sentence?: string; text?: string } & Record<string, unknown>) => {
      const who = reviewerOf(options);
      if (options.sentence !== undefined && !/^\d+$/.test(options.sentence)) throw new UsageError(`--sentence: '${options.sentence}' is not a sentence index`);
      if (options.sentence === undefined && options.text === undefined) throw new UsageError('review add: say which sentence (--sentence N or --text WORDS)');
      const rules = await loadRules(options.rules);
      await run(options.db, (store, { addRecord }) => {
        const item = addRecord(
          store.db,
          {
            document: options.document,
            type: options.type,
            sentenceIndex: options.sentence === undefined ? undefined : Number(options.sentence),
            text: options.text,
            fields: patchOf(options),
          },
          who,
          { rules },
        );
        printDone(cli, 'added', item, options.format);
      });
      cli.done(EXIT.ok);
    },
  );

  const historyCmd = review.command('history').description('every correction of a record: who, when, before → after, in force or undone').argument('<id>');
  historyCmd.addHelpText('after', '\nExamples:\n  planlens review history q12 --format table');
  withFormatOption(withDbOption(historyCmd));
  historyCmd.action(async (id: string, options: CommonOptions) => {
    await run(options.db, (store, { history }) => {
      const entries = history(store.db, id);
      const format = resolveFormat(options.format, cli.stdout);
      if (format === 'json') writeRows(cli.stdout, entries as unknown as Array<Record<string, unknown>>, 'json');
      else
        writeRows(
          cli.stdout,
          entries.map((e) => ({
            correction: e.id,
            action: e.action + (e.undoes ? ` #${e.undoes}` : ''),
            reviewer: e.reviewer,
            at: e.at,
            change: changeText(e.before, e.after) + (e.reason ? ` (${e.reason})` : ''),
            in_force: e.action === 'undo' ? '' : e.inForce ? 'yes' : 'undone',
            note: e.note ?? '',
          })),
          format,
          // Named, so a record nobody corrected still gets a CSV header.
          ['correction', 'action', 'reviewer', 'at', 'change', 'in_force', 'note'],
        );
    });
    cli.done(EXIT.ok);
  });

  const undoCmd = review.command('undo').description('revert the latest correction of a record (kept in the history as an undo)').argument('<id>');
  undoCmd.addHelpText('after', '\nExamples:\n  planlens review undo q12 --reviewer alice');
  withReviewerOption(withDbOption(undoCmd)).addOption(new Option('--format <format>').choices(['text', 'json']).default('text'));
  undoCmd.action(async (id: string, options: CommonOptions) => {
    const who = reviewerOf(options);
    await run(options.db, (store, { undo }) => printDone(cli, 'undone', undo(store.db, id, who), options.format));
    cli.done(EXIT.ok);
  });

  const promote = review
    .command('promote')
    .description(
      'turn corrections into rule data (indicator aliases, units), or accept a group of names as a new indicator: shows the diff, writes on confirmation',
    );
  promote.addHelpText(
    'after',
    `
Examples:
  planlens review promote                 shows the diff, asks before writing
  planlens review promote --yes           for scripts
  planlens review promote --group 3 --id sci.unicorn-firms --field category=运用
                                          group 3 of \`planlens indicators --groups\` as a new indicator`,
  );
  withRulesOption(withDbOption(promote))
    .option('--yes', 'write without asking (for scripts)')
    .option('--group <n>', 'accept this group of `planlens indicators --groups` (its number or its suggested name) as a new indicator')
    .option('--id <id>', 'with --group: the new indicator id')
    .option('--name <name>', "with --group: the indicator's name (default: the group's suggested name)")
    .option('--field <key=value>', 'with --group: a further field of the entry (category=运用, domain=…); repeatable', collectField, {});
  promote.action(async (options: CommonOptions & PromoteOptions) => {
    await run(options.db, async (store, { planPromotion, planGroupPromotion, writePromotion }) => {
      const rulesDir = options.rules ?? DEFAULT_RULES_DIR;
      const plan = options.group !== undefined ? planGroupPromotion(rulesDir, await acceptedGroup(store, options)) : planPromotion(store.db, rulesDir);
      for (const line of plan.skipped) cli.stderr.write(`planlens: ${line}\n`);
      if (plan.changes.length === 0) {
        cli.stdout.write('Nothing to promote: no correction adds an indicator alias or a unit the rules lack.\n');
        return;
      }
      cli.stdout.write(plan.diff);
      for (const c of plan.changes)
        cli.stdout.write(
          c.kind === 'indicator'
            ? `new indicator ${c.target}: ${c.value}\n`
            : `${c.kind === 'unit' ? 'unit' : `alias of ${c.target}`}: ${c.value} (from correction ${c.corrections.join(', ')})\n`,
        );
      if (!options.yes) {
        if (!process.stdin.isTTY) throw new UsageError('review promote: not writing without confirmation; pass --yes');
        const rl = createInterface({ input: process.stdin, output: cli.stdout });
        const answer = await rl.question('Write these changes to the rules? [y/N] ');
        rl.close();
        if (!/^y(es)?$/i.test(answer.trim())) {
          cli.stdout.write('Nothing written.\n');
          return;
        }
      }
      for (const file of writePromotion(plan)) cli.stdout.write(`wrote ${file}\n`);
      cli.stdout.write('Re-ingest with --force to apply the new rules to stored documents.\n');
    });
    cli.done(EXIT.ok);
  });
};

interface PromoteOptions {
  rules: string;
  yes?: boolean;
  group?: string;
  id?: string;
  name?: string;
  field: Record<string, string>;
}

function collectField(value: string, fields: Record<string, string>): Record<string, string> {
  const m = /^([A-Za-z][\w-]*)=(.+)$/.exec(value);
  if (!m) throw new UsageError(`--field '${value}': expected KEY=VALUE`);
  return { ...fields, [m[1]!]: m[2]! };
}

/** The group the reviewer names, as the new indicator's entry. */
async function acceptedGroup(store: Store, options: PromoteOptions): Promise<import('../../review/index.js').NewIndicator> {
  if (!options.id) throw new UsageError('review promote --group: --id ID is required (the new indicator id)');
  const { indicatorGroups } = await import('../../analyst/indicator-groups.js');
  const groups = indicatorGroups(store.db);
  const group = groups.find((g) => String(g.group) === options.group || g.name === options.group);
  if (!group) throw new UsageError(`--group '${options.group}': no such group (${groups.length} groups; see \`planlens indicators --groups\`)`);
  const name = options.name ?? group.name;
  return { id: options.id, name, aliases: group.members.map((m) => m.name), baseUnit: group.unit, fields: options.field };
}

function changeText(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  if (!before && after) return 'added';
  if (!before || !after) return '';
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
  return keys.map((k) => `${k} ${String(before[k] ?? '∅')} → ${String(after[k] ?? '∅')}`).join('; ') || '—';
}
