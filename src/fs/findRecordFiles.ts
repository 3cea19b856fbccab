import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export interface FoundFiles {
  /** Record paths relative to the project root, with `/`, sorted. */
  files: string[]
  /** Entries skipped with a reason (symlinks leaving the releases folder, unreadable folders). */
  skipped: Array<{ file: string; reason: string }>
}

const IGNORED_NAMES = new Set(['readme.md', 'index.md'])

/** True for a file FORMAT.md §1 counts as a record: `.md`, not `_`/`.`-prefixed, not README/index. */
export function isRecordFileName(name: string): boolean {
  return name.endsWith('.md') && !name.startsWith('_') && !name.startsWith('.') && !IGNORED_NAMES.has(name.toLowerCase())
}

/**
 * Lists the record files under `releasesDir` (any depth), skipping names that start with `_` or
 * `.`, `README.md` and `index.md`. Symbolic links are followed only when they stay inside the
 * releases folder.
 */
export function findRecordFiles(root: string, releasesDir: string): FoundFiles {
  const top = join(root, releasesDir)
  const files: string[] = []
  const skipped: FoundFiles['skipped'] = []
  let realTop: string
  try {
    realTop = realpathSync(top)
  } catch {
    return { files, skipped }
  }
  const toRelative = (path: string): string => relative(root, path).split(sep).join('/')
  const walk = (dir: string, depth: number): void => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch (error) {
      skipped.push({ file: toRelative(dir), reason: `could not read the folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` })
      return
    }
    for (const entry of entries) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      let isDir = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        let target: string
        try {
          target = realpathSync(path)
        } catch {
          skipped.push({ file: toRelative(path), reason: 'broken symbolic link' })
          continue
        }
        if (target !== realTop && !target.startsWith(realTop + sep)) {
          skipped.push({ file: toRelative(path), reason: 'symbolic link pointing outside the releases folder' })
          continue
        }
        const stat = statSync(path)
        isDir = stat.isDirectory()
        isFile = stat.isFile()
      }
      if (isDir) {
        if (depth < 32) walk(path, depth + 1)
        continue
      }
      if (isFile && isRecordFileName(entry.name)) files.push(toRelative(path))
    }
  }
  if (lstatSync(top).isDirectory() || statSync(top).isDirectory()) walk(top, 0)
  files.sort()
  return { files, skipped }
}
