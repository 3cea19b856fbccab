import { DEPLOYMENT_STATUSES, deployTime, readChanges } from '../../metrics/index.ts'
import { implausibleDates, MAX_LEAD_DAYS } from '../../metrics/implausibleDates.ts'
import { frontmatterUnreadable } from '../frontmatterUnreadable.ts'
import type { CheckRule } from '../types.ts'

/**
 * `implausible-date`: a deployment record's dates that are very likely wrong — a change committed
 * more than a year before the deploy time, or a deploy time in the future. The rule itself is
 * `implausibleDates`, which metrics apply too.
 */
export const implausibleDateRule: CheckRule = {
  id: 'implausible-date',
  description: 'A deployment\'s changes were committed within a year before it, and it was not deployed in the future.',
  severity: 'warning',
  docs: [
    `**warning** at a change's \`committed_at\` when it is more than ${MAX_LEAD_DAYS} days before the record's deploy time`,
    '(a `1970-01-01` default or a mistyped year gives a lead time of hundreds of thousands of hours), and at `deployed_at`',
    '(or the Deployment Timeline End Time or `scheduled` the deploy time came from) when the deploy time is after now.',
    'Only records with a deployment status (`deployed`, `verified`, `closed`, `rolled-back`, `failed`): a planned record',
    'may well be scheduled in the future. `metrics` still counts such values and lists them under `--explain`',
    '(see [metrics](metrics.md#implausible-dates)). "Now" is the clock of the machine running `check`.',
  ].join('\n'),
  examples: {
    good: [
      '---\nstatus: deployed\ndeployed_at: 2026-03-04T14:30:00+01:00\nchanges:\n  - id: C-1\n    committed_at: 2025-03-05T09:00:00+01:00\n---\n',
      '---\nstatus: planned\nscheduled: 2999-03-04T14:00:00+01:00\n---\n',
    ],
    bad: [
      {
        input: '---\nstatus: deployed\ndeployed_at: 2026-03-04T14:30:00+01:00\nchanges:\n  - id: C-1\n    committed_at: 1970-01-01T00:00:00Z\n---\n',
        expected: [{ line: 6, severity: 'warning' }],
      },
    ],
  },
  // A deploy time that is not after now never will be: what this rule finds at one instant it finds at every later one.
  readsNow: true,
  check(record, context) {
    if (frontmatterUnreadable(record)) return []
    const status = record.status
    if (status === null || !DEPLOYMENT_STATUSES.has(status)) return []
    const time = deployTime(record).time
    if (!time) return []
    const found = implausibleDates({ status, time, changes: readChanges(record).changes }, { now: context.now, timeZone: context.timeZone })
    return found.map((item) => context.report(item, item.reason))
  },
}
