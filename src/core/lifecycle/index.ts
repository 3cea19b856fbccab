export { STATUSES, LINEAR_STATUSES, isStatus, type Status } from './statuses.ts'
export { isGateRequired } from './isGateRequired.ts'
export { statusOf, toStatus } from './statusOf.ts'
