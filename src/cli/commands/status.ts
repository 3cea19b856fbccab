import type { GlobalOptions } from '../globals.ts'
import { loadProject, loadRecords } from '../../fs/loadProject.ts'
import { computeProgress } from '../../status/computeProgress.ts'
import { formatStatusReport } from '../../status/formatStatusReport.ts'

export interface StatusFlags {
  json?: boolean
}

/** `shiplog status [files…]`: progress per record, stage and group. */
export async function statusCommand(files: string[], flags: StatusFlags, globals: GlobalOptions): Promise<number> {
  const project = await loadProject(globals.root)
  const { records, skipped } = loadRecords(project, files)
  for (const skip of skipped) process.stderr.write(`${skip.file}: skipped: ${skip.reason}\n`)
  const progress = records.map(computeProgress)
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(progress, null, 2)}\n`)
  } else {
    process.stdout.write(formatStatusReport(progress, { color: globals.color, bars: process.stdout.isTTY === true }))
  }
  for (const record of records) {
    for (const problem of record.problems) {
      if (problem.severity === 'error') {
        process.stderr.write(`${record.file}:${problem.line}:${problem.column}: ${problem.message} (${problem.rule})\n`)
      }
    }
  }
  return records.some((record) => record.problems.some((p) => p.severity === 'error')) ? 1 : 0
}
