import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { FIGURES } from '../../src/core/site/figureCatalog.ts'
import { figureEvidenceOf, metricsPageOf, type PageIndex } from '../../src/core/site/metricsPageOf.ts'
import { trendViewsOf } from '../../src/core/site/trendViewsOf.ts'
import { record } from '../metrics/loadRecords.ts'

/*
 * Three production deployments; the window is [2026-03-02, 2026-03-17), 15 days, weeks W10
 * (03-02…03-09), W11 (…03-16) and W12 (03-16, clipped to one day), one month 2026-03:
 * - a closed   2026-03-02T10:00Z (W10), change committed 02-25T10:00Z → lead time 120 h
 * - b closed   2026-03-03T10:00Z (W10), change committed 03-01T10:00Z → 48 h
 * - c rolled back 2026-03-16T10:00Z (W12), restored 12:00Z → recovery 2 h; its change is not counted
 *   (a rolled-back deployment does not keep it in production)
 * Frequency 3 ÷ 15 × 7 = 1.4 per week; deploy days per week [2, 0, 1] → median 1 → weekly → DORA
 * 2024 high ("Between once per day and once per week"). Lead time median of 120 and 48 = 84 h,
 * headlined "3.5 days" → high (≤ 168 h). Change failure rate 1/3 = 33.3% → low (≤ 40%, the first of
 * 5%, 20%, 10%, 40% it meets). Recovery 2 h → high (< 24 h; medium's band is the same).
 * By week: lead time W10 median(120, 48) = 84 h = 3.5 days (n = 2 changes), W11 and W12 none (n = 0);
 * change failure rate W10 0/2 = 0% (n = 2), W11 none (n = 0), W12 1/1 = 100% (n = 1).
 */
const records = [
  record({
    file: 'releases/a.md',
    frontmatter:
      'environment: production\nstatus: closed\ndeployed_at: 2026-03-02T10:00:00Z\nchanges:\n  - id: A-1\n    committed_at: 2026-02-25T10:00:00Z',
  }),
  record({
    file: 'releases/b.md',
    frontmatter:
      'environment: production\nstatus: closed\ndeployed_at: 2026-03-03T10:00:00Z\nchanges:\n  - id: B-1\n    committed_at: 2026-03-01T10:00:00Z',
  }),
  record({
    file: 'releases/c.md',
    frontmatter:
      'environment: production\nstatus: rolled-back\ndeployed_at: 2026-03-16T10:00:00Z\nrestored_at: 2026-03-16T12:00:00Z\nchanges:\n  - id: C-1\n    committed_at: 2026-03-12T10:00:00Z',
  }),
]

const index: PageIndex = new Map([
  ['releases/a.md', { href: '/releases/a.html', title: 'A', deployedAt: '2026-03-02T10:00:00.000Z' }],
  ['releases/b.md', { href: '/releases/b.html', title: 'B', deployedAt: '2026-03-03T10:00:00.000Z' }],
  ['releases/c.md', { href: '/releases/c.html', title: 'C', deployedAt: '2026-03-16T10:00:00.000Z' }],
])

const week = computeMetrics(records, { by: 'week' })
const month = computeMetrics(records, { by: 'month' })
const page = metricsPageOf({ week, month }, index)
const figure = (key: string) => {
  const found = page.figures.find((f) => f.key === key)
  if (!found) throw new Error(`no figure ${key}`)
  return found
}

