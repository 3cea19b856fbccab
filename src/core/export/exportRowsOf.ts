import { readKeyword } from '../record/readKeyword.ts'
import type { ReleaseRecord } from '../record/types.ts'
import { deploymentMinutes } from '../metrics/deploymentMinutes.ts'
import { readDeployment, type Deployment } from '../metrics/readDeployment.ts'
import { EXPORT_SCHEMA, type ExportChange, type ExportDeployment, type ExportIncident, type ExportRow } from './exportSchema.ts'

/**
 * The lines `shiplog export` writes for one record (schema `shiplog.export/1`, exportSchema.ts):
 * when the record is a deployment of its own environment (`readDeployment`: a deployment status
 * and a deploy time, wholly read), its deployment, then one line per entry of `changes`, then one
 * per filled Issues Encountered row; nothing for any other record. Everything is read by the
 * metrics readers, so the lines hold what `shiplog metrics` measures.
 */
export function exportRowsOf(record: ReleaseRecord, repository: string): ExportRow[] {
  const environment = readKeyword(record, 'environment')
  if (environment === null) return []
  const reading = readDeployment(record, { environment, component: null })
  if (reading.kind !== 'deployment') return []
  const d = reading.deployment
  const common = commonOf(record, d, repository, environment)
  return [deploymentRow(d, common), ...changeRows(d, common), ...incidentRows(d, common)]
}

type Common = Omit<ExportDeployment, 'schema' | 'kind' | 'status' | 'deployed_at' | 'deployed_at_source' | 'failed' | 'failed_because' | 'release_type' | 'restored_at' | 'recovery_start' | 'duration_minutes'>

function commonOf(record: ReleaseRecord, d: Deployment, repository: string, environment: string): Common {
  const version = record.frontmatter.data['version']
  return {
    repository,
    component: readKeyword(record, 'component'),
    environment,
    version: typeof version === 'string' || typeof version === 'number' ? String(version) : null,
    deployment_id: `${repository}/${d.file}`,
    file: d.file,
    line: d.anchor.line,
  }
}

function deploymentRow(d: Deployment, common: Common): ExportDeployment {
  const minutes = deploymentMinutes(d)
  return {
    schema: EXPORT_SCHEMA,
    kind: 'deployment',
    ...common,
    status: d.status,
    deployed_at: d.time.date.toISOString(),
    deployed_at_source: d.time.source,
    failed: d.failure.failed,
    failed_because: d.failure.because.map((because) => because.detail),
    release_type: d.releaseType,
    restored_at: d.restoredAt.date === null ? null : d.restoredAt.date.toISOString(),
    recovery_start: d.recoveryStart.date.toISOString(),
    duration_minutes: minutes.kind === 'measured' ? minutes.minutes : null,
  }
}

function changeRows(d: Deployment, common: Common): ExportChange[] {
  return d.changes.map((change) => ({
    schema: EXPORT_SCHEMA,
    kind: 'change',
    ...common,
    line: change.line,
    change_id: change.hasId ? change.id : null,
    change_key: change.hasId ? change.id : `${d.file}#${change.index + 1}`,
    title: change.title,
    committed_at: change.committedAt === null ? null : change.committedAt.toISOString(),
  }))
}

function incidentRows(d: Deployment, common: Common): ExportIncident[] {
  return d.issues.rows.map((row) => ({
    schema: EXPORT_SCHEMA,
    kind: 'incident',
    ...common,
    line: row.line,
    description: row.issue,
    severity: row.severity,
    failure_severity: row.failure,
    occurred_at: row.time === null ? null : row.time.toISOString(),
    duration_minutes: row.durationMinutes,
  }))
}
