import { describe, expect, it } from 'vitest'
import { readDateTime } from '../../src/core/check/dateTime.ts'

describe('readDateTime', () => {
  it('should read date-times with an offset as written', () => {
    expect(readDateTime('2026-03-04T14:00:00+01:00')).toEqual({ kind: 'ok', ms: Date.UTC(2026, 2, 4, 13, 0, 0), hasOffset: true })
    expect(readDateTime('2026-03-04T14:00Z')).toEqual({ kind: 'ok', ms: Date.UTC(2026, 2, 4, 14, 0, 0), hasOffset: true })
    expect(readDateTime('2026-03-04T14:00:00.5-05:30')).toEqual({ kind: 'ok', ms: Date.UTC(2026, 2, 4, 19, 30, 0, 500), hasOffset: true })
  })

  it('should read a date-time without an offset as UTC and say so', () => {
    expect(readDateTime('2026-03-04T14:00:00')).toEqual({ kind: 'ok', ms: Date.UTC(2026, 2, 4, 14, 0, 0), hasOffset: false })
  })

  it('should tell impossible days from text that is not a date-time', () => {
    expect(readDateTime('2026-02-30T10:00:00Z')).toEqual({ kind: 'impossible' })
    expect(readDateTime('2026-04-31T10:00:00Z')).toEqual({ kind: 'impossible' })
    expect(readDateTime('2025-02-29T10:00:00Z')).toEqual({ kind: 'impossible' })
    expect(readDateTime('2024-02-29T10:00:00Z').kind).toBe('ok')
    expect(readDateTime('2000-02-29T10:00:00Z').kind).toBe('ok')
    expect(readDateTime('1900-02-29T10:00:00Z')).toEqual({ kind: 'impossible' })
    for (const text of ['2026-03-04', '2026-13-01T10:00Z', '2026-03-04T24:00Z', '2026-03-04 14:00Z', 'next tuesday', '2026-03-04T14:00+0100']) {
      expect(readDateTime(text)).toEqual({ kind: 'invalid' })
    }
  })
})