describe('whether a figure is good, on the metrics page', () => {
  it('should give each DORA key metric a legend of the report year’s tiers, the tier given marked', () => {
    const legend = figure('deploymentFrequency').legend
    expect(legend).toMatchObject({ metric: 'Deployment frequency', year: 2024, url: 'https://dora.dev/research/2024/dora-report/' })
    expect(legend?.report).toBe('Accelerate State of DevOps Report 2024 (DORA, Google Cloud)')
    expect(legend?.rows).toEqual([
      { tier: 'elite', band: 'On demand (multiple deploys per day)', split: null, current: false },
      { tier: 'high', band: 'Between once per day and once per week', split: null, current: true },
      { tier: 'medium', band: 'Between once per week and once per month', split: null, current: false },
      { tier: 'low', band: 'Between once per month and once every six months', split: null, current: false },
    ])
    expect(figure('changeFailureRate').legend?.rows.map((r) => [r.tier, r.band, r.current])).toEqual([
      ['elite', '5%', false],
      ['high', '20%', false],
      ['medium', '10%', false],
      ['low', '40%', true],
    ])
    expect(figure('leadTime').legend?.metric).toBe('Change lead time')
    expect(figure('deployments').legend).toBeNull()
    expect(figure('rollbackRate').legend).toBeNull()
  })

  it('should write out the rating and what it was read from, the frequency class and its reason first', () => {
    const frequency = figure('deploymentFrequency').tile
    expect(frequency.value).toBe('1.4 per week')
    expect(frequency.rating).toBe('High by DORA 2024: between once per day and once per week')
    expect(frequency.basis).toBe(
      'weekly: 1 deploy day in the median week (at least weekly); the rating follows the class, not the 1.4 per week average',
    )
    expect(figure('leadTime').tile.rating).toBe('High by DORA 2024: between one day and one week')
    expect(figure('leadTime').tile.basis).toBe('median 3.5 days: ≤ 168 h')
    expect(figure('changeFailureRate').tile.rating).toBe('Low by DORA 2024: 40%')
    expect(figure('changeFailureRate').tile.basis).toBe('33.3%: ≤ 40%')
    expect(figure('recoveryTime').tile.basis).toBe(
      'median 2 h: < 24 h; the value meets the published bands of high (< 24 h) and medium (< 24 h): the best of them is given',
    )
    expect(figure('deployments').tile.rating).toBeNull()
  })

  it('should give each bar its sample size: a 100% bar from one deployment says n = 1', () => {
    const chart = figure('changeFailureRate').charts.week
    expect(chart.labels).toEqual(['2026-W10', '2026-W11', '2026-W12'])
    expect(chart.series[0]?.values).toEqual([0, null, 100])
    expect(chart.samples).toEqual([2, 0, 1])
    expect(chart.sampleNoun).toEqual(['deployment', 'deployments'])
    expect(figure('leadTime').charts.week.samples).toEqual([2, 0, 0])
    expect(figure('leadTime').charts.week.sampleNoun).toEqual(['change', 'changes'])
    expect(figure('recoveryTime').charts.week.samples).toEqual([0, 0, 1])
    expect(figure('changeFailureRate').charts.month.samples).toEqual([3])
  })

  it('should chart a duration in the unit its headline is printed in', () => {
    const lead = figure('leadTime')
    expect(lead.tile.value).toBe('3.5 days')
    expect(lead.charts.week.unit).toBe('days')
    expect(lead.charts.week.series[0]?.values).toEqual([3.5, null, null])
    expect(lead.charts.week.printed).toEqual(['3.5 days', 'no data', 'no data'])
    const recovery = figure('recoveryTime')
    expect(recovery.tile.value).toBe('2 h')
    expect(recovery.charts.week.unit).toBe('h')
    expect(recovery.charts.week.series[0]?.values).toEqual([null, null, 2])
    expect(recovery.charts.week.printed).toEqual(['no data', 'no data', '2 h'])

    // A target's line is drawn in the chart's unit: < 48 h on a chart in days is at 2.
    const targets = { leadTime: '< 48h' }
    const withTarget = metricsPageOf({ week: computeMetrics(records, { targets }), month: computeMetrics(records, { by: 'month', targets }) }, index)
    expect(withTarget.figures.find((f) => f.key === 'leadTime')?.charts.week.targets?.map((t) => [t.text, t.line])).toEqual([['target < 48h', 2]])
  })

  it('should link each bar with records to the list of its period’s evidence rows', () => {
    const cfr = figure('changeFailureRate')
    expect(cfr.charts.week.hrefs).toEqual(['#change-failure-rate--2026-w10', null, '#change-failure-rate--2026-w12'])
    expect(cfr.periods?.week.map((p) => [p.id, p.period, p.samples, p.rows.map((r) => [r.title, r.href, r.value])])).toEqual([
      ['change-failure-rate--2026-w10', '2026-W10', 2, [['A', '/releases/a.html', 'no'], ['B', '/releases/b.html', 'no']]],
      ['change-failure-rate--2026-w12', '2026-W12', 1, [['C', '/releases/c.html', 'yes']]],
    ])
    expect(cfr.charts.month.hrefs).toEqual(['#change-failure-rate--2026-03'])
    expect(cfr.periods?.month.map((p) => [p.id, p.rows.map((r) => r.title)])).toEqual([['change-failure-rate--2026-03', ['A', 'B', 'C']]])
    // Lead time rows are changes: both in W10.
    expect(figure('leadTime').periods?.week.map((p) => [p.period, p.rows.map((r) => r.value)])).toEqual([['2026-W10', ['5 days', '48 h']]])
    expect(figure('leadTime').charts.week.hrefs).toEqual(['#lead-time--2026-w10', null, null])
  })

  it('should link Home’s trend bars to their records on the metrics page', () => {
    const trends = trendViewsOf(week, month, ['changeFailureRate', 'leadTime'], '/metrics.html')
    expect(trends.week[0]?.hrefs).toEqual(['/metrics.html#change-failure-rate--2026-w10', null, '/metrics.html#change-failure-rate--2026-w12'])
    expect(trends.week[1]?.unit).toBe('days')
    expect(trendViewsOf(week, month, ['changeFailureRate']).week[0]?.hrefs).toBeUndefined()
  })
})

