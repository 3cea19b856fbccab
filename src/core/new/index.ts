export { planRecord, type PlannedRecord, type PlanRecordOptions } from './planRecord.ts'
export { recordPath, assertSafeSegment } from './recordPath.ts'
export { parseSetFlags } from './parseSetFlags.ts'
export { parseValuesFile } from './parseValuesFile.ts'
