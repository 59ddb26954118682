/**
 * Tab-separated rows for pandas/awk users: tabs and line breaks inside a
 * value (sentences from tables) become spaces, so one record is one line.
 */
export function formatTsv(rows: Array<Record<string, unknown>>, columns: string[]): string {
  const field = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return text.replace(/[\t\r\n]+/g, ' ');
  };
  return [columns.map(field).join('\t'), ...rows.map((r) => columns.map((c) => field(r[c])).join('\t'))].join('\n') + '\n';
}
