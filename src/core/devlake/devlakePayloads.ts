import type { ReleaseRecord, YamlValue } from '../record/types.ts'
import { readKeyword } from '../record/readKeyword.ts'
import { keyPoint } from '../record/valuePoint.ts'
import { readDeployment, type Deployment } from '../metrics/readDeployment.ts'
import { devlakeDate } from './devlakeDate.ts'
import { deploymentId, incidentKey } from './devlakeIds.ts'
import type { ChangeReading } from '../metrics/readChanges.ts'
import type { DevlakeDeployment, DevlakeExport, DevlakeExportOptions, DevlakeIncident, DevlakePayload, DevlakeSkip } from './types.ts'

/** A change id DevLake can join to its commits: a git sha, abbreviated or whole. */
const COMMIT_SHA = /^[0-9a-f]{7,40}$/i

/** DevLake ties an incident to the last successful deployment that finished strictly before it was created. */
const INCIDENT_AFTER_MS = 1000

/**
 * The DevLake webhook payloads of a project's production deployments (FORMAT.md §5, read by
 * `readDeployment`): one deployment per record, carrying the commit it deployed (`headChange`), and
 * one incident per failed deployment. Records that are not production deployments are left out silently, as
 * `metrics` leaves them out; deployments DevLake could not take (no component, no version, no
 * change with a commit sha) are listed in `skipped`.
 */
export function devlakePayloads(records: readonly ReleaseRecord[], options: DevlakeExportOptions): DevlakeExport {
  const deployments: DevlakePayload[] = []
  const incidents: DevlakePayload[] = []
  const skipped: DevlakeSkip[] = []
  for (const record of records) {
    const reading = readDeployment(record, { environment: 'production', component: null })
    if (reading.kind !== 'deployment') continue
    const deployment = reading.deployment
    const component = readKeyword(record, 'component')
    const versionValue = record.frontmatter.data['version']
    const version = typeof versionValue === 'string' ? versionValue.trim() : ''
    const skip = (reason: string, line = deployment.anchor.line): void => {
      skipped.push({ file: record.file, line, reason })
    }
    if (component === null) {
      skip('no `component`: DevLake ids are made of the component and the version', keyPoint(record, 'component').line)
      continue
    }
    if (version === '') {
      skip('no `version`: DevLake ids are made of the component and the version', keyPoint(record, 'version').line)
      continue
    }
    const release = `${component} ${version}`
    const head = headChange(deployment.changes)
    if (head === null) {
      skip('no change with a commit sha as its `id` (DevLake refuses a deployment without commits)', keyPoint(record, 'changes').line)
      continue
    }
    const body = deploymentBody(deployment, record.frontmatter.data['release'], component, version, head, options)
    deployments.push({ endpoint: 'deployments', file: record.file, release, body })
    if (deployment.failure.failed) {
      incidents.push({ endpoint: 'issues', file: record.file, release, body: incidentBody(deployment, component, version) })
    }
  }
  return { payloads: [...deployments, ...incidents], skipped }
}

/**
 * The commit a deployment put live, as DevLake models it (one commit per repository and deployment:
 * it finds the changes in between from its own git data, dora/tasks/prev_deployment_commit_enricher.go):
 * of the changes whose id is a commit sha, the one committed last; when none has a readable
 * `committed_at`, the first listed (`new --from-git` lists the newest first). Null when no id is a sha.
 */
export function headChange(changes: readonly ChangeReading[]): ChangeReading | null {
  const commits = changes.filter((change) => change.hasId && COMMIT_SHA.test(change.id))
  let head: ChangeReading | null = null
  for (const change of commits) {
    if (change.committedAt && (!head?.committedAt || change.committedAt.getTime() > head.committedAt.getTime())) head = change
  }
  return head ?? commits[0] ?? null
}

function deploymentBody(deployment: Deployment, name: YamlValue | undefined, component: string, version: string, head: ChangeReading, options: DevlakeExportOptions): DevlakeDeployment {
  const finished = deployment.time.date
  // The deployment began at the earliest timeline Start up to the deploy time; without one, at the deploy time.
  let started = finished
  for (const row of deployment.timeline.rows) {
    if (row.start && row.start.getTime() < started.getTime()) started = row.start
  }
  const startedDate = devlakeDate(started)
  const finishedDate = devlakeDate(finished)
  return {
    id: deploymentId(component, version),
    displayTitle: typeof name === 'string' && name.trim() !== '' ? `${component} ${version}: ${name.trim()}` : `${component} ${version}`,
    result: 'SUCCESS',
    environment: 'PRODUCTION',
    originalEnvironment: 'production',
    startedDate,
    finishedDate,
    deploymentCommits: [
      {
        repoUrl: options.repository,
        commitSha: head.id.toLowerCase(),
        ...(head.title.trim() === '' ? {} : { commitMsg: head.title.trim() }),
        startedDate,
        finishedDate,
      },
    ],
  }
}

function incidentBody(deployment: Deployment, component: string, version: string): DevlakeIncident {
  const firstRow = deployment.issues.rows.find((row) => row.failure)
  const restored = deployment.restoredAt.date
  return {
    issueKey: incidentKey(component, version),
    title: `${component} ${version} failed${firstRow && firstRow.issue.trim() !== '' ? `: ${firstRow.issue.trim()}` : ''}`,
    description: `Failed deployment (${deployment.file}): ${deployment.failure.because.map((reason) => reason.detail).join('; ')}`,
    type: 'INCIDENT',
    status: restored ? 'DONE' : 'TODO',
    originalStatus: deployment.status,
    createdDate: devlakeDate(new Date(deployment.time.date.getTime() + INCIDENT_AFTER_MS)),
    ...(restored ? { resolutionDate: devlakeDate(restored) } : {}),
    ...(firstRow ? { severity: firstRow.severity } : {}),
    component,
  }
}
