import { renameSync, unlinkSync } from 'node:fs'
import { duckDbColumns } from '../../core/export/exportColumns.ts'
import { asWriteError, tempPathOf } from '../fs/writeFileAtomic.ts'
import type { DuckDbModule } from './loadDuckDb.ts'

/** A path as an SQL string literal. */
function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

/**
 * Converts an NDJSON export (`ndjson`) to a Parquet file at `out` with DuckDB (in process, in
 * memory): the columns of `EXPORT_COLUMNS`, with their types, in line order. DuckDB writes a
 * temporary file beside `out`, which then replaces it, so `out` is the old file or the new one,
 * never a part.
 */
export async function writeParquet(duckdb: DuckDbModule, ndjson: string, out: string): Promise<void> {
  const temp = tempPathOf(out)
  const instance = await duckdb.DuckDBInstance.create(':memory:')
  try {
    const connection = await instance.connect()
    try {
      await connection.run(
        `COPY (SELECT * FROM read_json(${sqlString(ndjson)}, format = 'newline_delimited', columns = ${duckDbColumns()})) TO ${sqlString(temp)} (FORMAT parquet)`,
      )
    } finally {
      connection.closeSync()
    }
    renameSync(temp, out)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // never written
    }
    throw asWriteError(error, out)
  } finally {
    instance.closeSync()
  }
}
