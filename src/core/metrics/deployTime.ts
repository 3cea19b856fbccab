import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { ReleaseRecord } from '../record/types.ts'
import { readDateTime } from '../record/dateTime.ts'
import { valuePoint } from '../record/valuePoint.ts'
import { readDateValue } from './readDateValue.ts'
import { readScheduled } from './readScheduled.ts'
import { readTimeline, type TimelineReading } from './readTimeline.ts'
import type { SourceRef } from './types.ts'

export type DeployTimeSource = 'deployed_at' | 'application-deployment' | 'latest-end' | 'scheduled'

export interface DeployTime {
  date: Date
  /** Which rule of FORMAT.md §5 gave it. */
  source: DeployTimeSource
  from: SourceRef
  /**
   * The offset the time was written in (minutes east of UTC): that of `deployed_at` or `scheduled`,
   * or for a timeline cell that of `scheduled` (`HH:MM` cells are placed in it); null when none was
   * written. Dates are shown in it unless a `timezone` is configured.
   */
  offsetMinutes: number | null
}

export interface DeployTimeReading {
  time: DeployTime | null
  problems: PlacedMessage[]
}

const APPLICATION_DEPLOYMENT = 'application deployment'

/**
 * When a record's change went live (FORMAT.md §5): `deployed_at`; else the End Time of the
 * Deployment Timeline row whose Phase contains "application deployment" (case-insensitive; the
 * latest such End when several do); else the latest End Time in the table; else `scheduled`.
 * An unreadable `deployed_at` is reported and the next rule is tried. Null when nothing gives a time.
 */
export function deployTime(record: ReleaseRecord, timeline: TimelineReading = readTimeline(record)): DeployTimeReading {
  const data = record.frontmatter.data
  const problems: PlacedMessage[] = []

  const deployedAtPoint = valuePoint(record, ['deployed_at'])
  const deployedAt = readDateValue(record.file, data['deployed_at'], deployedAtPoint, '`deployed_at`')
  problems.push(...deployedAt.problems)
  if (deployedAt.date) {
    return {
      time: {
        date: deployedAt.date,
        source: 'deployed_at',
        from: { in: 'frontmatter', key: 'deployed_at', ...deployedAtPoint, text: deployedAt.text ?? '' },
        offsetMinutes: readDateTime(deployedAt.text ?? '')?.offsetMinutes ?? null,
      },
      problems,
    }
  }

  const ended = timeline.rows.filter((row) => row.end !== null)
  const application = latestEnd(ended.filter((row) => normalize(row.phase).includes(APPLICATION_DEPLOYMENT)))
  const latest = application ?? latestEnd(ended)
  if (latest && latest.end) {
    return {
      time: {
        date: latest.end,
        source: application ? 'application-deployment' : 'latest-end',
        from: { in: 'timeline', line: latest.line, column: latest.column, text: `${latest.phase}: End Time` },
        offsetMinutes: readScheduled(record)?.offsetMinutes ?? null,
      },
      problems,
    }
  }

  const scheduledPoint = valuePoint(record, ['scheduled'])
  const scheduled = readDateValue(record.file, data['scheduled'], scheduledPoint, '`scheduled`')
  problems.push(...scheduled.problems)
  if (scheduled.date) {
    return {
      time: {
        date: scheduled.date,
        source: 'scheduled',
        from: { in: 'frontmatter', key: 'scheduled', ...scheduledPoint, text: scheduled.text ?? '' },
        offsetMinutes: readDateTime(scheduled.text ?? '')?.offsetMinutes ?? null,
      },
      problems,
    }
  }
  return { time: null, problems }
}

function latestEnd<Row extends { end: Date | null }>(rows: Row[]): Row | undefined {
  let best: Row | undefined
  for (const row of rows) {
    if (row.end && (!best || !best.end || row.end.getTime() >= best.end.getTime())) best = row
  }
  return best
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ')
}
