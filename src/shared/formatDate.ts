/**
 * How every command and the site show a date or a date-time: in one zone, chosen by one rule
 * (`displayZone`). Computation (windows, weeks, deploy days) stays in UTC (FORMAT.md §5); only what
 * is shown changes. Pure: the same text on every machine, whatever its own timezone.
 */

/** The zone a date is shown in: an IANA timezone (config `timezone`) or a fixed offset in minutes east of UTC. */
export type DisplayZone = { timeZone: string } | { offsetMinutes: number }

/** UTC, the zone of a date written without an offset (read as UTC, FORMAT.md §2). */
export const UTC: DisplayZone = { offsetMinutes: 0 }

/**
 * The zone a record's date is shown in: the configured `timezone` when there is one, else the
 * offset the date was written with (`+11:00` stays `+11:00`), else UTC.
 *
 * @example
 *   displayZone(660, undefined) // { offsetMinutes: 660 }
 *   displayZone(660, 'Europe/Paris') // { timeZone: 'Europe/Paris' }
 */
export function displayZone(writtenOffsetMinutes: number | null | undefined, timeZone?: string | null): DisplayZone {
  if (typeof timeZone === 'string' && timeZone !== '') return { timeZone }
  return { offsetMinutes: writtenOffsetMinutes ?? 0 }
}

/**
 * True when `name` is an IANA timezone this runtime knows (`Australia/Sydney`, `UTC`). An offset
 * (`+11:00`), which newer runtimes also accept, is refused: a fixed offset ignores daylight saving.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

interface Parts {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  /** Minutes east of UTC at that instant in that zone. */
  offset: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function partsOf(instant: Date, zone: DisplayZone): Parts {
  const offset = 'offsetMinutes' in zone ? zone.offsetMinutes : zoneOffset(instant, zone.timeZone)
  const shifted = new Date(instant.getTime() + offset * 60_000)
  const year = shifted.getUTCFullYear()
  const pad = (n: number): string => String(n).padStart(2, '0')
  return {
    year: year < 0 ? `-${String(-year).padStart(6, '0')}` : year > 9999 ? `+${String(year).padStart(6, '0')}` : String(year).padStart(4, '0'),
    month: pad(shifted.getUTCMonth() + 1),
    day: pad(shifted.getUTCDate()),
    hour: pad(shifted.getUTCHours()),
    minute: pad(shifted.getUTCMinutes()),
    offset,
  }
}

/** The offset of a zone at `instant`, in minutes east of UTC (daylight saving included). */
export function offsetAt(instant: Date | string | number, zone: DisplayZone): number {
  return 'offsetMinutes' in zone ? zone.offsetMinutes : zoneOffset(toDate(instant), zone.timeZone)
}

function zoneOffset(instant: Date, timeZone: string): number {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    formatters.set(timeZone, formatter)
  }
  const name = formatter.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /^GMT([+-])(\d{2}):?(\d{2})?$/.exec(name)
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0)
  return match[1] === '-' ? -minutes : minutes
}

function toDate(instant: Date | string | number): Date {
  return instant instanceof Date ? instant : new Date(instant)
}

/** `+11:00`, `-05:30`, `UTC`. */
export function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC'
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/**
 * A date-time as shown: `2026-11-27 10:15 +11:00` (`… UTC` at offset 0).
 *
 * @example
 *   formatDateTime('2026-11-26T23:15:00.000Z', { offsetMinutes: 660 }) // '2026-11-27 10:15 +11:00'
 */
export function formatDateTime(instant: Date | string | number, zone: DisplayZone): string {
  const p = partsOf(toDate(instant), zone)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${formatOffset(p.offset)}`
}

/**
 * The calendar day of an instant, as shown: `2026-11-27` for 2026-11-26T23:15Z at `+11:00`.
 */
export function formatDay(instant: Date | string | number, zone: DisplayZone): string {
  const p = partsOf(toDate(instant), zone)
  return `${p.year}-${p.month}-${p.day}`
}
