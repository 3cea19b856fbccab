/** A date-time read from a record, with what was written about its offset. */
export interface ParsedDateTime {
  /** The instant. */
  date: Date
  /** The written offset in minutes east of UTC (`Z` is 0), or null when none was written (read as UTC). */
  offsetMinutes: number | null
  /** False for a date alone (`2026-03-04`), read as 00:00 UTC. */
  hasTime: boolean
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?)?$/

/**
 * Reads an ISO 8601 date-time (`2026-03-04T14:30:00+01:00`, `2026-03-04 14:30Z`, `2026-03-04T14:30`)
 * or date (`2026-03-04`) exactly as written: no local-timezone shift. Without an offset the time is
 * read as UTC and `offsetMinutes` is null, so callers can warn (FORMAT.md §2). Returns null for
 * anything else, including impossible dates (`2026-02-30`) and times (`24:00`, `14:60`).
 */
export function parseDateTime(text: string): ParsedDateTime | null {
  const match = DATE_TIME.exec(text.trim())
  if (!match) return null
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, offH, offM] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = h === undefined ? 0 : Number(h)
  const minute = mi === undefined ? 0 : Number(mi)
  const second = s === undefined ? 0 : Number(s)
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  if (hour > 23 || minute > 59 || second > 59) return null
  let offsetMinutes: number | null = null
  if (zulu !== undefined) offsetMinutes = 0
  else if (sign !== undefined) {
    const hours = Number(offH)
    const minutes = offM === undefined ? 0 : Number(offM)
    if (hours > 23 || minutes > 59) return null
    offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes)
  }
  const local = new Date(0)
  local.setUTCFullYear(year, month - 1, day) // unlike Date.UTC, keeps years 0–99 as written
  local.setUTCHours(hour, minute, second, millis)
  const date = new Date(local.getTime() - (offsetMinutes ?? 0) * 60_000)
  return { date, offsetMinutes, hasTime: h !== undefined }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}
