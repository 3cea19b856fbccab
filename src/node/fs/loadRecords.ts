import { existsSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { ShiplogError } from '../../core/errors.ts'
import type { ReleaseRecord } from '../../core/record/types.ts'
import { cachesTurnedOff } from '../cache/cachesTurnedOff.ts'
import { recordCacheDir } from '../cache/recordCache.ts'
import { findRecordFiles } from './findRecordFiles.ts'
import type { Project } from './loadProject.ts'
import { isInside, projectFolder, realPathOf } from './pathRule.ts'
import { readRecords } from './readRecords.ts'
import type { ReadStats } from './readStats.ts'
import type { SiteParse } from './siteParse.ts'
import type { ParsePool } from '../workers/parseInWorkers.ts'
import { messageAt } from '../../core/message/messageAt.ts'

export interface LoadedRecords {
  records: ReleaseRecord[]
  /** Files skipped while listing (e.g. symbolic links leaving the releases folder). */
  skipped: Array<{ file: string; reason: string }>
}

export interface LoadRecordsOptions {
  /** The current folder that relative `files` are in (default `process.cwd()`). */
  cwd?: string
  /** Use the record cache (`.shiplog/cache/records`, or under `SHIPLOG_CACHE_DIR`); default true. Never when `SHIPLOG_NO_CACHE` is set. */
  cache?: boolean
  /**
   * Parse in worker threads: true (the default) when there are enough records to parse
   * (`workerCount`, `SHIPLOG_WORKERS`), false never (this thread only), a number for that many.
   */
  workers?: boolean | number
  /**
   * A sub-folder of the record cache for this project's entries: a command reading several project
   * roots passes each one's repository label, so that roots sharing one `SHIPLOG_CACHE_DIR`
   * neither mix their entries nor prune each other's.
   */
  cacheScope?: string
  /** Called with the bytes each record is parsed from (`ReadRecordsOptions.onSource`). */
  onSource?: (index: number, bytes: Uint8Array) => void
  /** Render the bodies of the records parsed for the site, in the same pass (`ReadRecordsOptions.site`). */
  site?: SiteParse
  /** Parse workers kept across several reads (`ReadRecordsOptions.pool`): the dev server's start reads in batches. */
  pool?: (records: number) => ParsePool | null
  /** Filled with what the read cost. */
  stats?: ReadStats
}

/**
 * Reads the project's records, the one way every command reads them: the given files (relative
 * to `cwd`, or absolute; a folder stands for the records under it), or every record under the
 * releases folder, listed under the path rule (pathRule.ts); each file read once, bounded, and
 * taken from the record cache or parsed, in worker threads when there are many
 * (`readRecords`). The records come in file order; whether the cache and workers are used
 * changes nothing in them (test/perf/equivalence.test.ts).
 */
export async function loadRecords(project: Project, files: string[] = [], options: LoadRecordsOptions = {}): Promise<LoadedRecords> {
  const listed = recordFilesOf(project, files, options.cwd ?? process.cwd())
  const workers = options.workers === false ? 0 : options.workers === true ? undefined : options.workers
  const records = await readRecords(project.root, listed.files, {
    templates: project.manifests,
    defaultTemplate: project.config.template,
    cacheDir: readCacheDirOf(project, options.cache !== false, options.cacheScope),
    prune: files.length === 0,
    ...(workers === undefined ? {} : { workers }),
    ...(options.onSource === undefined ? {} : { onSource: options.onSource }),
    ...(options.site === undefined ? {} : { site: options.site }),
    ...(options.pool === undefined ? {} : { pool: options.pool }),
    ...(options.stats === undefined ? {} : { stats: options.stats }),
  })
  return { records: flagUnreadableTemplates(project, records), skipped: listed.skipped }
}

/**
 * The record cache folder a read of `project` uses: the project's (`recordCacheDirOf`), or, for
 * one project among several read (`cacheScope`), its sub-folder; null when the cache is off.
 */
export function readCacheDirOf(project: Project, enabled: boolean, scope: string | undefined): string | null {
  const dir = recordCacheDirOf(project, enabled)
  return dir === null || scope === undefined ? dir : join(dir, scope)
}

/** The record cache folder of the project, or null when the cache is off (`enabled` false, or `SHIPLOG_NO_CACHE` set). */
export function recordCacheDirOf(project: Project, enabled: boolean, env: { readonly [name: string]: string | undefined } = process.env): string | null {
  return enabled && !cachesTurnedOff(env) ? recordCacheDir(project.root, env) : null
}

/**
 * The record files to read: the given files (relative to `cwd`, or absolute), or every record
 * under the releases folder. A given file is read only when its real path (pathRule.ts) lies
 * inside the releases folder: any other (a file elsewhere, a link leading out) is refused with a
 * ShiplogError (exit 2) before anything is read.
 */
export function recordFilesOf(project: Project, files: string[], cwd: string): { files: string[]; skipped: LoadedRecords['skipped'] } {
  if (files.length === 0) return findRecordFiles(project.root, project.config.releases)
  const realReleases = projectFolder(project.root, project.config.releases, 'releases folder')
  const skipped: LoadedRecords['skipped'] = []
  const relativeFiles = files.flatMap((file) => {
    const absolute = isAbsolute(file) ? file : resolve(cwd, file)
    if (!existsSync(absolute)) throw new ShiplogError(`${file}: no such file`, 2)
    const real = realPathOf(absolute)
    if (real === null || !isInside(real, realReleases)) {
      throw new ShiplogError(
        `Unexpected ${file}: its real path ${real ?? '(a broken link)'} is outside the releases folder ${project.config.releases}/, expected a record file inside it: not read`,
        2,
      )
    }
    const rel = relative(project.root, absolute)
    const shown = rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split(sep).join('/')
    // A folder stands for the records under it, found as when listing the releases folder.
    if (statSync(absolute).isDirectory()) {
      const found = findRecordFiles(project.root, shown)
      skipped.push(...found.skipped)
      return found.files
    }
    return [shown]
  })
  return { files: [...new Set(relativeFiles)], skipped }
}

/**
 * A record whose template exists but whose manifest cannot be read would otherwise be read without
 * rules, so no gate would hold: its `unknown-template` warning becomes a `template-unreadable`
 * error naming the template's first problem.
 */
export function flagUnreadableTemplates(project: Project, records: ReleaseRecord[]): ReleaseRecord[] {
  for (const record of records) flagUnreadableTemplate(project, record)
  return records
}

/** `flagUnreadableTemplates` for one record: the record, its `unknown-template` problem replaced when its template could not be read. */
export function flagUnreadableTemplate(project: Project, record: ReleaseRecord): ReleaseRecord {
  const index = record.problems.findIndex((problem) => problem.ruleId === 'unknown-template')
  const problem = record.problems[index]
  if (!problem) return record
  const template = [...project.templates.values()].find((t) => t.manifest === null && t.name.toLowerCase() === record.template.toLowerCase())
  if (!template) return record
  const cause = template.problems.find((p) => p.severity === 'error') ?? template.problems[0]
  const where = cause ? `${template.file}:${cause.line}:${cause.column}` : template.file
  record.problems[index] = messageAt(
    `Unexpected unreadable template \`${template.name}\` (${where}: ${cause?.reason ?? 'no manifest'}), expected a template whose manifest can be read; its gates are not applied until it is fixed (see shiplog check --templates)`,
    { file: problem.file, place: { line: problem.line, column: problem.column }, ruleId: 'template-unreadable' },
  )
  return record
}
