import { HOURS, type TierTable } from './types.ts'

/**
 * DORA, *Accelerate State of DevOps Report 2024* (Google Cloud), "Software delivery performance
 * levels": elite / high / medium / low, with the 2023 metric names ("Change lead time", "Change fail
 * rate", "Failed deployment recovery time"). The levels are not ordered on every metric: medium's
 * change fail rate (10%) is lower than high's (20%), and high and medium share "Less than one day"
 * of recovery time. The report also discusses rework rate, but publishes no levels for it.
 */
export const DORA_2024: TierTable = {
  year: 2024,
  report: 'Accelerate State of DevOps Report 2024 (DORA, Google Cloud)',
  url: 'https://dora.dev/research/2024/dora-report/',
  names: {
    deploymentFrequency: 'Deployment frequency',
    leadTime: 'Change lead time',
    changeFailureRate: 'Change fail rate',
    recoveryTime: 'Failed deployment recovery time',
  },
  tiers: ['elite', 'high', 'medium', 'low'],
  deploymentFrequency: [
    { tier: 'elite', published: 'On demand (multiple deploys per day)', atLeast: 'daily' },
    { tier: 'high', published: 'Between once per day and once per week', atLeast: 'weekly' },
    { tier: 'medium', published: 'Between once per week and once per month', atLeast: 'monthly' },
    { tier: 'low', published: 'Between once per month and once every six months', atLeast: 'semiannual' },
  ],
  leadTime: [
    { tier: 'elite', published: 'Less than one day', max: HOURS.day, inclusive: false },
    { tier: 'high', published: 'Between one day and one week', max: HOURS.week, inclusive: true },
    { tier: 'medium', published: 'Between one week and one month', max: HOURS.month, inclusive: true },
    { tier: 'low', published: 'Between one month and six months', max: HOURS.sixMonths, inclusive: true },
  ],
  changeFailureRate: [
    { tier: 'elite', published: '5%', max: 0.05, inclusive: true },
    { tier: 'high', published: '20%', max: 0.2, inclusive: true },
    { tier: 'medium', published: '10%', max: 0.1, inclusive: true },
    { tier: 'low', published: '40%', max: 0.4, inclusive: true },
  ],
  recoveryTime: [
    { tier: 'elite', published: 'Less than one hour', max: HOURS.hour, inclusive: false },
    { tier: 'high', published: 'Less than one day', max: HOURS.day, inclusive: false },
    { tier: 'medium', published: 'Less than one day', max: HOURS.day, inclusive: false },
    { tier: 'low', published: 'Between one week and one month', max: HOURS.month, inclusive: true },
  ],
  notes: [
    'Metric names as in 2023: "Change lead time", "Change fail rate", "Failed deployment recovery time" (not MTTR).',
    'Change fail rates are published as one figure per level; each is read as "at most". Medium (10%) is below high (20%), so a rate rated by the first level it meets is never medium.',
    'High and medium share "Less than one day" of recovery time; a recovery between one day and one week is in no band and is rated low.',
    'Rework rate is discussed in the report but has no published levels; shiplog does not rate it.',
  ],
}
