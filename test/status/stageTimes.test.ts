import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { businessHours } from '../../src/core/status/businessHours.ts'
import { computeProgress } from '../../src/core/status/computeProgress.ts'
import { formatStatusReport } from '../../src/core/status/formatStatusReport.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'

const stageGate = parseManifest(readFileSync(new URL('../../templates/stage-gate.md', import.meta.url), 'utf8'), 'stage-gate').manifest!

// 2026-03-02 is a Monday, 2026-03-06 a Friday, 2026-03-07 a Saturday.
const TIMED = `---
template: stage-gate
version: "1.2.0"
status: in-progress
stages:
  Release Planning: { started: 2026-03-02T09:00+01:00, ended: 2026-03-03T17:30+01:00 }
  Pre-Deployment Verification: { started: 2026-03-06T09:00+01:00, ended: 2026-03-09T09:00+01:00 }
  Deployment Execution: { started: 2026-03-10T14:00:00+01:00, ended: 2026-03-10T19:30+01:00 }
  Post-Deployment Verification: { started: 2026-03-10T19:30+01:00 }
---
## Release Planning

- [x] Release plan document

## Pre-Deployment Verification

- [ ] Item

## Deployment Execution

- [ ] Item

## Post-Deployment Verification

- [ ] Item

## Release Communication and Closure

- [ ] Item

## Compliance Note

- [ ] Item
`

describe('businessHours', () => {
  it('should count Friday 09:00 to Monday 09:00 as 24 hours: the weekend does not count', () => {
    // Friday 09:00–24:00 is 15 h, Monday 00:00–09:00 is 9 h.
    expect(businessHours(new Date('2026-03-06T08:00Z'), new Date('2026-03-09T08:00Z'), 60)).toBe(24)
  })

  it('should find the weekend in the offset given', () => {
    // 2026-03-06T23:30Z to 2026-03-07T01:30Z is Saturday 00:30–02:30 at +01:00 (none), but
    // Friday 23:30–24:00 and Saturday 00:00–01:30 in UTC (half an hour).
    expect(businessHours(new Date('2026-03-06T23:30Z'), new Date('2026-03-07T01:30Z'), 60)).toBe(0)
    expect(businessHours(new Date('2026-03-06T23:30Z'), new Date('2026-03-07T01:30Z'), 0)).toBe(0.5)
  })

  it('should count whole weeks as 5 days and the rest day by day', () => {
    // Monday 2026-03-02 00:00 to Wednesday 2026-03-25 12:00: 3 weeks (15 days) + Monday, Tuesday and half of Wednesday.
    expect(businessHours(new Date('2026-03-02T00:00Z'), new Date('2026-03-25T12:00Z'), 0)).toBe(17.5 * 24)
    // A weekend only, and an end before the start.
    expect(businessHours(new Date('2026-03-07T00:00Z'), new Date('2026-03-09T00:00Z'), 0)).toBe(0)
    expect(businessHours(new Date('2026-03-09T00:00Z'), new Date('2026-03-07T00:00Z'), 0)).toBe(0)
  })
})

describe('computeProgress with stage times', () => {
  const record = parseRecord(TIMED, { file: 'releases/1.2.0.md', templates: { 'stage-gate': stageGate } })
  const progress = computeProgress(record, { now: new Date('2026-03-11T09:00+01:00') })

  it('should give each planned stage its role, expected and actual duration, and whether it ran over', () => {
    const [planning, pre, deploy, post, closure, compliance] = progress.stages
    // Monday 09:00 → Tuesday 17:30: 32.5 h, all on weekdays: 32.5 / 24 = 1.354… → 1.35 days > 1 day.
    expect(planning).toEqual({
      name: 'Release Planning',
      done: 1,
      total: 1,
      groups: [expect.objectContaining({ name: 'Release Planning' })],
      role: 'Release Manager',
      expected: { min: 1, max: 1, unit: 'days', text: '1 day' },
      actual: { started: '2026-03-02T09:00+01:00', ended: '2026-03-03T17:30+01:00', hours: 32.5, days: 1.35 },
      over: true,
      overdue: false,
    })
    // Friday 09:00 → Monday 09:00: 72 h on the clock, 1 business day, within 1-2 days.
    expect(pre).toMatchObject({ role: 'Quality Assurance Lead', actual: { hours: 72, days: 1 }, over: false, overdue: false })
    // 14:00 → 19:30: 5.5 h > 4 hours (5.5 / 24 = 0.229… → 0.23 days).
    expect(deploy).toMatchObject({ role: 'DevOps Engineer', expected: { min: 1, max: 4, unit: 'hours' }, actual: { hours: 5.5, days: 0.23 }, over: true })
    // Started 19:30, still running at 09:00 the next day: 13.5 h > 8 hours.
    expect(post).toMatchObject({
      actual: { started: '2026-03-10T19:30+01:00', ended: null, hours: null, days: null },
      over: null,
      overdue: true,
    })
    expect(closure).toMatchObject({ role: 'Release Manager', actual: { started: null, ended: null, hours: null, days: null }, over: null, overdue: false })
    // A stage the template does not plan and the record does not time keeps FORMAT.md §6's keys only.
    expect(Object.keys(compliance ?? {})).toEqual(['name', 'done', 'total', 'groups'])
  })

  it('should not call a running stage overdue without a clock', () => {
    expect(computeProgress(record).stages[3]).toMatchObject({ over: null, overdue: false })
  })

  it('should print role, expected and actual beside each stage', () => {
    const text = formatStatusReport([progress], { color: false, bars: false })
    expect(text).toContain('  Release Planning')
    const line = (stage: string): string => text.split('\n').find((l) => l.startsWith(`  ${stage} `)) ?? ''
    expect(line('Release Planning')).toMatch(/1\/1  · Release Manager · expected 1 day · took 1\.35 business days, over$/)
    expect(line('Pre-Deployment Verification')).toMatch(/0\/1  · Quality Assurance Lead · expected 1-2 days · took 1 business day$/)
    expect(line('Deployment Execution')).toMatch(/0\/1  · DevOps Engineer · expected 1-4 hours · took 5\.5 h, over$/)
    expect(line('Post-Deployment Verification')).toMatch(/· expected 2-8 hours · started 2026-03-10T19:30\+01:00, overdue$/)
    expect(line('Release Communication and Closure')).toMatch(/0\/1  · Release Manager · expected 1 day$/)
    expect(line('Compliance Note')).toMatch(/0\/1$/)
  })
})
