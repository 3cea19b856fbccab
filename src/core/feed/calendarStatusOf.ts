import type { Status } from '../lifecycle/statuses.ts'

/** An iCalendar event's STATUS (RFC 5545 §3.8.1.11). */
export type EventStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'

/**
 * The calendar status of a release's deployment window, from the lifecycle (FORMAT.md §4):
 * `planned` and `approved` are TENTATIVE (the window may still move); `in-progress`, `deployed`,
 * `verified`, `closed` are CONFIRMED, and so are `rolled-back` and `failed`, since those were
 * attempted: the window took place, whatever came of it; `cancelled` (never attempted) is
 * CANCELLED. A status the record does not name (missing or misspelt) is TENTATIVE: nothing
 * confirms it.
 */
export function calendarStatusOf(status: Status | null): EventStatus {
  switch (status) {
    case 'in-progress':
    case 'deployed':
    case 'verified':
    case 'closed':
    case 'rolled-back':
    case 'failed':
      return 'CONFIRMED'
    case 'cancelled':
      return 'CANCELLED'
    default:
      return 'TENTATIVE'
  }
}
