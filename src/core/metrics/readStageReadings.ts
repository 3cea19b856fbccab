import { readDateTime } from '../record/dateTime.ts'
import { normalizeName } from '../record/normalizeName.ts'
import { readKeyword } from '../record/readKeyword.ts'
import type { ReleaseRecord } from '../record/types.ts'
import { measureStage } from '../status/measureStage.ts'
import type { ExpectedDuration } from '../template/types.ts'
import type { StageEvidence } from './types.ts'

/** Whose stages are measured. */
export interface StageReadingFilter {
  /** Lower-cased environment the records must target. */
  environment: string
  /** Lower-cased component, or null for every component. */
  component: string | null
}

/** One stage a record names, with what `computeStageDurations` needs of it (copied: nothing of the record is kept). */
export interface StageReading {
  /** The template and the stage's normalized name: stages with the same key are one stage. */
  key: string
  template: string
  name: string
  role: string | null
  expected: ExpectedDuration | null
  /** The stage's actual times when it started and ended; `endedAt` is the end in ms (NaN when not an instant). */
  measured: (StageEvidence & { endedAt: number }) | null
}

/**
 * For metrics, the stages (`record.stageTimes`) a record of the environment (and component)
 * names, in its order, each measured (`measureStage`: clock hours and business days) when it
 * started and ended; none for a record of another environment or component.
 */
export function readStageReadings(record: ReleaseRecord, filter: StageReadingFilter): StageReading[] {
  if (readKeyword(record, 'environment') !== filter.environment) return []
  if (filter.component !== null && readKeyword(record, 'component') !== filter.component) return []
  return (record.stageTimes ?? []).map((time): StageReading => {
    const { actual } = measureStage(time)
    const measured =
      actual.hours === null || actual.days === null || actual.ended === null
        ? null
        : {
            file: record.file,
            line: time.line,
            started: actual.started as string,
            ended: actual.ended,
            hours: actual.hours,
            days: actual.days,
            endedAt: readDateTime(actual.ended)?.date.getTime() ?? NaN,
          }
    return {
      key: `${record.template}\u0000${normalizeName(time.name)}`,
      template: record.template,
      name: time.name,
      role: time.role,
      expected: time.expected ? { ...time.expected } : time.expected,
      measured,
    }
  })
}
