/** The lifecycle states of a release record (FORMAT.md §4), in lifecycle order. */
export const STATUSES = [
  'planned',
  'approved',
  'in-progress',
  'deployed',
  'verified',
  'closed',
  'rolled-back',
  'failed',
  'cancelled',
] as const

export type Status = (typeof STATUSES)[number]

/** The linear part of the lifecycle; the others are end states. */
export const LINEAR_STATUSES = ['planned', 'approved', 'in-progress', 'deployed', 'verified', 'closed'] as const

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value)
}
