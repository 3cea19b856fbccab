import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { formatMetricsReport } from '../../src/core/metrics/formatMetricsReport.ts'
import { loadCorpus } from './loadRecords.ts'

const corpus = loadCorpus('corpus')

describe('formatMetricsReport', () => {
  it('should print the figures, their tiers with the year, and the weekly trend', () => {
    const text = formatMetricsReport(computeMetrics(corpus), { color: false })
    expect(text).toBe(
      [
        'Delivery metrics · production · 2026-03-02 → 2026-03-17 (15 days, UTC, end exclusive)',
        'Tiers: Accelerate State of DevOps Report 2024 (DORA, Google Cloud), https://dora.dev/research/2024/dora-report/',
        '',
        'Deployments             8 (3 failed)',
        // 8 deployments, failed ones included (FORMAT.md 1.1), over 15 days: 3.73 per week; deploy days [3, 4, 1] → daily
        'Deployment frequency    3.73 per week · daily                             ELITE (DORA 2024: On demand (multiple deploys per day))',
        // changes of deployments kept in production, incidents included (1.1): 9 changes, median 12 h, p90 29.6 h
        'Lead time for changes   median 12 h · p90 29.6 h · 9 changes (1 dropped)  ELITE (DORA 2024: Less than one day)',
        'Change failure rate     37.5%                                             LOW (DORA 2024: 40%)',
        'Recovery time           median 2.3 h · 2 known · 1 unknown                HIGH (DORA 2024: Less than one day)',
        'Rollback rate           12.5%',
        'Rework rate             12.5%',
        'Deployment duration     median 45 min · 6 deployments',
        '',
        // weeks [3, 4, 1] scaled to 4: 3 → 5.25 → ▆, 4 → █, 1 → 1.75 → ▃
        'Deployments per week    ▆█▃  2026-W10 … 2026-W12 (max 4)',
        '',
        '1 warning in the records measured',
        '  releases/api/1.4.0.md:30:38  Unexpected Duration `about an hour` in Deployment Timeline, expected `45m`, `1h 30m`, `PT1H30M` or `01:30`',
        '',
      ].join('\n'),
    )
  })

  it('should print the reason of every null figure', () => {
    const text = formatMetricsReport(computeMetrics([]), { color: false })
    expect(text).toContain('Delivery metrics · production · no window: no production deployments to measure')
    expect(text).toContain('Lead time for changes   — no deployments to measure')
    expect(text).toContain('Rollback rate           — no deployments to measure')
    expect(text).not.toContain('Deployments per')
  })

  it('should say when a figure is worse than every published band', () => {
    const result = computeMetrics(corpus, { benchmark: 2022 })
    // 37.5% is within 2022's bands (30%–46% is a gap → low, 46%–60%); a rate of 70% would not be
    result.tiers.changeFailureRate = { ...result.tiers.changeFailureRate, tier: 'low', band: '46%–60%', within: false, edge: '> 60%' }
    expect(formatMetricsReport(result, { color: false })).toContain('LOW (DORA 2022: worse than every band; lowest: 46%–60%)')
  })

  it("should name the part of 2021's shared change failure band the rate is in", () => {
    const text = formatMetricsReport(computeMetrics(corpus, { benchmark: 2021 }), { color: false })
    // 37.5% is above 30%: low, in Apache DevLake's split of 16%–30% ("> 30%"), no longer beyond every band
    expect(text).toContain('LOW (DORA 2021: 16%–30%; split: > 30%)')
  })

  it('should show, with explain, each tier with its band, the edge compared and the tie rule', () => {
    const text = formatMetricsReport(computeMetrics(corpus, { benchmark: 2021 }), { color: false, explain: true })
    expect(text).toContain(
      [
        'Tiers (DORA 2021)',
        // class daily → "on-demand"
        '  Deployment frequency: ELITE, band On-demand (multiple deploys per day), edge at least daily',
        // 12 h: past "less than one hour", in the 1 h–1 day gap → the worse neighbour, high (≤ one week)
        '  Lead time for changes: HIGH, band Between one day and one week, edge ≤ 168 h',
        // 3 of 8 = 37.5%: past 30%, DevLake's "> 30%" part of the shared 16%–30% band
        '  Change failure rate: LOW, band 16%–30% (split: > 30%), edge > 30%',
        "    tie: 16%–30% is published for high, medium and low; split as Apache DevLake's 2021 benchmark: 16%–20% high, 21%–30% medium, > 30% low",
        // median 2.25 h: not under one hour, under one day
        '  Time to restore service: HIGH, band Less than one day, edge < 24 h',
      ].join('\n'),
    )
  })

  it('should say, with explain, which medians the frequency class came from', () => {
    const text = formatMetricsReport(computeMetrics(corpus), { color: false, explain: true })
    // weeks [3, 4, 1] → median 3 ≥ 3 → daily
    expect(text).toContain(
      'Deployment frequency\n  class daily: 3 deploy days in the median week (daily from 3 deploy days in the median week, weekly from 1; else monthly from 1 deploy day in the median month)\n',
    )
    // over all of March: weeks W09 (03-01) 0, W10 3, W11 4, W12 1, W13 0, W14 (03-30, 03-31) 0
    // → median of [0, 0, 0, 1, 3, 4] = 0.5 < 1; the one month has 8 deploy days ≥ 1 → monthly
    const monthly = formatMetricsReport(computeMetrics(corpus, { since: '2026-03-01', until: '2026-04-01' }), { color: false, explain: true })
    expect(monthly).toContain('  class monthly: 0.5 deploy days in the median week, 8 deploy days in the median month (daily from 3')
  })

  it('should colour only when asked', () => {
    const result = computeMetrics(corpus)
    expect(formatMetricsReport(result, { color: false })).not.toMatch(/\x1b\[/)
    expect(formatMetricsReport(result, { color: true })).toMatch(/\x1b\[/)
  })

  it('should list, with explain, the records behind each figure and those left out', () => {
    const text = formatMetricsReport(computeMetrics(corpus), { color: false, explain: true })
    expect(text).toContain('  releases/api/1.2.1.md:8  3 h  restored_at 2026-03-11T12:00:00.000Z − deployed 2026-03-11T09:00:00.000Z (`deployed_at`)  [frontmatter:11, frontmatter:10]')
    expect(text).toContain('Records left out\n  releases/api/1.5.0.md:8  status `cancelled`: never attempted')
    expect(text).toContain('  releases/api/staging-1.4.0.md:7  environment `staging`: not a production deployment')
  })
})
