import { HOURS, type TierTable } from './types.ts'

/**
 * DORA, *Accelerate State of DevOps Report 2023* (Google Cloud), "Software delivery performance
 * levels": elite / high / medium / low. The report renamed "Time to restore service" to "Failed
 * deployment recovery time" and "Lead time for changes" to "Change lead time", and publishes one
 * change failure rate per level (5%, 10%, 15%, 64%) rather than ranges. Medium and low share the
 * deployment frequency and lead time bands.
 */
export const DORA_2023: TierTable = {
  year: 2023,
  report: 'Accelerate State of DevOps Report 2023 (DORA, Google Cloud)',
  url: 'https://dora.dev/research/2023/dora-report/',
  names: {
    deploymentFrequency: 'Deployment frequency',
    leadTime: 'Change lead time',
    changeFailureRate: 'Change failure rate',
    recoveryTime: 'Failed deployment recovery time',
  },
  tiers: ['elite', 'high', 'medium', 'low'],
  deploymentFrequency: [
    { tier: 'elite', published: 'On demand', atLeast: 'daily' },
    { tier: 'high', published: 'Between once per day and once per week', atLeast: 'weekly' },
    { tier: 'medium', published: 'Between once per week and once per month', atLeast: 'monthly' },
    { tier: 'low', published: 'Between once per week and once per month', atLeast: 'monthly' },
  ],
  leadTime: [
    { tier: 'elite', published: 'Less than one day', max: HOURS.day, inclusive: false },
    { tier: 'high', published: 'Between one day and one week', max: HOURS.week, inclusive: true },
    { tier: 'medium', published: 'Between one week and one month', max: HOURS.month, inclusive: true },
    { tier: 'low', published: 'Between one week and one month', max: HOURS.month, inclusive: true },
  ],
  changeFailureRate: [
    { tier: 'elite', published: '5%', max: 0.05, inclusive: true },
    { tier: 'high', published: '10%', max: 0.1, inclusive: true },
    { tier: 'medium', published: '15%', max: 0.15, inclusive: true },
    { tier: 'low', published: '64%', max: 0.64, inclusive: true },
  ],
  recoveryTime: [
    { tier: 'elite', published: 'Less than one hour', max: HOURS.hour, inclusive: false },
    { tier: 'high', published: 'Less than one day', max: HOURS.day, inclusive: false },
    { tier: 'medium', published: 'Between one day and one week', max: HOURS.week, inclusive: true },
    { tier: 'low', published: 'Between one month and six months', max: HOURS.sixMonths, inclusive: true },
  ],
  notes: [
    'Stability metric renamed "Failed deployment recovery time" (was "Time to restore service", MTTR).',
    'Change failure rates are published as one figure per level; each is read as "at most".',
    'Medium and low share the deployment frequency and lead time bands: by those two metrics alone a team is never rated low unless it is outside every band.',
  ],
}
