import { deployTime, DEPLOYMENT_STATUSES, isFailureSeverity, readIssues, readTimeline } from '../metrics/index.ts'
import { readScheduled } from '../metrics/readScheduled.ts'
import { readDateTime } from '../record/dateTime.ts'
import { readKeyword } from '../record/readKeyword.ts'
import { displayZone, formatDateTime, formatDay, offsetAt } from '../../shared/formatDate.ts'
import type { ReleaseRecord, Table } from '../record/types.ts'
import { computeProgress } from '../status/computeProgress.ts'
import { formatMinutes } from '../../shared/formatFigure.ts'
import { nextStepOf } from './nextStepOf.ts'
import { openItemsOf } from './openItemsOf.ts'
import { signoffsOf } from './signoffsOf.ts'
import { displayValue, recordField } from './recordField.ts'
import { releaseHref } from './releaseRoutes.ts'
import { repoFileUrl } from './repoFileUrl.ts'
import { safeUrl } from './safeUrl.ts'
import type { StageProgress } from '../status/types.ts'
import type { ChangeView, IssuesView, ReleasePage, StageTimingView, StageView, TimelineView } from '../../shared/pageData.ts'

export interface ReleasePageOptions {
  /** The record's route id (see `releaseRoutes`). */
  id: string
  repo?: { url: string; branch: string } | null
  /** The configured display `timezone` (IANA name); null or absent: each date in the offset it was written with. */
  timeZone?: string | null
}

/** Fields holding a date-time: shown in the configured timezone when there is one. */
const DATE_FIELDS: ReadonlySet<string> = new Set(['scheduled', 'deployed_at', 'restored_at'])

const FIELDS: Array<[key: string, label: string]> = [
  ['release', 'Release'],
  ['version', 'Version'],
  ['component', 'Component'],
  ['release_type', 'Release type'],
  ['environment', 'Environment'],
  ['status', 'Status'],
  ['scheduled', 'Scheduled'],
  ['deployed_at', 'Deployed at'],
  ['restored_at', 'Restored at'],
  ['owner', 'Owner'],
  ['coordinator', 'Coordinator'],
  ['business_owner', 'Business owner'],
  ['rollback_strategy', 'Rollback strategy'],
  ['incident', 'Incident'],
]

/** Everything a release page shows besides the record's own text, as plain data. */
export function releasePageOf(record: ReleaseRecord, options: ReleasePageOptions): ReleasePage {
  const href = releaseHref(options.id)
  const release = recordField(record, 'release')
  const version = recordField(record, 'version')
  const title = [release, version].filter((part) => part !== null).join(' ') || (record.file.split('/').pop() ?? record.file)
  const status = record.status
  const progress = computeProgress(record)

  const timelineReading = readTimeline(record)
  const deployed = deployTime(record, timelineReading).time
  const scheduled = recordField(record, 'scheduled')
  const scheduledAt = readScheduled(record)
  const when = deployed?.date.toISOString() ?? scheduledAt?.date.toISOString() ?? null
  const timeZone = options.timeZone ?? null
  // The zone the record's dates are shown in: the configured timezone, else the offset written.
  const whenZone = displayZone(deployed ? deployed.offsetMinutes : (scheduledAt?.offsetMinutes ?? null), timeZone)
  /** A frontmatter date-time as shown: as written, or in the configured timezone when there is one. */
  const shown = (text: string | null): string | null => {
    if (text === null || timeZone === null) return text
    const read = readDateTime(text)
    return read ? formatDateTime(read.date, displayZone(null, timeZone)) : text
  }

  const openItems = openItemsOf(record, { id: options.id, href, title })
  const next = nextStepOf(record)
  const issues = issuesView(record)
  const failureIssues = issues?.rows.filter((row) => row.failure).length ?? 0

  const stages: StageView[] = record.stages.map((stage, s) => ({
    name: stage.name,
    done: progress.stages[s]?.done ?? 0,
    total: progress.stages[s]?.total ?? 0,
    groups: stage.groups.map((group, g) => {
      const counts = progress.stages[s]?.groups[g]
      return {
        name: group.name,
        role: group.role,
        done: counts?.done ?? 0,
        total: counts?.total ?? 0,
        counted: counts?.counted ?? false,
        gate: group.gate,
        required: group.required,
        line: group.line,
      }
    }),
    ...timingOf(progress.stages[s]),
  }))

  const fired = record.stages.flatMap((stage) =>
    stage.groups
      .filter((group) => group.role === 'trigger')
      .flatMap((group) => group.items.filter((item) => item.checked && !item.notApplicable).map((item) => ({ text: item.text, line: item.line }))),
  )

  const summary = {
    id: options.id,
    href,
    file: record.file,
    title,
    release,
    version,
    component: recordField(record, 'component'),
    environment: readKeyword(record, 'environment'),
    status,
    releaseType: readKeyword(record, 'release_type'),
    scheduled,
    when,
    whenText: when === null ? null : formatDay(when, whenZone),
    owner: recordField(record, 'owner'),
    done: progress.done,
    total: progress.total,
    percent: progress.total === 0 ? null : Math.floor((progress.done / progress.total) * 100),
    triggersFired: progress.triggers.fired,
    issues: issues?.rows.length ?? 0,
    failureIssues,
    openRequired: openItems.length,
    errors: record.problems.filter((problem) => problem.severity === 'error').length,
    next: next?.next ?? null,
    nextLeft: next?.left ?? 0,
  }

  const fields = FIELDS.flatMap(([key, label]) => {
    const written = recordField(record, key)
    const value = DATE_FIELDS.has(key) ? shown(written) : written
    return value === null ? [] : [{ label, value }]
  })

  return {
    summary,
    fields,
    template: record.template,
    stages,
    triggers: { fired, total: progress.triggers.total },
    timeline: timelineView(
      record.timeline,
      timelineReading,
      scheduledAt ? offsetAt(scheduledAt.date, displayZone(scheduledAt.offsetMinutes, timeZone)) : timeZone === null ? 0 : offsetAt(when ?? 0, displayZone(null, timeZone)),
    ),
    issues,
    changes: changesOf(record, shown),
    openItems,
    problems: record.problems.map((problem) => {
      const { line, column, rule, severity, message } = problem.toJSON()
      return { line, column, rule, severity, message }
    }),
    placeholders: record.placeholders.length,
    deployedAt:
      deployed && status !== null && DEPLOYMENT_STATUSES.has(status)
        ? { at: deployed.date.toISOString(), text: formatDateTime(deployed.date, whenZone), source: deployed.source }
        : null,
    sourceUrl: options.repo ? repoFileUrl(options.repo, record.file, '', 'blob') : null,
    historyUrl: options.repo ? historyUrl(options.repo, record.file) : null,
    next,
    signoffs: signoffsOf(record),
  }
}

