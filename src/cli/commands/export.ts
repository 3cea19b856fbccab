import { resolve } from 'node:path'
import { repositoryOf } from '../../core/config/repositoryOf.ts'
import { ShiplogError } from '../../core/errors.ts'
import { EXPORT_SCHEMA } from '../../core/export/exportSchema.ts'
import { exportRecords, type ExportSummary } from '../../node/export/exportRecords.ts'
import { EXPORT_FORMATS, writeExport, type ExportFormat } from '../../node/export/writeExport.ts'
import { loadProject } from '../../node/fs/loadProject.ts'
import { printReadErrors } from '../printReadErrors.ts'
import type { GlobalOptions } from '../globals.ts'

export interface ExportFlags {
  out?: string
  format?: string
  /** An Apache DevLake webhook connection's URL: post to it instead of writing data. */
  devlake?: string
  /** With `devlake`: print the payloads instead of posting them. */
  dryRun?: boolean
  /** With `devlake`: the repository URL sent with each commit. */
  repoUrl?: string
  /** False with `--no-cache`. */
  cache?: boolean
}

/**
 * `shiplog export`: the records as data (NDJSON or Parquet), one line per deployment, change and
 * incident; with `--devlake`, posted to an Apache DevLake webhook instead.
 */
export async function exportCommand(files: string[], flags: ExportFlags, globals: GlobalOptions): Promise<number> {
  if (flags.devlake !== undefined) {
    const mixed = [flags.out !== undefined && '--out', flags.format !== undefined && '--format', files.length > 0 && 'record files'].filter((flag) => flag !== false)
    if (mixed.length > 0) throw new ShiplogError(`Unexpected ${mixed.join(' and ')} with --devlake: expected --devlake alone (it posts every production deployment of the project)`, 2)
    const { exportDevlake } = await import('./exportDevlake.ts')
    return exportDevlake({ ...flags, devlake: flags.devlake }, globals)
  }
  if (flags.dryRun === true || flags.repoUrl !== undefined) {
    throw new ShiplogError(`Unexpected ${flags.dryRun === true ? '--dry-run' : '--repo-url'} without a DevLake webhook: expected --devlake <webhook-url>`, 2)
  }
  const format = (flags.format ?? 'ndjson').trim().toLowerCase()
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new ShiplogError(`Unexpected --format ${JSON.stringify(flags.format)}: expected ${EXPORT_FORMATS.join(' or ')}`, 2)
  }
  if (format === 'parquet' && flags.out === undefined) {
    throw new ShiplogError('Unexpected --format parquet without --out: expected --out FILE.parquet (Parquet is not written to the terminal)', 2)
  }
  if (flags.out !== undefined && flags.out.trim() === '') throw new ShiplogError('Unexpected empty --out: expected a file path', 2)
  const project = await loadProject(globals.root)
  // The repository label: config `repository`, else the project folder's name.
  const options = { repository: repositoryOf(project.config, project.root), files, cache: flags.cache !== false }
  let summary: ExportSummary
  if (flags.out === undefined) {
    summary = await exportRecords(project, writeStdout, options)
  } else {
    const out = resolve(flags.out)
    summary = await writeExport(project, out, { ...options, format: format as ExportFormat })
    process.stdout.write(
      `Wrote ${flags.out} (${format === 'parquet' ? 'Parquet' : 'NDJSON'}, ${EXPORT_SCHEMA}): ${summary.deployments} deployments, ${summary.changes} changes, ${summary.incidents} incidents from ${summary.records} records\n`,
    )
  }
  return printReadErrors(summary.unreadable) ? 1 : 0
}

/** Writes to stdout, waiting while its buffer is full, so a slow reader does not make memory grow. */
async function writeStdout(text: string): Promise<void> {
  if (process.stdout.write(text)) return
  await new Promise<void>((done) => process.stdout.once('drain', done))
}
