import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { MetricsOptionError } from '../../src/core/metrics/MetricsOptionError.ts'
import { loadCorpus, record } from './loadRecords.ts'
import { jsonOf } from '../helpers/messages.ts'

/*
 * The corpus (test/fixtures/metrics/corpus/releases), deploy times in UTC:
 *
 * | record           | status      | deploy time        | from                          | failed because    |
 * |------------------|-------------|--------------------|-------------------------------|-------------------|
 * | api/1.0.0        | closed      | 03-02 (Mon) 09:30  | deployed_at (timeline: 09:45) |                   |
 * | api/1.1.0        | verified    | 03-04 (Wed) 14:25  | App deployment End 00:25 +10  |                   |
 * | web/2.0.0        | closed      | 03-05 (Thu) 12:00  | deployed_at                   |                   |
 * | api/1.2.0        | deployed    | 03-10 (Tue) 14:45  | App deployment End            | Issues row Sev2   |
 * | api/1.2.1 hotfix | closed      | 03-11 (Wed) 09:00  | deployed_at                   | incident: true    |
 * | api/1.3.0        | rolled-back | 03-12 (Thu) 16:00  | deployed_at                   | status            |
 * | api/1.3.1        | closed      | 03-13 (Fri) 09:05  | latest End (no App row)       |                   |
 * | api/1.4.0        | closed      | 03-16 (Mon) 10:00  | deployed_at                   |                   |
 * | api/staging-1.4.0| closed      | 03-14              | (staging: left out)           |                   |
 * | api/1.5.0        | cancelled   |                    | (left out)                    |                   |
 * | api/1.6.0        | planned     |                    | (left out)                    |                   |
 */
const corpus = loadCorpus('corpus')

