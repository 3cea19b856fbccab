/*
 * The one grammar of dates and times in a record (docs/record-format.md, "Dates and times"): what
 * `check`, `metrics`, the site and the published JSON Schema all accept.
 *
 * A date-time is RFC 3339's `date-time` (the profile of ISO 8601 that JSON Schema's `date-time`
 * format also uses) with the seconds and the offset optional:
 *
 *   date-time = YYYY "-" MM "-" DD ("T" / "t") hh ":" mm [":" ss ["." digits]] [offset]
 *   offset    = "Z" / "z" / ("+" / "-") hh ":" mm
 *
 * Years 0000–9999; months 01–12; days that exist in that month (leap years by the Gregorian rule);
 * hours 00–23 (no `24:00`), minutes and seconds 00–59 (no leap second); a fraction of any length,
 * read to the millisecond; offset hours 00–23 and minutes 00–59 (`+14:00`; `-00:00` is UTC). No
 * space between date and time, no `,` fraction, no `+0100` or `+01` offset, no date alone.
 * Surrounding white space is ignored. Without an offset the time is read as UTC, and readers warn.
 */

/** A date-time as written. */
export interface DateTime {
  /** The instant. */
  date: Date
  /** The written offset in minutes east of UTC (`Z` and `-00:00` are 0), or null when none was written (read as UTC). */
  offsetMinutes: number | null
}

const DATE = '(\\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])'
const TIME = '([01]\\d|2[0-3]):([0-5]\\d)(?::([0-5]\\d)(?:\\.(\\d+))?)?'
const OFFSET = '([Zz]|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)'

/**
 * The date-time grammar as a regular expression source (ECMAScript, as JSON Schema's `pattern`
 * reads it). It checks every field's range; only whether the day exists in its month (`02-30`) is
 * left to `readDateTime`.
 */
export const DATE_TIME_PATTERN = `^\\s*${DATE}[Tt]${TIME}${OFFSET}?\\s*$`

const DATE_TIME = new RegExp(DATE_TIME_PATTERN)
const DATE_ONLY = new RegExp(`^\\s*${DATE}\\s*$`)
const TIME_OF_DAY = /^\s*(\d{1,2}):([0-5]\d)(?::([0-5]\d))?\s*$/

/**
 * Reads a date-time of the grammar above exactly as written (no local-timezone shift). Null for
 * anything else, including a day that does not exist (`2026-02-30T10:00Z`).
 *
 * @example
 *   readDateTime('2026-03-04T14:30:00+01:00') // 13:30 UTC, offsetMinutes 60
 *   readDateTime('2026-03-04T14:30')          // 14:30 UTC, offsetMinutes null
 *   readDateTime('2026-03-04 14:30Z')         // null: a space is not the separator
 */
export function readDateTime(text: string): DateTime | null {
  const match = DATE_TIME.exec(text)
  if (!match) return null
  const [, year, month, day, hour, minute, second, fraction, offset] = match
  const date = utc(Number(year), Number(month), Number(day))
  if (date === null) return null
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'))
  date.setUTCHours(Number(hour), Number(minute), second === undefined ? 0 : Number(second), millis)
  const offsetMinutes = offset === undefined ? null : offsetOf(offset)
  if (offsetMinutes !== null) date.setTime(date.getTime() - offsetMinutes * 60_000)
  return { date, offsetMinutes }
}

/** Reads a calendar date (`2026-03-04`, the date part of the grammar) as 00:00 UTC; null for anything else. */
export function readDate(text: string): Date | null {
  const match = DATE_ONLY.exec(text)
  return match ? utc(Number(match[1]), Number(match[2]), Number(match[3])) : null
}

/**
 * Reads a time of day as timeline cells write it (`14:30`, `9:05`, `23:59:30`: hours 0–23) in
 * minutes after midnight; null for anything else (`24:00`, `14:60`, `2pm`).
 */
export function readTimeOfDay(text: string): number | null {
  const match = TIME_OF_DAY.exec(text)
  if (!match) return null
  const [, hour, minute, second] = match
  if (Number(hour) > 23) return null
  return Number(hour) * 60 + Number(minute) + (second === undefined ? 0 : Number(second) / 60)
}

/** 00:00 UTC of a day, or null when the month has no such day. */
function utc(year: number, month: number, day: number): Date | null {
  if (day > daysInMonth(year, month)) return null
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day) // unlike Date.UTC, keeps years 0–99 as written
  return date
}

function offsetOf(offset: string): number {
  if (offset === 'Z' || offset === 'z') return 0
  const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))
  return offset[0] === '-' ? -minutes || 0 : minutes // `-00:00` is 0, not -0
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}
