import { describe, expect, it } from 'vitest'
import { formatBusinessDays, formatDecimal, formatHours, formatMinutes, formatPercent, formatPerWeek } from '../../src/shared/formatFigure.ts'
import { formatWindow } from '../../src/core/site/formatWindow.ts'

describe('formatFigure', () => {
  it('should print figures the way the site shows them', () => {
    expect(formatDecimal(2.5)).toBe('2.5')
    expect(formatDecimal(1.005, 2)).toBe('1.01')
    expect(formatHours(0.5)).toBe('30 min')
    expect(formatHours(17)).toBe('17 h')
    expect(formatHours(26.54)).toBe('26.5 h')
    expect(formatHours(129.6)).toBe('5.4 days')
    expect(formatMinutes(45)).toBe('45 min')
    expect(formatMinutes(85)).toBe('1 h 25 min')
    expect(formatMinutes(120)).toBe('2 h')
    expect(formatPercent(0.25)).toBe('25%')
    expect(formatPercent(1 / 3)).toBe('33.3%')
    expect(formatPerWeek(3 / (11 / 7))).toBe('1.91 per week')
    expect(formatBusinessDays(1)).toBe('1 business day')
    expect(formatBusinessDays(1.35)).toBe('1.35 business days')
  })
})

describe('formatWindow', () => {
  it('should show the window with its end inclusive', () => {
    const window = { since: '2026-03-02T00:00:00.000Z', until: '2026-03-13T00:00:00.000Z', days: 11, from: { since: null, until: null } } as const
    expect(formatWindow({ ...window })).toBe('2026-03-02 – 2026-03-12 (UTC)')
    expect(formatWindow({ ...window, since: null })).toBeNull()
  })
})
