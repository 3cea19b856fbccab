import type { ReleaseRecord } from '../record/types.ts'
import { keywordOf } from '../record/readKeyword.ts'
import { valuePoint } from '../record/valuePoint.ts'
import { readIssues, type IssuesReading } from './readIssues.ts'
import type { SourceRef } from './types.ts'

export interface FailureReading {
  failed: boolean
  /** Every reason the deployment counts as failed, with where it was read. */
  because: Array<{ detail: string; from: SourceRef }>
}

/**
 * Whether a deployment failed (FORMAT.md §5): status `rolled-back` or `failed`, or `incident: true`,
 * or any Issues Encountered row whose Severity is critical, high, sev1, sev2, p1 or p2.
 * `incident` accepts the boolean `true` and the string `"true"` (any case).
 */
export function isFailedDeployment(record: ReleaseRecord, issues: IssuesReading = readIssues(record)): FailureReading {
  const because: FailureReading['because'] = []
  const status = record.status
  if (status === 'rolled-back' || status === 'failed') {
    because.push({
      detail: `status \`${status}\``,
      from: { in: 'frontmatter', key: 'status', ...valuePoint(record, ['status']), text: status },
    })
  }
  const incident = record.frontmatter.data['incident']
  if (keywordOf(incident) === 'true') {
    because.push({
      detail: '`incident: true`',
      from: { in: 'frontmatter', key: 'incident', ...valuePoint(record, ['incident']), text: 'true' },
    })
  }
  for (const row of issues.rows) {
    if (!row.failure) continue
    because.push({
      detail: `Issues Encountered row of severity \`${row.severity}\``,
      from: { in: 'issues', line: row.line, column: row.column, text: row.issue || row.severity },
    })
  }
  return { failed: because.length > 0, because }
}
