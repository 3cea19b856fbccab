import { DEPLOYMENT_STATUSES, deployTime } from '../../metrics/index.ts'
import { frontmatterUnreadable } from '../frontmatterUnreadable.ts'
import { valuePoint } from '../../record/valuePoint.ts'
import type { CheckRule } from '../types.ts'

/**
 * `missing-deploy-time`: a record whose status says it was deployed but which tells neither
 * `deployed_at` nor an End Time in the Deployment Timeline; metrics then fall back to
 * `scheduled`, which lead time and frequency may get wrong.
 */
export const missingDeployTimeRule: CheckRule = {
  id: 'missing-deploy-time',
  description: 'A deployed record says when it went live (`deployed_at` or a timeline End Time).',
  severity: 'warning',
  docs: [
    '**warning** at `status` when the status is `deployed`, `verified`, `closed`, `rolled-back` or `failed` and the record has',
    'no `deployed_at` and no readable End Time in the Deployment Timeline. Metrics then use `scheduled` as the deploy time.',
    'An unreadable `deployed_at` is reported by `frontmatter-schema` instead.',
  ].join('\n'),
  examples: {
    good: [
      '---\nstatus: deployed\nscheduled: 2026-03-04T14:00:00+01:00\ndeployed_at: 2026-03-04T14:35:00+01:00\n---\n',
      '---\nstatus: verified\nscheduled: 2026-03-04T14:00:00+01:00\n---\n\n## Deployment Execution\n\n### Deployment Timeline\n\n| Phase | Start Time | End Time |\n|-------|------------|----------|\n| Application deployment | 14:05 | 14:35 |\n',
      '---\nstatus: approved\nscheduled: 2026-03-04T14:00:00+01:00\n---\n',
    ],
    bad: [
      {
        input:
          '---\nstatus: deployed\nscheduled: 2026-03-04T14:00:00+01:00\n---\n\n## Deployment Execution\n\n### Deployment Timeline\n\n| Phase | Start Time | End Time |\n|-------|------------|----------|\n| Application deployment | {{app_start}} | {{app_end}} |\n',
        expected: [{ line: 2, severity: 'warning' }],
      },
    ],
  },
  check(record, context) {
    if (frontmatterUnreadable(record)) return []
    const status = record.status
    if (status === null || !DEPLOYMENT_STATUSES.has(status)) return []
    const deployedAt = record.frontmatter.data['deployed_at']
    if (typeof deployedAt === 'string' && deployedAt.trim() !== '') return []
    const source = deployTime(record).time?.source
    if (source !== undefined && source !== 'scheduled') return []
    const heading = record.timeline?.heading ?? context.manifests[record.template]?.tables.timeline ?? 'Deployment Timeline'
    return [
      context.report(valuePoint(record, ['status']), `Unexpected \`${status}\` record without a deploy time, expected \`deployed_at\` or an End Time in \`${heading}\` (metrics fall back to \`scheduled\`)`),
    ]
  },
}
