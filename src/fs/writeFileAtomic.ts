import { randomBytes } from 'node:crypto'
import { linkSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { ShiplogError } from '../errors.ts'

/**
 * Writes a file so that readers see the old content or the new, never a part: the text goes to a
 * temporary file beside the target, which then replaces it. Without `overwrite`, an existing
 * target is left untouched and a ShiplogError is thrown (the no-clobber step is a hard link,
 * which fails atomically when the target exists).
 */
export function writeFileAtomic(path: string, content: string, options: { overwrite: boolean }): void {
  const dir = dirname(path)
  mkdirSync(dir, { recursive: true })
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  writeFileSync(temp, content, { flag: 'wx' })
  try {
    if (options.overwrite) {
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
