import { describe, expect, it } from 'vitest'
import { parseDuration } from '../../src/core/metrics/parseDuration.ts'

describe('parseDuration', () => {
  it('should read every form FORMAT.md §5 lists, in minutes', () => {
    expect(parseDuration('45m')).toBe(45)
    expect(parseDuration('45 min')).toBe(45)
    expect(parseDuration('1h')).toBe(60)
    expect(parseDuration('1h 30m')).toBe(90) // 60 + 30
    expect(parseDuration('1.5h')).toBe(90) // 1.5 × 60
    expect(parseDuration('90 minutes')).toBe(90)
    expect(parseDuration('2 hours')).toBe(120) // 2 × 60
    expect(parseDuration('1d')).toBe(1440) // 24 × 60
    expect(parseDuration('01:30')).toBe(90) // h:mm: 1 × 60 + 30
    expect(parseDuration('PT1H30M')).toBe(90)
  })

  it('should read the issue examples `1h 30m`, `0:30` and `PT2H`', () => {
    expect(parseDuration('1h 30m')).toBe(90)
    expect(parseDuration('0:30')).toBe(30) // 0 × 60 + 30
    expect(parseDuration('PT2H')).toBe(120) // 2 × 60
  })

  it('should accept case, spacing, joined units and seconds', () => {
    expect(parseDuration('  1H30M ')).toBe(90)
    expect(parseDuration('1 hour and 30 minutes')).toBe(90)
    expect(parseDuration('1h, 15m')).toBe(75)
    expect(parseDuration('30s')).toBe(0.5) // 30 / 60
    expect(parseDuration('1:00:30')).toBe(60.5) // 60 + 30/60
    expect(parseDuration('pt45m')).toBe(45)
    expect(parseDuration('P1DT2H')).toBe(1560) // 1440 + 120
    expect(parseDuration('PT0.5H')).toBe(30)
    expect(parseDuration('0m')).toBe(0) // a written zero is a zero
  })

  it('should return null for anything that is not a duration, never 0', () => {
    for (const text of ['', '   ', '45', 'soon', 'about an hour', '1h30', 'P', 'PT', 'P1DT', '-5m', '1:75', '1 fortnight', 'h']) {
      expect(parseDuration(text), text).toBeNull()
    }
  })
})
