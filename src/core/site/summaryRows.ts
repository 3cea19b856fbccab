import type { Table, TableRow } from '../record/types.ts'

/**
 * The rows of a table the release page's summary shows: those with something written (not
 * `unfilled`). A table with none is not shown in the summary, and stays in the record's section.
 */
export function summaryRows(table: Table): TableRow[] {
  return table.rows.filter((row) => !row.unfilled)
}
