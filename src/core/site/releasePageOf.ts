import { deployTime, DEPLOYMENT_STATUSES, isFailureSeverity, readIssues, readTimeline } from '../metrics/index.ts'
import { readScheduled } from '../metrics/readScheduled.ts'
import { readDateTime } from '../record/dateTime.ts'
import { readKeyword } from '../record/readKeyword.ts'
import { displayZone, formatDateTime, formatDay, offsetAt } from '../../shared/formatDate.ts'
import type { ReleaseRecord, Table } from '../record/types.ts'
import { computeProgress } from '../status/computeProgress.ts'
import { formatBusinessDays, formatMinutes } from '../../shared/formatFigure.ts'
import { nextStepOf } from './nextStepOf.ts'
import { openItemsOf } from './openItemsOf.ts'
import { signoffsOf } from './signoffsOf.ts'
import { displayValue, recordField } from './recordField.ts'
import { releaseHref } from './releaseRoutes.ts'
import { repoFileUrl } from './repoFileUrl.ts'
import { commitUrl, editUrl, sourceUrl } from './repoLinks.ts'
import { isBlankCell } from '../record/isBlankCell.ts'
import { HEADERS } from '../metrics/findCell.ts'
import { safeUrl } from './safeUrl.ts'
import { SUMMARY_FIELDS } from './summaryFields.ts'
import { summaryRows } from './summaryRows.ts'
import { slugify, uniqueSlug } from './slugify.ts'
import { isRollbackPhase, isRunningPhase, timelineMarksOf } from './timelineMarksOf.ts'
import type { StageProgress } from '../status/types.ts'
import type { ChangeView, DateView, IssuesView, PersonView, ReleasePage, StageTimingView, StageView, TimelineView } from '../../shared/pageData.ts'

export interface ReleasePageOptions {
  /** The record's route id (see `releaseRoutes`). */
  id: string
  repo?: { url: string; branch: string } | null
  /** The configured display `timezone` (IANA name); null or absent: each date in the offset it was written with. */
  timeZone?: string | null
  /** When the record's file was last committed (ISO, from `git log`), or null when unknown. */
  lastUpdated?: string | null
  /** The record's repository, when the site is built over several project roots (`ReleaseSummary.repository`). */
  repository?: string | null
}

