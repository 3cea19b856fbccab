import { HOURS, type TierTable } from './types.ts'

/**
 * DORA, *2022 Accelerate State of DevOps Report* (Google Cloud), "Software delivery performance"
 * table: the cluster analysis found three clusters — high / medium / low — and no elite cluster.
 * The stability metric is "Time to restore service".
 */
export const DORA_2022: TierTable = {
  year: 2022,
  report: '2022 Accelerate State of DevOps Report (DORA, Google Cloud)',
  url: 'https://dora.dev/research/2022/dora-report/',
  names: {
    deploymentFrequency: 'Deployment frequency',
    leadTime: 'Lead time for changes',
    changeFailureRate: 'Change failure rate',
    recoveryTime: 'Time to restore service',
  },
  tiers: ['high', 'medium', 'low'],
  deploymentFrequency: [
    { tier: 'high', published: 'On-demand (multiple deploys per day)', atLeast: 'daily' },
    { tier: 'medium', published: 'Between once per week and once per month', atLeast: 'monthly' },
    { tier: 'low', published: 'Between once per month and once every 6 months', atLeast: 'semiannual' },
  ],
  leadTime: [
    { tier: 'high', published: 'Between one day and one week', max: HOURS.week, inclusive: true },
    { tier: 'medium', published: 'Between one week and one month', max: HOURS.month, inclusive: true },
    { tier: 'low', published: 'Between one month and six months', max: HOURS.sixMonths, inclusive: true },
  ],
  changeFailureRate: [
    { tier: 'high', published: '0%–15%', max: 0.15, inclusive: true },
    { tier: 'medium', published: '16%–30%', max: 0.3, inclusive: true },
    { tier: 'low', published: '46%–60%', max: 0.6, inclusive: true },
  ],
  recoveryTime: [
    { tier: 'high', published: 'Less than one day', max: HOURS.day, inclusive: false },
    { tier: 'medium', published: 'Between one day and one week', max: HOURS.week, inclusive: true },
    { tier: 'low', published: 'Between one week and one month', max: HOURS.month, inclusive: true },
  ],
  notes: [
    'No elite cluster was published in 2022: the best rating is high.',
    'Stability metric published as "Time to restore service" (MTTR).',
  ],
}
