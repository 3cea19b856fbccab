import { readDateTime } from '../record/dateTime.ts'
import { normalizeName } from '../record/normalizeName.ts'
import { readKeyword } from '../record/readKeyword.ts'
import type { ReleaseRecord } from '../record/types.ts'
import { measureStage } from '../status/measureStage.ts'
import { median } from './percentile.ts'
import { round } from './round.ts'
import type { StageDuration } from './types.ts'

export interface StageDurationFilter {
  /** Lower-cased environment the records must target. */
  environment: string
  /** Lower-cased component, or null for every component. */
  component: string | null
  /** Window bounds (ms) given as options: a stage counts when it ended in [since, until). */
  since?: number | undefined
  until?: number | undefined
}

/**
 * Per stage of each template, the median actual duration against the expected one: every stage a
 * record of the environment (and component) measured has started and ended (`measureStage`: clock
 * hours and business days), and ended inside the window when `since`/`until` were given (the
 * window derived from deploy times is not applied: a stage such as closure ends after the last
 * deployment). `over` compares the median, in the expected unit, with the expected maximum.
 * Stages come in the order the records (by file) first name them; `from` lists the records.
 */
export function computeStageDurations(records: readonly ReleaseRecord[], filter: StageDurationFilter): StageDuration[] {
  const byStage = new Map<string, StageDuration & { hoursList: number[]; daysList: number[] }>()
  const ordered = [...records].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  for (const record of ordered) {
    if (readKeyword(record, 'environment') !== filter.environment) continue
    if (filter.component !== null && readKeyword(record, 'component') !== filter.component) continue
    for (const time of record.stageTimes ?? []) {
      const key = `${record.template}\u0000${normalizeName(time.name)}`
      let entry = byStage.get(key)
      if (!entry) {
        entry = { template: record.template, name: time.name, role: time.role, expected: time.expected, count: 0, medianHours: null, medianDays: null, over: null, from: [], hoursList: [], daysList: [] }
        byStage.set(key, entry)
      }
      const { actual } = measureStage(time)
      if (actual.hours === null || actual.days === null || actual.ended === null) continue
      const ended = readDateTime(actual.ended)?.date.getTime() ?? NaN
      if ((filter.since !== undefined && !(ended >= filter.since)) || (filter.until !== undefined && !(ended < filter.until))) continue
      entry.count++
      entry.hoursList.push(actual.hours)
      entry.daysList.push(actual.days)
      entry.from.push({ file: record.file, line: time.line, started: actual.started as string, ended: actual.ended, hours: actual.hours, days: actual.days })
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
