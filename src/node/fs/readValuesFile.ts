import { resolve } from 'node:path'
import { ShiplogError } from '../../core/errors.ts'
import { MAX_VALUES_FILE_SIZE } from '../../core/new/parseValuesFile.ts'
import { readRegularFile } from './readRegularFile.ts'

const EXPECTED = 'expected a YAML or JSON file of values'

/**
 * The bytes of a `--values` file (`file` as given, relative to `cwd`): a regular file, read up to
 * one byte past `MAX_VALUES_FILE_SIZE` (`parseValuesFile` refuses what is longer). Anything else
 * is a one-line `ShiplogError` (exit code 2) naming the file and what was expected.
 */
export function readValuesFile(file: string, cwd: string = process.cwd()): Uint8Array {
  const read = readRegularFile(resolve(cwd, file), MAX_VALUES_FILE_SIZE)
  if (read.ok) return read.bytes
  switch (read.kind) {
    case 'missing':
      throw new ShiplogError(`no such file, ${EXPECTED}`, 2, { file })
    case 'unreadable':
      throw new ShiplogError(`could not read the file (${read.code ?? 'error'}), ${EXPECTED}`, 2, { file })
    default:
      throw new ShiplogError(`Unexpected ${read.kind}, ${EXPECTED}`, 2, { file })
  }
}
