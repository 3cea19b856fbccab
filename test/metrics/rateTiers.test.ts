import { describe, expect, it } from 'vitest'
import { frequencyLevel, rateFrequency, rateTiers, rateUpper } from '../../src/core/metrics/rateTiers.ts'
import { BENCHMARK_YEARS, DORA_TIERS } from '../../src/core/metrics/tiers/doraTiers.ts'
import type { Figures } from '../../src/core/metrics/types.ts'

function figures(values: { perWeek?: number; count?: number; frequency?: Figures['deploymentFrequency']['class']; lead?: number | null; rate?: number | null; recovery?: number | null }): Figures {
  return {
    deployments: 10,
    failed: 1,
    deploymentFrequency: { count: values.count ?? 10, perWeek: values.perWeek ?? 2, class: values.frequency ?? 'weekly' },
    leadTime: values.lead === null ? { medianHours: null, p90Hours: null, changes: 0, dropped: 0, reason: 'no changes' } : { medianHours: values.lead ?? 5, p90Hours: 10, changes: 3, dropped: 0 },
    changeFailureRate: values.rate === null ? { rate: null, reason: 'none' } : { rate: values.rate ?? 0.1 },
    recoveryTime: values.recovery === null ? { medianHours: null, known: 0, unknown: 1, reason: 'recovery time unknown for all 1 failed deployment' } : { medianHours: values.recovery ?? 2, known: 1, unknown: 0 },
    rollbackRate: 0,
    reworkRate: 0,
    deploymentDuration: { medianMinutes: 30, measured: 1 },
    reasons: {},
  }
}

describe('rateTiers', () => {
  it('should rate each key figure against the 2024 table by default, with the year', () => {
    const tiers = rateTiers(figures({ frequency: 'daily', lead: 5, rate: 0.05, recovery: 0.5 }), 14)
    expect(tiers.year).toBe(2024)
    // daily → on demand; 5 h < one day; 5% ≤ 5%; 30 min < one hour
    expect([tiers.deploymentFrequency.tier, tiers.leadTime.tier, tiers.changeFailureRate.tier, tiers.recoveryTime.tier]).toEqual(['elite', 'elite', 'elite', 'elite'])
    expect(tiers.recoveryTime.metric).toBe('Failed deployment recovery time')
    expect(tiers.leadTime.band).toBe('Less than one day')
  })

  it('should name the stability metric as each report does', () => {
    expect(rateTiers(figures({}), 14, 2021).recoveryTime.metric).toBe('Time to restore service')
    expect(rateTiers(figures({}), 14, 2022).recoveryTime.metric).toBe('Time to restore service')
    expect(rateTiers(figures({}), 14, 2023).recoveryTime.metric).toBe('Failed deployment recovery time')
  })

  it('should never rate elite in 2022, which published high, medium and low only', () => {
    const tiers = rateTiers(figures({ frequency: 'daily', lead: 0.5, rate: 0, recovery: 0.1 }), 14, 2022)
    expect([tiers.deploymentFrequency.tier, tiers.leadTime.tier, tiers.changeFailureRate.tier, tiers.recoveryTime.tier]).toEqual(['high', 'high', 'high', 'high'])
  })

  it('should leave a null figure unrated, with its reason', () => {
    const tiers = rateTiers(figures({ recovery: null }), 14)
    expect(tiers.recoveryTime.tier).toBeNull()
    expect(tiers.recoveryTime.reason).toBe('recovery time unknown for all 1 failed deployment')
  })
})

