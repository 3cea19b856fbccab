type Values = { [name: string]: unknown }

/**
 * Copies the values into what templates read: null-prototype objects and plain arrays holding
 * only strings, numbers, booleans and nested data. Dates become ISO 8601 strings (UTC); blank
 * strings, null, functions, symbols, `__proto__` keys and cycles are left out, so a blank value
 * reads as missing and nothing reaches a prototype.
 */
export function toContext(values: Values): Values {
  const context = copy(values, new Set())
  return typeof context === 'object' && context !== null && !Array.isArray(context) ? (context as Values) : Object.create(null)
}

function copy(value: unknown, path: Set<object>): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value
  if (typeof value === 'boolean') return value
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString()
  if (typeof value !== 'object' || value === null || path.has(value)) return undefined
  path.add(value)
  try {
    if (Array.isArray(value)) {
      return value.map((item) => copy(item, path)).filter((item) => item !== undefined)
    }
    const out: Values = Object.create(null)
    for (const key of Object.keys(value)) {
      if (key === '__proto__') continue
      const item = copy((value as Values)[key], path)
      if (item !== undefined) out[key] = item
    }
    return out
  } finally {
    path.delete(value)
  }
}
