import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { record } from './loadRecords.ts'

/*
 * The same five production deployments, measured by shiplog (FORMAT.md §5, 1.1) and by the
 * queries of two peers, as docs/metrics.md ("shiplog and its peers") describes them:
 *
 * - Four Keys, dora-team/fourkeys @ 6cc642e (dashboard/fourkeys_dashboard.json, queries/deployments.sql,
 *   queries/incidents.sql);
 * - Apache DevLake, apache/incubator-devlake @ 420e494 (grafana/dashboards/DORA.json,
 *   backend/plugins/dora/tasks/incident_deploy_connector.go).
 *
 * | record | status      | deploy time (UTC) | changes (committed, UTC)      | failure-severity issue | restored_at |
 * |--------|-------------|-------------------|-------------------------------|------------------------|-------------|
 * | R1     | closed      | 03-02 10:00       | A 03-01 10:00, B 03-02 04:00  |                        |             |
 * | R2     | rolled-back | 03-03 12:00       | C 03-03 00:00                 | 03-03 12:10 critical   | 03-03 13:00 |
 * | R3     | closed      | 03-04 12:00       | C again, D 03-04 06:00        |                        |             |
 * | R4     | deployed    | 03-05 12:00       | E 03-05 09:00                 | 03-05 13:00 high       | 03-05 14:30 |
 * | R5     | failed      | 03-06 12:00       | (none)                        | 03-06 12:05 critical   | 03-06 12:40 |
 *
 * The peers read pipeline events, not records. The mapping used here: a deployment is the
 * record's pipeline run, successful (`SUCCESS`) unless the status is `failed` (the rollout itself
 * failed: R5); each failure-severity Issues row is an incident created at its Time, resolved at
 * `restored_at`, whose root cause (Four Keys' "root cause:" tag) is the record's changes.
 */
const R1 = record({
  file: 'releases/r1.md',
  frontmatter: [
    'version: 1.0.0',
    'environment: production',
    'status: closed',
    'deployed_at: "2026-03-02T10:00:00Z"',
    'changes:',
    '  - { id: A, title: a, committed_at: "2026-03-01T10:00:00Z" }',
    '  - { id: B, title: b, committed_at: "2026-03-02T04:00:00Z" }',
  ].join('\n'),
})
const R2 = record({
  file: 'releases/r2.md',
  frontmatter: [
    'version: 1.1.0',
    'environment: production',
    'status: rolled-back',
    'deployed_at: "2026-03-03T12:00:00Z"',
    'restored_at: "2026-03-03T13:00:00Z"',
    'changes:',
    '  - { id: C, title: c, committed_at: "2026-03-03T00:00:00Z" }',
  ].join('\n'),
  issues: ['| 2026-03-03T12:10:00Z | Errors on checkout | critical | All users | Rolled back | |'],
})
const R3 = record({
  file: 'releases/r3.md',
  frontmatter: [
    'version: 1.1.1',
    'environment: production',
    'status: closed',
    'deployed_at: "2026-03-04T12:00:00Z"',
    'changes:',
    '  - { id: C, title: c, committed_at: "2026-03-03T00:00:00Z" }',
    '  - { id: D, title: d, committed_at: "2026-03-04T06:00:00Z" }',
  ].join('\n'),
})
const R4 = record({
  file: 'releases/r4.md',
  frontmatter: [
    'version: 1.2.0',
    'environment: production',
    'status: deployed',
    'deployed_at: "2026-03-05T12:00:00Z"',
    'restored_at: "2026-03-05T14:30:00Z"',
    'changes:',
    '  - { id: E, title: e, committed_at: "2026-03-05T09:00:00Z" }',
  ].join('\n'),
  issues: ['| 2026-03-05T13:00:00Z | Slow search | high | Some users | Fixed forward | |'],
})
const R5 = record({
  file: 'releases/r5.md',
  frontmatter: [
    'version: 1.2.1',
    'environment: production',
    'status: failed',
    'deployed_at: "2026-03-06T12:00:00Z"',
    'restored_at: "2026-03-06T12:40:00Z"',
  ].join('\n'),
  issues: ['| 2026-03-06T12:05:00Z | Rollout failed | critical | All users | Previous version restored | |'],
})
const records = [R1, R2, R3, R4, R5]

// The peers' data, mapped from the records above by hand (see the header).
interface Deployment {
  id: string
  at: number
  success: boolean
  changes: string[]
}
interface Incident {
  created: number
  resolved: number
  rootCause: string[]
}
const t = (iso: string): number => Date.parse(`2026-${iso}:00Z`)
const committed: Record<string, number> = { A: t('03-01T10:00'), B: t('03-02T04:00'), C: t('03-03T00:00'), D: t('03-04T06:00'), E: t('03-05T09:00') }
const deployments: Deployment[] = [
  { id: 'R1', at: t('03-02T10:00'), success: true, changes: ['A', 'B'] },
  { id: 'R2', at: t('03-03T12:00'), success: true, changes: ['C'] },
  { id: 'R3', at: t('03-04T12:00'), success: true, changes: ['C', 'D'] },
  { id: 'R4', at: t('03-05T12:00'), success: true, changes: ['E'] },
  { id: 'R5', at: t('03-06T12:00'), success: false, changes: [] },
]
const incidents: Incident[] = [
  { created: t('03-03T12:10'), resolved: t('03-03T13:00'), rootCause: ['C'] },
  { created: t('03-05T13:00'), resolved: t('03-05T14:30'), rootCause: ['E'] },
  { created: t('03-06T12:05'), resolved: t('03-06T12:40'), rootCause: [] },
]
const MINUTE = 60_000

