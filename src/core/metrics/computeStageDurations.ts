import type { ReleaseRecord } from '../record/types.ts'
import { median } from './percentile.ts'
import { readStageReadings, type StageReading, type StageReadingFilter } from './readStageReadings.ts'
import { round } from './round.ts'
import type { StageDuration } from './types.ts'

export interface StageDurationFilter extends StageReadingFilter {
  /** Window bounds (ms) given as options: a stage counts when it ended in [since, until). */
  since?: number | undefined
  until?: number | undefined
}

/** Window bounds (ms) given as options: a stage counts when it ended in [since, until). */
export type StageWindow = Pick<StageDurationFilter, 'since' | 'until'>

/**
 * Per stage of each template, the median actual duration against the expected one: every stage a
 * record of the environment (and component) measured has started and ended (`measureStage`: clock
 * hours and business days), and ended inside the window when `since`/`until` were given (the
 * window derived from deploy times is not applied: a stage such as closure ends after the last
 * deployment). `over` compares the median, in the expected unit, with the expected maximum.
 * Stages come in the order the records (by file) first name them; `from` lists the records.
 */
export function computeStageDurations(records: readonly ReleaseRecord[], filter: StageDurationFilter): StageDuration[] {
  const ordered = [...records].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  return stageDurationsOf(
    ordered.map((record) => readStageReadings(record, filter)),
    filter,
  )
}

/** `computeStageDurations` over the stages already read of each record (`readStageReadings`), records in file order. */
export function stageDurationsOf(records: ReadonlyArray<readonly StageReading[]>, window: StageWindow): StageDuration[] {
  const byStage = new Map<string, StageDuration & { hoursList: number[]; daysList: number[] }>()
  for (const stages of records) {
    for (const time of stages) {
      let entry = byStage.get(time.key)
      if (!entry) {
        entry = { template: time.template, name: time.name, role: time.role, expected: time.expected, count: 0, medianHours: null, medianDays: null, over: null, from: [], hoursList: [], daysList: [] }
        byStage.set(time.key, entry)
      }
      if (time.measured === null) continue
      const { endedAt, ...evidence } = time.measured
      if ((window.since !== undefined && !(endedAt >= window.since)) || (window.until !== undefined && !(endedAt < window.until))) continue
      entry.count++
      entry.hoursList.push(evidence.hours)
      entry.daysList.push(evidence.days)
      entry.from.push(evidence)
    }
  }
  return [...byStage.values()].map(({ hoursList, daysList, ...entry }) => {
    const hours = median(hoursList)
    const days = median(daysList)
    const medianHours = hours === null ? null : round(hours, 2)
    const medianDays = days === null ? null : round(days, 2)
    const measured = entry.expected?.unit === 'hours' ? medianHours : medianDays
    return { ...entry, medianHours, medianDays, over: measured === null || entry.expected === null ? null : measured > entry.expected.max }
  })
}
