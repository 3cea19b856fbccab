import { DAY_MS } from './calendar.ts'
import { frequencyClass } from './frequencyClass.ts'
import { median, percentile } from './percentile.ts'
import type { Deployment } from './readDeployment.ts'
import { round } from './round.ts'
import type {
  DeploymentDuration,
  DeploymentFrequency,
  Evidence,
  Exclusion,
  FigureExplanation,
  FigureName,
  Figures,
  LeadTime,
  RecoveryTime,
  SourceRef,
} from './types.ts'

export interface ComputedFigures {
  figures: Figures
  explanation: { [figure in FigureName]: FigureExplanation }
}

const HOUR_MS = 3_600_000

/**
 * The figures of FORMAT.md §5 over `deployments` (already filtered to the window [since, until)
 * in ms, or null when there is no window), with, for each figure, what every record contributed
 * and what was left out.
 */
export function computeFigures(deployments: readonly Deployment[], window: { since: number; until: number } | null): ComputedFigures {
  const total = deployments.length
  const failedOnes = deployments.filter((d) => d.failure.failed)
  const successful = deployments.filter((d) => !d.failure.failed)
  const noDeployments = window === null ? 'no deployments to measure' : 'no deployments in the window'
  const reasons: Figures['reasons'] = {}

  // Deployments and failed deployments: counts, never null.
  const deploymentsExplained: FigureExplanation = {
    from: deployments.map((d) => evidence(d, 1, `status \`${d.status}\`, deployed ${iso(d.time.date)} (${sourceName(d)})`, [d.time.from])),
    excluded: [],
  }
  const failedExplained: FigureExplanation = {
    from: failedOnes.map((d) => evidence(d, 1, `failed: ${d.failure.because.map((b) => b.detail).join('; ')}`, d.failure.because.map((b) => b.from))),
    excluded: [],
  }

  // Deployment frequency.
  const deploymentFrequency: DeploymentFrequency = { count: successful.length, perWeek: null, class: null }
  if (total === 0 || window === null) {
    deploymentFrequency.reason = noDeployments
  } else {
    const days = (window.until - window.since) / DAY_MS
    deploymentFrequency.perWeek = round(successful.length / (days / 7), 2)
    deploymentFrequency.class = frequencyClass(
      successful.map((d) => d.time.date),
      window.since,
      window.until,
    )
  }
  const frequencyExplained: FigureExplanation = {
    from: successful.map((d) => evidence(d, 1, `successful deployment on ${iso(d.time.date).slice(0, 10)} (UTC)`, [d.time.from])),
    excluded: failedOnes.map((d) => exclusion(d, 'failed-deployment', 'failed deployment: not a successful deployment')),
  }

  // Lead time for changes.
  const leadHours: number[] = []
  const leadExplained: FigureExplanation = { from: [], excluded: [] }
  for (const d of failedOnes) {
    if (d.changes.length > 0) {
      leadExplained.excluded.push(
        exclusion(d, 'failed-deployment', `failed deployment: its changes (${d.changes.length}) are not counted`),
      )
    }
  }
  let dropped = 0
  for (const d of successful) {
    if (d.changes.length === 0) {
      leadExplained.excluded.push(exclusion(d, 'no-changes', 'no `changes` listed'))
      continue
    }
    for (const change of d.changes) {
      const label = `change \`${change.id}\``
      if (change.committedAt === null) {
        dropped += 1
        leadExplained.excluded.push({
          file: d.file,
          line: change.line,
          code: change.committedAtText === null ? 'missing-value' : 'unparseable-cell',
          reason:
            change.committedAtText === null
              ? `${label}: no \`committed_at\``
              : `${label}: unreadable \`committed_at\` \`${change.committedAtText}\``,
        })
        continue
      }
      const hours = (d.time.date.getTime() - change.committedAt.getTime()) / HOUR_MS
      if (hours <= 0) {
        dropped += 1
        leadExplained.excluded.push({
          file: d.file,
          line: change.line,
          code: 'not-positive',
          reason: `${label} committed ${iso(change.committedAt)}, not before its deploy time ${iso(d.time.date)}: lead time ${round(hours, 2)} h dropped`,
        })
        continue
      }
      leadHours.push(hours)
      leadExplained.from.push({
        file: d.file,
        line: change.line,
        value: round(hours, 2),
        detail: `${label} committed ${iso(change.committedAt)}, deployed ${iso(d.time.date)} (${sourceName(d)})`,
        from: [
          { in: 'frontmatter', key: `changes.${change.index}.committed_at`, line: change.line, column: change.column, text: change.committedAtText ?? '' },
          d.time.from,
        ],
      })
    }
  }
  const leadTime: LeadTime = { medianHours: null, p90Hours: null, changes: leadHours.length, dropped }
  if (leadHours.length > 0) {
    leadTime.medianHours = round(median(leadHours) as number, 2)
    leadTime.p90Hours = round(percentile(leadHours, 0.9) as number, 2)
  } else if (total === 0) {
    leadTime.reason = noDeployments
  } else if (successful.length === 0) {
    leadTime.reason = 'no successful deployments in the window'
  } else {
    leadTime.reason =
      dropped > 0
        ? `no change committed before its deploy time with a readable \`committed_at\` (${dropped} dropped)`
        : 'no `changes` listed in the successful deployments'
  }

  // Change failure rate, rollback rate, rework rate.
  const changeFailureRate = total === 0 ? { rate: null, reason: noDeployments } : { rate: round(failedOnes.length / total, 4) }
  const failureRateExplained: FigureExplanation = {
    from: deployments.map((d) =>
      d.failure.failed
        ? evidence(d, 1, `failed: ${d.failure.because.map((b) => b.detail).join('; ')}`, d.failure.because.map((b) => b.from))
        : evidence(d, 0, 'not failed', [d.time.from]),
    ),
    excluded: [],
  }
  const rolledBack = deployments.filter((d) => d.status === 'rolled-back')
  const rollbackRate = total === 0 ? null : round(rolledBack.length / total, 4)
  const rollbackExplained: FigureExplanation = {
    from: deployments.map((d) => evidence(d, d.status === 'rolled-back' ? 1 : 0, `status \`${d.status}\``, [statusRef(d)])),
    excluded: [],
  }
  const hotfixes = deployments.filter((d) => d.releaseType === 'hotfix')
  const reworkRate = total === 0 ? null : round(hotfixes.length / total, 4)
  const reworkExplained: FigureExplanation = {
    from: deployments.map((d) =>
      evidence(d, d.releaseType === 'hotfix' ? 1 : 0, `release_type \`${d.releaseType ?? '(none)'}\``, [keyRef(d, 'release_type', d.releaseType ?? '')]),
    ),
    excluded: [],
  }

  // Failed deployment recovery time.
  const recoveryHours: number[] = []
  const recoveryExplained: FigureExplanation = { from: [], excluded: [] }
  for (const d of failedOnes) {
    if (d.restoredAt.date) {
      const hours = (d.restoredAt.date.getTime() - d.time.date.getTime()) / HOUR_MS
      recoveryHours.push(hours)
      recoveryExplained.from.push(
        evidence(d, round(hours, 2), `restored_at ${iso(d.restoredAt.date)} − deployed ${iso(d.time.date)} (${sourceName(d)})`, [
          { in: 'frontmatter', key: 'restored_at', line: d.restoredAt.point.line, column: d.restoredAt.point.column, text: d.restoredAt.text ?? '' },
          d.time.from,
        ]),
      )
      continue
    }
    const timed = d.issues.rows.filter((row) => row.failure && row.durationMinutes !== null)
    const longest = timed.reduce<(typeof timed)[number] | undefined>(
      (best, row) => (best === undefined || (row.durationMinutes as number) > (best.durationMinutes as number) ? row : best),
      undefined,
    )
    if (longest) {
      const hours = (longest.durationMinutes as number) / 60
      recoveryHours.push(hours)
      recoveryExplained.from.push(
        evidence(d, round(hours, 2), `largest Duration among failure-severity Issues rows (${longest.severity})`, [
          { in: 'issues', line: longest.line, column: longest.column, text: longest.issue || longest.severity },
        ]),
      )
      continue
    }
    recoveryExplained.excluded.push(
      exclusion(d, 'unknown-recovery', 'no readable `restored_at` after the deploy time and no Duration on a failure-severity Issues row: recovery time unknown'),
    )
  }
  const recoveryTime: RecoveryTime = {
    medianHours: recoveryHours.length > 0 ? round(median(recoveryHours) as number, 2) : null,
    known: recoveryHours.length,
    unknown: failedOnes.length - recoveryHours.length,
  }
  if (recoveryTime.medianHours === null) {
    recoveryTime.reason =
      total === 0
        ? noDeployments
        : failedOnes.length === 0
          ? 'no failed deployments in the window'
          : `recovery time unknown for all ${plural(failedOnes.length, 'failed deployment')}`
  }

  // Deployment duration.
  const durations: number[] = []
  const durationExplained: FigureExplanation = { from: [], excluded: [] }
  for (const d of deployments) {
    const filled = d.timeline.rows.filter((row) => !row.empty)
    if (filled.length === 0) {
      durationExplained.excluded.push(exclusion(d, 'no-duration', 'no Deployment Timeline row with a Duration or Start and End Time'))
      continue
    }
    const unknown = filled.find((row) => row.minutes === null)
    if (unknown) {
      durationExplained.excluded.push({
        file: d.file,
        line: unknown.line,
        code: unknown.unreadable ? 'unparseable-cell' : 'no-duration',
        reason: unknown.unreadable
          ? `Deployment Timeline row \`${unknown.phase}\`: a Start Time, End Time or Duration cell could not be read`
          : `Deployment Timeline row \`${unknown.phase}\`: no Duration, and Start or End Time missing`,
      })
      continue
    }
    const minutes = filled.reduce((sum, row) => sum + (row.minutes as number), 0)
    durations.push(minutes)
    durationExplained.from.push(
      evidence(
        d,
        round(minutes, 1),
        `sum of ${plural(filled.length, 'timeline row')}`,
        filled.map((row) => ({ in: 'timeline' as const, line: row.line, column: row.column, text: `${row.phase}: ${round(row.minutes as number, 1)} min` })),
      ),
    )
  }
  const deploymentDuration: DeploymentDuration = {
    medianMinutes: durations.length > 0 ? round(median(durations) as number, 1) : null,
    measured: durations.length,
  }
  if (deploymentDuration.medianMinutes === null) {
    deploymentDuration.reason = total === 0 ? noDeployments : 'no deployment with a readable Deployment Timeline duration'
  }

  if (deploymentFrequency.perWeek === null && deploymentFrequency.reason) reasons.deploymentFrequency = deploymentFrequency.reason
  if (leadTime.reason) reasons.leadTime = leadTime.reason
  if (changeFailureRate.reason) reasons.changeFailureRate = changeFailureRate.reason
  if (recoveryTime.reason) reasons.recoveryTime = recoveryTime.reason
  if (rollbackRate === null) reasons.rollbackRate = noDeployments
  if (reworkRate === null) reasons.reworkRate = noDeployments
  if (deploymentDuration.reason) reasons.deploymentDuration = deploymentDuration.reason

  return {
    figures: {
      deployments: total,
      failed: failedOnes.length,
      deploymentFrequency,
      leadTime,
      changeFailureRate,
      recoveryTime,
      rollbackRate,
      reworkRate,
      deploymentDuration,
      reasons,
    },
    explanation: {
      deployments: deploymentsExplained,
      failed: failedExplained,
      deploymentFrequency: frequencyExplained,
      leadTime: leadExplained,
      changeFailureRate: failureRateExplained,
      recoveryTime: recoveryExplained,
      rollbackRate: rollbackExplained,
      reworkRate: reworkExplained,
      deploymentDuration: durationExplained,
    },
  }
}

function evidence(d: Deployment, value: number | null, detail: string, from: SourceRef[]): Evidence {
  return { file: d.file, line: d.anchor.line, value, detail, from }
}

function exclusion(d: Deployment, code: Exclusion['code'], reason: string): Exclusion {
  return { file: d.file, line: d.anchor.line, code, reason }
}

function statusRef(d: Deployment): SourceRef {
  return { in: 'frontmatter', key: 'status', line: d.anchor.line, column: d.anchor.column, text: d.status }
}

function keyRef(d: Deployment, key: string, text: string): SourceRef {
  const field = d.record.frontmatter.fields[key]
  const point = field ? field.value : d.anchor
  return { in: 'frontmatter', key, line: point.line, column: point.column, text }
}

const SOURCE_NAMES = {
  deployed_at: '`deployed_at`',
  'application-deployment': 'timeline: Application deployment End Time',
  'latest-end': 'timeline: latest End Time',
  scheduled: '`scheduled`',
} as const

function sourceName(d: Deployment): string {
  return SOURCE_NAMES[d.time.source]
}

function iso(date: Date): string {
  return date.toISOString()
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
