import { exportRowsOf } from '../../core/export/exportRowsOf.ts'
import type { ReleaseRecord } from '../../core/record/types.ts'
import type { Project } from '../fs/loadProject.ts'
import { streamRecords } from '../fs/streamRecords.ts'

export interface ExportRecordsOptions {
  /** The repository label every line carries. */
  repository: string
  /** Record files or folders (default: every record under the releases folder), as `loadRecords`. */
  files?: string[]
  cwd?: string
  /** Use the record cache; default true. */
  cache?: boolean
  /** Records read at a time (`streamRecords`). */
  batch?: number
}

/** What an export wrote, and the records it could not read. */
export interface ExportSummary {
  records: number
  deployments: number
  changes: number
  incidents: number
  /** Records with an error-level problem (not read wholly, so not exported): to be reported. */
  unreadable: ReleaseRecord[]
}

/** Lines are handed to `write` in chunks of about this many characters. */
const CHUNK = 64 * 1024

/**
 * Writes the project's records as NDJSON lines of the export schema (`exportRowsOf`), streaming:
 * records are read a batch at a time (`streamRecords`) and each record's lines are handed to
 * `write` as it is read, which is awaited (back-pressure), so memory does not grow with the
 * number of records. Nothing is printed; `write` decides where the text goes.
 */
export async function exportRecords(project: Project, write: (text: string) => Promise<void>, options: ExportRecordsOptions): Promise<ExportSummary> {
  const summary: ExportSummary = { records: 0, deployments: 0, changes: 0, incidents: 0, unreadable: [] }
  let pending = ''
  for await (const record of streamRecords(project, options.files ?? [], {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.cache === undefined ? {} : { cache: options.cache }),
    ...(options.batch === undefined ? {} : { batch: options.batch }),
  })) {
    summary.records++
    if (record.problems.some((problem) => problem.severity === 'error')) summary.unreadable.push(record)
    for (const row of exportRowsOf(record, options.repository)) {
      if (row.kind === 'deployment') summary.deployments++
      else if (row.kind === 'change') summary.changes++
      else summary.incidents++
      pending += `${JSON.stringify(row)}\n`
    }
    if (pending.length >= CHUNK) {
      await write(pending)
      pending = ''
    }
  }
  if (pending !== '') await write(pending)
  return summary
}
