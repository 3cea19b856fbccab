import { displayZone, formatDay } from '../shared/formatDate.ts'

/**
 * Today's date, `YYYY-MM-DD`: in the configured `timezone` when there is one, else in this
 * machine's local time zone (`TZ`). The "today" the CLI gives the core for what falls due
 * (`check`'s `overdue-action-item`, `status`'s overdue items).
 */
export function localToday(now: Date = new Date(), timeZone?: string | null): string {
  if (timeZone) return formatDay(now, displayZone(null, timeZone))
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
