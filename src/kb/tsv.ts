// Reads the curated knowledge-base tables in src/kb/curated/*.tsv: `#` lines are comments, the first
// other line names the columns, every further line is one record. A cell that holds a list separates
// its items with `|`. A malformed line fails the build with its file and line number.

export type TsvRow = Readonly<Record<string, string>> & { readonly line: string };

/** The records of a table, each with its cells by column name and `line` (`file:number`) for messages. */
export function readTsv(text: string, file: string): TsvRow[] {
  const rows: TsvRow[] = [];
  let columns: string[] | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t').map((c) => c.trim());
    if (columns === undefined) {
      columns = cells;
      return;
    }
    const where = `${file}:${i + 1}`;
    if (cells.length > columns.length)
      throw new Error(`${where}: ${cells.length} cells, the header names ${columns.length}`);
    const row: Record<string, string> = { line: where };
    columns.forEach((name, k) => {
      row[name] = cells[k] ?? '';
    });
    rows.push(row as TsvRow);
  });
  return rows;
}

/** The items of a `|`-separated cell, trimmed, without blanks. */
export function listCell(cell: string | undefined): string[] {
  return (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The cell, failing with the row's line when it is blank. */
export function requiredCell(row: TsvRow, column: string): string {
  const value = row[column];
  if (!value) throw new Error(`${row.line}: column ${column} is empty`);
  return value;
}
