import { randomBytes } from 'node:crypto'
import { linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { ShiplogError } from '../../core/errors.ts'
import { isProcessAlive } from './isProcessAlive.ts'
import { isInside, projectFolder, realPathOf } from './pathRule.ts'

/**
 * Writes a file so that readers see the old content or the new, never a part: the text goes to a
 * temporary file beside the target (a dot file, which no command reads as a record), which then
 * replaces it. Without `overwrite`, an existing target is left untouched and a ShiplogError is
 * thrown (the no-clobber step is a hard link, which fails atomically when the target exists).
 * A process killed mid-write leaves its temporary file behind; the next write to the same target
 * removes it. A folder that cannot be written (read-only, full, a file in the way) is a
 * ShiplogError that says so. With `within`, a target whose folder's real path leaves that folder
 * (a symbolic link on the way) is refused before anything is made or written.
 */
export function writeFileAtomic(path: string, content: string, options: WriteFileAtomicOptions): void {
  if (options.within) assertWithin(path, options.within)
  assertReplaceable(path)
  try {
    write(path, content, options)
  } catch (error) {
    throw asWriteError(error, path)
  }
}

export interface WriteFileAtomicOptions {
  /** Replace an existing file (else a ShiplogError says it exists). */
  overwrite: boolean
  /**
   * The folder of the project the file belongs in (`folder`, relative to `root`, e.g. the releases
   * folder): the real path of the folder written into must lie inside the real path of `folder`,
   * which must lie inside the project (pathRule.ts). Checked before any folder is made.
   */
  within?: { root: string; folder: string }
  /**
   * The bytes the new content was made from: the target is replaced only if it still holds them,
   * so an edit saved between reading and writing is never lost.
   */
  unchanged?: Uint8Array
}

/**
 * Throws a ShiplogError (exit 2) when `path` names something that is not a file: a device such as
 * `/dev/full`, a named pipe or a socket would be replaced by the rename, not written to. A missing
 * target, a regular file and a symbolic link (replaced itself, never followed) pass.
 */
export function assertReplaceable(path: string): void {
  let stat: Stats | undefined
  try {
    // (A missing target is the common case, a new cache entry: no error is made for it.)
    stat = lstatSync(path, { throwIfNoEntry: false })
  } catch {
    return
  }
  if (stat === undefined) return
  // A folder fails the rename itself, and is reported as such (EISDIR).
  if (stat.isFile() || stat.isSymbolicLink() || stat.isDirectory()) return
  const kind = stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isFIFO() ? 'a named pipe' : stat.isSocket() ? 'a socket' : 'not a file'
  throw new ShiplogError(`Could not write ${path}: it is ${kind}, expected a file path (an existing file is replaced): nothing written`, 2)
}

/** Throws a ShiplogError (exit 2) unless the folder `path` goes into really lies inside `within`. */
function assertWithin(path: string, within: { root: string; folder: string }): void {
  const realFolder = projectFolder(within.root, within.folder, 'folder')
  const dir = dirname(resolve(path))
  const realDir = realPathOf(dir)
  if (realDir === null || !isInside(realDir, realFolder)) {
    throw new ShiplogError(
      `Could not write ${path}: ${realDir === null ? `a symbolic link on ${dir} is broken or loops` : `the real path of ${dir} is ${realDir}`}, expected a folder inside ${within.folder}/ (symbolic links are not followed out of it): nothing written`,
      2,
    )
  }
}

function write(path: string, content: string, options: { overwrite: boolean; unchanged?: Uint8Array }): void {
  const dir = dirname(path)
  mkdirSync(dir, { recursive: true })
  removeAbandonedTemps(dir, basename(path))
  const temp = tempPathOf(path)
  writeFileSync(temp, content, { flag: 'wx' })
  try {
    if (options.overwrite) {
      if (options.unchanged && !sameBytes(path, options.unchanged)) {
        throw new ShiplogError(`${path} changed on disk while shiplog was working on it: nothing written, run the command again`, 1)
      }
      renameSync(temp, path)
    } else {
      try {
        linkSync(temp, path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new ShiplogError(`${path} already exists; use --force to replace it`, 1)
        }
        throw error
      }
      unlinkSync(temp)
    }
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // the temporary file is already gone
    }
    throw error
  }
}

function sameBytes(path: string, bytes: Uint8Array): boolean {
  try {
    return Buffer.from(bytes).equals(readFileSync(path))
  } catch {
    return false
  }
}

/** A new temporary file's path beside `path`: a dot file naming this process, so an abandoned one can be told apart. */
export function tempPathOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

/** Temporary files of `name` left by writers that are gone (killed mid-write). */
export function removeAbandonedTemps(dir: string, name: string): void {
  const prefix = `.${name}.`
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue
    const pid = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry.slice(prefix.length))?.[1]
    if (pid === undefined || Number(pid) === process.pid || isProcessAlive(Number(pid))) continue
    try {
      unlinkSync(join(dir, entry))
    } catch {
      // removed by someone else meanwhile
    }
  }
}

const REASONS: { [code: string]: string } = {
  EACCES: 'permission denied (a read-only folder, or one that belongs to someone else)',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EISDIR: 'a folder is where the file should be',
  ENAMETOOLONG: 'the path is too long',
}

/** A file-system error while writing `path` as a ShiplogError saying why, when it is one we can explain. */
export function asWriteError(error: unknown, path: string): unknown {
  if (error instanceof ShiplogError) return error
  const code = (error as NodeJS.ErrnoException).code ?? ''
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    const file = fileInTheWay(dirname(path))
    if (file !== null) return new ShiplogError(`Could not write ${path}: ${file} is a file, expected a folder (${code})`, 1)
  }
  const reason = REASONS[code]
  return reason === undefined ? error : new ShiplogError(`Could not write ${path}: ${reason} (${code})`, 1)
}

/** The nearest of `dir` and its parents that exists and is not a folder, or null. */
function fileInTheWay(dir: string): string | null {
  for (let current = dir; ; current = dirname(current)) {
    try {
      if (!statSync(current).isDirectory()) return current
    } catch {
      // does not exist (or cannot be read): look further up
    }
    if (dirname(current) === current) return null
  }
}
