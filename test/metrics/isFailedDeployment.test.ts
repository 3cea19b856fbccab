import { describe, expect, it } from 'vitest'
import { isFailedDeployment } from '../../src/core/metrics/isFailedDeployment.ts'
import { record } from './loadRecords.ts'

describe('isFailedDeployment', () => {
  it('should fail a rolled-back or failed status', () => {
    expect(isFailedDeployment(record({ frontmatter: 'status: rolled-back' })).failed).toBe(true)
    expect(isFailedDeployment(record({ frontmatter: 'status: failed' })).failed).toBe(true)
    expect(isFailedDeployment(record({ frontmatter: 'status: closed' })).failed).toBe(false)
  })

  it('should fail `incident: true` without an Issues row', () => {
    const reading = isFailedDeployment(record({ frontmatter: 'status: closed\nincident: true' }))
    expect(reading.failed).toBe(true)
    expect(reading.because).toEqual([{ detail: '`incident: true`', from: { in: 'frontmatter', key: 'incident', line: 4, column: 11, text: 'true' } }])
    expect(isFailedDeployment(record({ frontmatter: 'status: closed\nincident: false' })).failed).toBe(false)
  })

  it('should fail an Issues row of severity Sev2, and not one of severity medium', () => {
    const sev2 = isFailedDeployment(record({ frontmatter: 'status: closed', issues: ['| 10:00 | 502s | Sev2 | Checkout | Fixed | 20m |'] }))
    expect(sev2.failed).toBe(true)
    // frontmatter 1 key → timeline row on 14, issues row on 14 + 1 + 7 = 22
    expect(sev2.because[0]?.from).toMatchObject({ in: 'issues', line: 22 })
    const medium = isFailedDeployment(record({ frontmatter: 'status: closed', issues: ['| 10:00 | Slow page | medium | Some | Fixed | 20m |'] }))
    expect(medium.failed).toBe(false)
  })
})
