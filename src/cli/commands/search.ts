/** planlens search QUERY — sentences containing Chinese words, with where they are. */
import { EXIT, UsageError, type CliCommand } from '../command.js';
import { openExistingStore, parsePositiveInt, withDbOption, withFormatOption, withRulesOption } from '../options.js';
import { resolveFormat, writeRows } from '../output.js';

export const searchCommand: CliCommand = (program, cli) => {
  const command = program
    .command('search')
    .description('find sentences by words (cut with jieba like the stored text); one rendering per plan unless --all-renderings')
    .argument('<query...>', 'words; several are all required')
    .option('--limit <n>', 'at most this many hits', parsePositiveInt('--limit'), 50)
    .option('--all-renderings', "search every rendering, not only each plan's primary one");
  withDbOption(command);
  withFormatOption(command);
  withRulesOption(command);
  command.addHelpText('after', '\nExamples:\n  planlens search 质押融资\n  planlens search 专利 转化 --format csv');
  command.action(async (words: string[], options: { db: string; format?: string; limit: number; allRenderings?: boolean; rules: string }) => {
    const query = words.join(' ').trim();
    if (!query) throw new UsageError('search: the query is empty');
    const format = resolveFormat(options.format, cli.stdout);
    const { searchSentences, queryCutter } = await import('../../store/index.js');
    const store = await openExistingStore(options.db);
    try {
      const hits = searchSentences(store.db, query, {
        limit: options.limit,
        allRenderings: options.allRenderings ?? false,
        cut: queryCutter(options.rules),
      });
      const rows = hits.map((h) => ({
        doc: h.document_id,
        plan: h.plan_id,
        format: h.format,
        section: h.section_path,
        page: h.page,
        sentence: h.sentence_idx,
        text: h.text,
        path: h.path,
      }));
      writeRows(cli.stdout, rows, format);
      // Nothing found is an answer, not a failure.
      cli.done(EXIT.ok);
    } finally {
      store.close();
    }
  });
};
