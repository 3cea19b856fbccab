import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { homePageOf } from '../../src/core/site/homePageOf.ts'
import { releasePageOf } from '../../src/core/site/releasePageOf.ts'
import { record } from '../metrics/loadRecords.ts'

/*
 * Three releases: a (ledger, deployed 03-02), b (search, deployed 03-09), c (identity, staging,
 * scheduled 03-20, not deployed). Newest first by deploy time, else by scheduled time: c (03-20),
 * b (03-09), a (03-02).
 */
const records = [
  record({ file: 'releases/a.md', frontmatter: 'component: ledger\nenvironment: production\nstatus: closed\ndeployed_at: 2026-03-02T10:00:00Z' }),
  record({ file: 'releases/b.md', frontmatter: 'component: search\nenvironment: production\nstatus: closed\ndeployed_at: 2026-03-09T10:00:00Z' }),
  record({ file: 'releases/c.md', frontmatter: 'component: identity\nenvironment: staging\nstatus: planned\nscheduled: 2026-03-20T10:00:00Z' }),
]
const pages = records.map((r, i) => releasePageOf(r, { id: ['a', 'b', 'c'][i] as string, repo: null }))
const metrics = { week: computeMetrics(records, { by: 'week' }), month: computeMetrics(records, { by: 'month' }) }

describe('homePageOf', () => {
  it('should list every release, newest first, when they fit', () => {
    const home = homePageOf('Releases', pages, metrics)
    expect(home.releases.map((r) => r.id)).toEqual(['c', 'b', 'a'])
    expect(home.totals.records).toBe(3)
  })

  it('should list the most recent releases only, their filters with them, and count them all', () => {
    const home = homePageOf('Releases', pages, metrics, { listed: 2 })
    expect(home.releases.map((r) => r.id)).toEqual(['c', 'b'])
    expect(home.components).toEqual(['identity', 'search'])
    expect(home.environments).toEqual(['production', 'staging'])
    expect(home.totals.records).toBe(3)
    expect(home.statuses).toEqual([
      { status: 'closed', count: 2 },
      { status: 'planned', count: 1 },
    ])
  })
})
