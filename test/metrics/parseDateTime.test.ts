import { describe, expect, it } from 'vitest'
import { parseDateTime } from '../../src/core/metrics/parseDateTime.ts'

describe('parseDateTime', () => {
  it('should read a date-time with its offset, without shifting it', () => {
    const parsed = parseDateTime('2026-03-04T14:30:00+01:00')
    // 14:30 at +01:00 is 13:30 UTC
    expect(parsed?.date.toISOString()).toBe('2026-03-04T13:30:00.000Z')
    expect(parsed?.offsetMinutes).toBe(60)
    expect(parsed?.hasTime).toBe(true)
  })

  it('should read `Z`, negative and compact offsets, a space separator and fractions', () => {
    expect(parseDateTime('2026-03-04 14:30Z')?.date.toISOString()).toBe('2026-03-04T14:30:00.000Z')
    // 23:15 at −05:30 is 04:45 UTC the next day
    expect(parseDateTime('2026-03-04T23:15-0530')?.date.toISOString()).toBe('2026-03-05T04:45:00.000Z')
    expect(parseDateTime('2026-03-04T23:15-05:30')?.offsetMinutes).toBe(-330) // −(5 × 60 + 30)
    expect(parseDateTime('2026-03-04T10:00:00.250+10')?.date.toISOString()).toBe('2026-03-04T00:00:00.250Z')
  })

  it('should read a date-time without an offset as UTC and say so', () => {
    const parsed = parseDateTime('2026-03-04T14:30')
    expect(parsed?.date.toISOString()).toBe('2026-03-04T14:30:00.000Z')
    expect(parsed?.offsetMinutes).toBeNull()
  })

  it('should read a date alone as 00:00 UTC without a time', () => {
    const parsed = parseDateTime('2026-03-04')
    expect(parsed?.date.toISOString()).toBe('2026-03-04T00:00:00.000Z')
    expect(parsed?.hasTime).toBe(false)
  })

  it('should reject impossible dates and times and other text', () => {
    for (const text of ['2026-02-29T10:00Z', '2026-13-01', '2026-03-04T24:00Z', '2026-03-04T14:60Z', '04/03/2026', 'yesterday', '2026-03-04T14:30+25:00', '']) {
      expect(parseDateTime(text), text).toBeNull()
    }
    expect(parseDateTime('2028-02-29T10:00Z')?.date.toISOString()).toBe('2028-02-29T10:00:00.000Z') // leap year
  })
})
