import type { Deployment } from './readDeployment.ts'
import type { TimelineRow } from './readTimeline.ts'

/** How long a deployment took by its Deployment Timeline, or why that is not known. */
export type DeploymentMinutes =
  | { kind: 'measured'; minutes: number; rows: TimelineRow[] }
  | { kind: 'no-rows' }
  | { kind: 'unknown'; row: TimelineRow }

/**
 * A deployment's duration (FORMAT.md §5): the sum of its filled Deployment Timeline rows'
 * durations (Duration, else End − Start), in minutes; unknown when a filled row's duration cannot
 * be read (that row is given), none when no row is filled. The deployment duration figure and
 * `shiplog export` both read it here.
 */
export function deploymentMinutes(d: Pick<Deployment, 'timeline'>): DeploymentMinutes {
  const rows = d.timeline.rows.filter((row) => !row.empty)
  if (rows.length === 0) return { kind: 'no-rows' }
  const unknown = rows.find((row) => row.minutes === null)
  if (unknown) return { kind: 'unknown', row: unknown }
  return { kind: 'measured', minutes: rows.reduce((sum, row) => sum + (row.minutes as number), 0), rows }
}
