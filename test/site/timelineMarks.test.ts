import { describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { releasePageOf } from '../../src/core/site/releasePageOf.ts'

const lines = [
  '---', //                                                          1
  'release: "Wishlist"', //                                          2
  'version: "6.1.0"', //                                             3
  'status: STATUS', //                                               4
  'scheduled: "2026-10-07T21:00:00+02:00"', //                       5
  'restored_at: "2026-10-07T22:30:00+02:00"', //                     6
  '---', //                                                          7
  '## Deployment Execution', //                                      8
  '### Deployment Timeline', //                                      9
  '| Phase | Start Time | End Time | Duration | Status |', //        10
  '|---|---|---|---|---|', //                                        11
  '| Pre-deployment checks | 21:00 | 21:15 | 15m | Done |', //       12
  '| Application deployment | 21:15 | - | - | In progress |', //    13
  '| Roll back canary | 22:10 | 22:25 | 15m | Done |', //            14
  '| Post-deployment validation | TBD | TBD | - | Not started |', // 15
  '### Issues Encountered', //                                       16
  '| Time | Issue | Severity |', //                                  17
  '|---|---|---|', //                                                18
  '| 21:40 | Slow product pages | Low |', //                          19
  '| 21:50 | Checkout answers 5xx | Critical |', //                  20
  '| 21:55 | Cart empty | Critical |', //                            21
]

const pageAt = (status: string) => {
  const source = lines.join('\n').replace('STATUS', status)
  return releasePageOf(parseRecord(source, { file: 'releases/web/6.1.0.md' }), { id: 'web/6.1.0' })
}

describe('the deployment timeline marks', () => {
  it('should mark the row with a start and no end as running on an in-progress record, and the rollback row', () => {
    const rows = pageAt('in-progress').timeline?.rows ?? []
    expect(rows.map((row) => [row.phase, row.running ?? false, row.rollback ?? false])).toEqual([
      ['Pre-deployment checks', false, false],
      ['Application deployment', true, false],
      ['Roll back canary', false, true],
      // No start written: not running, whatever its status says.
      ['Post-deployment validation', false, false],
    ])
  })

  it('should mark no phase running once the record is past in-progress', () => {
    const rows = pageAt('deployed').timeline?.rows ?? []
    expect(rows.some((row) => row.running)).toBe(false)
  })

  it('should mark the first failure-severity issue, the rollback and the restore, in time order', () => {
    // 21:50 +02:00 is 19:50 UTC; the rollback row starts 22:10 +02:00, restored_at 22:30 +02:00.
    expect(pageAt('in-progress').timeline?.marks).toEqual([
      { kind: 'incident', at: '2026-10-07T19:50:00.000Z', label: 'Incident: Checkout answers 5xx', line: 20 },
      { kind: 'rollback', at: '2026-10-07T20:10:00.000Z', label: 'Rollback: Roll back canary', line: 14 },
      { kind: 'restored', at: '2026-10-07T20:30:00.000Z', label: 'Restored (restored_at)', line: null },
    ])
  })
})
