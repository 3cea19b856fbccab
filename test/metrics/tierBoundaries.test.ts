import { describe, expect, it } from 'vitest'
import { rateTiers, rateUpper } from '../../src/core/metrics/rateTiers.ts'
import { DORA_TIERS } from '../../src/core/metrics/tiers/doraTiers.ts'
import type { BenchmarkYear, Figures, Tier } from '../../src/core/metrics/types.ts'

// Every value below sits exactly on, or just past, an edge of a published band. The expected tier
// is read from the report's wording, not from the code: "less than one hour" excludes 1 h,
// "between one day and one week" includes 24 h and 168 h, a single published rate (2023–2024)
// is "at most", and a value in a gap between two bands goes to the worse neighbour.
// Units: a day is 24 h, a week 168 h, a month 720 h (30 days), six months 4320 h (180 days).
type Case = [value: number, tier: Tier, within: boolean, why: string]

const LEAD_TIME: { [year in BenchmarkYear]: Case[] } = {
  2021: [
    [0.99, 'elite', true, 'less than one hour'],
    [1, 'high', true, '"less than one hour" excludes 1 h; 1 h–1 day is a gap → the worse neighbour, high'],
    [24, 'high', true, '"between one day and one week" includes one day'],
    [168, 'high', true, '"between one day and one week" includes one week'],
    [168.01, 'medium', true, 'one week–one month is a gap → medium (between one month and six months)'],
    [720, 'medium', true, 'one month is in "between one month and six months"'],
    [4320, 'medium', true, 'six months is in "between one month and six months"'],
    [4320.01, 'low', true, '"more than six months"'],
  ],
  2022: [
    [1, 'high', true, 'better than every band → the best published, high ("between one day and one week")'],
    [24, 'high', true, 'one day'],
    [168, 'high', true, 'one week is in "between one day and one week"'],
    [168.01, 'medium', true, '"between one week and one month"'],
    [720, 'medium', true, 'one month is in "between one week and one month"'],
    [720.01, 'low', true, '"between one month and six months"'],
    [4320, 'low', true, 'six months is in "between one month and six months"'],
    [4320.01, 'low', false, 'beyond every band'],
  ],
  2023: [
    [23.99, 'elite', true, 'less than one day'],
    [24, 'high', true, '"less than one day" excludes 24 h'],
    [168, 'high', true, 'one week is in "between one day and one week"'],
    [168.01, 'medium', true, 'medium and low share "between one week and one month": the better, medium'],
    [720, 'medium', true, 'one month is in "between one week and one month"'],
    [720.01, 'low', false, 'beyond every band'],
  ],
  2024: [
    [23.99, 'elite', true, 'less than one day'],
    [24, 'high', true, '"less than one day" excludes 24 h'],
    [168, 'high', true, 'one week'],
    [168.01, 'medium', true, '"between one week and one month"'],
    [720, 'medium', true, 'one month'],
    [720.01, 'low', true, '"between one month and six months"'],
    [4320, 'low', true, 'six months'],
    [4320.01, 'low', false, 'beyond every band'],
  ],
}

