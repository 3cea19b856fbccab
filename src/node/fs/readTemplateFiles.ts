import { basename, isAbsolute, relative, resolve, sep } from 'node:path'
import type { TemplateSource } from '../../core/check/templates/validateTemplate.ts'
import { ShiplogError } from '../../core/errors.ts'
import { MAX_RECORD_SIZE } from '../../core/record/maxRecordSize.ts'
import { readRegularFile } from './readRegularFile.ts'

/**
 * Reads the template files `check --templates` was given (relative to `cwd`), each shown relative
 * to the project `root` when inside it. A template renders into a record, so each must be a
 * regular file no larger than a record may be: a pipe or a device is refused without being read,
 * and a larger file is refused (ShiplogError, exit 2, naming the file).
 */
export function readTemplateFiles(root: string, files: readonly string[], cwd: string): TemplateSource[] {
  return files.map((file) => {
    const absolute = resolve(cwd, file)
    const read = readRegularFile(absolute, MAX_RECORD_SIZE)
    if (!read.ok) {
      const what = read.kind === 'unreadable' ? `unreadable file (${read.code ?? 'error'})` : read.kind === 'missing' ? 'missing file' : read.kind
      throw new ShiplogError(`Unexpected ${what}, expected a template file`, 2, { file })
    }
    if (read.bytes.length > MAX_RECORD_SIZE) throw new ShiplogError('Unexpected template of more than 1 MiB, expected at most 1 MiB (as much as a record may hold)', 2, { file })
    const source = Buffer.from(read.bytes).toString('utf8')
    const rel = relative(root, absolute)
    const display = rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split(sep).join('/')
    return { name: basename(absolute).replace(/\.md$/i, ''), file: display, source }
  })
}
