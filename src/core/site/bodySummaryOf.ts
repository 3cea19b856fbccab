import type { ReleaseRecord, Table } from '../record/types.ts'
import type { RecordBodySummary } from './rehypeSummaryFirst.ts'
import { recordField } from './recordField.ts'
import { SUMMARY_FIELDS } from './summaryFields.ts'
import { summaryRows } from './summaryRows.ts'

export type { RecordBodySummary }

/**
 * What a record's page shows in its summary, for the record's section below it: the timeline and
 * issues tables the template's manifest names (`record.timeline`, `record.issues`) when the
 * summary shows them (a row written, `summaryRows`), the fields it lists with their values, and
 * the template's reference sections (`TemplateManifest.reference`).
 */
export function bodySummaryOf(record: ReleaseRecord, reference: readonly string[] = []): RecordBodySummary {
  const tables: RecordBodySummary['tables'] = []
  const add = (table: Table | null, href: string): void => {
    if (table && summaryRows(table).length > 0) tables.push({ line: table.line, href, name: table.heading })
  }
  add(record.timeline, '#shiplog-timeline')
  add(record.issues, '#shiplog-issues')
  const fields = SUMMARY_FIELDS.flatMap(({ key, writtenAs }) => {
    const value = recordField(record, key)
    if (value === null) return []
    // The templates write the release with its version: `**Release**: Checkout (2.5.0)`.
    const version = key === 'release' ? recordField(record, 'version') : null
    return [{ labels: writtenAs, values: version === null ? [value] : [value, `${value} (${version})`] }]
  })
  return { tables, fields, reference: [...reference] }
}
