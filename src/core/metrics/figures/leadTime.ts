import { median, percentile } from '../percentile.ts'
import type { ChangeReading } from '../readChanges.ts'
import type { Deployment } from '../readDeployment.ts'
import { round } from '../round.ts'
import type { Status } from '../../lifecycle/statuses.ts'
import type { FigureExplanation, LeadTime } from '../types.ts'
import { exclusion, HOUR_MS, iso, noDeployments, sourceName, type Figure, type FigureWindow } from './figure.ts'

/** Statuses of a deployment that kept its changes in production (FORMAT.md §5, 1.1), incident or not. */
export const KEPT_STATUSES: ReadonlySet<Status> = new Set<Status>(['deployed', 'verified', 'closed'])

/**
 * Lead time for changes (FORMAT.md §5, 1.1): per distinct change id (of its repository, when several are measured), the deploy time of the
 * earliest deployment that kept it in production (status deployed, verified or closed, with or
 * without an incident) − `committed_at`, in hours; the median and the 90th percentile (2 decimals).
 * A change of a rolled-back or failed deployment counts once, when deployed again; one listed by
 * several kept deployments counts at the earliest (the others are listed as `counted-earlier`).
 * A change without a readable `committed_at`, or committed at or after that deploy time, is
 * dropped and said so. Changes without an `id` are distinct from every other change.
 *
 * @example
 *   // changes committed 26 h and 2 h before their deploy times: median 14 h, p90 2 + 0.9 · 24 = 23.6 h
 */
export function leadTime(deployments: readonly Deployment[], window: FigureWindow, explain = true): Figure<LeadTime> {
  const kept = deployments.filter((d) => KEPT_STATUSES.has(d.status))
  // A change id names one change within a repository: the same id in two repositories is two changes.
  const keyOf = (d: Deployment, change: ChangeReading): string =>
    change.hasId ? `id:${d.repository ?? ''}\0${change.id}` : `row:${d.file}#${change.index}`
  // The deployment that counts each change: the earliest kept one listing it (file order on a tie).
  const counting = new Map<string, Deployment>()
  for (const d of [...kept].sort((a, b) => a.time.date.getTime() - b.time.date.getTime())) {
    for (const change of d.changes) {
      const key = keyOf(d, change)
      if (!counting.has(key)) counting.set(key, d)
    }
  }
  const hours: number[] = []
  const explanation: FigureExplanation = { from: [], excluded: [] }
  for (const d of deployments) {
    if (explain && !KEPT_STATUSES.has(d.status) && d.changes.length > 0) {
      explanation.excluded.push(
        exclusion(d, 'failed-deployment', `status \`${d.status}\`: its changes (${d.changes.length}) count when deployed again`),
      )
    }
  }
  let dropped = 0
  for (const d of kept) {
    if (d.changes.length === 0) {
      if (explain) explanation.excluded.push(exclusion(d, 'no-changes', 'no `changes` listed'))
      continue
    }
    for (const change of d.changes) {
      const label = `change \`${change.id}\``
      const first = counting.get(keyOf(d, change)) as Deployment
      if (first !== d) {
        if (explain) explanation.excluded.push({
          file: d.file,
          line: change.line,
          code: 'counted-earlier',
          reason: `${label} counted once, at its earliest deployment (${first.file}, ${iso(first.time.date)})`,
        })
        continue
      }
      if (change.committedAt === null) {
        dropped += 1
        if (explain) explanation.excluded.push({
          file: d.file,
          line: change.line,
          code: change.committedAtText === null ? 'missing-value' : 'unparseable-cell',
          reason: change.committedAtText === null ? `${label}: no \`committed_at\`` : `${label}: unreadable \`committed_at\` \`${change.committedAtText}\``,
        })
        continue
      }
      const lead = (d.time.date.getTime() - change.committedAt.getTime()) / HOUR_MS
      if (lead <= 0) {
        dropped += 1
        if (explain) explanation.excluded.push({
          file: d.file,
          line: change.line,
          code: 'not-positive',
          reason: `${label} committed ${iso(change.committedAt)}, not before its deploy time ${iso(d.time.date)}: lead time ${round(lead, 2)} h dropped`,
        })
        continue
      }
      hours.push(lead)
      if (explain) explanation.from.push({
        file: d.file,
        line: change.line,
        value: round(lead, 2),
        detail: `${label} committed ${iso(change.committedAt)}, deployed ${iso(d.time.date)} (${sourceName(d)})`,
        from: [
          { in: 'frontmatter', key: `changes.${change.index}.committed_at`, line: change.line, column: change.column, text: change.committedAtText ?? '' },
          d.time.from,
        ],
      })
    }
  }
  const value: LeadTime = { medianHours: null, p90Hours: null, changes: hours.length, dropped }
  if (hours.length > 0) {
    value.medianHours = round(median(hours) as number, 2)
    value.p90Hours = round(percentile(hours, 0.9) as number, 2)
    return { value, explanation }
  }
  if (deployments.length === 0) value.reason = noDeployments(window)
  else if (kept.length === 0) value.reason = 'no deployment kept in production (deployed, verified or closed) in the window'
  else {
    value.reason =
      dropped > 0
        ? `no change committed before its deploy time with a readable \`committed_at\` (${dropped} dropped)`
        : 'no `changes` listed in the deployments kept in production'
  }
  return { value, reason: value.reason, explanation }
}
