import { LINEAR_STATUSES, type Status } from './statuses.ts'

const rank = (status: Status): number => (LINEAR_STATUSES as readonly string[]).indexOf(status)

/**
 * Whether a group gated at `gate` must be complete when a record is at `status` (FORMAT.md §4).
 *
 * - A linear status requires every gate at it or at an earlier linear state.
 * - `rolled-back` and `failed` require what `in-progress` requires, plus gates at themselves.
 * - `cancelled` requires nothing; a gate at `cancelled` is never required.
 */
export function isGateRequired(gate: Status, status: Status): boolean {
  if (status === 'cancelled' || gate === 'cancelled') return false
  if (status === 'rolled-back' || status === 'failed') {
    if (gate === status) return true
    const gateRank = rank(gate)
    return gateRank !== -1 && gateRank <= rank('in-progress')
  }
  const gateRank = rank(gate)
  return gateRank !== -1 && gateRank <= rank(status)
}
