import type { OpenCounts, ReleaseSummary } from '../../shared/pageData.ts'

/**
 * What stands open across releases: how many are in flight (not in an end state, so they have a
 * next status), how many items stand between them and their next status, and how many items
 * their current status already requires (overdue). An end-state release counts only in `overdue`
 * (a rolled-back release whose checklist was left open). One count for the home page and the
 * components page, so neither says "nothing open" while releases are mid-flight.
 */
export function openCountsOf(releases: readonly ReleaseSummary[]): OpenCounts {
  let inFlight = 0
  let left = 0
  let overdue = 0
  for (const release of releases) {
    if (release.next !== null) {
      inFlight += 1
      left += release.nextLeft
    }
    overdue += release.openRequired
  }
  return { inFlight, left, overdue }
}
