import { frontmatterUnreadable } from '../frontmatterUnreadable.ts'
import { valuePoint } from '../../record/valuePoint.ts'
import type { CheckRule } from '../types.ts'

/**
 * `rollback-without-issue`: a `rolled-back` record whose Issues Encountered table has no filled
 * row. What went wrong, its severity and how long it lasted are what recovery time and the
 * retrospective read.
 */
export const rollbackWithoutIssueRule: CheckRule = {
  id: 'rollback-without-issue',
  description: 'A `rolled-back` record has at least one Issues Encountered row.',
  severity: 'warning',
  docs: [
    '**warning** at `status` when a `rolled-back` record has no Issues Encountered table, or only unfilled rows',
    '(every cell empty or a placeholder). Without a row there is no Severity or Duration to read, and recovery',
    'time is unknown unless `restored_at` is set.',
  ].join('\n'),
  examples: {
    good: [
      '---\nstatus: rolled-back\n---\n\n## Incident Response\n\n### Issues Encountered\n\n| Time | Issue | Severity | Duration |\n|------|-------|----------|----------|\n| 14:20 | Checkout errors at 12% | high | 25m |\n',
    ],
    bad: [
      {
        input:
          '---\nstatus: rolled-back\n---\n\n## Incident Response\n\n### Issues Encountered\n\n| Time | Issue | Severity | Duration |\n|------|-------|----------|----------|\n| {{issue_time_1}} | {{issue_1}} | {{severity_1}} | {{duration_1}} |\n',
        expected: [{ line: 2, severity: 'warning' }],
      },
    ],
  },
  check(record, context) {
    if (frontmatterUnreadable(record) || record.status !== 'rolled-back') return []
    if (record.issues && record.issues.rows.some((row) => !row.unfilled)) return []
    const heading = record.issues?.heading ?? context.manifests[record.template]?.tables.issues ?? 'Issues Encountered'
    return [
      context.report(valuePoint(record, ['status']), `Unexpected \`rolled-back\` record without an issue, expected a filled row in \`${heading}\` saying what went wrong`),
    ]
  },
}
