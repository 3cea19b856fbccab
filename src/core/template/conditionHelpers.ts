import type { HelperDelegate } from 'handlebars'
import { isTruthy } from './isTruthy.ts'

/**
 * Helpers for conditions such as `{{#if (and (eq impact "high") (eq urgency "high"))}}`.
 * `eq` and `ne` compare strings, numbers and booleans as trimmed text, ignoring case;
 * a missing value equals nothing. `and`, `or` and `not` use Handlebars' truthiness.
 */
export const conditionHelpers: { readonly [name: string]: HelperDelegate } = {
  eq: (a: unknown, b: unknown) => equals(a, b),
  ne: (a: unknown, b: unknown) => !equals(a, b),
  and: (...args: unknown[]) => args.slice(0, -1).every(isTruthy),
  or: (...args: unknown[]) => args.slice(0, -1).some(isTruthy),
  not: (value: unknown) => !isTruthy(value),
}

function equals(a: unknown, b: unknown): boolean {
  const left = comparable(a)
  const right = comparable(b)
  return left !== null && right !== null && left === right
}

function comparable(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim().toLowerCase()
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return null
}
