import type { Point } from '../record/types.ts'
import { normalizeName } from '../record/normalizeName.ts'
import { EXPECTED_DURATION_FORMS, parseExpectedDuration } from './parseExpectedDuration.ts'
import type { StagePlan } from './types.ts'

type Report = (line: number, column: number, message: string, severity?: 'error' | 'warning') => void

const KEYS = ['role', 'expected']

/**
 * Reads a manifest's `stages:` map: per stage (an H2 heading of the template), its responsible
 * `role` and `expected` duration (`parseExpectedDuration`). What cannot be read is reported at its
 * place and left out; a stage the template has no `## heading` for is a warning (a typo would
 * otherwise match nothing).
 *
 * @example
 *   stages:
 *     Release Planning: { role: Release Manager, expected: 1 day }
 *     Deployment Execution: { role: DevOps Engineer, expected: 1-4 hours }
 */
export function parseStagePlans(raw: unknown, source: string, where: (path: string[]) => Point, report: Report): StagePlan[] {
  const plans: StagePlan[] = []
  if (!isObject(raw)) {
    const at = where([])
    report(at.line, at.column, 'Expected `stages` to be a map of stage name → { role, expected }')
    return plans
  }
  const headings = new Set([...source.matchAll(/^##[ \t]+(.+?)[ \t#]*$/gm)].map((match) => normalizeName(match[1] as string)))
  for (const [stage, entry] of Object.entries(raw)) {
    const at = where([stage])
    if (!isObject(entry)) {
      report(at.line, at.column, `Expected stage \`${stage}\` to be a map { role, expected }, e.g. { role: Release Manager, expected: 1-2 days }`)
      continue
    }
    const unknown = Object.keys(entry).filter((key) => !KEYS.includes(key))
    if (unknown.length > 0) {
      report(at.line, at.column, `Unexpected key \`${unknown[0]}\` in stage \`${stage}\`, expected \`role\` or \`expected\``)
      continue
    }
    const plan: StagePlan = { stage, role: null, expected: null }
    const role = entry['role']
    if (typeof role === 'string' && role.trim() !== '') plan.role = role.trim()
    else if (role !== undefined && role !== null) {
      const place = where([stage, 'role'])
      report(place.line, place.column, `Unexpected role ${JSON.stringify(role)} of stage \`${stage}\`, expected who is responsible (a name, e.g. Release Manager)`)
      continue
    }
    const expected = entry['expected']
    if (expected !== undefined && expected !== null) {
      const place = where([stage, 'expected'])
      if (typeof expected !== 'string') {
        report(place.line, place.column, `Unexpected duration ${JSON.stringify(expected)} of stage \`${stage}\`, expected ${EXPECTED_DURATION_FORMS}`)
        continue
      }
      const duration = parseExpectedDuration(expected)
      if ('reason' in duration) {
        report(place.line, place.column, `${duration.reason} (stage \`${stage}\`)`)
        continue
      }
      plan.expected = duration
    }
    if (!headings.has(normalizeName(stage))) {
      report(at.line, at.column, `Unexpected stage \`${stage}\` in \`stages\`, expected the text of one of the template's \`##\` headings`, 'warning')
    }
    plans.push(plan)
  }
  return plans
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
