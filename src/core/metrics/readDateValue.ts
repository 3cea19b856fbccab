import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { Point, YamlValue } from '../record/types.ts'
import { diagnostic } from './diagnostic.ts'
import { isBlankCell } from '../record/isBlankCell.ts'
import { readDateTime } from '../record/dateTime.ts'

export interface DateValueReading {
  /** The instant, or null when absent or unreadable. */
  date: Date | null
  /** Something other than blank or a placeholder was written. */
  present: boolean
  /** The text as written (null when absent). */
  text: string | null
  problems: PlacedMessage[]
}

/**
 * Reads a frontmatter date-time (`deployed_at`, `restored_at`, `changes[i].committed_at`) by the
 * record grammar (`readDateTime`). An absent, empty or placeholder value is absent; an unreadable one
 * (a date alone too) is reported; one without an offset is read as UTC and reported.
 */
export function readDateValue(file: string, value: YamlValue | undefined, point: Point, label: string): DateValueReading {
  if (value === undefined || value === null) return { date: null, present: false, text: null, problems: [] }
  if (typeof value !== 'string') {
    return {
      date: null,
      present: true,
      text: JSON.stringify(value),
      problems: [
        diagnostic(file, point, 'unreadable-date-time', `Unexpected ${describe(value)} in ${label}, expected an ISO 8601 date-time like \`2026-03-04T14:30:00+01:00\``),
      ],
    }
  }
  if (isBlankCell(value)) return { date: null, present: false, text: value, problems: [] }
  const parsed = readDateTime(value)
  if (!parsed) {
    return {
      date: null,
      present: true,
      text: value,
      problems: [
        diagnostic(file, point, 'unreadable-date-time', `Unexpected \`${value}\` in ${label}, expected an ISO 8601 date-time like \`2026-03-04T14:30:00+01:00\``),
      ],
    }
  }
  const problems: PlacedMessage[] = []
  if (parsed.offsetMinutes === null) {
    problems.push(
      diagnostic(file, point, 'date-time-without-offset', `Unexpected \`${value}\` without an offset in ${label}, read as UTC; expected an offset like \`+01:00\` or \`Z\``),
    )
  }
  return { date: parsed.date, present: true, text: value, problems }
}

function describe(value: YamlValue): string {
  if (typeof value === 'boolean') return `boolean \`${value}\``
  if (Array.isArray(value)) return 'list'
  return 'map'
}