describe('computeMetrics', () => {
  it('should return the keys of FORMAT.md §6 first, then its additions', () => {
    const result = computeMetrics(corpus)
    expect(Object.keys(result)).toEqual([
      'window',
      'deployments',
      'failed',
      'deploymentFrequency',
      'leadTime',
      'changeFailureRate',
      'recoveryTime',
      'rollbackRate',
      'reworkRate',
      'deploymentDuration',
      'reasons',
      'filters',
      'benchmark',
      'tiers',
      'series',
      'explain',
      'warnings',
      'stages',
      'targets',
    ])
  })

  it('should compute every figure of the corpus as worked out by hand', () => {
    const result = computeMetrics(corpus)
    // first deployment 03-02 09:30 → since 03-02 00:00 UTC; last 03-16 10:00 → until 03-17 00:00: 15 days
    expect(result.window).toEqual({
      since: '2026-03-02T00:00:00.000Z',
      until: '2026-03-17T00:00:00.000Z',
      days: 15,
      from: { since: 'deployments', until: 'deployments' },
    })
    // 8 production deployments (staging, cancelled and planned left out); 3 failed: 1.2.0, 1.2.1, 1.3.0
    expect(result.deployments).toBe(8)
    expect(result.failed).toBe(3)
    // every deployment, failed ones included (1.1): 8 / (15 / 7) = 56 / 15 = 3.733… → 3.73; weeks
    // W10 [03-02, 03-04, 03-05] = 3 days, W11 [03-10, 03-11, 03-12, 03-13] = 4, W12 [03-16] = 1
    // → median of [1, 3, 4] = 3 → daily; March (clipped) has 3 + 4 + 1 = 8 deploy days
    expect(result.deploymentFrequency).toEqual({ count: 8, perWeek: 3.73, class: 'daily', medianDaysPerWeek: 3, medianDaysPerMonth: 8, dailyDeployDays: 3 })
    // changes of the deployments kept in production (deployed, verified, closed; incident or not, 1.1):
    // 1.0.0 c1 25 h (03-01 08:30 → 03-02 09:30), c2 2 h; 1.1.0 c3 4 h (10:25 → 14:25); web c10 6 h;
    // 1.2.0 (Sev2 issue) c5 24 h (03-09 14:45 → 03-10 14:45); 1.2.1 (incident) c6 12 h (03-10 21:00 → 03-11 09:00);
    // 1.3.1 c7 24 h, c8 1 h; 1.4.0 c9 48 h. 1.1.0 c4 (committed 23:00, after 14:25) dropped; 1.3.0's
    // c7x rolled back and not deployed again: not counted.
    // sorted [1, 2, 4, 6, 12, 24, 24, 25, 48]: median 12; p90 h = 8 × 0.9 = 7.2 → 25 + 0.2 × 23 = 29.6
    expect(result.leadTime).toEqual({ medianHours: 12, p90Hours: 29.6, changes: 9, dropped: 1 })
    // 3 / 8 = 0.375
    expect(result.changeFailureRate).toEqual({ rate: 0.375 })
    // 1.2.0: largest failure-severity Duration 1h 30m = 1.5 h (the `low` row's 2h is not one);
    // 1.2.1: restored_at 12:00 − deployed_at 09:00 = 3 h; 1.3.0: unknown. median [1.5, 3] = 2.25
    expect(result.recoveryTime).toEqual({ medianHours: 2.25, known: 2, unknown: 1 })
    // 1 rolled-back (1.3.0) / 8; 1 hotfix (1.2.1) / 8
    expect(result.rollbackRate).toBe(0.125)
    expect(result.reworkRate).toBe(0.125)
    // 1.0.0 10 + 35 = 45; 1.1.0 20 + 30 + 35 + 15 = 100; 1.2.0 15 + 30 = 45; 1.2.1 PT20M = 20;
    // 1.3.0 0:30 = 30; 1.3.1 20 + 45 = 65; 1.4.0 unreadable, web no timeline → left out.
    // sorted [20, 30, 45, 45, 65, 100] → (45 + 45) / 2 = 45
    expect(result.deploymentDuration).toEqual({ medianMinutes: 45, measured: 6 })
    expect(result.reasons).toEqual({})
  })

  it('should rate the figures against the latest report by default, and against the year asked', () => {
    const latest = computeMetrics(corpus)
    expect(latest.benchmark).toEqual({
      year: 2024,
      report: 'Accelerate State of DevOps Report 2024 (DORA, Google Cloud)',
      url: 'https://dora.dev/research/2024/dora-report/',
    })
    // daily → elite; 12 h < one day → elite; 37.5% ≤ 40% → low; 2.25 h < one day → high
    expect(latest.tiers).toMatchObject({
      year: 2024,
      deploymentFrequency: { tier: 'elite', band: 'On demand (multiple deploys per day)', within: true },
      leadTime: { tier: 'elite', band: 'Less than one day' },
      changeFailureRate: { tier: 'low', band: '40%' },
      recoveryTime: { tier: 'high', metric: 'Failed deployment recovery time' },
    })
    const y2021 = computeMetrics(corpus, { benchmark: 2021 })
    // daily → elite (on demand); 12 h → high (gap 1 h–1 day, worse neighbour);
    // 37.5% > 30% → low, in Apache DevLake's "> 30%" part of the shared 16%–30% band (within);
    // 2.25 h < one day → high (Time to restore service)
    expect(y2021.tiers).toMatchObject({
      year: 2021,
      deploymentFrequency: { tier: 'elite' },
      leadTime: { tier: 'high' },
      changeFailureRate: { tier: 'low', within: true, split: '> 30%' },
      recoveryTime: { tier: 'high', metric: 'Time to restore service' },
    })
    expect(y2021.benchmark.year).toBe(2021)
    // 2022: daily → high (on demand, 2022's best tier); 12 h → high; 37.5% in the 30–46% gap → low; 2.25 h → high
    expect(computeMetrics(corpus, { benchmark: 2022 }).tiers).toMatchObject({
      deploymentFrequency: { tier: 'high' },
      leadTime: { tier: 'high' },
      changeFailureRate: { tier: 'low', within: true },
      recoveryTime: { tier: 'high' },
    })
  })

  it("should keep FORMAT.md §6's keys of each figure first and unchanged, with shiplog's additions after", () => {
    const result = computeMetrics(corpus, { benchmark: 2021 })
    expect(Object.keys(result.deploymentFrequency)).toEqual(['count', 'perWeek', 'class', 'medianDaysPerWeek', 'medianDaysPerMonth', 'dailyDeployDays'])
    expect(Object.keys(result.tiers.changeFailureRate)).toEqual(['metric', 'tier', 'band', 'within', 'year', 'edge', 'split', 'tie'])
    // `band` stays the band as the report words it; the peer's part of it is `split`
    expect(result.tiers.changeFailureRate).toMatchObject({ band: '16%–30%', split: '> 30%' })
  })

  it('should class the frequency with the daily threshold given', () => {
    // corpus weeks [3, 4, 1] → median 3: daily from 3 (default); from 5 (DevLake's dashboard) weekly,
    // which rates 2024's high ("between once per day and once per week") instead of elite
    const result = computeMetrics(corpus, { dailyDeployDays: 5 })
    expect(result.deploymentFrequency).toMatchObject({ class: 'weekly', medianDaysPerWeek: 3, dailyDeployDays: 5 })
    expect(result.tiers.deploymentFrequency).toMatchObject({ tier: 'high', edge: 'at least weekly' })
    // W11 alone has 4 deploy days: under 5, weekly in the series too
    expect(result.series.periods.map((p) => p.deploymentFrequency.class)).toEqual(['weekly', 'weekly', 'weekly'])
  })

  it('should slice by component, case-insensitively', () => {
    const result = computeMetrics(corpus, { component: 'API' })
    expect(result.filters).toEqual({ component: 'api', environment: 'production' })
    // web/2.0.0 left out: 7 deployments, 3 failed, 4 successful over the same 15 days
    expect(result.deployments).toBe(7)
    // all 7 (1.1): 7 / (15 / 7) = 49 / 15 = 3.266… → 3.27; deploy days per week W10 [03-02, 03-04] = 2,
    // W11 = 4, W12 = 1 → median 2 → weekly; March: 2 + 4 + 1 = 7 deploy days
    expect(result.deploymentFrequency).toEqual({ count: 7, perWeek: 3.27, class: 'weekly', medianDaysPerWeek: 2, medianDaysPerMonth: 7, dailyDeployDays: 3 })
    // without web's c10: [1, 2, 4, 12, 24, 24, 25, 48]: median (12 + 24) / 2 = 18;
    // p90 h = 7 × 0.9 = 6.3 → 25 + 0.3 × 23 = 31.9
    expect(result.leadTime).toEqual({ medianHours: 18, p90Hours: 31.9, changes: 8, dropped: 1 })
    // 3 / 7 = 0.428571… → 0.4286; 1 / 7 = 0.142857… → 0.1429
    expect(result.changeFailureRate.rate).toBe(0.4286)
    expect(result.rollbackRate).toBe(0.1429)
    expect(result.reworkRate).toBe(0.1429)
    expect(result.explain.excluded.find((item) => item.file === 'releases/web/2.0.0.md')).toMatchObject({
      code: 'other-component',
      reason: 'component `web`, not `api`',
    })
  })

  it('should measure another environment when asked, e.g. staging', () => {
    const result = computeMetrics(corpus, { environment: 'staging' })
    // only api/staging-1.4.0 (deployed_at 03-14 10:00): window 03-14 → 03-15, one day
    expect(result.window.days).toBe(1)
    expect(result.deployments).toBe(1)
    // 1 / (1 / 7) = 7 per week; its single (clipped) week and month have 1 deploy day → weekly
    expect(result.deploymentFrequency).toEqual({ count: 1, perWeek: 7, class: 'weekly', medianDaysPerWeek: 1, medianDaysPerMonth: 1, dailyDeployDays: 3 })
    expect(result.changeFailureRate.rate).toBe(0)
    // Application deployment 09:00–10:00, Duration 1h = 60 min
    expect(result.deploymentDuration).toEqual({ medianMinutes: 60, measured: 1 })
    expect(result.leadTime).toMatchObject({ medianHours: null, reason: 'no `changes` listed in the deployments kept in production' })
    expect(result.recoveryTime).toEqual({ medianHours: null, known: 0, unknown: 0, reason: 'no failed deployments in the window' })
    expect(result.reasons).toEqual({
      leadTime: 'no `changes` listed in the deployments kept in production',
      recoveryTime: 'no failed deployments in the window',
    })
  })

  it('should compute over a given window [since, until) and leave the rest out', () => {
    const result = computeMetrics(corpus, { since: '2026-03-09', until: '2026-03-16' })
    expect(result.window).toEqual({
      since: '2026-03-09T00:00:00.000Z',
      until: '2026-03-16T00:00:00.000Z',
      days: 7,
      from: { since: 'option', until: 'option' },
    })
    // 1.2.0, 1.2.1, 1.3.0 (failed) and 1.3.1 (successful)
    expect(result.deployments).toBe(4)
    expect(result.failed).toBe(3)
    // all 4 (1.1): 4 / (7 / 7) = 4 per week; one week with 4 deploy days (03-10 to 03-13) → daily
    expect(result.deploymentFrequency).toEqual({ count: 4, perWeek: 4, class: 'daily', medianDaysPerWeek: 4, medianDaysPerMonth: 4, dailyDeployDays: 3 })
    // 1.2.0 c5 24 h, 1.2.1 c6 12 h (kept despite their failures), 1.3.1 c7 24 h, c8 1 h:
    // [1, 12, 24, 24] → median (12 + 24) / 2 = 18; p90 h = 3 × 0.9 = 2.7 → 24 + 0.7 × 0 = 24
    expect(result.leadTime).toEqual({ medianHours: 18, p90Hours: 24, changes: 4, dropped: 0 })
    expect(result.changeFailureRate.rate).toBe(0.75) // 3 / 4
    expect(result.rollbackRate).toBe(0.25) // 1 / 4
    // [20, 30, 45, 65] → (30 + 45) / 2 = 37.5
    expect(result.deploymentDuration.medianMinutes).toBe(37.5)
    const outside = result.explain.excluded.filter((item) => item.code === 'outside-window').map((item) => item.file)
    expect(outside).toEqual(['releases/api/1.0.0.md', 'releases/api/1.1.0.md', 'releases/api/1.4.0.md', 'releases/web/2.0.0.md'])
  })

  it('should give the same figures per ISO week for the trend series', () => {
    const { series } = computeMetrics(corpus)
    expect(series.by).toBe('week')
    expect(series.periods.map((p) => [p.period, p.since.slice(0, 10), p.until.slice(0, 10), p.deployments, p.failed])).toEqual([
      ['2026-W10', '2026-03-02', '2026-03-09', 3, 0],
      ['2026-W11', '2026-03-09', '2026-03-16', 4, 3],
      ['2026-W12', '2026-03-16', '2026-03-17', 1, 0], // clipped to the window's end
    ])
    const [w10, w11, w12] = series.periods
    // W10: 3 deploy days in 7 days → 3 per week, daily; lead [2, 4, 6, 25]: median (4 + 6) / 2 = 5,
    // p90 h = 3 × 0.9 = 2.7 → 6 + 0.7 × 19 = 19.3
    // (a period's class is read over the whole period: W10's one week, and March within it: 3 days)
    expect(w10?.deploymentFrequency).toEqual({ count: 3, perWeek: 3, class: 'daily', medianDaysPerWeek: 3, medianDaysPerMonth: 3, dailyDeployDays: 3 })
    expect(w10?.leadTime).toEqual({ medianHours: 5, p90Hours: 19.3, changes: 4, dropped: 1 })
    // W11: 3 failed of 4
    expect(w11?.changeFailureRate.rate).toBe(0.75)
    // the trend's "deployments per week" and the frequency count the same deployments (1.1):
    // W11 has 4 (1.2.0, 1.2.1, 1.3.0 failed, 1.3.1) on 4 days → 4 per week, daily
    expect(w11?.deploymentFrequency).toEqual({ count: 4, perWeek: 4, class: 'daily', medianDaysPerWeek: 4, medianDaysPerMonth: 4, dailyDeployDays: 3 })
    expect(series.periods.map((p) => p.deploymentFrequency.count)).toEqual(series.periods.map((p) => p.deployments))
    // W12 is clipped by the window to one day (03-16): marked partial, and its 1 deployment is
    // 1 / (7 / 7) = 1 per week over the whole week, not scaled up to 1 / (1 / 7) = 7 (1.1)
    expect(series.periods.map((p) => p.partial)).toEqual([false, false, true])
    expect(w12?.deploymentFrequency).toEqual({ count: 1, perWeek: 1, class: 'weekly', medianDaysPerWeek: 1, medianDaysPerMonth: 1, dailyDeployDays: 3 })
    // FORMAT.md §6's figure keys still hold in each period
    expect(Object.keys(w12 ?? {}).slice(0, 5)).toEqual(['period', 'since', 'until', 'partial', 'deployments'])
  })

  it('should give the same figures per month', () => {
    const result = computeMetrics(corpus, { by: 'month' })
    expect(result.series.periods).toHaveLength(1)
    const [march] = result.series.periods
    expect(march?.period).toBe('2026-03')
    // March clipped to 03-02 → 03-17: partial; 8 over the whole 31 days: 8 / (31 / 7) = 1.806… → 1.81
    // (not 3.73, the rate over the 15 days); weeks of March 02-01 clip: W09 [03-01] 0 days, W10 3,
    // W11 4, W12 1 (03-16), W13 0, W14 [03-30, 03-31] 0 → median of [0, 0, 0, 1, 3, 4] = 0.5 → not weekly;
    // the median month (one, with 8 deploy days) ≥ 1 → monthly
    expect(march?.partial).toBe(true)
    expect(march?.deploymentFrequency).toEqual({ count: 8, perWeek: 1.81, class: 'monthly', medianDaysPerWeek: 0.5, medianDaysPerMonth: 8, dailyDeployDays: 3 })
    expect(march?.deployments).toBe(8)
    expect(march?.leadTime).toEqual(result.leadTime)
    expect(march?.changeFailureRate).toEqual(result.changeFailureRate)
  })

  it('should explain every figure with files, lines and rows', () => {
    const { explain } = computeMetrics(corpus)
    expect(explain.excluded).toEqual([
      { file: 'releases/api/1.5.0.md', line: 8, code: 'cancelled', reason: 'status `cancelled`: never attempted' },
      { file: 'releases/api/1.6.0.md', line: 8, code: 'not-a-deployment-status', reason: 'status `planned` is not a deployment status (not deployed yet)' },
      { file: 'releases/api/staging-1.4.0.md', line: 7, code: 'other-environment', reason: 'environment `staging`: not a production deployment' },
    ])
    // 1.0.0's deployed_at (line 10, 10:30 +01:00 = 09:30 UTC) overrides its timeline's End (10:45 → 09:45 UTC)
    expect(explain.figures.deployments.from.find((e) => e.file === 'releases/api/1.0.0.md')).toMatchObject({
      line: 8,
      detail: 'status `closed`, deployed 2026-03-02T09:30:00.000Z (`deployed_at`)',
      from: [{ in: 'frontmatter', key: 'deployed_at', line: 10 }],
    })
    // 1.1.0 deploys at the Application deployment row (line 36), its change c4 stands on line 17
    expect(explain.figures.deployments.from.find((e) => e.file === 'releases/api/1.1.0.md')?.from).toEqual([
      { in: 'timeline', line: 36, column: 1, text: 'Application deployment: End Time' },
    ])
    expect(explain.figures.leadTime.excluded.find((e) => e.code === 'not-positive')).toEqual({
      file: 'releases/api/1.1.0.md',
      line: 17,
      code: 'not-positive',
      // 14:25 − 23:00 = −8 h 35 min = −8.58 h
      reason: 'change `c4` committed 2026-03-04T23:00:00.000Z, not before its deploy time 2026-03-04T14:25:00.000Z: lead time -8.58 h dropped',
    })
    // 1.2.0 failed because of its Sev2 Issues row (line 38)
    expect(explain.figures.failed.from.find((e) => e.file === 'releases/api/1.2.0.md')).toMatchObject({
      detail: 'failed: Issues Encountered row of severity `Sev2`',
      from: [{ in: 'issues', line: 38 }],
    })
    expect(explain.figures.recoveryTime.from.map((e) => [e.file, e.value])).toEqual([
      ['releases/api/1.2.0.md', 1.5],
      ['releases/api/1.2.1.md', 3],
    ])
    expect(explain.figures.recoveryTime.excluded.map((e) => [e.file, e.code])).toEqual([['releases/api/1.3.0.md', 'unknown-recovery']])
    expect(explain.figures.deploymentDuration.excluded.map((e) => [e.file, e.line, e.code])).toEqual([
      ['releases/api/1.4.0.md', 30, 'unparseable-cell'],
      ['releases/web/2.0.0.md', 8, 'no-duration'],
    ])
  })

  it('should warn about unreadable cells with file, line and column', () => {
    expect(jsonOf(computeMetrics(corpus).warnings)).toEqual([
      {
        file: 'releases/api/1.4.0.md',
        line: 30,
        column: 38, // `| Application deployment | 09:00 | | ` is 37 characters
        rule: 'unreadable-duration',
        severity: 'warning',
        message: 'Unexpected Duration `about an hour` in Deployment Timeline, expected `45m`, `1h 30m`, `PT1H30M` or `01:30`',
      },
    ])
  })

  it('should give null figures with reasons for an empty corpus, never 0', () => {
    const result = computeMetrics([])
    expect(result.window).toEqual({
      since: null,
      until: null,
      days: null,
      from: { since: null, until: null },
      reason: 'no production deployments to measure',
    })
    expect(result.deployments).toBe(0)
    expect(result.failed).toBe(0)
    expect(result.deploymentFrequency).toEqual({ count: 0, perWeek: null, class: null, reason: 'no deployments to measure', medianDaysPerWeek: null, medianDaysPerMonth: null })
    expect(result.leadTime).toEqual({ medianHours: null, p90Hours: null, changes: 0, dropped: 0, reason: 'no deployments to measure' })
    expect(result.changeFailureRate).toEqual({ rate: null, reason: 'no deployments to measure' })
    expect(result.recoveryTime).toEqual({ medianHours: null, known: 0, unknown: 0, reason: 'no deployments to measure' })
    expect(result.rollbackRate).toBeNull()
    expect(result.reworkRate).toBeNull()
    expect(result.deploymentDuration).toEqual({ medianMinutes: null, measured: 0, reason: 'no deployments to measure' })
    expect(Object.keys(result.reasons).sort()).toEqual(
      ['changeFailureRate', 'deploymentDuration', 'deploymentFrequency', 'leadTime', 'recoveryTime', 'reworkRate', 'rollbackRate'],
    )
    expect(result.tiers.leadTime).toMatchObject({ tier: null, reason: 'no deployments to measure' })
    expect(result.series.periods).toEqual([])
  })

  it('should give null figures with reasons for a staging-only corpus', () => {
    const result = computeMetrics(loadCorpus('staging-only'))
    expect(result.deployments).toBe(0)
    expect(result.changeFailureRate).toEqual({ rate: null, reason: 'no deployments to measure' })
    expect(result.reasons.rollbackRate).toBe('no deployments to measure')
    expect(result.explain.excluded.map((item) => item.code)).toEqual(['other-environment', 'other-environment'])
  })

  it('should give null figures with a reason for a window without deployments', () => {
    const result = computeMetrics(corpus, { since: '2026-05-01', until: '2026-06-01' })
    expect(result.window.days).toBe(31)
    expect(result.deployments).toBe(0)
    expect(result.deploymentFrequency).toEqual({ count: 0, perWeek: null, class: null, reason: 'no deployments in the window', medianDaysPerWeek: null, medianDaysPerMonth: null })
    expect(result.explain.excluded.filter((item) => item.code === 'outside-window')).toHaveLength(8)
  })

  it('should read a recovery from the Issues when `restored_at` is not after the deploy time, and warn', () => {
    const failed = record({
      file: 'releases/x.md',
      frontmatter: [
        'environment: production',
        'status: closed',
        'deployed_at: "2026-03-04T10:00:00Z"',
        'restored_at: "2026-03-04T09:00:00Z"',
      ].join('\n'),
      issues: ['| 10:05 | Outage | critical | All users | Rolled forward | 45m |'],
    })
    const result = computeMetrics([failed])
    // restored_at is before deploy time: warned, then the critical row's 45m = 0.75 h
    expect(result.recoveryTime).toEqual({ medianHours: 0.75, known: 1, unknown: 0 })
    expect(result.warnings.map((w) => [w.ruleId, w.line])).toEqual([['restored-before-deploy', 6]])
  })

  it('should leave out a deployment with no deploy time, with the reason', () => {
    const result = computeMetrics([record({ file: 'releases/y.md', frontmatter: 'environment: production\nstatus: deployed' })])
    expect(result.explain.excluded).toEqual([
      {
        file: 'releases/y.md',
        line: 4,
        code: 'no-deploy-time',
        reason: 'no deploy time: no readable `deployed_at`, Deployment Timeline End Time or `scheduled`',
      },
    ])
  })

  it('should reject invalid options with a usage error', () => {
    expect(() => computeMetrics(corpus, { since: 'last week' })).toThrow(MetricsOptionError)
    expect(() => computeMetrics(corpus, { since: '2026-03-10', until: '2026-03-01' })).toThrow(/not before/)
    expect(() => computeMetrics(corpus, { benchmark: 2019 as never })).toThrow(/expected one of 2021, 2022, 2023, 2024/)
    expect(() => computeMetrics(corpus, { by: 'day' as never })).toThrow(MetricsOptionError)
    for (const days of [0, 0.5, 8, Number.NaN, '3' as never]) {
      expect(() => computeMetrics(corpus, { dailyDeployDays: days })).toThrow('expected a number of deploy days per week from 1 to 7')
    }
  })

  it('should be deterministic: the same records give the same result', () => {
    expect(JSON.stringify(computeMetrics(corpus))).toBe(JSON.stringify(computeMetrics(loadCorpus('corpus'))))
  })
})
