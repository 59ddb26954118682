/** planlens docs — every plan and its renderings. */
import { EXIT, type CliCommand } from '../command.js';
import { openExistingStore, withDbOption, withFormatOption } from '../options.js';
import { resolveFormat, writeRows } from '../output.js';
import { planLabel } from '../../records/plan-label.js';

export const docsCommand: CliCommand = (program, cli) => {
  const command = program.command('docs').description('list stored plans and their renderings (* = primary rendering, the one views count)');
  withDbOption(command);
  withFormatOption(command);
  command.addHelpText('after', '\nExamples:\n  planlens docs\n  planlens docs --format csv > docs.csv');
  command.action(async (options: { db: string; format?: string }) => {
    const format = resolveFormat(options.format, cli.stdout);
    const { listDocuments } = await import('../../store/index.js');
    const store = await openExistingStore(options.db);
    try {
      const rows = listDocuments(store.db).map((d) => ({
        plan: d.plan_id,
        doc: d.id,
        primary: format === 'table' ? (d.is_primary ? '*' : '') : Boolean(d.is_primary),
        format: d.format,
        pages: d.pages,
        chars: d.characters,
        similarity: d.plan_similarity === null ? null : Number(d.plan_similarity.toFixed(2)),
        // A table is read by people: a document with no title is named by region, type and year; csv/json keep the field as extracted.
        title: format === 'table' ? planLabel(d) : d.title,
        region: d.region,
        period: d.period_start ? `${d.period_start}-${d.period_end}` : null,
        type: d.type,
        sha256: format === 'table' ? d.sha256.slice(0, 10) : d.sha256,
        path: d.path,
      }));
      writeRows(cli.stdout, rows, format);
      cli.done(EXIT.ok);
    } finally {
      store.close();
    }
  });
};
