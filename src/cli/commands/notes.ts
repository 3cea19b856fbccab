import { resolve } from 'node:path'
import { loadProject } from '../../node/fs/loadProject.ts'
import { loadRecord } from '../../node/fs/loadRecord.ts'
import { writeChangelog } from '../../node/fs/writeChangelog.ts'
import { writeFileAtomic } from '../../node/fs/writeFileAtomic.ts'
import { releaseNotesOf } from '../../core/notes/releaseNotesOf.ts'
import { formatReleaseNotes } from '../../core/notes/formatReleaseNotes.ts'
import { changelogEntryOf } from '../../core/notes/changelogEntryOf.ts'
import { oneLine } from '../../core/check/format/sanitize.ts'
import type { GlobalOptions } from '../globals.ts'
import { printReadErrors } from '../printReadErrors.ts'

export interface NotesFlags {
  /** A Keep a Changelog file to put the release into. */
  changelog?: string
  /** Write the notes to this file instead of stdout. */
  out?: string
  /** False with `--no-cache`. */
  cache?: boolean
}

/**
 * `shiplog notes <record|version>`: the record's release notes as Markdown on stdout (or `--out`);
 * with `--changelog`, the release put into that Keep a Changelog file instead (idempotently).
 */
export async function notesCommand(query: string, flags: NotesFlags, globals: GlobalOptions): Promise<number> {
  const project = await loadProject(globals.root)
  const { record, body } = await loadRecord(project, query, { cache: flags.cache !== false })
  // A record that could not be read whole gives no notes rather than wrong ones.
  if (printReadErrors([record])) return 1
  const notes = releaseNotesOf(record, body, {
    repo: project.config.site.repoUrl === null ? null : { url: project.config.site.repoUrl, branch: project.config.site.branch },
    timeZone: project.config.timezone,
  })
  const text = formatReleaseNotes(notes)
  if (flags.out !== undefined) {
    writeFileAtomic(resolve(flags.out), text, { overwrite: true })
    process.stderr.write(`Wrote the notes of ${oneLine(record.file)} to ${flags.out}\n`)
  }
  if (flags.changelog !== undefined) {
    const entry = changelogEntryOf(notes)
    const result = writeChangelog(project.root, flags.changelog, notes.version as string, entry)
    const what = !result.changed ? 'already holds' : result.created ? 'created with' : 'updated with'
    process.stderr.write(`${result.file}: ${what} ${oneLine(notes.version ?? '')} (${oneLine(record.file)})\n`)
  }
  if (flags.out === undefined && flags.changelog === undefined) process.stdout.write(text)
  return 0
}
