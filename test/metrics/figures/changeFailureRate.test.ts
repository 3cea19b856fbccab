import { describe, expect, it } from 'vitest'
import { changeFailureRate } from '../../../src/core/metrics/figures/changeFailureRate.ts'
import { deployment, TWO_WEEKS } from './deployments.ts'

describe('changeFailureRate', () => {
  it('should divide failed deployments by deployments', () => {
    const incident = deployment('status: closed\nincident: true\ndeployed_at: "2026-03-03T10:00:00Z"', { file: 'releases/a.md' })
    const rolledBack = deployment('status: rolled-back\ndeployed_at: "2026-03-04T10:00:00Z"', { file: 'releases/b.md' })
    const fine = deployment('status: closed\ndeployed_at: "2026-03-05T10:00:00Z"', { file: 'releases/c.md' })
    const figure = changeFailureRate([incident, rolledBack, fine], TWO_WEEKS)
    // 2 / 3 = 0.66666… → 0.6667
    expect(figure.value).toEqual({ rate: 0.6667 })
    expect(figure.explanation.from.map((e) => [e.file, e.value, e.detail])).toEqual([
      ['releases/a.md', 1, 'failed: `incident: true`'],
      ['releases/b.md', 1, 'failed: status `rolled-back`'],
      ['releases/c.md', 0, 'not failed'],
    ])
  })

  it('should have no rate, with a reason, without deployments', () => {
    expect(changeFailureRate([], TWO_WEEKS)).toMatchObject({ value: { rate: null, reason: 'no deployments in the window' }, reason: 'no deployments in the window' })
  })
})
