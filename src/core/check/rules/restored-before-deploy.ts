import { deployTime } from '../../metrics/index.ts'
import { readDateTime } from '../../record/dateTime.ts'
import { valuePoint } from '../../record/valuePoint.ts'
import { frontmatterUnreadable } from '../frontmatterUnreadable.ts'
import type { CheckRule } from '../types.ts'

/**
 * `restored-before-deploy`: `restored_at` earlier than the deploy time, which would give a
 * negative recovery time. The deploy time is read as metrics read it (FORMAT.md §5).
 */
export const restoredBeforeDeployRule: CheckRule = {
  id: 'restored-before-deploy',
  description: '`restored_at` is not earlier than the deploy time.',
  severity: 'error',
  docs: [
    '**error** at `restored_at` when it is earlier than the deploy time: `deployed_at`, else the End Time of the',
    '"Application deployment" row of the Deployment Timeline, else its latest End Time, else `scheduled`',
    '(FORMAT.md §5). Recovery time would be negative. Often an offset is missing or wrong.',
  ].join('\n'),
  examples: {
    good: [
      '---\nstatus: rolled-back\nscheduled: 2026-03-04T14:00:00+01:00\ndeployed_at: 2026-03-04T14:30:00+01:00\nrestored_at: 2026-03-04T13:50:00Z\n---\n',
    ],
    bad: [
      {
        input: '---\nstatus: rolled-back\nscheduled: 2026-03-04T14:00:00+01:00\ndeployed_at: 2026-03-04T14:30:00+01:00\nrestored_at: 2026-03-04T14:10:00+01:00\n---\n',
        expected: [{ line: 5, severity: 'error' }],
      },
      {
        input:
          '---\nstatus: failed\nscheduled: 2026-03-04T23:00:00+01:00\nrestored_at: 2026-03-04T23:50:00+01:00\n---\n\n## Deployment Execution\n\n### Deployment Timeline\n\n| Phase | Start Time | End Time |\n|-------|------------|----------|\n| Application deployment | 23:40 | 00:05 |\n',
        expected: [{ line: 4, severity: 'error' }],
      },
    ],
  },
  check(record, context) {
    if (frontmatterUnreadable(record)) return []
    const text = record.frontmatter.data['restored_at']
    if (typeof text !== 'string') return []
    const restored = readDateTime(text)
    if (!restored) return []
    const deployed = deployTime(record).time
    if (!deployed || restored.date.getTime() >= deployed.date.getTime()) return []
    const written = deployed.from.in === 'frontmatter' ? deployed.from.text.trim() : deployed.date.toISOString()
    const where =
      deployed.from.in === 'frontmatter'
        ? `from \`${deployed.from.key ?? deployed.source}\``
        : `${deployed.from.text} of ${record.timeline?.heading ?? 'the Deployment Timeline'}, line ${deployed.from.line}`
    return [
      context.report(valuePoint(record, ['restored_at']), `Unexpected \`restored_at\` ${text.trim()} before the deploy time ${written} (${where}), expected service restored after the deployment`),
    ]
  },
}
