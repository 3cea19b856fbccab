import type { GroupRule } from '../template/types.ts'
import { keywordOf } from './readKeyword.ts'
import type { YamlValue } from './types.ts'

/**
 * Whether a rule's `when` holds for a record's frontmatter: every listed key's value is one of its
 * listed values, both read as keywords (`keywordOf`: trimmed, case-insensitive, booleans as
 * `true`/`false`; a missing or empty value equals nothing), as the templates' `eq` compares them.
 * The one evaluation of `when`: classifying groups and `check` share it.
 */
export function conditionHolds(when: NonNullable<GroupRule['when']>, data: { readonly [key: string]: YamlValue }): boolean {
  return Object.entries(when).every(([key, expected]) => {
    const actual = keywordOf(Object.hasOwn(data, key) ? data[key] : undefined)
    const values = Array.isArray(expected) ? expected : [expected]
    return actual !== null && values.some((value) => keywordOf(value) === actual)
  })
}
