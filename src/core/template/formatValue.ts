/**
 * The text a value writes, or null when it counts as missing: undefined, null, an empty or
 * blank string, NaN, an invalid date, or a list with nothing to show. Lists join their items with
 * `, `; other objects are written as JSON; dates as ISO 8601 (UTC).
 */
export function formatValue(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (Array.isArray(value)) {
    const items = value.map(formatValue).filter((item): item is string => item !== null)
    return items.length > 0 ? items.join(', ') : null
  }
  if (typeof value === 'object' && value !== null) {
    const json = JSON.stringify(value)
    return json === undefined || json === '{}' ? null : json
  }
  return null
}
