import { HOURS, type TierTable } from './types.ts'

/** Who splits 2021's shared change failure rate band (docs/metrics.md cites the file and commit). */
const DEVLAKE_2021 = "Apache DevLake's 2021 benchmark"

/**
 * DORA, *Accelerate State of DevOps 2021* (Google Cloud), "Software delivery performance" table:
 * four clusters, elite / high / medium / low. The stability metric is named "Time to restore
 * service" (renamed "Failed deployment recovery time" in 2023). The change failure rate bands of
 * high, medium and low are the same published range, 16%–30%, split as Apache DevLake splits it.
 */
export const DORA_2021: TierTable = {
  year: 2021,
  report: 'Accelerate State of DevOps 2021 (DORA, Google Cloud)',
  url: 'https://dora.dev/research/2021/dora-report/',
  names: {
    deploymentFrequency: 'Deployment frequency',
    leadTime: 'Lead time for changes',
    changeFailureRate: 'Change failure rate',
    recoveryTime: 'Time to restore service',
  },
  tiers: ['elite', 'high', 'medium', 'low'],
  deploymentFrequency: [
    { tier: 'elite', published: 'On-demand (multiple deploys per day)', atLeast: 'daily' },
    { tier: 'high', published: 'Between once per week and once per month', atLeast: 'monthly' },
    { tier: 'medium', published: 'Between once per month and once every 6 months', atLeast: 'semiannual' },
    { tier: 'low', published: 'Fewer than once per six months', atLeast: 'rarer' },
  ],
  leadTime: [
    { tier: 'elite', published: 'Less than one hour', max: HOURS.hour, inclusive: false },
    { tier: 'high', published: 'Between one day and one week', max: HOURS.week, inclusive: true },
    { tier: 'medium', published: 'Between one month and six months', max: HOURS.sixMonths, inclusive: true },
    { tier: 'low', published: 'More than six months', max: null, inclusive: true },
  ],
  // 16%–30% is published for high, medium and low alike; the tie is broken by Apache DevLake's
  // split of the 2021 table (0–15% elite, 16%–20% high, 21%–30% medium, > 30% low), read from
  // its DORA dashboard (grafana/dashboards/DORA.json: `<= .15`, `<= .20`, `<= .30`, `> .30`).
  changeFailureRate: [
    { tier: 'elite', published: '0%–15%', max: 0.15, inclusive: true },
    { tier: 'high', published: '16%–30%', max: 0.3, inclusive: true, split: { published: '16%–20%', max: 0.2, inclusive: true, source: DEVLAKE_2021 } },
    { tier: 'medium', published: '16%–30%', max: 0.3, inclusive: true, split: { published: '21%–30%', max: 0.3, inclusive: true, source: DEVLAKE_2021 } },
    { tier: 'low', published: '16%–30%', max: 0.3, inclusive: true, split: { published: '> 30%', max: null, inclusive: true, source: DEVLAKE_2021 } },
  ],
  recoveryTime: [
    { tier: 'elite', published: 'Less than one hour', max: HOURS.hour, inclusive: false },
    { tier: 'high', published: 'Less than one day', max: HOURS.day, inclusive: false },
    { tier: 'medium', published: 'Between one day and one week', max: HOURS.week, inclusive: true },
    { tier: 'low', published: 'More than six months', max: null, inclusive: true },
  ],
  notes: [
    'Stability metric published as "Time to restore service" (MTTR), not "Failed deployment recovery time".',
    "High, medium and low share the change failure rate band 16%–30%; the tie is broken by Apache DevLake's split: 16%–20% high, 21%–30% medium, > 30% low (a rate between 15% and 16%, or 20% and 21%, goes to the worse side).",
  ],
}
