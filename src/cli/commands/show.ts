import { loadProject } from '../../node/fs/loadProject.ts'
import { loadRecord } from '../../node/fs/loadRecord.ts'
import { recordViewOf } from '../../core/show/recordViewOf.ts'
import { formatRecordView } from '../../core/show/formatRecordView.ts'
import type { GlobalOptions } from '../globals.ts'
import { localToday } from '../localToday.ts'
import { printReadErrors } from '../printReadErrors.ts'

export interface ShowFlags {
  json?: boolean
  /** False with `--no-cache`. */
  cache?: boolean
}

/** `shiplog show <record|version>`: one record in the terminal (or as JSON). */
export async function showCommand(query: string, flags: ShowFlags, globals: GlobalOptions): Promise<number> {
  const project = await loadProject(globals.root)
  const { record } = await loadRecord(project, query, { cache: flags.cache !== false })
  const now = new Date()
  const view = recordViewOf(record, { now, today: localToday(now, project.config.timezone), timeZone: project.config.timezone })
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(view, null, 2)}\n`)
  } else {
    const tty = process.stdout.isTTY === true
    process.stdout.write(formatRecordView(view, { color: globals.color, bars: tty, width: tty && process.stdout.columns ? process.stdout.columns : 80 }))
  }
  return printReadErrors([record]) ? 1 : 0
}
