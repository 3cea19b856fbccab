/**
 * Today's date on this machine, `YYYY-MM-DD` in its local time zone (`TZ`): the "today" the CLI
 * gives the core for what falls due (`check`'s `overdue-action-item`, `status`'s overdue items).
 */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
