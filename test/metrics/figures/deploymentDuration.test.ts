import { describe, expect, it } from 'vitest'
import { deploymentDuration } from '../../../src/core/metrics/figures/deploymentDuration.ts'
import { deployment, TWO_WEEKS } from './deployments.ts'

const scheduled = 'scheduled: "2026-03-04T14:00:00+01:00"'

describe('deploymentDuration', () => {
  // 30m written, then End − Start = 15 min: 45 min
  const twoRows = deployment(`status: closed\n${scheduled}`, {
    file: 'releases/a.md',
    timeline: ['| Application deployment | 14:05 | 14:35 | 30m | done | |', '| Smoke tests | 14:35 | 14:50 | | done | |'],
  })
  // End − Start = 50 min
  const oneRow = deployment(`status: closed\n${scheduled}`, { file: 'releases/b.md', timeline: ['| Application deployment | 14:00 | 14:50 | | done | |'] })
  // only the template's unfilled row: nothing to read
  const unfilled = deployment(`status: closed\n${scheduled}\ndeployed_at: "2026-03-04T15:00:00+01:00"`, { file: 'releases/c.md' })
  const unreadable = deployment(`status: closed\n${scheduled}`, { file: 'releases/d.md', timeline: ['| Application deployment | 14:00 | 14:30 | a while | done | |'] })

  it('should take the median of the per-deployment sums of timeline durations', () => {
    const figure = deploymentDuration([twoRows, oneRow, unfilled, unreadable], TWO_WEEKS)
    // median of [45, 50] = 47.5 min
    expect(figure.value).toEqual({ medianMinutes: 47.5, measured: 2 })
    expect(figure.explanation.from.map((e) => [e.file, e.value, e.detail])).toEqual([
      ['releases/a.md', 45, 'sum of 2 timeline rows'],
      ['releases/b.md', 50, 'sum of 1 timeline row'],
    ])
    expect(figure.explanation.excluded.map((e) => [e.file, e.code])).toEqual([
      ['releases/c.md', 'no-duration'],
      ['releases/d.md', 'unparseable-cell'],
    ])
  })

  it('should say why there is no duration', () => {
    expect(deploymentDuration([], null).reason).toBe('no deployments to measure')
    expect(deploymentDuration([unfilled], TWO_WEEKS)).toMatchObject({
      value: { medianMinutes: null, measured: 0 },
      reason: 'no deployment with a readable Deployment Timeline duration',
    })
  })
})
