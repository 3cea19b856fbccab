import { displayZone, formatDateTime } from '../../shared/formatDate.ts'
import { plainText } from './plainText.ts'
import type { FeedRelease } from './types.ts'

/**
 * What the feed's entry and the calendar's event say about a release, a line each: its name,
 * status, environment, scheduled start (shown like every date, `formatDateTime`) and owner; lines
 * with nothing to say are left out. Plain text (`plainText`); each format escapes it its own way.
 */
export function releaseLinesOf(release: FeedRelease, timeZone: string | null = null): string[] {
  const lines: string[] = []
  if (release.name !== null) lines.push(`Release: ${release.name}`)
  lines.push(`Status: ${release.statusText}`)
  lines.push(`Environment: ${release.environment}`)
  if (release.scheduled !== null) {
    lines.push(`Scheduled: ${formatDateTime(release.scheduled.date, displayZone(release.scheduled.offsetMinutes, timeZone))}`)
  }
  if (release.owner !== null) lines.push(`Owner: ${release.owner}`)
  return lines.map(plainText)
}
