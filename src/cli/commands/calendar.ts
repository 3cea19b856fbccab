import { resolve } from 'node:path'
import type { GlobalOptions } from '../globals.ts'
import { releaseCalendarOf } from '../../core/feed/releaseCalendarOf.ts'
import { loadProject } from '../../node/fs/loadProject.ts'
import { loadRecords } from '../../node/fs/loadRecords.ts'
import { withSkipped } from '../../node/fs/skippedRecords.ts'
import { writeFileAtomic } from '../../node/fs/writeFileAtomic.ts'
import { readRevisions } from '../../node/git/readRevisions.ts'
import { printReadErrors } from '../printReadErrors.ts'

export interface CalendarFlags {
  /** Write the calendar to this file (relative to the working folder) instead of stdout. */
  out?: string
  /** False with `--no-cache`: parse every record, neither reading nor writing the record cache. */
  cache?: boolean
}

/** `shiplog calendar [files…]`: the releases' iCalendar (the site's releases.ics) on stdout or in `--out`. */
export async function calendarCommand(files: string[], flags: CalendarFlags, globals: GlobalOptions): Promise<number> {
  const project = await loadProject(globals.root)
  const records = withSkipped(await loadRecords(project, files, { cache: flags.cache !== false }), project.config.template)
  const revisions = await readRevisions(
    project.root,
    records.map((record) => record.file),
  )
  const calendar = releaseCalendarOf(records, {
    title: project.config.site.title,
    siteUrl: project.config.site.url,
    releasesDir: project.config.releases,
    revisions,
    timeZone: project.config.timezone,
  })
  if (flags.out === undefined) process.stdout.write(calendar)
  else writeFileAtomic(resolve(flags.out), calendar, { overwrite: true })
  return printReadErrors(records) ? 1 : 0
}
