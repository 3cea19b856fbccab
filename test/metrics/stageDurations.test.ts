import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { formatMetricsReport } from '../../src/core/metrics/formatMetricsReport.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'

const stageGate = parseManifest(readFileSync(new URL('../../templates/stage-gate.md', import.meta.url), 'utf8'), 'stage-gate').manifest!

function record(file: string, environment: string, stages: string[]) {
  const source = ['---', 'template: stage-gate', 'component: portal', `environment: ${environment}`, 'status: closed', 'stages:', ...stages.map((line) => `  ${line}`), '---', ''].join('\n')
  return parseRecord(source, { file, templates: { 'stage-gate': stageGate } })
}

// 2026-03-06 is a Friday; 2026-03-09, -16 and -23 are Mondays.
const records = [
  record('releases/c.md', 'production', [
    'Release Planning: { started: 2026-03-23T09:00Z, ended: 2026-03-25T09:00Z }', // 48 h, 2 business days
    'Deployment Execution: { started: 2026-03-25T10:00Z, ended: 2026-03-25T13:00Z }', // 3 h
  ]),
  record('releases/a.md', 'production', [
    'Release Planning: { started: 2026-03-06T09:00+01:00, ended: 2026-03-09T09:00+01:00 }', // Fri → Mon: 72 h, 1 business day
    'Deployment Execution: { started: 2026-03-10T14:00+01:00, ended: 2026-03-10T16:00+01:00 }', // 2 h
  ]),
  record('releases/b.md', 'production', [
    'Release Planning: { started: 2026-03-16T09:00Z, ended: 2026-03-17T15:00Z }', // 30 h, 1.25 business days
    'Deployment Execution: { started: 2026-03-18T10:00Z, ended: 2026-03-18T15:00Z }', // 5 h
  ]),
  record('releases/d.md', 'staging', ['Release Planning: { started: 2026-03-02T09:00Z, ended: 2026-03-13T09:00Z }']), // another environment
  record('releases/e.md', 'production', ['Release Planning: { started: 2026-03-30T09:00Z }']), // not ended
]

const RELEASE_PLANNING = { template: 'stage-gate', name: 'Release Planning', role: 'Release Manager', expected: { min: 1, max: 1, unit: 'days', text: '1 day' } }
const DEPLOYMENT_EXECUTION = { template: 'stage-gate', name: 'Deployment Execution', role: 'DevOps Engineer', expected: { min: 1, max: 4, unit: 'hours', text: '1-4 hours' } }

describe('metrics stage durations', () => {
  it('should give the median actual duration of each stage against the expected one, in business days for day-long stages', () => {
    const { stages } = computeMetrics(records)
    expect(stages.map((s) => s.name)).toEqual([
      'Release Planning',
      'Pre-Deployment Verification',
      'Deployment Execution',
      'Post-Deployment Verification',
      'Release Communication and Closure',
    ])
    // Business days 1, 1.25, 2 → median 1.25 > 1 day: over. Clock hours 72, 30, 48 → median 48.
    expect(stages[0]).toEqual({
      ...RELEASE_PLANNING,
      count: 3,
      medianHours: 48,
      medianDays: 1.25,
      over: true,
      from: [
        { file: 'releases/a.md', line: 7, started: '2026-03-06T09:00+01:00', ended: '2026-03-09T09:00+01:00', hours: 72, days: 1 },
        { file: 'releases/b.md', line: 7, started: '2026-03-16T09:00Z', ended: '2026-03-17T15:00Z', hours: 30, days: 1.25 },
        { file: 'releases/c.md', line: 7, started: '2026-03-23T09:00Z', ended: '2026-03-25T09:00Z', hours: 48, days: 2 },
      ],
    })
    // Clock hours 2, 5, 3 → median 3 ≤ 4 hours. Business days 2/24, 5/24, 3/24 → 0.08, 0.21, 0.13 → median 0.13.
    expect(stages[2]).toMatchObject({ ...DEPLOYMENT_EXECUTION, count: 3, medianHours: 3, medianDays: 0.13, over: false })
    expect(stages[1]).toMatchObject({ name: 'Pre-Deployment Verification', count: 0, medianHours: null, medianDays: null, over: null, from: [] })
  })

  it('should count only the stages that ended inside a window given as an option', () => {
    // From Monday 2026-03-16: a.md's stages ended before. Release Planning 1.25 and 2 days → 1.625 → 1.63 (30 and 48 h → 39);
    // Deployment Execution 5 and 3 h → 4, not over 4 hours.
    const { stages } = computeMetrics(records, { since: '2026-03-16' })
    expect(stages[0]).toMatchObject({ count: 2, medianDays: 1.63, medianHours: 39, over: true })
    expect(stages[2]).toMatchObject({ count: 2, medianHours: 4, over: false })
    expect(computeMetrics(records, { until: '2026-03-16' }).stages[0]).toMatchObject({ count: 1, medianDays: 1, over: false })
  })

  it('should measure the environment asked for', () => {
    // d.md: Monday 2026-03-02 → Friday 2026-03-13: 11 days on the clock (264 h), 9 business days.
    const { stages } = computeMetrics(records, { environment: 'staging' })
    expect(stages[0]).toMatchObject({ count: 1, medianHours: 264, medianDays: 9, over: true })
  })

  it('should print a stage durations section, and the records with --explain', () => {
    const result = computeMetrics(records)
    const text = formatMetricsReport(result, { color: false })
    expect(text).toContain('Stage durations (median actual against expected; days are business days, Monday to Friday)\n')
    expect(text).toMatch(/\n {2}Release Planning +Release Manager · median 1\.25 business days · expected 1 day · 3 records · over\n/)
    expect(text).toMatch(/\n {2}Deployment Execution +DevOps Engineer · median 3 h · expected 1-4 hours · 3 records · within\n/)
    expect(text).toMatch(/\n {2}Pre-Deployment Verification +Quality Assurance Lead · no record has started and ended it · expected 1-2 days · 0 records\n/)
    expect(text).not.toContain('releases/a.md:7')
    const explained = formatMetricsReport(result, { color: false, explain: true })
    expect(explained).toContain('  releases/a.md:7  Release Planning: 1 business day (72 h)  2026-03-06T09:00+01:00 → 2026-03-09T09:00+01:00\n')
    expect(explained).toContain('  releases/b.md:8  Deployment Execution: 5 h  2026-03-18T10:00Z → 2026-03-18T15:00Z\n')
  })
})
