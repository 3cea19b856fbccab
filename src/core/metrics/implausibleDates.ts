import type { Status } from '../lifecycle/statuses.ts'
import type { Point } from '../record/types.ts'
import { displayZone, formatDateTime, UTC } from '../../shared/formatDate.ts'
import type { DeployTime } from './deployTime.ts'
import type { ChangeReading } from './readChanges.ts'

/** A change committed longer than this before its deploy time is implausible (a default date, a mistyped year). */
export const MAX_LEAD_DAYS = 365

const DAY_MS = 86_400_000

export type ImplausibleDateCode = 'committed-long-before' | 'deployed-in-future'

/** A date a deployment record gives that is very likely wrong, at the place it was written. */
export interface ImplausibleDate extends Point {
  code: ImplausibleDateCode
  /** "Unexpected …, expected …", naming the value and what was expected. */
  reason: string
}

export interface ImplausibleDatesOptions {
  /** The present instant: a deploy time after it is in the future. Without it, that test is not made. */
  now?: Date | undefined
  /** The configured display `timezone` (IANA name); dates are otherwise shown in the offset they were written in. */
  timeZone?: string | undefined
}

/**
 * The one plausibility rule for the dates of a deployment record, used by `check`
 * (`implausible-date`) and by `metrics` (a warning, and `explain.implausible`):
 *
 * - a change whose `committed_at` is more than `MAX_LEAD_DAYS` (365) days before the record's
 *   deploy time (a `1970-01-01` default gives a lead time of half a million hours);
 * - a deploy time after `now`: a record cannot have been deployed in the future.
 *
 * `deployment` is a record with a deployment status (FORMAT.md §5); its deploy time and changes
 * are read as metrics read them. Pure: `now` is passed in.
 */
export function implausibleDates(
  deployment: { status: Status; time: DeployTime; changes: readonly ChangeReading[] },
  options: ImplausibleDatesOptions = {},
): ImplausibleDate[] {
  const { time } = deployment
  const zone = displayZone(time.offsetMinutes, options.timeZone)
  const deployed = formatDateTime(time.date, zone)
  const from =
    time.from.in === 'frontmatter' ? `from \`${time.from.key ?? time.source}\`` : `from the ${time.from.text} of the Deployment Timeline, line ${time.from.line}`
  const found: ImplausibleDate[] = []
  if (options.now !== undefined && time.date.getTime() > options.now.getTime()) {
    const now = formatDateTime(options.now, options.timeZone ? displayZone(null, options.timeZone) : UTC)
    found.push({
      line: time.from.line,
      column: time.from.column,
      code: 'deployed-in-future',
      reason: `Unexpected deploy time ${deployed} (${from}) after now (${now}), expected a \`${deployment.status}\` record to have been deployed in the past`,
    })
  }
  for (const change of deployment.changes) {
    if (change.committedAt === null) continue
    const days = (time.date.getTime() - change.committedAt.getTime()) / DAY_MS
    if (days <= MAX_LEAD_DAYS) continue
    found.push({
      line: change.line,
      column: change.column,
      code: 'committed-long-before',
      reason: `Unexpected \`committed_at\` ${(change.committedAtText ?? '').trim()} of change \`${change.id}\`, more than a year (${Math.floor(days)} days) before its deployment (${deployed}, ${from}), expected a commit date within ${MAX_LEAD_DAYS} days before the deploy time`,
    })
  }
  return found
}
