import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { frontmatterSchema } from '../../src/core/check/frontmatterSchema.ts'
import { releaseJsonSchema } from '../../src/core/check/releaseJsonSchema.ts'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { DATE_TIME_PATTERN, readDate, readDateTime, readTimeOfDay } from '../../src/core/record/dateTime.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { releasePageOf } from '../../src/core/site/releasePageOf.ts'

const iso = (text: string): string | null => readDateTime(text)?.date.toISOString() ?? null

describe('readDateTime', () => {
  it('should read a date-time with its offset, without shifting it', () => {
    // 14:30 at +01:00 is 13:30 UTC
    expect(readDateTime('2026-03-04T14:30:00+01:00')).toEqual({ date: new Date(Date.UTC(2026, 2, 4, 13, 30)), offsetMinutes: 60 })
    // 23:15 at −05:30 is 04:45 UTC the next day
    expect(readDateTime('2026-03-04T23:15-05:30')).toEqual({ date: new Date(Date.UTC(2026, 2, 5, 4, 45)), offsetMinutes: -330 })
    expect(readDateTime('2026-03-04T14:00Z')).toEqual({ date: new Date(Date.UTC(2026, 2, 4, 14, 0)), offsetMinutes: 0 })
  })

  it('should read the extreme offsets, and `-00:00` as UTC', () => {
    // 10:00 at +14:00 (Kiribati) is 20:00 UTC the day before
    expect(readDateTime('2026-03-04T10:00:00+14:00')).toEqual({ date: new Date(Date.UTC(2026, 2, 3, 20, 0)), offsetMinutes: 840 })
    // 10:00 at −12:00 is 22:00 UTC the same day
    expect(readDateTime('2026-03-04T10:00:00-12:00')).toEqual({ date: new Date(Date.UTC(2026, 2, 4, 22, 0)), offsetMinutes: -720 })
    // 10:00 at +23:59 is 10:01 UTC the day before: the grammar takes any hh:mm offset up to 23:59
    expect(iso('2026-03-04T10:00:00+23:59')).toBe('2026-03-03T10:01:00.000Z')
    const unknownLocal = readDateTime('2026-03-04T10:00:00-00:00')
    expect(unknownLocal?.date.toISOString()).toBe('2026-03-04T10:00:00.000Z')
    expect(Object.is(unknownLocal?.offsetMinutes, 0)).toBe(true) // 0, not -0
    for (const text of ['2026-03-04T10:00:00+24:00', '2026-03-04T10:00:00+01:60', '2026-03-04T10:00:00+0100', '2026-03-04T10:00:00+01', '2026-03-04T10:00:00 +01:00']) {
      expect(readDateTime(text), text).toBeNull()
    }
  })

  it('should read a fraction of any length to the millisecond, and only with a point', () => {
    expect(iso('2026-03-04T14:00:00.5Z')).toBe('2026-03-04T14:00:00.500Z')
    expect(iso('2026-03-04T14:00:00.25-05:30')).toBe('2026-03-04T19:30:00.250Z') // 14:00 at −05:30 is 19:30 UTC
    expect(iso('2026-03-04T14:00:00.123456789Z')).toBe('2026-03-04T14:00:00.123Z') // cut, not rounded
    expect(iso('2026-03-04T14:00:00.999999Z')).toBe('2026-03-04T14:00:00.999Z')
    for (const text of ['2026-03-04T14:00:00,5Z', '2026-03-04T14:00:00.Z', '2026-03-04T14:00.5Z']) expect(readDateTime(text), text).toBeNull()
  })

  it('should take `t` and `z` in lower case, as RFC 3339 does', () => {
    expect(readDateTime('2026-03-04t14:30:00z')).toEqual({ date: new Date(Date.UTC(2026, 2, 4, 14, 30)), offsetMinutes: 0 })
  })

  it('should read a date-time without seconds or without an offset (as UTC, offset null)', () => {
    expect(readDateTime('2026-03-04T14:30')).toEqual({ date: new Date(Date.UTC(2026, 2, 4, 14, 30)), offsetMinutes: null })
    expect(readDateTime('  2026-03-04T14:30:15  ')).toEqual({ date: new Date(Date.UTC(2026, 2, 4, 14, 30, 15)), offsetMinutes: null })
  })

  it('should know leap days and the days of each month', () => {
    expect(iso('2024-02-29T10:00Z')).toBe('2024-02-29T10:00:00.000Z') // divisible by 4
    expect(iso('2000-02-29T10:00Z')).toBe('2000-02-29T10:00:00.000Z') // divisible by 400
    expect(readDateTime('1900-02-29T10:00Z')).toBeNull() // divisible by 100, not 400
    expect(readDateTime('2026-02-29T10:00Z')).toBeNull()
    expect(readDateTime('2026-02-30T10:00Z')).toBeNull()
    expect(readDateTime('2026-04-31T10:00Z')).toBeNull()
    expect(iso('2026-12-31T23:59:59Z')).toBe('2026-12-31T23:59:59.000Z')
  })

  it('should read the years 0001 and 9999 as written', () => {
    expect(iso('0001-01-01T00:00:00Z')).toBe('0001-01-01T00:00:00.000Z')
    expect(readDateTime('0001-01-01T00:00:00Z')?.date.getUTCFullYear()).toBe(1) // not 1901
    expect(iso('0099-12-31T12:00Z')).toBe('0099-12-31T12:00:00.000Z')
    expect(iso('9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z')
    expect(readDateTime('10000-01-01T00:00Z')).toBeNull()
  })

  it('should refuse `24:00`, `60` minutes or seconds, a space separator, a date alone and other text', () => {
    for (const text of [
      '2026-03-04T24:00Z',
      '2026-03-04T24:00:00Z',
      '2026-03-04T14:60Z',
      '2026-03-04T23:59:60Z',
      '2026-03-04 14:30Z',
      '2026-03-04',
      '2026-13-01T10:00Z',
      '2026-00-10T10:00Z',
      '2026-03-00T10:00Z',
      '2026-3-4T10:00Z',
      '2026-03-04T1:00Z',
      '04/03/2026 14:30',
      'next tuesday',
      '',
    ]) {
      expect(readDateTime(text), text).toBeNull()
    }
  })
})

describe('readDate', () => {
  it('should read a calendar date as 00:00 UTC, and nothing else', () => {
    expect(readDate('2026-03-01')?.toISOString()).toBe('2026-03-01T00:00:00.000Z')
    expect(readDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z')
    for (const text of ['2026-02-29', '2026-03-01T00:00Z', '2026-3-1', '']) expect(readDate(text), text).toBeNull()
  })
})

describe('readTimeOfDay', () => {
  it('should read `H:MM`, `HH:MM` and `HH:MM:SS` in minutes after midnight', () => {
    expect(readTimeOfDay('14:30')).toBe(870) // 14 × 60 + 30
    expect(readTimeOfDay('9:05')).toBe(545)
    expect(readTimeOfDay('00:00')).toBe(0)
    expect(readTimeOfDay('23:59:30')).toBe(1439.5)
    for (const text of ['24:00', '14:60', '14:5', '2pm', '123:00', '']) expect(readTimeOfDay(text), text).toBeNull()
  })
})

/** The texts every reader must agree on: readable date-times first, then what is not one. */
const READABLE = ['2026-03-04T15:00:00+01:00', '2026-03-04t14:00:00z', '2026-03-04T15:00+01:00', '2026-03-04T14:00:00.250Z', '2026-03-05T04:00:00+14:00', '2026-03-04T14:00:00-00:00']
const UNREADABLE = ['2026-03-04 15:00:00+01:00', '2026-03-04T15:00:00+0100', '2026-03-04T15:00:00,5+01:00', '2026-03-04', '2026-03-04T24:00:00Z', '2026-02-30T15:00:00+01:00']

function deployed(deployedAt: string): ReturnType<typeof parseRecord> {
  const source = [
    '---',
    'release: One grammar',
    'version: "1.0.0"',
    'component: api',
    'release_type: minor',
    'environment: production',
    'status: deployed',
    'scheduled: "2026-03-04T13:00:00+01:00"',
    `deployed_at: "${deployedAt}"`, // line 9
    'owner: Ops',
    '---',
    '',
  ].join('\n')
  return parseRecord(source, { file: 'releases/api/1.0.0.md' })
}

describe('one date-time grammar for check, metrics, the site and the JSON Schema', () => {
  const pattern = new RegExp((releaseJsonSchema() as { properties: { deployed_at: { anyOf: Array<{ pattern?: string }> } } }).properties.deployed_at.anyOf.find((s) => s.pattern)?.pattern ?? '')

  it.each(READABLE)('should read %s the same everywhere', (text) => {
    const record = deployed(text)
    const errors = checkRecords([record]).diagnostics.filter((d) => d.ruleId === 'frontmatter-schema' && d.severity === 'error')
    expect(errors).toEqual([])
    expect(frontmatterSchema.shape['deployed_at']?.safeParse(text).success).toBe(true)
    expect(pattern.test(text)).toBe(true)
    // metrics: deployed 14:00 UTC (or 14:00:00.250), from `deployed_at`
    const metrics = computeMetrics([record])
    expect(metrics.explain.figures.deployments.from.map((e) => e.from[0]?.key)).toEqual(['deployed_at'])
    expect(metrics.warnings.filter((w) => w.ruleId === 'unreadable-date-time')).toEqual([])
    expect(releasePageOf(record, { id: 'api-1.0.0' }).deployedAt?.source).toBe('deployed_at')
  })

  it.each(UNREADABLE)('should read %s as no date-time everywhere', (text) => {
    const record = deployed(text)
    const errors = checkRecords([record]).diagnostics.filter((d) => d.ruleId === 'frontmatter-schema' && d.severity === 'error')
    expect(errors.map((d) => d.line)).toEqual([9])
    expect(frontmatterSchema.shape['deployed_at']?.safeParse(text).success).toBe(false)
    // metrics: warned about at line 9, and the deploy time falls back to `scheduled`
    const metrics = computeMetrics([record])
    expect(metrics.warnings.filter((w) => w.ruleId === 'unreadable-date-time').map((w) => w.line)).toEqual([9])
    expect(metrics.explain.figures.deployments.from.map((e) => e.from[0]?.key)).toEqual(['scheduled'])
    expect(releasePageOf(record, { id: 'api-1.0.0' }).deployedAt?.source).toBe('scheduled')
  })

  it('should publish the grammar itself as the schema pattern', () => {
    expect(pattern.source).toBe(new RegExp(DATE_TIME_PATTERN).source)
    // the pattern leaves only the day of the month to the reader
    expect(pattern.test('2026-02-30T15:00:00+01:00')).toBe(true)
    expect(readDateTime('2026-02-30T15:00:00+01:00')).toBeNull()
  })
})
