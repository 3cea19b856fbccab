import type { RecordProgress } from '../status/types.ts'

/** A row of the Deployment Timeline as shown. */
export interface ShownTimelineRow {
  phase: string
  /** Start and end as shown (`2026-03-10 09:00 +11:00`), or null when blank or unreadable. */
  start: string | null
  end: string | null
  minutes: number | null
  line: number
}

/** A row of Issues Encountered as shown. */
export interface ShownIssue {
  issue: string
  severity: string
  /** The severity fails the deployment (critical, high, sev1, sev2, p1, p2). */
  failure: boolean
  time: string | null
  minutes: number | null
  line: number
}

/** A sign-off item: `Role: Name`, and whether it is signed. */
export interface ShownSignoff {
  stage: string
  group: string
  required: boolean
  items: Array<{ role: string; name: string | null; named: boolean; signed: boolean; notApplicable: boolean; line: number }>
}

/** What `shiplog show` says about one record (`--json` prints it as is). */
export interface RecordView {
  file: string
  title: string | null
  version: string | null
  component: string | null
  environment: string | null
  owner: string | null
  status: string | null
  /** The deploy time as shown, once the status is a deployment status; else null. */
  deployed: string | null
  scheduled: string | null
  progress: RecordProgress
  /** The next status and the items still open before it (`nextStepOf`); null in an end state. */
  next: {
    status: string
    next: string
    left: number
    overdue: Array<{ stage: string; group: string; gate: string; items: Array<{ text: string; line: number }> }>
    due: Array<{ stage: string; group: string; gate: string; items: Array<{ text: string; line: number }> }>
  } | null
  signoffs: ShownSignoff[]
  timeline: ShownTimelineRow[]
  issues: ShownIssue[]
}