/**
 * A stage's timing for its page: role, expected and actual duration (`measureStage`, through
 * `computeProgress`). The site is built without a clock, so a stage still running is shown as
 * started, never as overdue.
 */
function timingOf(stage: StageProgress | undefined): { timing?: StageTimingView } {
  if (!stage || stage.actual === undefined) return {}
  const { actual, expected } = stage
  const days = actual.days === null ? null : `${actual.days} business day${actual.days === 1 ? '' : 's'}`
  const took = expected?.unit === 'days' ? days : actual.hours === null ? null : `${actual.hours} h`
  return {
    timing: {
      role: stage.role ?? null,
      expected: expected?.text ?? null,
      started: actual.started,
      ended: actual.ended,
      took,
      over: stage.over ?? null,
    },
  }
}

function historyUrl(repo: { url: string; branch: string }, file: string): string | null {
  const blob = repoFileUrl(repo, file, '', 'blob')
  return blob === null ? null : blob.replace(/\/blob\//, '/commits/')
}

function cellsOf(table: Table, row: Table['rows'][number]): string[] {
  return table.headers.map((header, index) => row.cells[header]?.text ?? row.list[index]?.text ?? '')
}

function timelineView(table: Table | null, reading: ReturnType<typeof readTimeline>, offsetMinutes: number): TimelineView | null {
  if (!table) return null
  const filled = table.rows.filter((row) => !row.unfilled)
  if (filled.length === 0) return null
  const statusIndex = table.headers.indexOf('status')
  const durationIndex = table.headers.indexOf('duration')
  return {
    headers: table.headerCells.map((cell) => cell.text),
    offsetMinutes,
    rows: filled.map((row, index) => {
      const read = reading.rows[index]
      const cells = cellsOf(table, row)
      const written = durationIndex === -1 ? '' : (cells[durationIndex] ?? '')
      return {
        line: row.line,
        phase: read?.phase ?? cells[0] ?? '',
        cells,
        start: read?.start?.toISOString() ?? null,
        end: read?.end?.toISOString() ?? null,
        minutes: read?.minutes ?? null,
        duration: read?.minutes != null ? formatMinutes(read.minutes) : written,
        status: statusIndex === -1 ? '' : (cells[statusIndex] ?? ''),
      }
    }),
  }
}

function issuesView(record: ReleaseRecord): IssuesView | null {
  const table = record.issues
  if (!table) return null
  const filled = table.rows.filter((row) => !row.unfilled)
  if (filled.length === 0) return null
  const read = readIssues(record).rows
  const severityIndex = table.headers.indexOf('severity')
  const issueIndex = table.headers.indexOf('issue')
  return {
    headers: table.headerCells.map((cell) => cell.text),
    rows: filled.map((row, index) => {
      const cells = cellsOf(table, row)
      const severity = read[index]?.severity ?? (severityIndex === -1 ? '' : (cells[severityIndex] ?? ''))
      return {
        line: row.line,
        cells,
        issue: read[index]?.issue ?? (issueIndex === -1 ? '' : (cells[issueIndex] ?? '')),
        severity,
        failure: severity !== '' && isFailureSeverity(severity),
      }
    }),
  }
}

function changesOf(record: ReleaseRecord, shown: (text: string | null) => string | null): ChangeView[] {
  const list = record.frontmatter.data['changes']
  if (!Array.isArray(list)) return []
  return list.flatMap((entry, index): ChangeView[] => {
    if (typeof entry === 'string') return [{ id: entry, title: '', committedAt: null, author: null, url: null }]
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return []
    return [
      {
        id: displayValue(entry['id']) ?? `#${index + 1}`,
        title: displayValue(entry['title']) ?? '',
        committedAt: shown(displayValue(entry['committed_at'])),
        author: displayValue(entry['author']),
        url: safeUrl(entry['url']),
      },
    ]
  })
}
