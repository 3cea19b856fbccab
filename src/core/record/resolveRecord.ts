import { didYouMean } from '../didYouMean.ts'
import { ShiplogError } from '../errors.ts'
import type { ReleaseRecord } from './types.ts'

/**
 * The one record a command-line `<version>` names: `component@version`, or a version, matched
 * against each record's `version` (trimmed, a leading `v` ignored) and its file name without `.md`.
 * Throws a ShiplogError (exit 2) when no record matches (with the closest version, when one is
 * close) or when several do (listing them as `component@version (file)`, so the user can pick).
 */
export function resolveRecord(records: readonly ReleaseRecord[], query: string): ReleaseRecord {
  const at = query.lastIndexOf('@')
  const component = at > 0 ? query.slice(0, at).trim().toLowerCase() : null
  const wanted = keyOf(at > 0 ? query.slice(at + 1) : query)
  const matches = records.filter((record) => {
    if (component !== null && (textOf(record, 'component') ?? '').toLowerCase() !== component) return false
    const version = textOf(record, 'version')
    return (version !== null && keyOf(version) === wanted) || keyOf(stemOf(record.file)) === wanted
  })
  if (matches.length === 1) return matches[0] as ReleaseRecord
  if (matches.length === 0) {
    const versions = [...new Set(records.map((record) => textOf(record, 'version') ?? stemOf(record.file)))]
    const near = didYouMean(at > 0 ? query.slice(at + 1) : query, versions)
    throw new ShiplogError(
      `Unexpected ${JSON.stringify(query)}: no record has that ${component === null ? 'version' : 'component and version'}, expected a version, component@version or a record file${near === null ? '' : ` (did you mean ${near}?)`}`,
      2,
    )
  }
  const listed = matches.map((record) => `  ${labelOf(record)} (${record.file})`).join('\n')
  throw new ShiplogError(`Unexpected ${JSON.stringify(query)}: ${matches.length} records match, expected one; name it as component@version or by its file:\n${listed}`, 2)
}

/** `component@version`, or the version (the file name) alone when the record names no component. */
export function labelOf(record: ReleaseRecord): string {
  const version = textOf(record, 'version') ?? stemOf(record.file)
  const component = textOf(record, 'component')
  return component === null ? version : `${component}@${version}`
}

function textOf(record: ReleaseRecord, key: string): string | null {
  const value = record.frontmatter.data[key]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

function keyOf(version: string): string {
  return version.trim().toLowerCase().replace(/^v(?=\d)/, '')
}

function stemOf(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.md$/i, '')
}
