import { didYouMean } from '../didYouMean.ts'
import { parseTarget } from '../metrics/targets/parseTarget.ts'
import { TARGET_METRIC_NAMES } from '../metrics/targets/targetMetrics.ts'
import type { TargetSettings } from '../metrics/targets/types.ts'
import type { Point } from '../record/types.ts'

/**
 * Reads a manifest's `targets:` map (metric → target, as the configuration's `targets`), reporting
 * every entry that does not read where it stands and leaving it out. Null when none is declared.
 */
export function readManifestTargets(
  raw: unknown,
  where: (path: string[]) => Point,
  report: (line: number, column: number, message: string) => void,
): TargetSettings | null {
  if (raw === undefined || raw === null) return null
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    const at = where([])
    report(at.line, at.column, "Expected `targets` to be a map of metric → target, e.g. `changeFailureRate: '< 5%'`")
    return null
  }
  const targets: TargetSettings = {}
  for (const [metric, written] of Object.entries(raw as { [key: string]: unknown })) {
    const at = where([metric])
    if (!(TARGET_METRIC_NAMES as readonly string[]).includes(metric)) {
      const guess = didYouMean(metric, TARGET_METRIC_NAMES)
      report(at.line, at.column, `Unexpected target metric \`${metric}\`${guess === null ? '' : ` (did you mean \`${guess}\`?)`}, expected one of ${TARGET_METRIC_NAMES.join(', ')}`)
      continue
    }
    const parsed = parseTarget(metric, written)
    if ('error' in parsed) report(at.line, at.column, `${parsed.error} (target \`${metric}\`)`)
    else targets[parsed.metric] = parsed.target
  }
  return targets
}
