import { describe, expect, it } from 'vitest'
import { reworkRate } from '../../../src/core/metrics/figures/reworkRate.ts'
import { deployment, TWO_WEEKS } from './deployments.ts'

describe('reworkRate', () => {
  it('should divide hotfix deployments by deployments, whatever the case of `release_type`', () => {
    const types = ['Hotfix', 'minor', 'patch']
    const deployments = types.map((type, index) => deployment(`status: closed\nrelease_type: ${type}\ndeployed_at: "2026-03-0${index + 3}T10:00:00Z"`, { file: `releases/${index}.md` }))
    const figure = reworkRate(deployments, TWO_WEEKS)
    // 1 / 3 = 0.33333… → 0.3333
    expect(figure.value).toBe(0.3333)
    expect(figure.explanation.from.map((e) => [e.value, e.detail])).toEqual([
      [1, 'release_type `hotfix`'],
      [0, 'release_type `minor`'],
      [0, 'release_type `patch`'],
    ])
  })

  it('should be null, with a reason, without deployments', () => {
    expect(reworkRate([], TWO_WEEKS)).toMatchObject({ value: null, reason: 'no deployments in the window' })
  })
})