describe('rateUpper', () => {
  it('should honour "less than" as exclusive and "between" as inclusive', () => {
    const lead2024 = DORA_TIERS[2024].leadTime
    expect(rateUpper(lead2024, 23.99).band.tier).toBe('elite')
    expect(rateUpper(lead2024, 24).band.tier).toBe('high') // "less than one day" excludes 24 h
    expect(rateUpper(lead2024, 168).band.tier).toBe('high') // "between one day and one week" includes 168 h
    expect(rateUpper(lead2024, 168.01).band.tier).toBe('medium')
  })

  it('should give a value in a gap between bands the worse neighbour', () => {
    // 2021: elite < 1 h, high 1 day–1 week: 5 h is in the gap → high
    expect(rateUpper(DORA_TIERS[2021].leadTime, 5).band.tier).toBe('high')
    // 2024 recovery: high and medium < 1 day, low 1 week–1 month: 2 days (48 h) → low
    expect(rateUpper(DORA_TIERS[2024].recoveryTime, 48).band.tier).toBe('low')
  })

  it('should give a value worse than every band the lowest tier, not within', () => {
    // 2022 change failure rate: the last band ends at 60%; 70% is beyond it
    const match = rateUpper(DORA_TIERS[2022].changeFailureRate, 0.7)
    expect(match.band.tier).toBe('low')
    expect(match.within).toBe(false)
    // 2022: 30%–46% is a gap → low (46%–60%), within
    expect(rateUpper(DORA_TIERS[2022].changeFailureRate, 0.375)).toMatchObject({ band: { tier: 'low' }, within: true })
  })

  it('should read 2024 change fail rates as "at most": 8% meets high (20%) before medium (10%)', () => {
    expect(rateUpper(DORA_TIERS[2024].changeFailureRate, 0.08).band.tier).toBe('high')
    expect(rateUpper(DORA_TIERS[2024].changeFailureRate, 0.375).band.tier).toBe('low') // ≤ 40%
  })
})

describe('rateFrequency', () => {
  it('should admit a level in every band whose less frequent edge it reaches', () => {
    const df2021 = DORA_TIERS[2021].deploymentFrequency
    expect(rateFrequency(df2021, 'daily').band.tier).toBe('elite')
    expect(rateFrequency(df2021, 'weekly').band.tier).toBe('high') // "between once per week and once per month"
    expect(rateFrequency(df2021, 'monthly').band.tier).toBe('high')
    expect(rateFrequency(df2021, 'semiannual').band.tier).toBe('medium')
    expect(rateFrequency(df2021, 'rarer').band.tier).toBe('low')
    const df2024 = DORA_TIERS[2024].deploymentFrequency
    expect(rateFrequency(df2024, 'weekly').band.tier).toBe('high')
    expect(rateFrequency(df2024, 'monthly').band.tier).toBe('medium')
    expect(rateFrequency(df2024, 'rarer')).toMatchObject({ band: { tier: 'low' }, within: false })
  })
})

describe('frequencyLevel', () => {
  it('should split a yearly class on one deployment per 180 days', () => {
    // 1 deployment in 90 days: 1 × 180 / 90 = 2 ≥ 1 → semiannual
    expect(frequencyLevel('yearly', 1, 90)).toBe('semiannual')
    // 1 deployment in 365 days: 180 / 365 < 1 → rarer
    expect(frequencyLevel('yearly', 1, 365)).toBe('rarer')
    expect(frequencyLevel('weekly', 1, 365)).toBe('weekly')
  })
})

describe('DORA_TIERS', () => {
  it('should keep 2021 to 2024, each with its report and URL', () => {
    expect(BENCHMARK_YEARS).toEqual([2021, 2022, 2023, 2024])
    for (const year of BENCHMARK_YEARS) {
      const table = DORA_TIERS[year]
      expect(table.year).toBe(year)
      expect(table.report).toMatch(/State of DevOps/)
      expect(table.url).toMatch(/^https:\/\/dora\.dev\/research\/\d{4}\//)
    }
  })

  it('should list, for every metric, one band per published tier, best first', () => {
    for (const year of BENCHMARK_YEARS) {
      const table = DORA_TIERS[year]
      for (const bands of [table.deploymentFrequency, table.leadTime, table.changeFailureRate, table.recoveryTime]) {
        expect(bands.map((band) => band.tier)).toEqual([...table.tiers])
      }
    }
    expect(DORA_TIERS[2022].tiers).toEqual(['high', 'medium', 'low'])
  })
})
