/** Calendar arithmetic in UTC: days, ISO weeks (Monday 00:00 UTC) and months. */

export const DAY_MS = 86_400_000
export const WEEK_MS = 7 * DAY_MS

/** 00:00 UTC of the instant's day. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS
}

/** Monday 00:00 UTC of the instant's ISO week. */
export function startOfIsoWeek(ms: number): number {
  const day = startOfUtcDay(ms)
  const weekday = (new Date(day).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return day - weekday * DAY_MS
}

/** The 1st of the instant's month, 00:00 UTC. */
export function startOfUtcMonth(ms: number): number {
  const date = new Date(ms)
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)
}

/** The 1st of the next month, 00:00 UTC. */
export function nextUtcMonth(ms: number): number {
  const date = new Date(ms)
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)
}

/** `2026-W10`: the ISO week-numbering year and week of the instant (UTC). */
export function isoWeekLabel(ms: number): string {
  const monday = startOfIsoWeek(ms)
  const thursday = new Date(monday + 3 * DAY_MS)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** `2026-03`: the instant's month (UTC). */
export function monthLabel(ms: number): string {
  const date = new Date(ms)
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`
}

/** `2026-03-04`: the instant's day (UTC). */
export function dayKey(ms: number): string {
  return new Date(startOfUtcDay(ms)).toISOString().slice(0, 10)
}
