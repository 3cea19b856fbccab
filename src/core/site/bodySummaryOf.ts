import type { ReleaseRecord, Table } from '../record/types.ts'
import { recordField } from './recordField.ts'
import { SUMMARY_FIELDS } from './summaryFields.ts'
import { summaryRows } from './summaryRows.ts'

/** What the summary above a record's section shows, so that the section does not show it again (`rehypeSummaryFirst`). */
export interface RecordBodySummary {
  /** Tables the summary shows: the line the table starts on, the summary's copy (`#shiplog-timeline`) and the table's heading. */
  tables: Array<{ line: number; href: string; name: string }>
  /** Fields the summary lists: the bold labels a record writes each under, and the values that repeat it. */
  fields: Array<{ labels: readonly string[]; values: string[] }>
  /** The `##` sections shown collapsed (the template manifest's `reference`). */
  reference: readonly string[]
}

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
