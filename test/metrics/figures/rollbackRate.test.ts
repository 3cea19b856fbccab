import { describe, expect, it } from 'vitest'
import { rollbackRate } from '../../../src/core/metrics/figures/rollbackRate.ts'
import { deployment, TWO_WEEKS } from './deployments.ts'

describe('rollbackRate', () => {
  it('should divide rolled-back deployments by deployments', () => {
    const statuses = ['rolled-back', 'failed', 'closed', 'deployed']
    const deployments = statuses.map((status, index) => deployment(`status: ${status}\ndeployed_at: "2026-03-0${index + 3}T10:00:00Z"`, { file: `releases/${index}.md` }))
    const figure = rollbackRate(deployments, TWO_WEEKS)
    // 1 rolled back (a failed deployment is not a rollback) of 4: 0.25
    expect(figure.value).toBe(0.25)
    expect(figure.explanation.from.map((e) => e.value)).toEqual([1, 0, 0, 0])
  })

  it('should be null, with a reason, without deployments', () => {
    expect(rollbackRate([], null)).toMatchObject({ value: null, reason: 'no deployments to measure' })
  })
})
