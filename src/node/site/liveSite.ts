import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { removeEmptyParents } from '../fs/removeEmptyParents.ts'
import { writeFileAtomic } from '../fs/writeFileAtomic.ts'

/** What a change to the generated folder did: paths relative to it, with `/`. */
export interface LiveSiteChange {
  written: string[]
  removed: string[]
}

/**
 * The generated folder of a running dev server, known by digest: each file's content is kept as
 * a SHA-1 of it, not as text (at 5,000 records the files hold ~330 MB, which the server would
 * otherwise keep to compare the next save's files with). A file is written only when its
 * content changed. Files belong to a group (a release's files, the site's other files):
 * putting a group's files removes that group's files no longer among them.
 */
export interface LiveSite {
  /** Writes one file of `group` unless it already holds `content`; true when written. */
  write(group: string, path: string, content: string): boolean
  /** Writes the files of `group` whose content changed and removes its files not in `files` (pages before the data they import). */
  put(group: string, files: Iterable<readonly [string, string]>): LiveSiteChange
  /** Removes every file of `group`. */
  drop(group: string): string[]
  /** From now on files are replaced atomically: a server reads the folder (before, it is being filled while nothing reads it). */
  serving(): void
}

/** Starts the generated folder `srcDir` afresh: whatever it held is removed. */
export function createLiveSite(srcDir: string): LiveSite {
  rmSync(srcDir, { recursive: true, force: true })
  const digests = new Map<string, string>()
  const groups = new Map<string, Set<string>>()
  // The group a file belongs to now: a path another group took over (a route that moved) is its.
  const owner = new Map<string, string>()
  const made = new Set<string>()
  let atomic = false

  const write = (group: string, path: string, content: string): boolean => {
    const digest = createHash('sha1').update(content).digest('base64')
    let owned = groups.get(group)
    if (owned === undefined) groups.set(group, (owned = new Set()))
    owned.add(path)
    owner.set(path, group)
    if (digests.get(path) === digest) return false
    const target = join(srcDir, path)
    if (atomic) writeFileAtomic(target, content, { overwrite: true })
    else {
      const dir = dirname(target)
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true })
        made.add(dir)
      }
      writeFileSync(target, content)
    }
    digests.set(path, digest)
    return true
  }

  // Pages first, then their data: a page must never import data that is already gone.
  const remove = (group: string, owned: Iterable<string>): string[] => {
    const paths = [...owned].filter((path) => owner.get(path) === group)
    paths.sort((a, b) => Number(b.endsWith('.md')) - Number(a.endsWith('.md')))
    for (const path of paths) {
      rmSync(join(srcDir, path), { force: true })
      digests.delete(path)
      owner.delete(path)
      removeEmptyParents(srcDir, dirname(join(srcDir, path)))
    }
    return paths
  }

  return {
    write,
    put(group, files) {
      const before = groups.get(group) ?? new Set<string>()
      groups.set(group, new Set())
      const written: string[] = []
      for (const [path, content] of files) if (write(group, path, content)) written.push(path)
      const now = groups.get(group) as Set<string>
      return { written, removed: remove(group, [...before].filter((path) => !now.has(path))) }
    },
    drop(group) {
      const owned = groups.get(group)
      groups.delete(group)
      return owned === undefined ? [] : remove(group, owned)
    },
    serving() {
      atomic = true
      made.clear()
    },
  }
}
