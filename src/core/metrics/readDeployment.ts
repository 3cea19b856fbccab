import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { Point, ReleaseRecord } from '../record/types.ts'
import type { Status } from '../lifecycle/statuses.ts'
import { diagnostic } from './diagnostic.ts'
import { deployTime, type DeployTime } from './deployTime.ts'
import { keyPoint, valuePoint } from '../record/valuePoint.ts'
import { isFailedDeployment, type FailureReading } from './isFailedDeployment.ts'
import { readChanges, type ChangeReading } from './readChanges.ts'
import { readDateValue, type DateValueReading } from './readDateValue.ts'
import { readIssues, type IssueRow, type IssuesReading } from './readIssues.ts'
import { readKeyword } from '../record/readKeyword.ts'
import { readTimeline, type TimelineReading } from './readTimeline.ts'
import type { Exclusion } from './types.ts'

/**
 * A record that is a deployment (FORMAT.md §5), with everything the figures read from it: never the
 * record itself, so that `metrics` keeps a small reading per record rather than every record.
 */
export interface Deployment {
  file: string
  /** The repository the record was read from (`ReleaseRecord.repository`), null for a record of a single project. */
  repository: string | null
  /** The `status` key: the line that stands for the record in explanations. */
  anchor: Point
  /** The lifecycle status (`ReleaseRecord.status`). */
  status: Status
  releaseType: string | null
  /** Where `release_type`'s value is written; the `status` key when it is absent. */
  releaseTypeAt: Point
  time: DeployTime
  failure: FailureReading
  timeline: TimelineReading
  issues: IssuesReading
  changes: ChangeReading[]
  /**
   * Where a failed deployment's recovery is measured from (FORMAT.md §5, 1.1): the earlier of the
   * deploy time and the Time of its first failure-severity Issues row with a readable Time (`issue`
   * is that row when it is the earlier).
   */
  recoveryStart: { date: Date; issue: IssueRow | null }
  /** `restored_at`; its `date` is null when it is not after the deploy time (then reported). */
  restoredAt: DateValueReading & { point: Point }
  /** Every content problem met while reading the record. */
  problems: PlacedMessage[]
}

export type RecordReading =
  | { kind: 'deployment'; deployment: Deployment }
  | { kind: 'excluded'; exclusion: Exclusion; problems: PlacedMessage[] }

/** Statuses of an attempted deployment (FORMAT.md §5). */
export const DEPLOYMENT_STATUSES: ReadonlySet<Status> = new Set<Status>(['deployed', 'verified', 'closed', 'rolled-back', 'failed'])

export interface DeploymentFilter {
  /** Lower-cased environment the deployments must target. */
  environment: string
  /** Lower-cased component, or null for every component. */
  component: string | null
}

/**
 * Reads one record for metrics: either a deployment — the environment measured (production by
 * default), a deployment status, a deploy time — or the reason it is left out.
 */
export function readDeployment(record: ReleaseRecord, filter: DeploymentFilter): RecordReading {
  const file = record.file
  const anchor = keyPoint(record, 'status')
  const exclude = (code: Exclusion['code'], reason: string, line = anchor.line, problems: PlacedMessage[] = []): RecordReading => ({
    kind: 'excluded',
    exclusion: { file, line, code, reason },
    problems,
  })
  // A record that was not wholly read (unreadable bytes or frontmatter, a body past the limits)
  // could give wrong figures: a missed Issues row would count a failed deployment as a success.
  const unread = record.problems.find((problem) => problem.severity === 'error' && problem.ruleId !== 'template-unreadable')
  if (unread) {
    return exclude('unreadable', `not read: ${unread.reason} (${unread.ruleId}, line ${unread.line})`, unread.line)
  }
  const { data, startLine } = record.frontmatter
  if (startLine === null && Object.keys(data).length === 0) {
    return exclude('no-frontmatter', 'no frontmatter: not a release record', 1)
  }

  const component = readKeyword(record, 'component')
  if (filter.component !== null && component !== filter.component) {
    return exclude(
      'other-component',
      component === null ? `no \`component\`, not \`${filter.component}\`` : `component \`${component}\`, not \`${filter.component}\``,
      keyPoint(record, 'component').line,
    )
  }

  const environment = readKeyword(record, 'environment')
  if (environment !== filter.environment) {
    return exclude(
      'other-environment',
      environment === null
        ? `no \`environment\`: not a ${filter.environment} deployment`
        : `environment \`${environment}\`: not a ${filter.environment} deployment`,
      keyPoint(record, 'environment').line,
    )
  }

  const status = record.status
  if (status === 'cancelled') return exclude('cancelled', 'status `cancelled`: never attempted')
  if (status === null) {
    const written = readKeyword(record, 'status')
    return exclude('unknown-status', written === null ? 'no `status`' : `unknown status \`${written}\``)
  }
  if (!DEPLOYMENT_STATUSES.has(status)) {
    return exclude('not-a-deployment-status', `status \`${status}\` is not a deployment status (not deployed yet)`)
  }

  const timeline = readTimeline(record)
  const issues = readIssues(record)
  const time = deployTime(record, timeline)
  const changes = readChanges(record)
  const restoredPoint = valuePoint(record, ['restored_at'])
  const restoredAt = readDateValue(file, data['restored_at'], restoredPoint, '`restored_at`')
  const problems = [...timeline.problems, ...issues.problems, ...time.problems, ...changes.problems, ...restoredAt.problems]
  if (!time.time) {
    return exclude(
      'no-deploy-time',
      'no deploy time: no readable `deployed_at`, Deployment Timeline End Time or `scheduled`',
      anchor.line,
      problems,
    )
  }
  const releaseTypeField = record.frontmatter.fields['release_type']
  let restored = restoredAt.date
  if (restored && restored.getTime() <= time.time.date.getTime()) {
    problems.push(
      diagnostic(
        file,
        restoredPoint,
        'restored-before-deploy',
        `Unexpected \`restored_at\` \`${restoredAt.text ?? ''}\` at or before the deploy time (${time.time.date.toISOString()}), expected a later time`,
      ),
    )
    restored = null
  }
  return {
    kind: 'deployment',
    deployment: {
      file,
      repository: record.repository ?? null,
      anchor,
      status,
      releaseType: readKeyword(record, 'release_type'),
      releaseTypeAt: releaseTypeField ? { line: releaseTypeField.value.line, column: releaseTypeField.value.column } : anchor,
      time: time.time,
      failure: isFailedDeployment(record, issues),
      timeline,
      issues,
      changes: changes.changes,
      recoveryStart: recoveryStart(time.time.date, issues),
      restoredAt: { ...restoredAt, date: restored, point: restoredPoint },
      problems,
    },
  }
}

function recoveryStart(deployed: Date, issues: IssuesReading): Deployment['recoveryStart'] {
  const first = issues.rows.find((row) => row.failure && row.time !== null)
  return first?.time && first.time.getTime() < deployed.getTime() ? { date: first.time, issue: first } : { date: deployed, issue: null }
}
