import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { implausibleDateRule } from '../../src/core/check/rules/implausible-date.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { templates } from './deploymentManifest.ts'

const FILE = 'releases/2.4.0.md'
const read = (text: string): ReleaseRecord => parseRecord(text, { file: FILE, templates, defaultTemplate: 'deployment' })
const NOW = new Date('2026-12-04T03:00:00Z')

function check(text: string, options: { now?: Date; timeZone?: string; setting?: 'off' | 'warn' | 'error' } = {}) {
  const { now, timeZone, setting } = options
  return checkRecords([read(text)], {
    manifests: templates,
    rules: [implausibleDateRule],
    ...(now ? { now } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(setting ? { settings: { 'implausible-date': setting } } : {}),
  }).diagnostics.map((d) => ({ line: d.line, rule: d.ruleId, severity: d.severity, message: d.reason }))
}

const deployed = (committedAt: string, deployedAt = '2026-03-04T14:30:00+01:00'): string =>
  `---\nstatus: deployed\nenvironment: production\ndeployed_at: ${deployedAt}\nchanges:\n  - id: C-1\n    committed_at: ${committedAt}\n---\n`

describe('implausible-date', () => {
  it('warns at a committed_at more than a year before the deploy time, naming both dates', () => {
    // 1970-01-01 → 2026-03-04: 56 years with 14 leap days (1972…2024) = 20454 days, + 31 + 28 + 3 = 20516 days
    expect(check(deployed('1970-01-01T00:00:00Z'), { now: NOW })).toEqual([
      {
        line: 7,
        rule: 'implausible-date',
        severity: 'warning',
        message:
          'Unexpected `committed_at` 1970-01-01T00:00:00Z of change `C-1`, more than a year (20516 days) before its deployment (2026-03-04 14:30 +01:00, from `deployed_at`), expected a commit date within 365 days before the deploy time',
      },
    ])
  })

  it('accepts a commit exactly 365 days before and warns one minute earlier', () => {
    // 2025-03-04 → 2026-03-04 crosses no 29 February: 365 days exactly
    expect(check(deployed('2025-03-04T14:30:00+01:00'))).toEqual([])
    expect(check(deployed('2025-03-04T14:29:00+01:00')).map((d) => d.line)).toEqual([7])
  })

  it('warns at deployed_at when the deploy time is after now, and says which now', () => {
    expect(check(deployed('2998-12-30T09:00:00+01:00', '2999-01-01T10:00:00+01:00'), { now: NOW })).toEqual([
      {
        line: 4,
        rule: 'implausible-date',
        severity: 'warning',
        message:
          'Unexpected deploy time 2999-01-01 10:00 +01:00 (from `deployed_at`) after now (2026-12-04 03:00 UTC), expected a `deployed` record to have been deployed in the past',
      },
    ])
  })

  it('names the Deployment Timeline row a future deploy time came from', () => {
    const text =
      '---\nstatus: verified\nenvironment: production\nscheduled: 2999-01-01T10:00:00+11:00\n---\n\n## Deployment Execution\n\n### Deployment Timeline\n\n| Phase | Start Time | End Time |\n|-------|------------|----------|\n| Application deployment | 10:05 | 10:40 |\n'
    expect(check(text, { now: NOW })).toEqual([
      {
        line: 13,
        rule: 'implausible-date',
        severity: 'warning',
        message:
          'Unexpected deploy time 2999-01-01 10:40 +11:00 (from the Application deployment: End Time of the Deployment Timeline, line 13) after now (2026-12-04 03:00 UTC), expected a `verified` record to have been deployed in the past',
      },
    ])
  })

  it('shows the dates in the configured timezone', () => {
    // 2999-01-01T10:00+01:00 = 09:00 UTC = 20:00 in Sydney (daylight time, +11:00); now 03:00 UTC = 14:00 +11:00
    expect(check(deployed('2998-12-30T09:00:00+01:00', '2999-01-01T10:00:00+01:00'), { now: NOW, timeZone: 'Australia/Sydney' })[0]?.message).toBe(
      'Unexpected deploy time 2999-01-01 20:00 +11:00 (from `deployed_at`) after now (2026-12-04 14:00 +11:00), expected a `deployed` record to have been deployed in the past',
    )
  })

  it('leaves planned records, and the future without a now, alone', () => {
    expect(check('---\nstatus: planned\nscheduled: 2999-01-01T10:00:00+01:00\nchanges:\n  - id: C-1\n    committed_at: 1970-01-01T00:00:00Z\n---\n', { now: NOW })).toEqual([])
    expect(check(deployed('2998-12-30T09:00:00+01:00', '2999-01-01T10:00:00+01:00'))).toEqual([])
  })

  it('is tuned through rules like the others', () => {
    expect(check(deployed('1970-01-01T00:00:00Z'), { setting: 'error' }).map((d) => d.severity)).toEqual(['error'])
    expect(check(deployed('1970-01-01T00:00:00Z'), { setting: 'off' })).toEqual([])
  })
})
