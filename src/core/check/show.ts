import { quote } from './quote.ts'
import type { YamlValue } from '../record/types.ts'

/** A value as messages show it. */
export function show(value: YamlValue): string {
  if (value === null) return 'empty value'
  if (typeof value === 'boolean') return `\`${value}\``
  if (Array.isArray(value)) return 'list'
  if (typeof value === 'object') return 'map'
  if (!/\S/.test(value)) return 'empty value'
  return quote(value)
}
