export { computeProgress } from './computeProgress.ts'
export { formatStatusReport } from './formatStatusReport.ts'
export type { ActionItemProgress, GroupProgress, RecordProgress, StageProgress } from './types.ts'
export type { ProgressOptions } from './computeProgress.ts'
