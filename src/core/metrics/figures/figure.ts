import type { Deployment } from '../readDeployment.ts'
import type { Evidence, Exclusion, FigureExplanation, SourceRef } from '../types.ts'

/** The span a figure is computed over: [since, until) in ms, or null when there is no window. */
export type FigureWindow = { since: number; until: number } | null

/** One figure over a set of deployments: its value, why it is null (when it is), and what it came from. */
export interface Figure<Value> {
  value: Value
  /** Why the figure has no value; absent when it has one. */
  reason?: string
  explanation: FigureExplanation
}

export const HOUR_MS = 3_600_000

/** Why a figure over no deployments has no value. */
export function noDeployments(window: FigureWindow): string {
  return window === null ? 'no deployments to measure' : 'no deployments in the window'
}

/** What one deployment contributed to a figure. */
export function evidence(d: Deployment, value: number | null, detail: string, from: SourceRef[]): Evidence {
  return { file: d.file, line: d.anchor.line, value, detail, from }
}

/** `items.map(explained)` when the figure is explained, else nothing (the figure's value does not depend on it). */
export function explainedOf<Item>(explain: boolean, items: readonly Item[], explained: (item: Item) => Evidence): Evidence[] {
  return explain ? items.map(explained) : []
}

/** A deployment left out of a figure, and why. */
export function exclusion(d: Deployment, code: Exclusion['code'], reason: string): Exclusion {
  return { file: d.file, line: d.anchor.line, code, reason }
}

/** Why a deployment counts as failed, as explanations say it. */
export function failedDetail(d: Deployment): string {
  return `failed: ${d.failure.because.map((b) => b.detail).join('; ')}`
}

/** The `status` key a deployment's status was read from. */
export function statusRef(d: Deployment): SourceRef {
  return { in: 'frontmatter', key: 'status', line: d.anchor.line, column: d.anchor.column, text: d.status }
}

/** The `release_type` value as a source (the `status` key stands in when it is absent). */
export function releaseTypeRef(d: Deployment): SourceRef {
  return { in: 'frontmatter', key: 'release_type', line: d.releaseTypeAt.line, column: d.releaseTypeAt.column, text: d.releaseType ?? '' }
}

const SOURCE_NAMES = {
  deployed_at: '`deployed_at`',
  'application-deployment': 'timeline: Application deployment End Time',
  'latest-end': 'timeline: latest End Time',
  scheduled: '`scheduled`',
} as const

/** Where a deployment's deploy time came from, for explanations. */
export function sourceName(d: Deployment): string {
  return SOURCE_NAMES[d.time.source]
}

export function iso(date: Date): string {
  return date.toISOString()
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
