/**
 * Handlebars' notion of a true condition: not undefined, null, false, '', 0, NaN or an empty list.
 * A missing value is never true.
 */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0
  return Boolean(value)
}
