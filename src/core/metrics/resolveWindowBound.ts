import { MetricsOptionError } from './MetricsOptionError.ts'
import { readDate, readDateTime } from '../record/dateTime.ts'

/**
 * Reads a `since`/`until` option: a Date, a date (`2026-03-01`, 00:00 UTC) or a date-time of the
 * record grammar (`readDateTime`; without an offset: UTC). Returns ms, or undefined when not given; throws a MetricsOptionError
 * for anything else.
 */
export function resolveWindowBound(name: 'since' | 'until', value: string | Date | undefined): number | undefined {
  if (value === undefined) return undefined
  if (value instanceof Date) {
    const ms = value.getTime()
    if (Number.isNaN(ms)) throw new MetricsOptionError(`Unexpected invalid Date for \`${name}\`, expected a valid date`)
    return ms
  }
  const parsed = readDate(value) ?? readDateTime(value)?.date ?? null
  if (parsed === null) {
    throw new MetricsOptionError(
      `Unexpected \`${name}\` \`${value}\`, expected a date like \`2026-03-01\` or an ISO date-time like \`2026-03-01T00:00:00Z\``,
    )
  }
  return parsed.getTime()
}
