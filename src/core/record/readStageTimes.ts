import type { StagePlan } from '../template/types.ts'
import { readDateTime } from './dateTime.ts'
import { normalizeName } from './normalizeName.ts'
import type { Frontmatter, Point, Stage, StageTime, YamlValue } from './types.ts'

/**
 * The stages of a record with their role, expected duration and actual times: every stage the
 * template's manifest plans (in its order), then every other stage the frontmatter `stages:` map
 * times. Names match as stage names do (case-insensitive, trimmed, trailing colon ignored). A
 * `started` or `ended` that is not a date-time of the record grammar reads as null here; `check`
 * reports it (`frontmatter-schema`).
 *
 * @example
 *   // stages: { Release Planning: { started: 2026-03-02T09:00+01:00, ended: 2026-03-03T09:00+01:00 } }
 *   readStageTimes(frontmatter, plans, stages)[0]
 *   // { name: 'Release Planning', role: 'Release Manager', expected: {min: 1, max: 1, unit: 'days', …},
 *   //   started: '2026-03-02T09:00+01:00', ended: '2026-03-03T09:00+01:00', line: 12, column: 14 }
 */
export function readStageTimes(frontmatter: Frontmatter, plans: readonly StagePlan[], stages: readonly Stage[]): StageTime[] {
  const written = frontmatter.data['stages']
  const entries = isMap(written) ? Object.entries(written) : []
  const byName = new Map<string, [string, YamlValue]>()
  for (const entry of entries) if (!byName.has(normalizeName(entry[0]))) byName.set(normalizeName(entry[0]), entry)
  const headings = new Map(stages.map((stage) => [normalizeName(stage.name), stage as Point]))

  const times: StageTime[] = []
  const place = (key: string | undefined, name: string): Point => {
    const point =
      (key === undefined ? undefined : frontmatter.paths[`stages.${key}.started`] ?? frontmatter.paths[`stages.${key}`]) ??
      headings.get(normalizeName(name)) ??
      frontmatter.fields['stages'] ?? { line: frontmatter.startLine ?? 1, column: 1 }
    return { line: point.line, column: point.column }
  }
  const add = (name: string, plan: StagePlan | null, entry: [string, YamlValue] | undefined): void => {
    const value = entry?.[1]
    times.push({
      name,
      role: plan?.role ?? null,
      expected: plan?.expected ?? null,
      started: isMap(value) ? dateTimeText(value['started']) : null,
      ended: isMap(value) ? dateTimeText(value['ended']) : null,
      ...place(entry?.[0], name),
    })
  }
  const planned = new Set<string>()
  for (const plan of plans) {
    const key = normalizeName(plan.stage)
    if (planned.has(key)) continue
    planned.add(key)
    add(plan.stage, plan, byName.get(key))
  }
  for (const [key, entry] of byName) if (!planned.has(key)) add(entry[0], null, entry)
  return times
}

function dateTimeText(value: YamlValue | undefined): string | null {
  return typeof value === 'string' && readDateTime(value) !== null ? value.trim() : null
}

function isMap(value: YamlValue | undefined): value is { [key: string]: YamlValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
