import { describe, expect, it } from 'vitest'
import { deployTime } from '../../src/core/metrics/deployTime.ts'
import { record } from './loadRecords.ts'

const TIMELINE = [
  '| Pre-deployment checks | 10:00 | 10:10 | 10m | Done | |',
  '| Application deployment | 10:10 | 10:40 | | Done | |',
  '| Post-deployment validation | 10:40 | 11:20 | | Done | |',
]

describe('deployTime', () => {
  it('should take `deployed_at` over the timeline', () => {
    const reading = deployTime(
      record({ frontmatter: 'scheduled: "2026-03-02T10:00:00+01:00"\ndeployed_at: "2026-03-02T10:30:00+01:00"', timeline: TIMELINE }),
    )
    // 10:30 +01:00 = 09:30 UTC
    expect(reading.time?.date.toISOString()).toBe('2026-03-02T09:30:00.000Z')
    expect(reading.time?.source).toBe('deployed_at')
    expect(reading.time?.from).toMatchObject({ in: 'frontmatter', key: 'deployed_at', line: 4 })
  })

  it('should take the End Time of the Application deployment row, not the latest End Time', () => {
    const reading = deployTime(record({ frontmatter: 'scheduled: "2026-03-02T10:00:00+01:00"', timeline: TIMELINE }))
    // 10:40 +01:00 = 09:40 UTC (validation ends later, at 11:20, but is not the deployment)
    expect(reading.time?.date.toISOString()).toBe('2026-03-02T09:40:00.000Z')
    expect(reading.time?.source).toBe('application-deployment')
    expect(reading.time?.from).toMatchObject({ in: 'timeline', line: 15 }) // first row on 14
  })

  it('should take the latest End Time without an Application deployment row', () => {
    const reading = deployTime(
      record({
        frontmatter: 'scheduled: "2026-03-02T22:00:00Z"',
        timeline: ['| Canary | 22:00 | 23:50 | | Done | |', '| Full rollout | 23:50 | 00:30 | | Done | |'],
      }),
    )
    // 00:30 rolls over to 03-03
    expect(reading.time?.date.toISOString()).toBe('2026-03-03T00:30:00.000Z')
    expect(reading.time?.source).toBe('latest-end')
  })

  it('should fall back to `scheduled`', () => {
    const reading = deployTime(record({ frontmatter: 'scheduled: "2026-03-02T10:00:00+01:00"' }))
    expect(reading.time?.date.toISOString()).toBe('2026-03-02T09:00:00.000Z')
    expect(reading.time?.source).toBe('scheduled')
  })

  it('should report an unreadable `deployed_at` and use the next rule', () => {
    const reading = deployTime(record({ frontmatter: 'scheduled: "2026-03-02T10:00:00Z"\ndeployed_at: "after lunch"', timeline: TIMELINE }))
    expect(reading.time?.source).toBe('application-deployment')
    expect(reading.problems.map((problem) => [problem.ruleId, problem.line])).toEqual([['unreadable-date-time', 4]])
  })

  it('should give null when nothing gives a time', () => {
    expect(deployTime(record({ frontmatter: 'owner: "Ana"' })).time).toBeNull()
  })
})
