import type { HelperDelegate } from 'handlebars'
import { keywordOf } from '../record/readKeyword.ts'
import { isTruthy } from './isTruthy.ts'

/**
 * Helpers for conditions such as `{{#if (and (eq impact "high") (eq urgency "high"))}}`.
 * `eq` and `ne` compare values as keywords (`keywordOf`: trimmed text ignoring case, numbers and
 * booleans as written), as a manifest rule's `when` does; a missing or empty value equals nothing. `and`, `or` and `not` use Handlebars' truthiness.
 */
export const conditionHelpers: { readonly [name: string]: HelperDelegate } = {
  eq: (a: unknown, b: unknown) => equals(a, b),
  ne: (a: unknown, b: unknown) => !equals(a, b),
  and: (...args: unknown[]) => args.slice(0, -1).every(isTruthy),
  or: (...args: unknown[]) => args.slice(0, -1).some(isTruthy),
  not: (value: unknown) => !isTruthy(value),
}

function equals(a: unknown, b: unknown): boolean {
  const left = keywordOf(a)
  return left !== null && left === keywordOf(b)
}
