import type { Figures } from '../types.ts'
import { parseTarget } from './parseTarget.ts'
import { TARGET_METRICS } from './targetMetrics.ts'
import type { ParsedTarget, TargetOperator, TargetResult, TargetSettings } from './types.ts'

const COMPARE: { [operator in TargetOperator]: (value: number, bound: number) => boolean } = {
  '<': (value, bound) => value < bound,
  '<=': (value, bound) => value <= bound,
  '>': (value, bound) => value > bound,
  '>=': (value, bound) => value >= bound,
}

/**
 * Reads every target of `settings`, in the order of `TARGET_METRICS`; throws nothing, returning
 * the messages of those that do not read (`targets.<metric>: Unexpected …, expected …`).
 */
export function readTargets(settings: TargetSettings | undefined): { targets: ParsedTarget[]; errors: string[] } {
  const targets: ParsedTarget[] = []
  const errors: string[] = []
  const known = new Set(TARGET_METRICS.map((info) => info.metric as string))
  for (const name of Object.keys(settings ?? {})) if (!known.has(name)) errors.push(`\`targets.${name}\`: Unexpected metric \`${name}\``)
  for (const info of TARGET_METRICS) {
    const written = settings?.[info.metric]
    if (written === undefined) continue
    const parsed = parseTarget(info.metric, written)
    if ('error' in parsed) errors.push(`\`targets.${info.metric}\`: ${parsed.error}`)
    else targets.push(parsed)
  }
  return { targets, errors }
}

/**
 * Checks each target against the figure as the metrics JSON reports it (rounded as there). A
 * figure without data is neither met nor missed: `met` is null, with the figure's reason. The one
 * exception is the frequency over a window (`windowDays`, from since/until) that holds no
 * deployment: 0 per week, which misses any `>`/`>=` target.
 */
export function evaluateTargets(figures: Figures, targets: readonly ParsedTarget[], windowDays: number | null = null): TargetResult[] {
  return targets.map((target) => {
    const info = TARGET_METRICS.find((entry) => entry.metric === target.metric)
    const { value, reason } = info ? info.value(figures, windowDays) : { value: null, reason: 'unknown metric' }
    const { metric, target: written, ...bound } = target
    if (value === null) return { metric, target: written, value: null, met: null, reason: reason ?? 'no data', ...bound }
    return { metric, target: written, value, met: COMPARE[target.operator](value, target.threshold), ...bound }
  })
}
