/**
 * The payloads of Apache DevLake's incoming webhook (plugin `webhook`), as its source reads them:
 * `WebhookDeploymentReq` / `WebhookDeploymentCommitReq` in
 * backend/plugins/webhook/api/deployments.go and `WebhookIssueRequest` in
 * backend/plugins/webhook/api/issues.go (apache/incubator-devlake 420e494b; docs/org-scale.md,
 * "Apache DevLake"). Dates are RFC 3339 with an offset, e.g. `2026-08-12T19:40:00+00:00`.
 */

/** One commit a deployment carried (`deploymentCommits[]`). */
export interface DevlakeDeploymentCommit {
  /** Required: the repository, matched against DevLake's `repos.url`. */
  repoUrl: string
  /** Required. */
  commitSha: string
  commitMsg?: string
  /** Required. */
  startedDate: string
  /** Required. */
  finishedDate: string
}

/** `POST …/deployments`: upserted by `id` (and each commit by id, repoUrl and commitSha). */
export interface DevlakeDeployment {
  /** Required: the deployment's id in DevLake (`cicd_deployments.id`). */
  id: string
  displayTitle: string
  /** `SUCCESS` for every shiplog deployment: the change went live (a failure is an incident). */
  result: 'SUCCESS'
  environment: 'PRODUCTION'
  originalEnvironment: string
  /** Required. */
  startedDate: string
  /** Required: DevLake's deploy time (lead time ends here; incidents after it are tied to it). */
  finishedDate: string
  /**
   * The commit the deployment put live in the repository (DevLake refuses a deployment without
   * one, and reads one per repository: the changes before it come from its own git data).
   */
  deploymentCommits: DevlakeDeploymentCommit[]
}

/** `POST …/issues` with `type: INCIDENT`: upserted by `issueKey`. */
export interface DevlakeIncident {
  /** Required, unique in the connection. */
  issueKey: string
  /** Required. */
  title: string
  description: string
  type: 'INCIDENT'
  /** Required: `TODO`, `IN_PROGRESS` or `DONE`. */
  status: 'TODO' | 'DONE'
  /** Required: the status in the source tool (the record's status). */
  originalStatus: string
  /** Required. */
  createdDate: string
  resolutionDate?: string
  severity?: string
  component: string
}

/** One request to make, with the release it stands for (for messages). */
export type DevlakePayload =
  | { endpoint: 'deployments'; file: string; release: string; body: DevlakeDeployment }
  | { endpoint: 'issues'; file: string; release: string; body: DevlakeIncident }

/** A deployment that cannot be sent, and why. */
export interface DevlakeSkip {
  file: string
  line: number
  reason: string
}

export interface DevlakeExport {
  /** Deployments first (in file order), then incidents, so an incident never precedes its deployment. */
  payloads: DevlakePayload[]
  skipped: DevlakeSkip[]
}

export interface DevlakeExportOptions {
  /**
   * The repository the records' changes were committed to: sent as each commit's `repoUrl`
   * (DevLake ties it to the repository it collects under that URL).
   */
  repository: string
}
