import { readActionItems } from '../metrics/readActionItems.ts'
import { normalizeName } from '../record/normalizeName.ts'
import type { ReleaseRecord, StageTime } from '../record/types.ts'
import { measureStage } from './measureStage.ts'
import type { ActionItemProgress, GroupProgress, RecordProgress, StageProgress } from './types.ts'

export interface ProgressOptions {
  /** Today's date, `YYYY-MM-DD`, for overdue action items; without it none is overdue. */
  today?: string
  /** The caller's clock: a stage started and still running past its expected maximum at `now` is `overdue`. */
  now?: Date
}

/**
 * Progress of a record per FORMAT.md §3: task and sign-off groups count, conditional groups count
 * only while their condition holds, trigger items never count (a checked trigger has fired), and
 * not-applicable items count neither as done nor as open. The status and each group's `required`
 * are the record's own (`ReleaseRecord.status`, `Group.required`). Each stage the template plans
 * or the record times also gets its role and expected duration against its actual times
 * (`measureStage`). Action items are read by `readActionItems`, overdue on `options.today`.
 */
export function computeProgress(record: ReleaseRecord, options: ProgressOptions = {}): RecordProgress {
  const times = new Map<string, StageTime>()
  for (const time of record.stageTimes ?? []) times.set(normalizeName(time.name), time)
  let done = 0
  let total = 0
  let fired = 0
  let triggers = 0
  const stages: StageProgress[] = record.stages.map((stage) => {
    let stageDone = 0
    let stageTotal = 0
    const groups: GroupProgress[] = stage.groups.map((group) => {
      const applicable = group.items.filter((item) => !item.notApplicable)
      const groupDone = applicable.filter((item) => item.checked).length
      const counted = group.role !== 'trigger' && group.active
      if (group.role === 'trigger') {
        fired += groupDone
        triggers += applicable.length
      } else if (counted) {
        stageDone += groupDone
        stageTotal += applicable.length
      }
      return { name: group.name, role: group.role, done: groupDone, total: applicable.length, counted, required: group.required }
    })
    done += stageDone
    total += stageTotal
    const time = times.get(normalizeName(stage.name))
    return { name: stage.name, done: stageDone, total: stageTotal, groups, ...(time ? measureStage(time, options.now) : {}) }
  })
  const { version } = record.frontmatter.data
  return {
    file: record.file,
    version: typeof version === 'string' ? version : null,
    status: record.status,
    done,
    total,
    stages,
    triggers: { fired, total: triggers },
    actionItems: readActionItems(record, options.today ?? null).map(
      ({ action, owner, due, priority, status, open, overdue, line }): ActionItemProgress => ({ action, owner, due, priority, status, open, overdue, line }),
    ),
  }
}
