import { ShiplogError } from '../../errors.ts'
import { checkRecords } from '../../check/checkRecords.ts'
import { exitCode } from '../../check/exitCode.ts'
import { formatCheckResult, isCheckFormat, CHECK_FORMATS } from '../../check/format/index.ts'
import { loadProject, loadRecords } from '../../fs/loadProject.ts'
import { GitError, listChangedFiles } from '../../git/listChangedFiles.ts'
import type { GlobalOptions } from '../globals.ts'

export interface CheckFlags {
  format?: string
  changed?: string
  maxWarnings?: string
}

/** `shiplog check [files…]`: validates records; exit 0 clean, 1 errors, 2 usage or configuration error. */
export async function checkCommand(files: string[], flags: CheckFlags, globals: GlobalOptions): Promise<number> {
  const format = flags.format ?? 'text'
  if (!isCheckFormat(format)) {
    throw new ShiplogError(`Unexpected --format ${JSON.stringify(format)}: expected one of ${CHECK_FORMATS.join(', ')}`, 2)
  }
  let maxWarnings: number | undefined
  if (flags.maxWarnings !== undefined) {
    maxWarnings = Number(flags.maxWarnings)
    if (!/^\d+$/.test(flags.maxWarnings) || !Number.isSafeInteger(maxWarnings)) {
      throw new ShiplogError(`Unexpected --max-warnings ${JSON.stringify(flags.maxWarnings)}: expected a whole number ≥ 0`, 2)
    }
  }
  const project = await loadProject(globals.root)
  const all = loadRecords(project, files)
  for (const skip of all.skipped) process.stderr.write(`${skip.file}: skipped: ${skip.reason}\n`)
  let records = all.records
  if (flags.changed !== undefined) {
    let changed: string[]
    try {
      changed = await listChangedFiles(project.root, flags.changed, project.config.releases)
    } catch (error) {
      if (error instanceof GitError) throw new ShiplogError(`--changed ${flags.changed}: ${error.message}`, 2)
      throw error
    }
    const wanted = new Set(changed)
    records = records.filter((record) => wanted.has(record.file))
  }
  const result = checkRecords(records, { manifests: project.manifests, allRecords: all.records })
  const output = formatCheckResult(result, format, { color: globals.color })
  process.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`)
  return exitCode(result, maxWarnings === undefined ? {} : { maxWarnings })
}
