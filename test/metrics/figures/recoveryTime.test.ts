import { describe, expect, it } from 'vitest'
import { recoveryTime } from '../../../src/core/metrics/figures/recoveryTime.ts'
import { deployment, TWO_WEEKS } from './deployments.ts'

describe('recoveryTime', () => {
  // deployed 10:00, restored 11:30: 1.5 h
  const restored = deployment('status: rolled-back\ndeployed_at: "2026-03-03T10:00:00Z"\nrestored_at: "2026-03-03T11:30:00Z"', { file: 'releases/a.md' })
  // no restored_at; failure-severity rows lasting 45m and 30m (the low one, 2h, is no failure): 0.75 h
  const issues = deployment('status: closed\nincident: true\ndeployed_at: "2026-03-04T10:00:00Z"', {
    file: 'releases/b.md',
    issues: [
      '| 10:10 | Checkout errors | critical | all | rollback | 45m |',
      '| 10:20 | Slow search | high | some | restart | 30m |',
      '| 10:30 | Log noise | low | none | ignored | 2h |',
    ],
  })
  const unknown = deployment('status: failed\ndeployed_at: "2026-03-05T10:00:00Z"', { file: 'releases/c.md' })
  const fine = deployment('status: closed\ndeployed_at: "2026-03-06T10:00:00Z"', { file: 'releases/d.md' })

  it('should take the median of the known recovery times and count the unknown ones', () => {
    const figure = recoveryTime([restored, issues, unknown, fine], TWO_WEEKS)
    // median of [1.5, 0.75] = 1.125 → 1.13 (half away from zero)
    expect(figure.value).toEqual({ medianHours: 1.13, known: 2, unknown: 1 })
    expect(figure.explanation.from.map((e) => [e.file, e.value])).toEqual([
      ['releases/a.md', 1.5],
      ['releases/b.md', 0.75],
    ])
    expect(figure.explanation.excluded.map((e) => [e.file, e.code])).toEqual([['releases/c.md', 'unknown-recovery']])
  })

  it('should say why there is no recovery time', () => {
    expect(recoveryTime([], TWO_WEEKS).reason).toBe('no deployments in the window')
    expect(recoveryTime([fine], TWO_WEEKS).reason).toBe('no failed deployments in the window')
    expect(recoveryTime([unknown, fine], TWO_WEEKS)).toMatchObject({
      value: { medianHours: null, known: 0, unknown: 1 },
      reason: 'recovery time unknown for all 1 failed deployment',
    })
  })
})
