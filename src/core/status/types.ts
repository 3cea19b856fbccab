import type { Status } from '../lifecycle/statuses.ts'
import type { GroupRole } from '../record/types.ts'
import type { StageMeasure } from './measureStage.ts'
import type { ActionItem } from '../metrics/readActionItems.ts'

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
  /**
   * The retrospective's action items (the Action Items table; unfilled template rows left out), in
   * table order. An addition to FORMAT.md §6: `[]` when the record has none.
   */
  actionItems: ActionItemProgress[]
}

/**
 * One action item as `status --json` prints it: what `readActionItems` reads, placed by its row's
 * line alone.
 */
export type ActionItemProgress = Omit<ActionItem, 'column'>
