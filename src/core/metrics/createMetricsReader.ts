import type { ReleaseRecord } from '../record/types.ts'
import { metricsOf } from './metricsOf.ts'
import { readForMetrics, type MetricsReading } from './readForMetrics.ts'
import { readMetricsOptions } from './readMetricsOptions.ts'
import type { MetricsOptions, MetricsResult } from './types.ts'

/** `computeMetrics` one record at a time. */
export interface MetricsReader {
  /** Reads one record and keeps only what the figures, explanations, stage durations and warnings need of it. */
  add(record: ReleaseRecord): void
  /** The result `computeMetrics` gives over every record added, in whatever order they were added. */
  finish(): MetricsResult
}

/**
 * `computeMetrics` for records read one at a time (`shiplog metrics` over `streamRecords`): each
 * record given to `add` is read at once and let go, so memory holds a small reading per record
 * (`readForMetrics`) rather than every record. The options are checked here, before any record is
 * read (`MetricsOptionError`).
 */
export function createMetricsReader(options: MetricsOptions = {}): MetricsReader {
  const settings = readMetricsOptions(options)
  const readings: MetricsReading[] = []
  return {
    add(record) {
      readings.push(readForMetrics(record, settings))
    },
    finish() {
      return metricsOf(readings, settings)
    },
  }
}
