import type { ReleaseRecord } from '../record/types.ts'
import { createMetricsReader } from './createMetricsReader.ts'
import type { MetricsOptions, MetricsResult } from './types.ts'

/**
 * Computes the figures of FORMAT.md §5 over release records: DORA's four keys plus rollback rate,
 * rework rate and deployment duration, rated against a DORA report year's tiers, with a trend
 * series per week or month and, for every figure, the records and rows it came from and every
 * record left out with the reason.
 *
 * Pure and deterministic: no clock, no disk, and the same result whatever the order of `records`.
 * The window is `[since, until)`; by default from the first deployment's day (00:00 UTC) to the
 * day after the last one. A figure without data is null with a reason, never 0. The same as
 * `createMetricsReader`, given every record at once.
 */
export function computeMetrics(records: readonly ReleaseRecord[], options: MetricsOptions = {}): MetricsResult {
  const reader = createMetricsReader(options)
  for (const record of records) reader.add(record)
  return reader.finish()
}
