import { describe, expect, it } from 'vitest'
import { deploymentFrequency } from '../../../src/core/metrics/figures/deploymentFrequency.ts'
import { deployment, TWO_WEEKS } from './deployments.ts'

describe('deploymentFrequency', () => {
  const monday = deployment('status: closed\ndeployed_at: "2026-03-02T10:00:00Z"', { file: 'releases/a.md' })
  const tuesday = deployment('status: closed\ndeployed_at: "2026-03-03T10:00:00Z"', { file: 'releases/b.md' })
  const wednesday = deployment('status: verified\ndeployed_at: "2026-03-04T10:00:00Z"', { file: 'releases/c.md' })
  const failed = deployment('status: failed\ndeployed_at: "2026-03-05T10:00:00Z"', { file: 'releases/d.md' })

  it('should count successful deployments per week and class them by deploy days', () => {
    const figure = deploymentFrequency([monday, tuesday, wednesday, failed], TWO_WEEKS)
    // 3 successful over 14 days: 3 / (14 / 7) = 1.5 per week; deploy days per week [3, 0] → median 1.5 → weekly
    expect(figure.value).toEqual({ count: 3, perWeek: 1.5, class: 'weekly' })
    expect(figure.reason).toBeUndefined()
    expect(figure.explanation.from.map((e) => [e.file, e.value, e.detail])).toEqual([
      ['releases/a.md', 1, 'successful deployment on 2026-03-02 (UTC)'],
      ['releases/b.md', 1, 'successful deployment on 2026-03-03 (UTC)'],
      ['releases/c.md', 1, 'successful deployment on 2026-03-04 (UTC)'],
    ])
    expect(figure.explanation.excluded.map((e) => [e.file, e.code])).toEqual([['releases/d.md', 'failed-deployment']])
  })

  it('should have no value, with a reason, without deployments or a window', () => {
    expect(deploymentFrequency([], TWO_WEEKS)).toMatchObject({ value: { count: 0, perWeek: null, class: null }, reason: 'no deployments in the window' })
    expect(deploymentFrequency([], null).reason).toBe('no deployments to measure')
  })
})
