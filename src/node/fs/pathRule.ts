import { lstatSync, realpathSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { ShiplogError } from '../../core/errors.ts'

/*
 * The path rule, one for every file shiplog reads, writes or deletes: what counts is a path's
 * *real* path, every symbolic link on it resolved, and that real path must lie inside the folder
 * the file belongs to: a record inside the releases folder, a template inside the templates
 * folder, a generated page or a cache entry inside `.shiplog`, and each of those folders inside
 * the project. A path that leaves its folder is refused (a folder) or skipped with a diagnostic
 * (a record found while listing), never followed.
 */

/**
 * The real path of `path` (made absolute): every symbolic link on it resolved. For a path that
 * does not exist (yet), the real path of its nearest existing parent joined with the rest, which
 * is where it would be created. Null when a symbolic link on the way is broken or loops.
 */
export function realPathOf(path: string): string | null {
  const rest: string[] = []
  for (let current = resolve(path); ; current = dirname(current)) {
    let exists = true
    try {
      lstatSync(current)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return null
      exists = false
    }
    if (exists) {
      try {
        return join(realpathSync(current), ...rest)
      } catch {
        return null
      }
    }
    if (dirname(current) === current) return null
    rest.unshift(basename(current))
  }
}

/** True when `path` is `folder` or lies inside it (both absolute; compare real paths). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/** The real path of the project folder `root`. */
export function realRootOf(root: string): string {
  return realpathSync(resolve(root))
}

/**
 * The real path of a folder of the project (the releases folder, the templates folder, `.shiplog`,
 * an output folder given relative to it), which must lie inside the project's real path; `what`
 * names it in the message. Throws a ShiplogError (exit 2) when a symbolic link takes it out of the
 * project, or is broken or loops. The folder need not exist.
 */
export function projectFolder(root: string, folder: string, what: string): string {
  return folderInside(resolve(root, folder), realRootOf(root), `${what} ${folder}`, 'the project')
}

/**
 * The real path of `path`, which must lie inside `within` (a real path, `withinName` in the
 * message); throws a ShiplogError (exit 2) naming `what` otherwise.
 */
export function folderInside(path: string, within: string, what: string, withinName: string): string {
  const real = realPathOf(path)
  if (real === null) {
    throw new ShiplogError(`Unexpected ${what}: a symbolic link on its path is broken or loops, expected a folder inside ${withinName}`, 2)
  }
  if (!isInside(real, within)) {
    throw new ShiplogError(
      `Unexpected ${what}: its real path ${real} is outside ${withinName}, expected a folder inside it (symbolic links are not followed out of it)`,
      2,
    )
  }
  return real
}
