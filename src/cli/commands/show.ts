/** planlens show DOC — metadata, renderings, section tree and counts of one document. */
import type { DocumentRow } from '../../store/index.js';
import { printable } from '../../core/printable.js';
import { CliError, EXIT, type CliCommand } from '../command.js';
import { openExistingStore, withDbOption, withFormatOption } from '../options.js';
import { resolveFormat, writeRows } from '../output.js';
import { planLabel } from '../../records/plan-label.js';

export const showCommand: CliCommand = (program, cli) => {
  const command = program
    .command('show')
    .description('one document: metadata, renderings of its plan, section tree, counts, messages')
    .argument('<doc>', 'document id, sha256 prefix, path, or a unique part of its path or title');
  withDbOption(command);
  withFormatOption(command);
  command.addHelpText(
    'after',
    '\nExamples:\n  planlens show 1\n  planlens show corpora/xuanwu-ip-14fyp-plan.pdf\n  planlens show 玄武 --format json\n\n--format csv prints the section tree as rows.',
  );
  command.action(async (ref: string, options: { db: string; format?: string }) => {
    const format = resolveFormat(options.format, cli.stdout);
    const { correctionConflictsOf, countsOf, findDocuments, messagesOf, pathsOf, renderingsOf, sectionsOf } = await import('../../store/index.js');
    const store = await openExistingStore(options.db);
    try {
      const matches = findDocuments(store.db, ref);
      if (matches.length === 0) throw new CliError(`show: no document matches '${ref}' (try \`planlens docs\`)`);
      // Several renderings of one plan match a title: show the primary one.
      const plans = new Set(matches.map((m) => m.plan_id));
      if (matches.length > 1 && plans.size > 1) {
        throw new CliError(`show: '${ref}' matches ${matches.length} documents (ids ${matches.map((m) => m.id).join(', ')}); give an id`);
      }
      const doc = matches.find((m) => m.is_primary) ?? matches[0]!;
      const sections = sectionsOf(store.db, doc.id);
      if (format === 'csv') {
        writeRows(cli.stdout, sections as unknown as Record<string, unknown>[], 'csv');
      } else {
        const details = {
          document: doc,
          paths: pathsOf(store.db, doc.id),
          renderings: doc.plan_id === null ? [] : renderingsOf(store.db, doc.plan_id),
          counts: countsOf(store.db, doc.id),
          correctionConflicts: correctionConflictsOf(store.db, doc.id),
          sections,
          messages: messagesOf(store.db, doc.id),
        };
        cli.stdout.write(format === 'json' ? JSON.stringify(details, null, 2) + '\n' : readable(details));
      }
      cli.done(EXIT.ok);
    } finally {
      store.close();
    }
  });
};

function readable(d: {
  document: DocumentRow;
  paths: string[];
  renderings: DocumentRow[];
  counts: object;
  correctionConflicts: number;
  sections: Array<{ path: string; number: string; heading: string; level: number; page: number | null }>;
  messages: Array<{ severity: string; stage: string; code: string; text: string }>;
}): string {
  const doc = d.document;
  const field = (name: string, value: unknown) => `  ${name.padEnd(11)} ${value ?? '—'}`;
  const out = [
    `${planLabel(doc)}  [document ${doc.id}, plan ${doc.plan_id ?? '—'}]`,
    field('region', [doc.region, doc.region_code, doc.level].filter(Boolean).join(' ') || null),
    field('issuer', doc.issuer),
    field('doc number', doc.doc_number),
    field('issued', doc.issued),
    field('period', doc.period_start ? `${doc.period_start}–${doc.period_end}` : null),
    field('type', doc.type),
    field('file', `${doc.format}, ${doc.bytes} bytes${doc.pages ? `, ${doc.pages} pages` : ''}${doc.encoding ? `, ${doc.encoding}` : ''}`),
    field('sha256', doc.sha256),
    field('rules', `${doc.rules_version} (pipeline ${doc.pipeline}, ingested ${doc.ingested_at})`),
    field('paths', d.paths.map(printable).join(', ')),
    field(
      'counts',
      Object.entries(d.counts as Record<string, number>)
        .map(([k, v]) => `${v} ${k}`)
        .join(', '),
    ),
    ...(d.correctionConflicts
      ? [
          field(
            'conflicts',
            `${d.correctionConflicts} correction(s) no longer fit the text (planlens review list --flag correction-conflict --document ${doc.id})`,
          ),
        ]
      : []),
    '',
    'Renderings of this plan (* = primary, used by views):',
    ...d.renderings.map(
      (r) =>
        `  ${r.is_primary ? '*' : ' '} ${String(r.id).padStart(4)}  ${r.format.padEnd(4)}  ${r.plan_similarity === null ? '    ' : r.plan_similarity.toFixed(2)}  ${printable(r.path)}`,
    ),
    '',
    'Sections:',
    ...d.sections.map((s) => `  ${'  '.repeat(Math.max(0, s.level - 1))}${s.number} ${s.heading}${s.page ? `  (p. ${s.page})` : ''}`),
  ];
  if (d.sections.length === 0) out.push('  (none recognised)');
  if (d.messages.length) out.push('', 'Messages:', ...d.messages.map((m) => `  ${m.severity} ${m.stage}/${m.code}: ${printable(m.text)}`));
  return out.join('\n') + '\n';
}
