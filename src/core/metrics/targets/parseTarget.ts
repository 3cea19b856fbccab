import { parseDuration } from '../parseDuration.ts'
import { targetMetricInfo, type TargetKind } from './targetMetrics.ts'
import type { ParsedTarget, TargetMetric, TargetOperator } from './types.ts'

const OPERATORS: { [written: string]: TargetOperator } = { '<': '<', '<=': '<=', '≤': '<=', '>': '>', '>=': '>=', '≥': '>=' }

const EXPECTED: { [kind in TargetKind]: string } = {
  rate: 'a comparison and a percentage, e.g. `< 5%` or `>= 95%`',
  duration: 'a comparison and a duration, e.g. `< 15m`, `<= 1h 30m` or `< PT1H`',
  frequency: 'a comparison and deployments per day or week, e.g. `>= 10/week` or `> 2/day`',
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`
const PERCENT = new RegExp(`^${NUMBER}\\s*%$`)
const FREQUENCY = new RegExp(`^${NUMBER}\\s*(?:/|per\\s+)\\s*(day|d|week|wk|w)$`, 'i')

/**
 * Reads a target as written by hand (the grammar is in docs/metrics.md, "Targets"):
 * a comparison (`<`, `<=`, `>`, `>=`, `≤`, `≥`) then a bound: a percentage for the rates
 * (`< 5%`), a duration `parseDuration` reads for the times (`< 15m`, `< 1h 30m`, `< PT1H`), and
 * deployments per `day` or `week` for the frequency (`>= 10/week`; a day is 1/7 of a week).
 * Returns the target with its bound in the unit the metrics JSON reports the figure in, or a
 * message `Unexpected …, expected …` (without the place, which the caller adds).
 */
export function parseTarget(metric: string, written: unknown): ParsedTarget | { error: string } {
  const info = targetMetricInfo(metric)
  if (info === undefined) return { error: `Unexpected metric \`${metric}\`` }
  const expected = EXPECTED[info.kind]
  if (typeof written !== 'string') return { error: `Unexpected ${JSON.stringify(written) ?? String(written)}, expected a string: ${expected}` }
  const target = written.trim()
  const fail = (why = ''): { error: string } => ({ error: `Unexpected ${JSON.stringify(written)}${why}, expected ${expected}` })
  const match = /^(<=|>=|≤|≥|<|>)\s*(.*)$/.exec(target)
  if (match === null) return fail(' (no comparison)')
  const operator = OPERATORS[match[1] as string] as TargetOperator
  const bound = (match[2] as string).trim()
  let threshold: number | null = null
  if (info.kind === 'rate') {
    const rate = PERCENT.exec(bound)
    if (rate === null) return fail()
    const percent = Number(rate[1])
    if (percent > 100) return fail(' (over 100%)')
    threshold = percent / 100
  } else if (info.kind === 'duration') {
    const minutes = parseDuration(bound)
    if (minutes === null) return fail()
    threshold = info.unit === 'hours' ? minutes / 60 : minutes
  } else {
    const frequency = FREQUENCY.exec(bound)
    if (frequency === null) return fail()
    const per = (frequency[2] as string).toLowerCase()
    threshold = Number(frequency[1]) * (per.startsWith('d') ? 7 : 1)
  }
  return { metric: info.metric as TargetMetric, target, operator, threshold, unit: info.unit }
}
