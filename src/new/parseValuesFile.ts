import { LineCounter, parseDocument } from 'yaml'
import { ShiplogError } from '../errors.ts'

/**
 * Reads a `--values` file (YAML, or JSON, which is YAML too) into values; errors name the file,
 * line and column.
 */
export function parseValuesFile(text: string, file: string): { [name: string]: unknown } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true, prettyErrors: false, schema: 'failsafe' })
  const error = doc.errors[0]
  if (error) {
    const pos = lineCounter.linePos(error.pos[0])
    throw new ShiplogError(`${file}:${pos.line}:${pos.col}: Unexpected ${error.message.split('\n')[0]}, expected a YAML or JSON map of values`, 2)
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 })
  if (data === null || data === undefined) return Object.create(null)
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ShiplogError(`${file}:1:1: Unexpected ${Array.isArray(data) ? 'list' : typeof data}, expected a map of values (key: value)`, 2)
  }
  const values: { [name: string]: unknown } = Object.create(null)
  for (const [key, value] of Object.entries(data)) values[key] = value
  return values
}