/** BigQuery's PERCENTILE_CONT(x, 0.5): the mean of the middle two of an even count. */
function percentileCont(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** DevLake's median: `max(x) where percent_rank() <= 0.5` — the lower middle value. */
function percentRankMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  return Math.max(...sorted.filter((value) => n === 1 || sorted.indexOf(value) / (n - 1) <= 0.5))
}

const fourKeys = {
  // deployments.sql keeps successful pipeline runs only.
  deployments: () => deployments.filter((d) => d.success),
  /** "Lead Time for Changes": every (deployment, change) pair, in minutes, > 0 only. */
  leadTimeHours() {
    const pairs = this.deployments().flatMap((d) => d.changes.map((c) => (d.at - (committed[c] as number)) / MINUTE))
    return percentileCont(pairs.filter((minutes) => minutes > 0)) / 60
  },
  /** "Change Failure Rate": (deployment, change) rows whose change is an incident's root cause / deployments with changes. */
  changeFailureRate() {
    const rows = this.deployments().flatMap((d) => d.changes.map((c) => ({ deploy: d.id, failed: incidents.some((i) => i.rootCause.includes(c)) })))
    return rows.filter((row) => row.failed).length / new Set(rows.map((row) => row.deploy)).size
  },
  /** "Median Time to Restore Services": per incident, TIMESTAMP_DIFF(resolved, created, HOUR) — whole hours — with created the earlier of the issue and the root cause's first deployment. */
  recoveryHours() {
    const hours = incidents.map((i) => {
      const rootDeploys = this.deployments().filter((d) => d.changes.some((c) => i.rootCause.includes(c))).map((d) => d.at)
      const created = Math.min(i.created, ...rootDeploys)
      return Math.trunc((i.resolved - created) / (60 * MINUTE))
    })
    return percentileCont(hours)
  },
}

const devLake = {
  deployments: () => deployments.filter((d) => d.success),
  /** incident_deploy_connector.go: an incident belongs to the last successful deployment finished before it was created. */
  causedBy(incident: Incident): Deployment {
    return this.deployments().filter((d) => d.at < incident.created).sort((a, b) => b.at - a.at)[0] as Deployment
  },
  changeFailureRate() {
    const failed = new Set(incidents.map((i) => this.causedBy(i).id))
    return failed.size / this.deployments().length
  },
  /** 2023 "Failed deployment recovery time": per incident, resolution − its deployment's finish. */
  recoveryHours() {
    return percentRankMedian(incidents.map((i) => (i.resolved - this.causedBy(i).at) / MINUTE)) / 60
  },
}

describe('shiplog and its peers on the same records (docs/metrics.md)', () => {
  const shiplog = computeMetrics(records)

  it('should count every deployment, the failed rollout too, where the peers count successful pipeline runs only', () => {
    // shiplog: R1–R5 = 5 over 03-02 00:00 → 03-07 00:00 (5 days): 5 / (5 / 7) = 7 per week
    expect(shiplog.deploymentFrequency.count).toBe(5)
    expect(shiplog.deploymentFrequency.perWeek).toBe(7)
    // Four Keys and DevLake: R5's run failed, so it is not a deployment: 4
    expect(fourKeys.deployments().length).toBe(4)
    expect(devLake.deployments().length).toBe(4)
  })

  it('should measure each change once, at the deployment that kept it, where Four Keys measures every (deployment, change) pair', () => {
    // shiplog: A 24 h, B 6 h, C at R3 (R2 was rolled back) 36 h, D 6 h, E 3 h → [3, 6, 6, 24, 36] → 6 h
    expect(shiplog.leadTime).toMatchObject({ medianHours: 6, changes: 5 })
    // Four Keys: R1 A 24, B 6; R2 C 12; R3 C 36, D 6; R4 E 3 → [3, 6, 6, 12, 24, 36] → (6 + 12) / 2 = 9 h
    expect(fourKeys.leadTimeHours()).toBe(9)
  })

  it('should rate failed deployments over deployments, where Four Keys counts failing change rows and DevLake attributes incidents by time', () => {
    // shiplog: R2 (rolled back), R4 (high issue), R5 (failed) of 5 → 0.6
    expect(shiplog.changeFailureRate.rate).toBe(0.6)
    // Four Keys: rows R1A R1B R2C* R3C* R3D R4E* (C and E are root causes; R3 carries C again) → 3 / 4 deployments = 0.75
    expect(fourKeys.changeFailureRate()).toBe(0.75)
    // DevLake: incidents → R2, R4, and R5's (12:05 on 03-06) → R4, the last success before it → {R2, R4} / 4 = 0.5
    expect(devLake.changeFailureRate()).toBe(0.5)
  })

  it('should measure recovery per failed deployment from its own start, where Four Keys truncates to whole hours and DevLake starts at the attributed deployment', () => {
    // shiplog: R2 12:00 (issue at 12:10 is later) → 13:00 = 1 h; R4 12:00 → 14:30 = 2.5 h; R5 12:00 → 12:40 = 0.67 h → median 1 h
    expect(shiplog.recoveryTime).toEqual({ medianHours: 1, known: 3, unknown: 0 })
    // Four Keys: R2 min(12:10, R2 12:00) → 13:00 = 60 min → 1; R4 min(13:00, R4 12:00) → 14:30 = 150 min → 2;
    // R5 12:05 → 12:40 = 35 min → 0 → [0, 1, 2] → 1 h (the same median here, from 0 h for a 35-minute outage)
    expect(fourKeys.recoveryHours()).toBe(1)
    // DevLake 2023: R2 60 min; R4 150 min; R5's incident from R4's finish 03-05 12:00 → 03-06 12:40 = 1,480 min
    // → percent ranks 0, 0.5, 1 → max of those ≤ 0.5 = 150 min = 2.5 h
    expect(devLake.recoveryHours()).toBe(2.5)
  })
})
