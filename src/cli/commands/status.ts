import type { GlobalOptions } from '../globals.ts'
import { loadProject } from '../../node/fs/loadProject.ts'
import { loadRecords } from '../../node/fs/loadRecords.ts'
import { withSkipped } from '../../node/fs/skippedRecords.ts'
import { oneLine } from '../../core/check/format/sanitize.ts'
import type { RecordProgress } from '../../core/status/types.ts'
import { localToday } from '../localToday.ts'
import { printReadErrors } from '../printReadErrors.ts'
import { computeProgress } from '../../core/status/computeProgress.ts'
import { formatStatusReport } from '../../core/status/formatStatusReport.ts'

export interface StatusFlags {
  json?: boolean
  /** False with `--no-cache`: parse every record, neither reading nor writing the record cache. */
  cache?: boolean
}

/** `shiplog status [files…]`: progress per record, stage and group, and the action items (overdue on the local date). */
export async function statusCommand(files: string[], flags: StatusFlags, globals: GlobalOptions): Promise<number> {
  const project = await loadProject(globals.root)
  const records = withSkipped(await loadRecords(project, files, { cache: flags.cache !== false }), project.config.template)
  const now = new Date()
  const today = localToday(now, project.config.timezone)
  const progress = records.map((record) => computeProgress(record, { now, today }))
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(progress, null, 2)}\n`)
  } else {
    process.stdout.write(formatStatusReport(progress.map(printable), { color: globals.color, bars: process.stdout.isTTY === true }))
  }
  return printReadErrors(records) ? 1 : 0
}

/** Names and values from records on one line without control characters: no escape sequence reaches the terminal (the status is a lifecycle state or null). */
function printable(progress: RecordProgress): RecordProgress {
  return {
    ...progress,
    file: oneLine(progress.file),
    version: progress.version === null ? null : oneLine(progress.version),
    stages: progress.stages.map((stage) => ({
      ...stage,
      name: oneLine(stage.name),
      ...(stage.role ? { role: oneLine(stage.role) } : {}),
      ...(stage.actual ? { actual: { ...stage.actual, started: stage.actual.started && oneLine(stage.actual.started), ended: stage.actual.ended && oneLine(stage.actual.ended) } } : {}),
      groups: stage.groups.map((group) => ({ ...group, name: oneLine(group.name) })),
    })),
    actionItems: progress.actionItems.map((item) => ({ ...item, owner: item.owner === null ? null : oneLine(item.owner) })),
  }
}
