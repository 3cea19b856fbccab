import { describe, expect, it } from 'vitest'
import { deploymentFrequency } from '../../../src/core/metrics/figures/deploymentFrequency.ts'
import { deployment, TWO_WEEKS } from './deployments.ts'

describe('deploymentFrequency', () => {
  const monday = deployment('status: closed\ndeployed_at: "2026-03-02T10:00:00Z"', { file: 'releases/a.md' })
  const tuesday = deployment('status: closed\ndeployed_at: "2026-03-03T10:00:00Z"', { file: 'releases/b.md' })
  const wednesday = deployment('status: verified\ndeployed_at: "2026-03-04T10:00:00Z"', { file: 'releases/c.md' })
  const failed = deployment('status: failed\ndeployed_at: "2026-03-05T10:00:00Z"', { file: 'releases/d.md' })
  const rolledBack = deployment('status: rolled-back\ndeployed_at: "2026-03-09T10:00:00Z"', { file: 'releases/e.md' })

  it('should count every deployment per week, failed ones included (FORMAT.md 1.1)', () => {
    // 2 successful + 1 failed over 14 days: 3 / (14 / 7) = 1.5 per week
    // (the old rule counted the 2 successful only: 1 per week)
    const figure = deploymentFrequency([monday, tuesday, failed], TWO_WEEKS)
    // deploy days: week 1 [Mon, Tue, Thu] = 3, week 2 = 0 → median 1.5; March (clipped) 3
    expect(figure.value).toEqual({ count: 3, perWeek: 1.5, class: 'weekly', medianDaysPerWeek: 1.5, medianDaysPerMonth: 3, dailyDeployDays: 3 })
  })

  it('should class every deployment by its deploy days', () => {
    const figure = deploymentFrequency([monday, tuesday, wednesday, failed, rolledBack], TWO_WEEKS)
    // 5 over 14 days: 5 / 2 = 2.5 per week; deploy days: week 1 Mon–Thu = 4, week 2 Mon = 1
    // → median (4 + 1) / 2 = 2.5 → weekly (daily needs ≥ 3)
    expect(figure.value).toEqual({ count: 5, perWeek: 2.5, class: 'weekly', medianDaysPerWeek: 2.5, medianDaysPerMonth: 5, dailyDeployDays: 3 })
    expect(figure.reason).toBeUndefined()
    expect(figure.explanation.from.map((e) => [e.file, e.value, e.detail])).toEqual([
      ['releases/a.md', 1, 'deployment on 2026-03-02 (UTC)'],
      ['releases/b.md', 1, 'deployment on 2026-03-03 (UTC)'],
      ['releases/c.md', 1, 'deployment on 2026-03-04 (UTC)'],
      ['releases/d.md', 1, 'failed deployment on 2026-03-05 (UTC)'],
      ['releases/e.md', 1, 'failed deployment on 2026-03-09 (UTC)'],
    ])
    expect(figure.explanation.excluded).toEqual([])
  })

  it('should class a week of failed deployments on 3 days as daily', () => {
    // Mon, Tue and a failed Thu in week 1 and nothing in week 2 over a 7-day window: 3 deploy days → daily
    const oneWeek = { since: TWO_WEEKS.since, until: TWO_WEEKS.since + 7 * 86_400_000 }
    expect(deploymentFrequency([monday, tuesday, failed], oneWeek).value).toEqual({ count: 3, perWeek: 3, class: 'daily', medianDaysPerWeek: 3, medianDaysPerMonth: 3, dailyDeployDays: 3 })
  })

  it('should have no value, with a reason, without deployments or a window', () => {
    expect(deploymentFrequency([], TWO_WEEKS)).toMatchObject({ value: { count: 0, perWeek: null, class: null }, reason: 'no deployments in the window' })
    expect(deploymentFrequency([], null).reason).toBe('no deployments to measure')
  })
})
