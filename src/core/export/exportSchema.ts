import { z } from 'zod'
import type { Status } from '../lifecycle/statuses.ts'
import { DEPLOYMENT_STATUSES } from '../metrics/readDeployment.ts'

/** The export schema's name and version, written in every line (`schema`); a breaking change bumps the number. */
export const EXPORT_SCHEMA = 'shiplog.export/1'

/** An instant in UTC, ISO 8601 with milliseconds and `Z` (`Date#toISOString`). */
const instant = z.iso.datetime({ precision: 3 })

/** The keys every line carries: what it is, where it comes from, which deployment it belongs to. */
const common = {
  schema: z.literal(EXPORT_SCHEMA).describe('The export schema and its version.'),
  repository: z.string().describe('The repository the record is kept in.'),
  component: z.string().nullable().describe('`component`, lower-cased; null when absent.'),
  environment: z.string().describe('`environment`, lower-cased (production, staging, dr, …).'),
  version: z.string().nullable().describe('`version` as written; null when absent.'),
  deployment_id: z.string().describe('The deployment the line belongs to: `<repository>/<record file>`, stable across exports.'),
  file: z.string().describe('The record file, relative to the repository.'),
  line: z.number().int().min(1).describe('The line in `file` the value was read from: `status` for a deployment, the entry for a change, the row for an incident.'),
}

/** One attempted deployment (FORMAT.md §5): a record with a deployment status and a deploy time. */
export const exportDeploymentSchema = z
  .object({
    ...common,
    kind: z.literal('deployment'),
    status: z.enum([...DEPLOYMENT_STATUSES] as [Status, ...Status[]]).describe('The lifecycle status.'),
    deployed_at: instant.describe('The deploy time (FORMAT.md §5), UTC.'),
    deployed_at_source: z.enum(['deployed_at', 'application-deployment', 'latest-end', 'scheduled']).describe('Which rule of FORMAT.md §5 gave the deploy time.'),
    failed: z.boolean().describe('A failed deployment (FORMAT.md §5).'),
    failed_because: z.array(z.string()).describe('Why it failed, one reason per entry; empty when it did not.'),
    release_type: z.string().nullable().describe('`release_type`, lower-cased (`hotfix` counts towards the rework rate); null when absent.'),
    restored_at: instant.nullable().describe('`restored_at`, UTC; null when absent, unreadable or not after the deploy time.'),
    recovery_start: instant.describe('Where recovery is measured from: the earlier of the deploy time and the Time of the first failure-severity Issues row.'),
    duration_minutes: z.number().nullable().describe('Sum of the Deployment Timeline durations, minutes; null when no row is filled or one cannot be read.'),
  })
  .strict()

/** One entry of a deployment's `changes`. */
export const exportChangeSchema = z
  .object({
    ...common,
    kind: z.literal('change'),
    change_id: z.string().nullable().describe('The change `id`; null when the entry has none.'),
    change_key: z.string().describe('What makes changes the same (FORMAT.md §5, lead time): the `id`, else `<file>#<n>` (distinct from every other change).'),
    title: z.string().describe('The change `title`; empty when absent.'),
    committed_at: instant.nullable().describe('`committed_at`, UTC; null when absent or unreadable.'),
  })
  .strict()

/** One filled row of a deployment's Issues Encountered table. */
export const exportIncidentSchema = z
  .object({
    ...common,
    kind: z.literal('incident'),
    description: z.string().describe('The Issue cell; empty when blank.'),
    severity: z.string().describe('The Severity cell as written; empty when blank.'),
    failure_severity: z.boolean().describe('The severity fails the deployment (critical, high, sev1, sev2, p1, p2).'),
    occurred_at: instant.nullable().describe('The Time cell, UTC; null when blank or unreadable.'),
    duration_minutes: z.number().nullable().describe('The Duration cell in minutes; null when blank or unreadable.'),
  })
  .strict()

/** One line of `shiplog export`: a deployment, a change or an incident (`kind`). */
export const exportRowSchema = z.discriminatedUnion('kind', [exportDeploymentSchema, exportChangeSchema, exportIncidentSchema])

export type ExportDeployment = z.infer<typeof exportDeploymentSchema>
export type ExportChange = z.infer<typeof exportChangeSchema>
export type ExportIncident = z.infer<typeof exportIncidentSchema>
export type ExportRow = z.infer<typeof exportRowSchema>
