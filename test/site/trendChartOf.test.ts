import { describe, expect, it } from 'vitest'
import type { PeriodFigures } from '../../src/core/metrics/types.ts'
import { FIGURES } from '../../src/core/site/figureCatalog.ts'
import { trendChartOf } from '../../src/core/site/trendChartOf.ts'

const frequency = FIGURES.find((f) => f.key === 'deploymentFrequency')!

function period(label: string, count: number, perWeek: number | null): PeriodFigures {
  return { period: label, deploymentFrequency: { count, perWeek, class: null } } as unknown as PeriodFigures
}

describe('trendChartOf', () => {
  it('should chart deployment frequency as every deployment per period, failed ones included, zeros too', () => {
    // The first week is clipped to two days by the window: 1 deployment there is a rate of 3.5 per
    // week, but the chart shows the 1 deployment.
    const chart = trendChartOf(frequency, [period('2026-W41', 1, 3.5), period('2026-W42', 0, 0), period('2026-W43', 2, 2)], 'week')
    expect(chart.title).toBe('Deployments per week')
    expect(chart.labels).toEqual(['2026-W41', '2026-W42', '2026-W43'])
    expect(chart.printed).toEqual(['1', '0', '2'])
    expect(chart.series).toEqual([{ label: 'Deployments', values: [1, 0, 2] }])
  })
})
