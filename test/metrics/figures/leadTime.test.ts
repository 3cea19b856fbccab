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
      ['releases/rolled-back.md', 'failed-deployment'], // C counts when deployed again; it is not
      ['releases/odd.md', 'not-positive'],
      ['releases/odd.md', 'missing-value'],
    ])
  })

  it('should say why there is no lead time', () => {
    expect(leadTime([], null).reason).toBe('no deployments to measure')
    expect(leadTime([rolledBack], TWO_WEEKS).reason).toBe('no deployment kept in production (deployed, verified or closed) in the window')
    expect(leadTime([odd], TWO_WEEKS)).toMatchObject({
      value: { medianHours: null, p90Hours: null, changes: 0, dropped: 2 },
      reason: 'no change committed before its deploy time with a readable `committed_at` (2 dropped)',
    })
    const none = deployment('status: closed\ndeployed_at: "2026-03-04T12:00:00Z"')
    expect(leadTime([none], TWO_WEEKS).reason).toBe('no `changes` listed in the deployments kept in production')
  })

  it('should count the changes of a deployment kept in production despite an incident (FORMAT.md 1.1)', () => {
    // closed with incident: true (a failed deployment), deployed 03-04 12:00; E committed 03-04 06:00 → 6 h
    const incident = deployment(`status: closed\nincident: true\ndeployed_at: "2026-03-04T12:00:00Z"\nchanges:\n${change('E', '2026-03-04T06:00:00Z')}`)
    // deployed, failed by a critical Issues row; F committed 03-05 08:00, deployed 03-05 12:00 → 4 h
    const critical = deployment(`status: deployed\ndeployed_at: "2026-03-05T12:00:00Z"\nchanges:\n${change('F', '2026-03-05T08:00:00Z')}`, {
      file: 'releases/critical.md',
      issues: ['| 12:10 | Errors | critical | all | fixed forward | 30m |'],
    })
    expect(incident.failure.failed && critical.failure.failed).toBe(true)
    // [6, 4]: median 5; p90 h = 0.9 → 4 + 0.9 · 2 = 5.8 (the old rule counted no change: null)
    expect(leadTime([incident, critical], TWO_WEEKS).value).toEqual({ medianHours: 5, p90Hours: 5.8, changes: 2, dropped: 0 })
  })

  it('should count a rolled-back change once, when deployed again, and a change kept twice at its earliest deployment', () => {
    // C committed 03-05 09:00; rolled back at 03-05 12:00; deployed again 03-06 12:00 → 27 h
    const again = deployment(`status: closed\ndeployed_at: "2026-03-06T12:00:00Z"\nchanges:\n${change('C', '2026-03-05T09:00:00Z')}`, { file: 'releases/again.md' })
    // C listed once more in a later kept deployment (03-07 12:00): not counted again (it would be 51 h)
    const later = deployment(`status: verified\ndeployed_at: "2026-03-07T12:00:00Z"\nchanges:\n${change('C', '2026-03-05T09:00:00Z')}`, { file: 'releases/a-later.md' })
    const figure = leadTime([later, again, rolledBack], TWO_WEEKS)
    // one change: [27] → median 27, p90 27 (the old rule: [51, 27] → median 39)
    expect(figure.value).toEqual({ medianHours: 27, p90Hours: 27, changes: 1, dropped: 0 })
    expect(figure.explanation.from.map((e) => [e.file, e.value])).toEqual([['releases/again.md', 27]])
    expect(figure.explanation.excluded.map((e) => [e.file, e.code])).toEqual([
      ['releases/rolled-back.md', 'failed-deployment'],
      ['releases/a-later.md', 'counted-earlier'],
    ])
  })

  it('should keep changes without an id apart, whatever record lists them', () => {
    // two records each with one change without id (both read as `#1`): 3 h and 5 h, both counted
    const one = deployment('status: closed\ndeployed_at: "2026-03-04T12:00:00Z"\nchanges:\n  - title: x\n    committed_at: "2026-03-04T09:00:00Z"', { file: 'releases/one.md' })
    const two = deployment('status: closed\ndeployed_at: "2026-03-05T12:00:00Z"\nchanges:\n  - title: y\n    committed_at: "2026-03-05T07:00:00Z"', { file: 'releases/two.md' })
    // [3, 5]: median 4; p90 3 + 0.9 · 2 = 4.8
    expect(leadTime([one, two], TWO_WEEKS).value).toEqual({ medianHours: 4, p90Hours: 4.8, changes: 2, dropped: 0 })
  })
})
