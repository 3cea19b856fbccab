import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { isInside, projectFolder, realPathOf } from '../fs/pathRule.ts'

/** Listed record files as they are now: those still there and inside the releases folder, and those whose real path has left it. */
export interface RecordFilesNow {
  present: string[]
  /** Files that became symbolic links (or lie under one) leading out of the releases folder: never read. */
  outside: string[]
}

/**
 * Sorts record files listed a moment ago (relative to `root`) by what they are now: the path rule
 * (pathRule.ts) holds for a file listed before it changed, so one whose real path has left the
 * releases folder (a link made to point outside since) is set aside, not read; one removed since
 * is in neither list. The dev server reads saves and its start's batches through it: a read of
 * given files refuses a file outside the releases folder outright.
 */
export function recordFilesStillIn(root: string, releases: string, files: readonly string[]): RecordFilesNow {
  const realReleases = projectFolder(root, releases, 'releases folder')
  const present: string[] = []
  const outside: string[] = []
  for (const file of files) {
    if (!existsSync(join(root, file))) continue
    const real = realPathOf(join(root, file))
    if (real !== null && isInside(real, realReleases)) present.push(file)
    else outside.push(file)
  }
  return { present, outside }
}