/** Fields holding a date-time: shown in the configured timezone when there is one. */
const DATE_FIELDS: ReadonlySet<string> = new Set(['scheduled', 'deployed_at', 'restored_at'])


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
  /**
   * A written date-time as shown to people (`2026-11-27 10:15 +11:00`: in the configured timezone,
   * else in the offset it was written with) and as ISO for `<time datetime>`; a day (`2026-11-27`)
   * as written; null for anything else (shown as written, without `<time>`).
   */
  const dateOf = (text: string | null): DateView | null => {
    if (text === null) return null
    const read = readDateTime(text)
    if (read) return { iso: read.date.toISOString(), text: formatDateTime(read.date, displayZone(read.offsetMinutes, timeZone)) }
    const day = text.trim()
    return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? { iso: day, text: day } : null
  }
  const shown = (text: string | null): string | null => dateOf(text)?.text ?? text

  const openItems = openItemsOf(record, { id: options.id, href, title })
  const next = nextStepOf(record)
  const issues = issuesView(record)
  const failureIssues = issues?.rows.filter((row) => row.failure).length ?? 0

  // The stages' headings in the record below get VitePress's slugs (renderRecordBody), in order.
  const anchors = new Set<string>()
  const stages: StageView[] = record.stages.map((stage, s) => ({
    name: stage.name,
    anchor: uniqueSlug(slugify(stage.name) || 'section', anchors),
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
    ...timingOf(progress.stages[s], dateOf),
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
    ...(options.repository ? { repository: options.repository } : {}),
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

  const fields = SUMMARY_FIELDS.flatMap(({ key, label }) => {
    const written = recordField(record, key)
    if (written === null) return []
    const date = DATE_FIELDS.has(key) ? dateOf(written) : null
    return [date ? { label, value: date.text, datetime: date.iso } : { label, value: written }]
  })
  const changes = changesOf(record, dateOf, options.repo ?? null)

  return {
    summary,
    fields,
    template: record.template,
    stages,
    triggers: { fired, total: progress.triggers.total },
    timeline: timelineView(
      record,
      timelineReading,
      scheduledAt ? offsetAt(scheduledAt.date, displayZone(scheduledAt.offsetMinutes, timeZone)) : timeZone === null ? 0 : offsetAt(when ?? 0, displayZone(null, timeZone)),
    ),
    issues,
    changes,
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
    sourceUrl: sourceUrl(options.repo, record.file),
    historyUrl: options.repo ? historyUrl(options.repo, record.file) : null,
    next,
    signoffs: signoffsOf(record),
    editUrl: editUrl(options.repo, record.file),
    lastUpdated: options.lastUpdated ? dateOf(options.lastUpdated) : null,
    people: peopleOf(record, changes),
  }
}

/** Who the record names: its owner fields, the names its sign-off items give after `:`, the changes' authors. */
function peopleOf(record: ReleaseRecord, changes: readonly ChangeView[]): PersonView[] {
  const people: PersonView[] = []
  const seen = new Set<string>()
  const add = (role: string, name: string | null): void => {
    const trimmed = name?.trim() ?? ''
    if (trimmed === '' || isBlankCell(trimmed) || /^name$/i.test(trimmed)) return
    const key = `${role}\u0000${trimmed}`
    if (seen.has(key)) return
    seen.add(key)
    people.push({ role, name: trimmed })
  }
  add('Owner', recordField(record, 'owner'))
  add('Coordinator', recordField(record, 'coordinator'))
  add('Business owner', recordField(record, 'business_owner'))
  for (const stage of record.stages) {
    for (const group of stage.groups) {
      if (group.role !== 'signoff') continue
      for (const item of group.items) {
        const colon = item.text.indexOf(':')
        if (colon === -1 || item.notApplicable) continue
        add(item.text.slice(0, colon).trim() || 'Sign-off', item.text.slice(colon + 1))
      }
    }
  }
  for (const change of changes) add('Author', change.author)
  return people
}

/**
 * A stage's timing for its page: role, expected and actual duration (`measureStage`, through
 * `computeProgress`). The site is built without a clock, so a stage still running is shown as
 * started, never as overdue.
 */
function timingOf(stage: StageProgress | undefined, dateOf: (text: string | null) => DateView | null): { timing?: StageTimingView } {
  if (!stage || stage.actual === undefined) return {}
  const { actual, expected } = stage
  const days = actual.days === null ? null : formatBusinessDays(actual.days)
  const took = expected?.unit === 'days' ? days : actual.hours === null ? null : `${actual.hours} h`
  return {
    timing: {
      role: stage.role ?? null,
      expected: expected?.text ?? null,
      started: actual.started,
      ended: actual.ended,
      startedAt: dateOf(actual.started)?.iso ?? null,
      endedAt: dateOf(actual.ended)?.iso ?? null,
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

function timelineView(record: ReleaseRecord, reading: ReturnType<typeof readTimeline>, offsetMinutes: number): TimelineView | null {
  const table = record.timeline
  if (!table) return null
  const filled = summaryRows(table)
  if (filled.length === 0) return null
  const statusIndex = table.headers.indexOf('status')
  // The cells `readTimeline` reads the times from (`findCell`: the first of its names present).
  const columnOf = (names: readonly string[]): number => names.map((name) => table.headers.indexOf(name)).find((index) => index !== -1) ?? -1
  const startIndex = columnOf(HEADERS.start)
  const endIndex = columnOf(HEADERS.end)
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
        startCell: startIndex,
        endCell: endIndex,
        minutes: read?.minutes ?? null,
        duration: read?.minutes != null ? formatMinutes(read.minutes) : written,
        status: statusIndex === -1 ? '' : (cells[statusIndex] ?? ''),
        ...(read && isRunningPhase(record.status, read) ? { running: true } : {}),
        ...(read && isRollbackPhase(read.phase) ? { rollback: true } : {}),
      }
    }),
    marks: timelineMarksOf(reading.rows, readIssues(record), readDateTime(recordField(record, 'restored_at') ?? '')?.date ?? null),
  }
}

function issuesView(record: ReleaseRecord): IssuesView | null {
  const table = record.issues
  if (!table) return null
  const filled = summaryRows(table)
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

function changesOf(record: ReleaseRecord, dateOf: (text: string | null) => DateView | null, repo: { url: string; branch: string } | null): ChangeView[] {
  const list = record.frontmatter.data['changes']
  if (!Array.isArray(list)) return []
  return list.flatMap((entry, index): ChangeView[] => {
    if (typeof entry === 'string') return [{ id: entry, title: '', committedAt: null, committedIso: null, author: null, url: commitUrl(repo, entry) }]
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return []
    const id = displayValue(entry['id'])
    const committed = displayValue(entry['committed_at'])
    const date = dateOf(committed)
    return [
      {
        id: id ?? `#${index + 1}`,
        title: displayValue(entry['title']) ?? '',
        committedAt: date?.text ?? committed,
        committedIso: date?.iso ?? null,
        author: displayValue(entry['author']),
        url: safeUrl(entry['url']) ?? (id === null ? null : commitUrl(repo, id)),
      },
    ]
  })
}
