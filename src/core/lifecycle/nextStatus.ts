import { LINEAR_STATUSES, type Status } from './statuses.ts'

/**
 * The status a record moves to next along the linear lifecycle (FORMAT.md §4): `planned` →
 * `approved` → `in-progress` → `deployed` → `verified` → `closed`. Null after `closed`, for the
 * end states (`rolled-back`, `failed`, `cancelled`) and for no status.
 */
export function nextStatus(status: Status | null): Status | null {
  if (status === null) return null
  const index = (LINEAR_STATUSES as readonly Status[]).indexOf(status)
  return index === -1 ? null : (LINEAR_STATUSES[index + 1] ?? null)
}
