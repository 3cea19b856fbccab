import type { Status } from '../lifecycle/statuses.ts'
import type { GroupRole } from '../record/types.ts'
import type { StageMeasure } from './measureStage.ts'

/** Progress of one group; `done`/`total` exclude not-applicable items. */
export interface GroupProgress {
  name: string
  role: GroupRole
  done: number
  total: number
  /** False when the group does not count: a trigger group, or a conditional group whose condition does not hold. */
  counted: boolean
  /** True when the record's status requires the group to be complete (its gate is reached). */
  required: boolean
}

/**
 * Progress of one stage. A stage the template gives a role or an expected duration, or the record
 * times (frontmatter `stages:`), also has the keys of `StageMeasure`: `role`, `expected`, `actual`,
 * `over`, `overdue` (additions to FORMAT.md §6).
 */
export interface StageProgress extends Partial<StageMeasure> {
  name: string
  done: number
  total: number
  groups: GroupProgress[]
}

/** Progress of one record, shaped as `shiplog status --json` prints it (FORMAT.md §6). */
export interface RecordProgress {
  file: string
  version: string | null
  /** The lifecycle status, normalised (`Closed` is `closed`); null when missing or unknown. */
  status: Status | null
  done: number
  total: number
  stages: StageProgress[]
  triggers: { fired: number; total: number }
}
