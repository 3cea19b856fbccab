import type { MetricsWindow } from '../metrics/types.ts'

const DAY = 86_400_000

/**
 * The measured window as dates, its end shown inclusive: `[2026-03-02, 2026-03-30)` reads
 * `2026-03-02 – 2026-03-29 (UTC)`. Null when nothing was measured. Windows are UTC days (FORMAT.md
 * §5) whatever the display timezone, and say so: a release listed on 2026-11-27 at +11:00 is
 * measured in the window of 2026-11-26 (UTC).
 */
export function formatWindow(window: MetricsWindow): string | null {
  if (window.since === null || window.until === null) return null
  const since = window.since.slice(0, 10)
  const untilMs = Date.parse(window.until)
  const lastDay = new Date(untilMs - (untilMs % DAY === 0 ? DAY : 0)).toISOString().slice(0, 10)
  return since === lastDay ? `${since} (UTC)` : `${since} – ${lastDay} (UTC)`
}
