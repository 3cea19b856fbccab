import { describe, expect, it } from 'vitest'
import { isoWeekLabel } from '../../src/core/metrics/calendar.ts'
import { splitPeriods } from '../../src/core/metrics/splitPeriods.ts'

const ms = (iso: string): number => Date.parse(iso)
const show = (spans: ReturnType<typeof splitPeriods>): string[] =>
  spans.map((span) => `${span.label} ${new Date(span.since).toISOString().slice(0, 10)}→${new Date(span.until).toISOString().slice(0, 10)}`)

describe('splitPeriods', () => {
  it('should split a window into ISO weeks starting Monday 00:00 UTC, clipped to the window', () => {
    // 2026-03-04 is a Wednesday: W10 runs Mon 03-02 → Mon 03-09, clipped to start on 03-04
    expect(show(splitPeriods(ms('2026-03-04T00:00:00Z'), ms('2026-03-17T00:00:00Z'), 'week'))).toEqual([
      '2026-W10 2026-03-04→2026-03-09',
      '2026-W11 2026-03-09→2026-03-16',
      '2026-W12 2026-03-16→2026-03-17',
    ])
  })

  it('should split a window into calendar months (UTC)', () => {
    expect(show(splitPeriods(ms('2026-01-15T00:00:00Z'), ms('2026-03-02T00:00:00Z'), 'month'))).toEqual([
      '2026-01 2026-01-15→2026-02-01',
      '2026-02 2026-02-01→2026-03-01',
      '2026-03 2026-03-01→2026-03-02',
    ])
  })
})

describe('splitPeriods partial', () => {
  it('should mark the periods the window clips as partial, with their whole span', () => {
    // window Wed 03-04 → Mon 03-16: W10 clipped (starts Mon 03-02), W11 whole (03-09 → 03-16)
    const spans = splitPeriods(ms('2026-03-04T00:00:00Z'), ms('2026-03-16T00:00:00Z'), 'week')
    expect(spans.map((span) => [span.label, span.partial, new Date(span.start).toISOString().slice(0, 10), new Date(span.end).toISOString().slice(0, 10)])).toEqual([
      ['2026-W10', true, '2026-03-02', '2026-03-09'],
      ['2026-W11', false, '2026-03-09', '2026-03-16'],
    ])
  })
})

describe('isoWeekLabel', () => {
  it('should use the ISO week-numbering year', () => {
    // 2026-01-01 is a Thursday: its week is 2026-W01; 2027-01-01 is a Friday: still 2026-W53
    expect(isoWeekLabel(ms('2026-01-01T12:00:00Z'))).toBe('2026-W01')
    expect(isoWeekLabel(ms('2027-01-01T12:00:00Z'))).toBe('2026-W53')
    // 2024-12-30 is a Monday whose Thursday is 2025-01-02: 2025-W01
    expect(isoWeekLabel(ms('2024-12-30T00:00:00Z'))).toBe('2025-W01')
  })
})
