import { readTimeline } from '../metrics/readTimeline.ts'
import type { ReleaseRecord } from '../record/types.ts'

/** How long a deployment window lasts when nothing says: one hour. */
export const DEFAULT_WINDOW_MINUTES = 60

/** The end of a release's deployment window, and what it was read from. */
export interface EventEnd {
  end: Date
  from: 'timeline' | 'expected' | 'default'
}

/**
 * When a release's deployment window, starting at `start` (its `scheduled`), ends:
 * 1. the latest End Time of its Deployment Timeline (`readTimeline`: `HH:MM` cells placed on
 *    `scheduled`'s date and offset), when later than the start: what the record says happened, or
 *    was planned row by row;
 * 2. else the start plus the longest expected duration (the range's upper bound) of the first
 *    stage, in the template's order, whose name mentions deploy and whose expected duration is in
 *    hours (manifest `stages:`, e.g. stage-gate's `Deployment Execution: 1-4 hours`); stages
 *    expected in business days are planning or verification, not a window;
 * 3. else the start plus `DEFAULT_WINDOW_MINUTES`.
 */
export function eventEndOf(record: ReleaseRecord, start: Date): EventEnd {
  let latest: Date | null = null
  for (const row of readTimeline(record).rows) {
    if (row.end !== null && row.end.getTime() > start.getTime() && (latest === null || row.end.getTime() > latest.getTime())) latest = row.end
  }
  if (latest !== null) return { end: latest, from: 'timeline' }
  const stage = record.stageTimes?.find((time) => time.expected?.unit === 'hours' && /deploy/i.test(time.name))
  if (stage?.expected) return { end: new Date(start.getTime() + stage.expected.max * 3_600_000), from: 'expected' }
  return { end: new Date(start.getTime() + DEFAULT_WINDOW_MINUTES * 60_000), from: 'default' }
}
