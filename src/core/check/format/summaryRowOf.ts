import type { ReleaseRecord } from '../../record/types.ts'
import { computeProgress } from '../../status/computeProgress.ts'
import type { SummaryRecord } from './jobSummary.ts'

/** A checked record's row in the job summary: its status and progress. */
export function summaryRowOf(record: ReleaseRecord): SummaryRecord {
  const { done, total, status } = computeProgress(record)
  return { file: record.file, status, done, total }
}
