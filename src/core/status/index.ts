export { computeProgress } from './computeProgress.ts'
export { formatStatusReport } from './formatStatusReport.ts'
export type { GroupProgress, RecordProgress, StageProgress } from './types.ts'
