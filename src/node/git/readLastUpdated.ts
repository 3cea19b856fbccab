import { walkFileLog, type WalkFileLogOptions } from './walkFileLog.ts'

export type ReadLastUpdatedOptions = WalkFileLogOptions

/**
 * When each of `files` (paths relative to `cwd`, with `/`) was last committed: the committer date
 * of the newest commit that changed it (`git log -1 --format=%cI -- <file>`), as written by git
 * (`2026-03-05T09:30:00-05:00`). One `git log` for all files (`walkFileLog`), read newest first and
 * stopped once every file has its date, not one process per file. A file never committed has no
 * entry. No git, `cwd` outside a repository, or any other failure of git: an empty map, never an
 * error (the site simply shows no dates).
 */
export async function readLastUpdated(cwd: string, files: readonly string[], options: ReadLastUpdatedOptions = {}): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  const wanted = new Set(files)
  if (wanted.size === 0) return found
  const ok = await walkFileLog(
    cwd,
    (file, committed) => {
      if (!wanted.has(file) || found.has(file)) return false
      found.set(file, committed)
      return found.size === wanted.size
    },
    options,
  )
  return ok ? found : new Map()
}
