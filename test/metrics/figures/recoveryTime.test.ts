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

  it('should measure from the first failure-severity issue when it comes before the deploy time (FORMAT.md 1.1)', () => {
    // the rollout failed at 14:17 (+01:00) and its phase ended at 14:50, the deploy time; restored 15:17
    const rollout = deployment('status: rolled-back\nscheduled: "2026-03-03T14:00:00+01:00"\nrestored_at: "2026-03-03T15:17:00+01:00"', {
      file: 'releases/rollout.md',
      timeline: ['| Application deployment | 14:00 | 14:50 | 50m | failed | |'],
      issues: ['| 14:05 | Slow logs | low | none | ignored | |', '| 14:17 | Rollout failed | critical | all | rolled back | |'],
    })
    const figure = recoveryTime([rollout], TWO_WEEKS)
    // 15:17 − 14:17 = 1 h (the low row at 14:05 is no failure; from the deploy time it was 27 min = 0.45 h)
    expect(figure.value).toEqual({ medianHours: 1, known: 1, unknown: 0 })
    expect(figure.explanation.from.map((e) => [e.value, e.from.map((f) => [f.in, f.line])])).toEqual([
      [1, [['frontmatter', 6], ['issues', rollout.issues.rows[1]?.line]]], // restored_at on line 6, then the 14:17 row
    ])
  })

  it('should read an issue Time after midnight on the next day, and keep the deploy time when it is the earlier', () => {
    // scheduled 23:00 +10:00 on 03-04; deploy time = Application deployment End 00:30 on 03-05 (+10:00)
    // issues 23:50 (03-04) low, then 00:10 critical: rolls over to 03-05 00:10, before 00:30
    const midnight = deployment('status: failed\nscheduled: "2026-03-04T23:00:00+10:00"\nrestored_at: "2026-03-05T01:10:00+10:00"', {
      file: 'releases/midnight.md',
      timeline: ['| Application deployment | 23:00 | 00:30 | | failed | |'],
      issues: ['| 23:50 | Warnings | low | none | ignored | |', '| 00:10 | Errors | sev1 | all | rolled back | |'],
    })
    // 01:10 − 00:10 = 1 h (from the deploy time: 40 min = 0.67 h)
    expect(recoveryTime([midnight], TWO_WEEKS).value).toEqual({ medianHours: 1, known: 1, unknown: 0 })
    // an issue at 14:55, after the 14:50 deploy time: measured from the deploy time, 15:20 − 14:50 = 0.5 h
    const after = deployment('status: failed\nscheduled: "2026-03-03T14:00:00+01:00"\nrestored_at: "2026-03-03T15:20:00+01:00"', {
      timeline: ['| Application deployment | 14:00 | 14:50 | 50m | done | |'],
      issues: ['| 14:55 | Errors | p1 | all | rolled back | |'],
    })
    expect(recoveryTime([after], TWO_WEEKS).value).toEqual({ medianHours: 0.5, known: 1, unknown: 0 })
  })
})
