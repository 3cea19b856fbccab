import { describe, expect, it } from 'vitest'
import { displayZone, formatDateTime, formatDay, formatOffset, isTimeZone, offsetAt } from '../../src/shared/formatDate.ts'

describe('formatDate', () => {
  it('shows an instant in the offset it was written with', () => {
    // 2026-11-27T10:15+11:00 = 2026-11-26T23:15Z
    expect(formatDateTime('2026-11-26T23:15:00.000Z', { offsetMinutes: 660 })).toBe('2026-11-27 10:15 +11:00')
    expect(formatDay('2026-11-26T23:15:00.000Z', { offsetMinutes: 660 })).toBe('2026-11-27')
    expect(formatDay('2026-11-26T23:15:00.000Z', { offsetMinutes: 0 })).toBe('2026-11-26')
    // −03:30 (Newfoundland) across midnight: 02:00Z is 22:30 the day before
    expect(formatDateTime('2026-03-05T02:00:00Z', { offsetMinutes: -210 })).toBe('2026-03-04 22:30 -03:30')
    expect(formatDateTime('2026-03-05T02:00:00Z', { offsetMinutes: 0 })).toBe('2026-03-05 02:00 UTC')
  })

  it('shows an instant in an IANA timezone, daylight saving included', () => {
    // Sydney: +11:00 until the first Sunday of April 2026 (04-05, 03:00 local), +10:00 after
    expect(formatDateTime('2026-04-04T12:00:00Z', { timeZone: 'Australia/Sydney' })).toBe('2026-04-04 23:00 +11:00')
    expect(formatDateTime('2026-04-06T12:00:00Z', { timeZone: 'Australia/Sydney' })).toBe('2026-04-06 22:00 +10:00')
    expect(offsetAt('2026-07-01T00:00:00Z', { timeZone: 'America/New_York' })).toBe(-240)
    expect(formatDay('2999-01-01T09:00:00Z', { timeZone: 'Australia/Sydney' })).toBe('2999-01-01')
  })

  it('chooses the configured timezone over the written offset, and UTC when nothing was written', () => {
    expect(displayZone(660, 'Europe/Paris')).toEqual({ timeZone: 'Europe/Paris' })
    expect(displayZone(660, null)).toEqual({ offsetMinutes: 660 })
    expect(displayZone(null, undefined)).toEqual({ offsetMinutes: 0 })
  })

  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Australia/Sydney')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('Australia/Sidney')).toBe(false)
    expect(isTimeZone('+11:00')).toBe(false)
    expect(isTimeZone(' Europe/Paris')).toBe(false)
    expect(isTimeZone('')).toBe(false)
    expect(formatOffset(-300)).toBe('-05:00')
  })
})
