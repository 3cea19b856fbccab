/**
 * What Apache DevLake's incoming webhook accepts, written from its source and docs, not from
 * shiplog's payload builder: apache/incubator-devlake 420e494b4ede9a16c4bfb59de099c797bcd7f5f1,
 * backend/plugins/webhook/api/deployments.go (`WebhookDeploymentReq`, `WebhookDeploymentCommitReq`,
 * `CreateDeploymentAndDeploymentCommits`), backend/plugins/webhook/api/issues.go
 * (`WebhookIssueRequest`), backend/core/models/domainlayer/ticket/issue.go (types, statuses) and
 * https://devlake.apache.org/docs/Plugins/webhook (the payload tables: `result` is one of SUCCESS,
 * FAILURE, ABORT, MANUAL; dates like 2020-01-01T12:00:00+00:00).
 *
 * DevLake decodes with mapstructure, which drops keys it does not know: a misspelt key (say
 * `start_time`, the pre-1.0 name) is lost without an error. So an unknown key is an error here.
 */

type Kind = 'string' | 'date' | 'number' | 'uint' | 'array'
interface Field {
  kind: Kind
  required?: boolean
  oneOf?: readonly string[]
}

const DEPLOYMENT: Record<string, Field> = {
  id: { kind: 'string', required: true },
  displayTitle: { kind: 'string' },
  result: { kind: 'string', oneOf: ['SUCCESS', 'FAILURE', 'ABORT', 'MANUAL'] },
  environment: { kind: 'string', oneOf: ['PRODUCTION', 'STAGING', 'TESTING', 'DEVELOPMENT'] },
  originalEnvironment: { kind: 'string' },
  name: { kind: 'string' },
  // `omitempty,dive` in the struct, but CreateDeploymentAndDeploymentCommits refuses an empty list
  deploymentCommits: { kind: 'array', required: true },
  createdDate: { kind: 'date' },
  startedDate: { kind: 'date', required: true },
  finishedDate: { kind: 'date', required: true },
}

const DEPLOYMENT_COMMIT: Record<string, Field> = {
  displayTitle: { kind: 'string' },
  repoId: { kind: 'string' },
  repoUrl: { kind: 'string', required: true },
  name: { kind: 'string' },
  refName: { kind: 'string' },
  commitSha: { kind: 'string', required: true },
  commitMsg: { kind: 'string' },
  result: { kind: 'string' },
  status: { kind: 'string' },
  createdDate: { kind: 'date' },
  startedDate: { kind: 'date', required: true },
  finishedDate: { kind: 'date', required: true },
}

const ISSUE: Record<string, Field> = {
  url: { kind: 'string' },
  issueKey: { kind: 'string', required: true },
  title: { kind: 'string', required: true },
  description: { kind: 'string' },
  epicKey: { kind: 'string' },
  type: { kind: 'string' },
  // `validate:"oneof=TODO DONE IN_PROGRESS"` without omitempty: an empty status fails too
  status: { kind: 'string', required: true, oneOf: ['TODO', 'DONE', 'IN_PROGRESS'] },
  originalStatus: { kind: 'string', required: true },
  storyPoint: { kind: 'number' },
  resolutionDate: { kind: 'date' },
  createdDate: { kind: 'date', required: true },
  updatedDate: { kind: 'date' },
  leadTimeMinutes: { kind: 'uint' },
  parentIssueKey: { kind: 'string' },
  priority: { kind: 'string' },
  originalEstimateMinutes: { kind: 'number' },
  timeSpentMinutes: { kind: 'number' },
  timeRemainingMinutes: { kind: 'number' },
  creatorId: { kind: 'string' },
  creatorName: { kind: 'string' },
  assigneeId: { kind: 'string' },
  assigneeName: { kind: 'string' },
  severity: { kind: 'string' },
  component: { kind: 'string' },
}

/** RFC 3339 with a required offset, the documented form (`2020-01-01T12:00:00+00:00`). */
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

function check(value: unknown, fields: Record<string, Field>, at: string, errors: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(`${at}: expected an object`)
    return
  }
  const object = value as Record<string, unknown>
  for (const key of Object.keys(object)) {
    if (!(key in fields)) errors.push(`${at}.${key}: unknown key (DevLake would drop it)`)
  }
  for (const [key, field] of Object.entries(fields)) {
    const v = object[key]
    const path = `${at}.${key}`
    if (v === undefined || v === null) {
      if (field.required) errors.push(`${path}: required`)
      continue
    }
    switch (field.kind) {
      case 'string':
        if (typeof v !== 'string') errors.push(`${path}: expected a string`)
        else if (field.required && v === '') errors.push(`${path}: required (empty)`)
        else if (field.oneOf && !field.oneOf.includes(v)) errors.push(`${path}: expected one of ${field.oneOf.join(', ')}`)
        break
      case 'date':
        if (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(v))) errors.push(`${path}: expected a date like 2020-01-01T12:00:00+00:00`)
        break
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) errors.push(`${path}: expected a number`)
        break
      case 'uint':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) errors.push(`${path}: expected an unsigned integer`)
        break
      case 'array':
        if (!Array.isArray(v)) errors.push(`${path}: expected a list`)
        break
    }
  }
}

/** Problems DevLake's deployment webhook would refuse (or silently lose); empty when it takes the body. */
export function deploymentErrors(body: unknown): string[] {
  const errors: string[] = []
  check(body, DEPLOYMENT, 'deployment', errors)
  const commits = (body as { deploymentCommits?: unknown } | null)?.deploymentCommits
  if (Array.isArray(commits)) {
    if (commits.length === 0) errors.push('deployment.deploymentCommits: deployment_commits is empty')
    commits.forEach((commit, index) => check(commit, DEPLOYMENT_COMMIT, `deployment.deploymentCommits[${index}]`, errors))
  }
  const { startedDate, finishedDate } = (body ?? {}) as { startedDate?: string; finishedDate?: string }
  if (typeof startedDate === 'string' && typeof finishedDate === 'string' && DATE.test(startedDate) && DATE.test(finishedDate) && Date.parse(startedDate) > Date.parse(finishedDate)) {
    errors.push('deployment: startedDate after finishedDate (a negative duration)')
  }
  return errors
}

/** Problems DevLake's issue webhook would refuse; `incident` also requires `type: INCIDENT` (what `Issue.IsIncident` compares). */
export function issueErrors(body: unknown, options: { incident: boolean }): string[] {
  const errors: string[] = []
  check(body, ISSUE, 'issue', errors)
  if (options.incident && (body as { type?: unknown } | null)?.type !== 'INCIDENT') errors.push('issue.type: expected INCIDENT (case-sensitive) for an incident')
  return errors
}
