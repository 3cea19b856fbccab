/**
 * The shape of an ISO 8601 date-time as records write it: a date, `T`, hours and minutes, optional
 * seconds and fraction, and an optional offset (`Z` or `±HH:MM`). Month, day and clock fields are
 * range-checked; whether the day exists in that month is left to `readDateTime`.
 */
export const ISO_DATE_TIME_PATTERN =
  '^(\\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):([0-5]\\d)(?::([0-5]\\d)(?:\\.(\\d+))?)?(Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)?$'

const ISO_DATE_TIME = new RegExp(ISO_DATE_TIME_PATTERN)

export type DateTimeReading =
  /** A real date-time; `ms` is epoch milliseconds (UTC when there was no offset). */
  | { kind: 'ok'; ms: number; hasOffset: boolean }
  /** The right shape, but the day does not exist (`2026-02-30`). */
  | { kind: 'impossible' }
  /** Not an ISO 8601 date-time. */
  | { kind: 'invalid' }

/** Reads an ISO 8601 date-time as written; a missing offset reads as UTC. */
export function readDateTime(text: string): DateTimeReading {
  const match = ISO_DATE_TIME.exec(text.trim())
  if (!match) return { kind: 'invalid' }
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (day > daysInMonth(year, month)) return { kind: 'impossible' }
  const offset = match[8]
  const iso = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6] ?? '00'}${match[7] ? `.${match[7].slice(0, 3).padEnd(3, '0')}` : ''}${offset ?? 'Z'}`
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return { kind: 'invalid' }
  return { kind: 'ok', ms, hasOffset: offset !== undefined }
}

/** True when the text has the date-time shape and names a day that exists. */
export function isCalendarDateTime(text: string): boolean {
  return readDateTime(text).kind === 'ok'
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}
