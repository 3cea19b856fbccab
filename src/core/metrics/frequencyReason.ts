import type { DeploymentFrequency } from './types.ts'

/** `3.5 deploy days in the median week` (daily, weekly) or `… in the median month` (monthly, yearly). */
export function frequencyReason(frequency: DeploymentFrequency): string {
  const days = (n: number): string => `${n} deploy day${n === 1 ? '' : 's'}`
  return frequency.class === 'daily' || frequency.class === 'weekly'
    ? `${days(frequency.medianDaysPerWeek ?? 0)} in the median week`
    : `${days(frequency.medianDaysPerWeek ?? 0)} in the median week, ${days(frequency.medianDaysPerMonth ?? 0)} in the median month`
}
