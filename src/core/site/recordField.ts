import type { ReleaseRecord, YamlValue } from '../record/types.ts'

/** A frontmatter value as display text: strings trimmed (empty → null), booleans as `yes`/`no`; lists and maps are not shown. */
export function recordField(record: ReleaseRecord, key: string): string | null {
  return displayValue(record.frontmatter.data[key])
}

export function displayValue(value: YamlValue | undefined): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return trimmed === '' ? null : trimmed
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return null
}
