import { describe, expect, it } from 'vitest'
import { leadTime } from '../../../src/core/metrics/figures/leadTime.ts'
import { deployment, TWO_WEEKS } from './deployments.ts'

const change = (id: string, committedAt?: string): string =>
  `  - id: ${id}\n    title: Change ${id}${committedAt === undefined ? '' : `\n    committed_at: "${committedAt}"`}`

describe('leadTime', () => {
  // deployed 2026-03-04 12:00 UTC: A committed 26 h before, B 2 h before
  const kept = deployment(`status: closed\ndeployed_at: "2026-03-04T12:00:00Z"\nchanges:\n${change('A', '2026-03-03T10:00:00Z')}\n${change('B', '2026-03-04T10:00:00Z')}`, { file: 'releases/kept.md' })
  const rolledBack = deployment(`status: rolled-back\ndeployed_at: "2026-03-05T12:00:00Z"\nchanges:\n${change('C', '2026-03-05T09:00:00Z')}`, { file: 'releases/rolled-back.md' })
  // C2 committed after its deploy time (−12 h), D without committed_at
  const odd = deployment(`status: deployed\ndeployed_at: "2026-03-06T12:00:00Z"\nchanges:\n${change('C2', '2026-03-07T00:00:00Z')}\n${change('D')}`, { file: 'releases/odd.md' })

  it('should take the median and p90 of deploy time − committed_at over the changes kept', () => {
    const figure = leadTime([kept, rolledBack, odd], TWO_WEEKS)
    // [26, 2]: median 14; p90: h = (2 − 1) · 0.9 = 0.9 → 2 + 0.9 · (26 − 2) = 23.6
    expect(figure.value).toEqual({ medianHours: 14, p90Hours: 23.6, changes: 2, dropped: 2 })
    expect(figure.reason).toBeUndefined()
    expect(figure.explanation.from.map((e) => [e.file, e.value])).toEqual([
      ['releases/kept.md', 26],
      ['releases/kept.md', 2],
    ])
    expect(figure.explanation.excluded.map((e) => [e.file, e.code])).toEqual([
      ['releases/rolled-back.md', 'failed-deployment'],
      ['releases/odd.md', 'not-positive'],
      ['releases/odd.md', 'missing-value'],
    ])
  })

  it('should say why there is no lead time', () => {
    expect(leadTime([], null).reason).toBe('no deployments to measure')
    expect(leadTime([rolledBack], TWO_WEEKS).reason).toBe('no successful deployments in the window')
    expect(leadTime([odd], TWO_WEEKS)).toMatchObject({
      value: { medianHours: null, p90Hours: null, changes: 0, dropped: 2 },
      reason: 'no change committed before its deploy time with a readable `committed_at` (2 dropped)',
    })
    const none = deployment('status: closed\ndeployed_at: "2026-03-04T12:00:00Z"')
    expect(leadTime([none], TWO_WEEKS).reason).toBe('no `changes` listed in the successful deployments')
  })
})
