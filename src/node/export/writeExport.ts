import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openAtomicFile } from '../fs/openAtomicFile.ts'
import type { Project } from '../fs/loadProject.ts'
import { exportRecords, type ExportRecordsOptions, type ExportSummary } from './exportRecords.ts'
import { loadDuckDb, type DuckDbLoader } from './loadDuckDb.ts'
import { writeParquet } from './writeParquet.ts'

/** The formats `shiplog export` writes. */
export const EXPORT_FORMATS = ['ndjson', 'parquet'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface WriteExportOptions extends ExportRecordsOptions {
  /** `ndjson` (the default) or `parquet` (through DuckDB, an optional dependency). */
  format?: ExportFormat
  /** How DuckDB is loaded for Parquet (default: import `@duckdb/node-api`). */
  loadDuckDb?: DuckDbLoader
}

/**
 * Writes the project's export (`exportRecords`) to the file `out`, atomically: NDJSON is streamed
 * into a temporary file beside `out` that replaces it once complete; Parquet is converted by
 * DuckDB from NDJSON streamed into a temporary folder (removed after). On any error `out` keeps
 * its old content (or stays absent). Without DuckDB installed, Parquet is a ShiplogError (exit 2)
 * before anything is read.
 */
export async function writeExport(project: Project, out: string, options: WriteExportOptions): Promise<ExportSummary> {
  if ((options.format ?? 'ndjson') === 'ndjson') return streamTo(out, (write) => exportRecords(project, write, options))
  const duckdb = await loadDuckDb(options.loadDuckDb)
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-export-'))
  try {
    const ndjson = join(dir, 'export.ndjson')
    const summary = await streamTo(ndjson, (write) => exportRecords(project, write, options))
    await writeParquet(duckdb, ndjson, out)
    return summary
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function streamTo(path: string, run: (write: (text: string) => Promise<void>) => Promise<ExportSummary>): Promise<ExportSummary> {
  const file = await openAtomicFile(path)
  try {
    const summary = await run((text) => file.write(text))
    await file.commit()
    return summary
  } catch (error) {
    await file.abort()
    throw error
  }
}
