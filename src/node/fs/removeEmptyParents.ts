import { readdirSync, rmdirSync } from 'node:fs'
import { dirname, relative, sep } from 'node:path'

/** Removes `dir` and its parents while they are empty, up to (not including) `root`. */
export function removeEmptyParents(root: string, dir: string): void {
  let current = dir
  while (relative(root, current) !== '' && !relative(root, current).startsWith(`..${sep}`)) {
    try {
      if (readdirSync(current).length > 0) return
      rmdirSync(current)
    } catch {
      return
    }
    current = dirname(current)
  }
}