describe('the records behind a figure, when there are more than the page lists', () => {
  // Two rows per figure at most: deployment frequency counts a, b and c (c deployed last, then b).
  const capped = metricsPageOf({ week, month }, index, { inlineRows: 2 })
  const frequency = capped.figures.find((f) => f.key === 'deploymentFrequency')
  if (!frequency) throw new Error('no deployment frequency')

  it('should list the most recent rows in the table, count them all and link the CSV', () => {
    expect(frequency.evidence.map((row) => row.title)).toEqual(['B', 'C'])
    expect(frequency.evidenceCount).toBe(3)
    expect(frequency.evidenceCsv).toBe('/data/metrics/deployment-frequency.csv')
    // The page as it was: every row, when they fit.
    expect(figure('deploymentFrequency').evidence.map((row) => row.title)).toEqual(['A', 'B', 'C'])
    expect(figure('deploymentFrequency').evidenceCount).toBe(3)
  })

  it('should take the records behind a figure from the caller when given (the site writes the same list to the CSV)', () => {
    const info = FIGURES.find((f) => f.key === 'deploymentFrequency')!
    const all = figureEvidenceOf(week, info, index)
    expect(all.map((row) => row.title)).toEqual(['A', 'B', 'C'])
    const given = metricsPageOf({ week, month }, index, { evidence: new Map([[info.key, all.slice(0, 1)]]) })
    const page = given.figures.find((f) => f.key === 'deploymentFrequency')!
    expect(page.evidence.map((row) => row.title)).toEqual(['A'])
    expect(page.evidenceCount).toBe(1)
    // Figures not in the map work theirs out: lead time's two changes.
    expect(given.figures.find((f) => f.key === 'leadTime')!.evidenceCount).toBe(2)
  })

  it('should list the newest periods whole and leave the older ones to the CSV, headings kept', () => {
    // By week: W12 holds c (1 row, fits), W10 holds a and b (2 rows, 1 left): left out.
    expect(frequency.periods?.week.map((p) => [p.period, p.rows.map((r) => r.title), p.omitted])).toEqual([
      ['2026-W10', [], 2],
      ['2026-W12', ['C'], 0],
    ])
    // By month: March holds all three, more than 2.
    expect(frequency.periods?.month.map((p) => [p.period, p.rows.length, p.omitted, p.samples])).toEqual([['2026-03', 0, 3, 3]])
  })
})
