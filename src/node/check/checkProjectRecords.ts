import { createChecker } from '../../core/check/createChecker.ts'
import type { SummaryRecord } from '../../core/check/format/jobSummary.ts'
import { summaryRowOf } from '../../core/check/format/summaryRowOf.ts'
import type { CheckResult } from '../../core/check/types.ts'
import { checkCacheSalt, createCheckCache, type CheckCache } from '../cache/checkCache.ts'
import { cacheFolderOf } from '../cache/cacheFolderOf.ts'
import { cachesTurnedOff } from '../cache/cachesTurnedOff.ts'
import type { Project } from '../fs/loadProject.ts'
import { streamRecords } from '../fs/streamRecords.ts'

export interface CheckProjectRecordsOptions {
  /** The present instant: what `implausible-date` compares deploy times with. */
  now: Date
  /** Today's date (`YYYY-MM-DD`), for `overdue-action-item`. */
  today: string
  /** The files to report on (`check --changed`); null: every record read. The others are only compared with. */
  wanted: ReadonlySet<string> | null
  /** Make each checked record's job summary row (`summaryRowOf`). */
  summary: boolean
  /** Use the caches (the record cache and the kept results of earlier checks); false: read and check everything afresh. */
  cache: boolean
}

export interface CheckedProjectRecords {
  result: CheckResult
  /** The job summary's rows, when asked for. */
  summaryRows: SummaryRecord[]
  /** Records read (or answered for by the kept results). */
  read: number
}

/**
 * Checks a project's records (`files`, or every record), one at a time through `streamRecords`,
 * with the project's settings. A record whose result an earlier run kept (`.shiplog/cache/checks`:
 * same bytes, path, templates, settings, shiplog code and day) is neither decoded nor checked
 * again: its messages and the facts rules across records compare come from the kept result
 * (test/perf/checkCache.test.ts shows both ways give the same result).
 */
export async function checkProjectRecords(project: Project, files: string[], options: CheckProjectRecordsOptions): Promise<CheckedProjectRecords> {
  const timeZone = project.config.timezone ?? undefined
  const checker = createChecker({ manifests: project.manifests, settings: project.config.rules, now: options.now, today: options.today, ...(timeZone ? { timeZone } : {}) })
  const results = options.cache ? openCheckCache(project, options, timeZone) : null
  const summaryRows: SummaryRecord[] = []
  const isWanted = (file: string): boolean => options.wanted === null || options.wanted.has(file)
  let read = 0
  // The record-cache key of each record checked afresh, for keeping its result.
  const keys = new Map<string, string>()
  const known = (file: string, key: string): boolean => {
    const kept = results?.get(key) ?? null
    if (kept === null || (options.summary && kept.summary === null)) {
      keys.set(file, key)
      return false
    }
    read++
    const checked = isWanted(file)
    checker.replay(kept.check, checked)
    if (checked && kept.summary !== null && options.summary) summaryRows.push(kept.summary)
    return true
  }
  // Each record is checked and let go: memory holds the messages, not the records.
  for await (const record of streamRecords(project, files, { cache: options.cache, prune: true, ...(results === null ? {} : { known }) })) {
    read++
    const checked = isWanted(record.file)
    const check = checker.add(record, checked)
    const summary = checked && options.summary ? summaryRowOf(record) : null
    if (summary !== null) summaryRows.push(summary)
    const key = keys.get(record.file)
    if (key !== undefined) keys.delete(record.file)
    if (results !== null && check !== null && key !== undefined) results.set(key, { check, checkedAt: options.now.getTime(), summary })
  }
  // Only after every record was read: a check of some files has not used every entry it should keep.
  if (results !== null && files.length === 0) results.prune()
  return { result: checker.finish(), summaryRows, read }
}

/** The kept results of this project's checks, or null when the caches are off (`SHIPLOG_NO_CACHE`): results are keyed by the record cache's keys. */
function openCheckCache(project: Project, options: CheckProjectRecordsOptions, timeZone: string | undefined): CheckCache | null {
  if (cachesTurnedOff()) return null
  const salt = checkCacheSalt({
    settings: project.config.rules,
    today: options.today,
    timeZone,
    templates: [...project.templates.values()],
  })
  return createCheckCache(cacheFolderOf(project.root, 'checks'), salt, options.now)
}