const RECOVERY: { [year in BenchmarkYear]: Case[] } = {
  2021: [
    [0.99, 'elite', true, 'less than one hour'],
    [1, 'high', true, '"less than one hour" excludes 1 h → "less than one day"'],
    [23.99, 'high', true, 'less than one day'],
    [24, 'medium', true, '"less than one day" excludes 24 h → "between one day and one week"'],
    [168, 'medium', true, 'one week is in "between one day and one week"'],
    [168.01, 'low', true, 'one week–six months is a gap → low ("more than six months")'],
  ],
  2022: [
    [23.99, 'high', true, 'less than one day'],
    [24, 'medium', true, '"between one day and one week"'],
    [168, 'medium', true, 'one week'],
    [168.01, 'low', true, '"between one week and one month"'],
    [720, 'low', true, 'one month'],
    [720.01, 'low', false, 'beyond every band'],
  ],
  2023: [
    [1, 'high', true, '"less than one hour" excludes 1 h'],
    [24, 'medium', true, '"less than one day" excludes 24 h'],
    [168, 'medium', true, 'one week'],
    [168.01, 'low', true, 'one week–one month is a gap → low ("between one month and six months")'],
    [4320, 'low', true, 'six months'],
    [4320.01, 'low', false, 'beyond every band'],
  ],
  2024: [
    [0.99, 'elite', true, 'less than one hour'],
    [1, 'high', true, 'high and medium share "less than one day": the better, high'],
    [23.99, 'high', true, 'less than one day'],
    [24, 'low', true, 'one day–one week is in no band → the worse neighbour, low ("between one week and one month")'],
    [168, 'low', true, 'one week'],
    [720, 'low', true, 'one month'],
    [720.01, 'low', false, 'beyond every band'],
  ],
}

const CHANGE_FAILURE_RATE: { [year in BenchmarkYear]: Case[] } = {
  2021: [
    [0.15, 'elite', true, '0%–15% includes 15%'],
    [0.155, 'high', true, '15%–16% is a gap → the worse side (DevLake: ≤ 20% high)'],
    [0.16, 'high', true, 'DevLake split: 16%–20% high'],
    [0.2, 'high', true, '16%–20% includes 20%'],
    [0.204, 'medium', true, '20%–21% is a gap → the worse side (DevLake: ≤ 30% medium)'],
    [0.21, 'medium', true, 'DevLake split: 21%–30% medium'],
    [0.3, 'medium', true, '21%–30% includes 30%'],
    [0.3001, 'low', true, 'DevLake split: > 30% low'],
  ],
  2022: [
    [0.15, 'high', true, '0%–15% includes 15%'],
    [0.155, 'medium', true, '15%–16% is a gap → medium (16%–30%)'],
    [0.3, 'medium', true, '16%–30% includes 30%'],
    [0.304, 'low', true, '30.4%: past medium\'s 30% → low (46%–60%)'],
    [0.31, 'low', true, '30%–46% is a gap → low (46%–60%)'],
    [0.6, 'low', true, '46%–60% includes 60%'],
    [0.6001, 'low', false, 'beyond every band'],
  ],
  2023: [
    [0.05, 'elite', true, 'at most 5%'],
    [0.0501, 'high', true, 'at most 10%'],
    [0.1, 'high', true, 'at most 10%'],
    [0.104, 'medium', true, '10.4%: past high\'s 10% → medium (at most 15%)'],
    [0.15, 'medium', true, 'at most 15%'],
    [0.155, 'low', true, 'at most 64%'],
    [0.64, 'low', true, 'at most 64%'],
    [0.6401, 'low', false, 'beyond every band'],
  ],
  2024: [
    [0.05, 'elite', true, 'at most 5%'],
    [0.08, 'high', true, 'meets high (≤ 20%) and medium (≤ 10%): the better, high'],
    [0.1, 'high', true, 'meets high and medium: the better, high'],
    [0.2, 'high', true, 'at most 20%'],
    [0.204, 'low', true, 'at most 40%'],
    [0.4, 'low', true, 'at most 40%'],
    [0.4001, 'low', false, 'beyond every band'],
  ],
}

const YEARS: BenchmarkYear[] = [2021, 2022, 2023, 2024]

describe('tier boundaries, by report year', () => {
  for (const year of YEARS) {
    for (const [metric, cases] of [
      ['leadTime', LEAD_TIME[year]],
      ['recoveryTime', RECOVERY[year]],
      ['changeFailureRate', CHANGE_FAILURE_RATE[year]],
    ] as const) {
      it.each(cases)(`${year} ${metric}: %s → %s (within %s): %s`, (value, tier, within) => {
        const match = rateUpper(DORA_TIERS[year][metric], value)
        expect([match.band.tier, match.within]).toEqual([tier, within])
      })
    }
  }
})

