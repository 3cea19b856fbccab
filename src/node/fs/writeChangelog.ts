import { isAbsolute, relative, resolve, sep } from 'node:path'
import { decodeSource } from '../../core/record/decodeSource.ts'
import { ShiplogError } from '../../core/errors.ts'
import { insertChangelogEntry } from '../../core/notes/insertChangelogEntry.ts'
import { isInside, realPathOf, realRootOf } from './pathRule.ts'
import { readRegularFile } from './readRegularFile.ts'
import { writeFileAtomic } from './writeFileAtomic.ts'

/** The largest changelog read: 16 MiB. */
const MAX_CHANGELOG_BYTES = 16 * 1024 * 1024

export interface WriteChangelogResult {
  /** The changelog's path relative to the project, with `/`. */
  file: string
  /** False when the file already held the entry as it is (nothing was written). */
  changed: boolean
  /** True when the file did not exist and was made. */
  created: boolean
}

/**
 * Puts a release's entry into a Keep a Changelog file (`insertChangelogEntry`), made with the
 * standard header when missing. The file's real path must lie inside the project (the path rule:
 * no symbolic link leads out of it), else a ShiplogError (exit 2) before anything is read. Written
 * atomically, and only when its text changes: a second run with the same entry leaves it untouched.
 */
export function writeChangelog(root: string, path: string, version: string, entry: string, cwd: string = process.cwd()): WriteChangelogResult {
  const absolute = isAbsolute(path) ? path : resolve(cwd, path)
  const realRoot = realRootOf(root)
  const real = realPathOf(absolute)
  if (real === null || !isInside(real, realRoot) || real === realRoot) {
    throw new ShiplogError(
      `Unexpected changelog ${path}: ${real === null ? 'a symbolic link on its path is broken or loops' : `its real path ${real} is outside the project ${realRoot}`}, expected a file inside the project: nothing written`,
      2,
    )
  }
  const read = readRegularFile(absolute, MAX_CHANGELOG_BYTES)
  let existing: string | null = null
  if (read.ok) {
    if (read.bytes.length > MAX_CHANGELOG_BYTES) throw new ShiplogError(`${path}: Unexpected changelog larger than 16 MiB, expected a Markdown file: nothing written`, 2)
    const decoded = decodeSource(read.bytes)
    if (!decoded.ok) throw new ShiplogError(`${path}:${decoded.problem.line}:${decoded.problem.column}: ${decoded.problem.reason}: nothing written`, 2)
    existing = decoded.text
  } else if (read.kind !== 'missing') {
    throw new ShiplogError(`${path}: Unexpected ${read.kind}${read.code ? ` (${read.code})` : ''}, expected a Markdown file: nothing written`, 2)
  }
  const next = insertChangelogEntry(existing, version, entry)
  const file = relative(realRoot, real).split(sep).join('/')
  const unchanged = read.ok && existing === next && Buffer.from(next, 'utf8').equals(Buffer.from(read.bytes))
  if (unchanged) return { file, changed: false, created: false }
  writeFileAtomic(absolute, next, { overwrite: true, within: { root, folder: '.' } })
  return { file, changed: true, created: !read.ok }
}
