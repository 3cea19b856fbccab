import type { RecordRevision } from '../../core/feed/types.ts'
import { walkFileLog, type WalkFileLogOptions } from './walkFileLog.ts'

/** A file's history in git: how many commits changed it and when the newest did. */
export type Revision = RecordRevision

/**
 * The history of each of `files` (paths relative to `cwd`, with `/`): the number of commits that
 * changed it and the date of the newest, from one `git log` over the whole history (`walkFileLog`).
 * The count grows by one with every commit that changes the file, which is what a calendar's
 * SEQUENCE needs. A file never committed has no entry; no git, `cwd` outside a repository or any
 * other failure of git gives an empty map, never an error.
 */
export async function readRevisions(cwd: string, files: readonly string[], options: WalkFileLogOptions = {}): Promise<Map<string, Revision>> {
  const found = new Map<string, Revision>()
  const wanted = new Set(files)
  if (wanted.size === 0) return found
  const ok = await walkFileLog(
    cwd,
    (file, committed) => {
      if (!wanted.has(file)) return
      const known = found.get(file)
      if (known === undefined) found.set(file, { commits: 1, lastUpdated: committed })
      else known.commits += 1
    },
    options,
  )
  return ok ? found : new Map()
}