function figures(rate: number | null, lead: number | null = null, recovery: number | null = null): Figures {
  return {
    deployments: 10,
    failed: 1,
    deploymentFrequency: { count: 10, perWeek: 5, class: 'weekly' },
    leadTime: lead === null ? { medianHours: null, p90Hours: null, changes: 0, dropped: 0, reason: 'no changes' } : { medianHours: lead, p90Hours: lead, changes: 1, dropped: 0 },
    changeFailureRate: rate === null ? { rate: null, reason: 'none' } : { rate },
    recoveryTime: recovery === null ? { medianHours: null, known: 0, unknown: 0, reason: 'none' } : { medianHours: recovery, known: 1, unknown: 0 },
    rollbackRate: 0,
    reworkRate: 0,
    deploymentDuration: { medianMinutes: null, measured: 0, reason: 'none' },
    reasons: {},
  }
}

describe('the edge and the tie rule of a rating', () => {
  it("should say 2021's 16%–30% is split as Apache DevLake splits it, and which part the rate is in", () => {
    const rating = rateTiers(figures(0.18), 14, 2021).changeFailureRate
    expect(rating).toMatchObject({ tier: 'high', band: '16%–30%', within: true, edge: '≤ 20%', split: '16%–20%' })
    expect(rating.tie).toBe("16%–30% is published for high, medium and low; split as Apache DevLake's 2021 benchmark: 16%–20% high, 21%–30% medium, > 30% low")
    expect(rateTiers(figures(0.25), 14, 2021).changeFailureRate).toMatchObject({ tier: 'medium', edge: '≤ 30%' })
    // 42.86%: past 30% → low, within DevLake's "> 30%" (before the split: low, beyond every band)
    expect(rateTiers(figures(0.4286), 14, 2021).changeFailureRate).toMatchObject({ tier: 'low', within: true, edge: '> 30%' })
  })

  it('should say a band shared without a peer split gives the best tier the value meets', () => {
    const cfr = rateTiers(figures(0.08), 14, 2024).changeFailureRate
    expect(cfr).toMatchObject({ tier: 'high', band: '20%', edge: '≤ 20%' })
    expect(cfr.tie).toBe('the value meets the published bands of high (≤ 20%) and medium (≤ 10%): the best of them is given')
    const recovery = rateTiers(figures(null, null, 5), 14, 2024).recoveryTime
    expect(recovery).toMatchObject({ tier: 'high', edge: '< 24 h' })
    expect(recovery.tie).toBe('the value meets the published bands of high (< 24 h) and medium (< 24 h): the best of them is given')
    const lead = rateTiers(figures(null, 200), 14, 2023).leadTime
    expect(lead).toMatchObject({ tier: 'medium', edge: '≤ 720 h' })
    expect(lead.tie).toBe('the value meets the published bands of medium (≤ 720 h) and low (≤ 720 h): the best of them is given')
    // 2023 frequency: medium and low share "between once per week and once per month"
    const frequency = rateTiers({ ...figures(null), deploymentFrequency: { count: 3, perWeek: 0.5, class: 'monthly' } }, 42, 2023).deploymentFrequency
    expect(frequency).toMatchObject({ tier: 'medium', edge: 'at least monthly' })
    expect(frequency.tie).toBe('Between once per week and once per month is published for medium and low: the best of them is given')
  })

  it('should give no tie rule where one tier alone is met, and the edge passed when beyond every band', () => {
    const inside = rateTiers(figures(0.05), 14, 2024).changeFailureRate
    expect(inside.edge).toBe('≤ 5%')
    expect(inside.tie).toBeUndefined()
    expect(rateTiers(figures(0.7), 14, 2022).changeFailureRate).toMatchObject({ tier: 'low', within: false, edge: '> 60%' })
    expect(rateTiers(figures(null, 5000), 14, 2023).leadTime).toMatchObject({ tier: 'low', within: false, edge: '> 720 h' })
  })
})
