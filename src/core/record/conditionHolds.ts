import type { GroupRule } from '../template/types.ts'
import type { YamlValue } from './types.ts'

/**
 * Whether a rule's `when` holds for a record's frontmatter: every listed key's value (as trimmed,
 * lower-cased text; '' when missing, `true`/`false` for booleans) is one of its listed values
 * (compared the same way). The one evaluation of `when`: classifying groups and `check` share it.
 */
export function conditionHolds(when: NonNullable<GroupRule['when']>, data: { readonly [key: string]: YamlValue }): boolean {
  return Object.entries(when).every(([key, expected]) => {
    const actual = Object.hasOwn(data, key) ? asText(data[key] ?? null) : ''
    const values = Array.isArray(expected) ? expected : [expected]
    return values.some((value) => String(value).trim().toLowerCase() === actual)
  })
}

function asText(value: YamlValue): string {
  if (typeof value === 'string') return value.trim().toLowerCase()
  if (typeof value === 'boolean') return String(value)
  return ''
}
