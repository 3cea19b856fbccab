import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { isRecordFileName } from '../../core/record/isRecordFileName.ts'
import { isInside, projectFolder } from './pathRule.ts'

export interface FoundFiles {
  /** Record paths relative to the project root, with `/`, sorted. */
  files: string[]
  /** Entries skipped with a reason (symlinks leaving the releases folder, unreadable folders). */
  skipped: Array<{ file: string; reason: string }>
}

/** The reason given when the releases folder is a file. */
export const NOT_A_FOLDER = 'file where the releases folder should be'

/**
 * Lists the record files under `releasesDir` (any depth), skipping names that start with `_` or
 * `.`, `README.md` and `index.md`. Symbolic links are followed only when they stay inside the
 * releases folder (pathRule.ts): a link leaving it, even to elsewhere in the project, is skipped.
 * Entries that cannot be read as records (links leaving the folder, broken links, loops, pipes and
 * devices, unreadable folders, a releases "folder" that is a file) are listed in `skipped` with the
 * reason. A releases folder whose real path is outside the project is refused: a ShiplogError
 * (exit 2), nothing read.
 */
export function findRecordFiles(root: string, releasesDir: string): FoundFiles {
  const top = join(root, releasesDir)
  const files: string[] = []
  const skipped: FoundFiles['skipped'] = []
  const realTop = projectFolder(root, releasesDir, 'releases folder')
  if (!existsSync(realTop)) return { files, skipped }
  const toRelative = (path: string): string => relative(root, path).split(sep).join('/')
  // Real paths of the folders walked: a link back to one of them (a loop) is not walked twice.
  const walked = new Set<string>([realTop])
  const walk = (dir: string, depth: number): void => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch (error) {
      skipped.push({ file: toRelative(dir), reason: `folder that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` })
      return
    }
    for (const entry of entries) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      const recordName = isRecordFileName(entry.name)
      let isDir = entry.isDirectory()
      let isFile = entry.isFile()
      let real = path
      if (entry.isSymbolicLink()) {
        let stat
        try {
          real = realpathSync(path)
          stat = statSync(real)
        } catch {
          if (recordName) skipped.push({ file: toRelative(path), reason: 'broken symbolic link' })
          continue
        }
        isDir = stat.isDirectory()
        isFile = stat.isFile()
        if (!isInside(real, realTop)) {
          if (isDir || recordName) skipped.push({ file: toRelative(path), reason: 'symbolic link pointing outside the releases folder' })
          continue
        }
      }
      if (isDir) {
        if (entry.isSymbolicLink()) {
          if (walked.has(real)) {
            skipped.push({ file: toRelative(path), reason: 'symbolic link to a folder already read (a loop)' })
            continue
          }
        } else {
          try {
            real = realpathSync(path)
          } catch {
            continue
          }
        }
        walked.add(real)
        if (depth < 32) walk(path, depth + 1)
        continue
      }
      if (!recordName) continue
      if (isFile) files.push(toRelative(path))
      else skipped.push({ file: toRelative(path), reason: 'special file (a pipe, socket or device)' })
    }
  }
  if (statSync(top).isDirectory()) walk(top, 0)
  else skipped.push({ file: toRelative(top), reason: NOT_A_FOLDER })
  files.sort()
  return { files, skipped }
}
