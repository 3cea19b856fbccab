import type { ReleaseRecord } from '../../core/record/types.ts'
import type { SiteRecord } from '../../core/site/planSite.ts'
import { recordBodyOf } from '../../core/site/recordBodyOf.ts'
import { renderRecordBody, type RenderRecordBodyOptions } from '../../core/site/renderRecordBody.ts'
import type { ParseRecordOptions } from '../../core/record/parseRecord.ts'
import { parseAndRenderRecord } from '../../core/site/parseAndRenderRecord.ts'
import { siteBodyOptions } from '../../core/site/siteBodyOptions.ts'
import { siteRepoOf } from '../../core/site/siteRepoOf.ts'
import type { BodyCache } from '../cache/bodyCache.ts'
import { loadRecords, readCacheDirOf, type LoadedRecords } from '../fs/loadRecords.ts'
import type { Project } from '../fs/loadProject.ts'
import type { ReadStats } from '../fs/readStats.ts'
import { createLazyParsePool, workerCount, type LazyParsePool } from '../workers/parseInWorkers.ts'
import { renderInWorkers, siteParseWorkerUrl, type RenderJob } from '../workers/renderInWorkers.ts'

export interface ReadSiteRecordsOptions {
  /** The records to read (relative to `cwd`, or absolute); default every record of the project. */
  files?: string[]
  /** The current folder that relative `files` are in (default `process.cwd()`). */
  cwd?: string
  /** Use the record cache (`.shiplog/cache/records`); default true. Never when `SHIPLOG_NO_CACHE` is set. */
  recordCache?: boolean
  /** Parse and render in worker threads when there are enough records (default true); false: this thread only. */
  workers?: boolean
  /** A sub-folder of the record cache for this project (`LoadRecordsOptions.cacheScope`): a site over several roots passes each one's label. */
  cacheScope?: string
  /**
   * Called with the parsed records and the skipped files before any body is rendered (the dev
   * server writes page data first). With it, the bodies are rendered after the records are read,
   * not in the same pass (decision 16).
   */
  onParsed?: (loaded: LoadedRecords) => void
  /**
   * Parse workers kept across reads (`siteParsePool`, made with this read's `recordCache` and
   * `cacheScope`: its workers write the record cache this read looks in), for the records parsed
   * with their bodies.
   */
  pool?: LazyParsePool
  /** Called as bodies are ready (progress). */
  onRecord?: (done: number, total: number) => void
  /** Filled with what the read cost: records from the record cache, bodies from the body cache. */
  stats?: SiteReadStats
}

/**
 * What a site read cost (benchmarks, tests): the records' `ReadStats`, and bodies taken from the
 * cache or rendered (`withRecords` of them in the same pass as their records, decision 16).
 */
export interface SiteReadStats {
  records: ReadStats
  bodies: { cached: number; rendered: number; withRecords?: number }
}

export interface SiteRecords {
  records: SiteRecord[]
  /** Files skipped while listing (`LoadedRecords.skipped`). */
  skipped: LoadedRecords['skipped']
}

// Bodies the parser refused (too big to read, or past the Markdown limits) are not rendered:
// rendering them would cost what the limits are there to prevent. The page shows the problem.
const REFUSED = new Set(['file-size', 'file-read', 'file-skipped', 'markdown'])

/**
 * Reads the records for the site and renders their bodies: the records through `loadRecords`
 * (each file read and parsed once: record cache, parse workers), each body from the very bytes
 * its record was parsed from (`recordBodyOf`). A record that is parsed has its body rendered in
 * the same pass, from the parser's tree (`parseAndRenderRecord`, in the parse workers when there
 * are enough records); the body of a record from the record cache comes from the body cache, or
 * is rendered in worker threads when there are enough of them (`workerCount`,
 * `SHIPLOG_WORKERS`). A body that cannot be read, or that the parser refused, is null: the
 * record's problems say why. Records in file order.
 */
export async function readSiteRecords(project: Project, cache: BodyCache, options: ReadSiteRecordsOptions = {}): Promise<SiteRecords> {
  const markdownOf: Array<string | null> = []
  const parsedHtml: Array<string | undefined> = []
  const repo = siteRepoOf(project.config)
  if (options.pool !== undefined) {
    const cacheDir = readCacheDirOf(project, options.recordCache !== false, options.cacheScope)
    if (options.pool.cacheDir !== cacheDir) {
      throw new TypeError(`the parse pool writes the record cache to ${options.pool.cacheDir ?? 'nowhere'}, this read uses ${cacheDir ?? 'none'}: make the pool with the read's recordCache and cacheScope`)
    }
  }
  const loaded = await loadRecords(project, options.files ?? [], {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    cache: options.recordCache !== false,
    workers: options.workers !== false,
    ...(options.cacheScope === undefined ? {} : { cacheScope: options.cacheScope }),
    onSource: (index, bytes) => {
      markdownOf[index] = recordBodyOf(bytes)
    },
    // Parsed records get their bodies in the same pass, unless the caller wants the records
    // before any body is rendered (`onParsed`: the dev server writes an edited record's page
    // data first); those bodies are rendered after it, from the body cache or afresh.
    ...(options.onParsed === undefined
      ? {
          site: {
            parse: (bytes: Uint8Array, parseOptions: ParseRecordOptions) => parseAndRenderRecord(bytes, parseOptions, repo),
            worker: siteParseWorkerUrl().href,
            repo,
            onBody: (index: number, html: string) => {
              parsedHtml[index] = html
            },
          },
        }
      : {}),
    ...(options.stats === undefined ? {} : { stats: options.stats.records }),
    ...(options.pool === undefined || options.onParsed !== undefined ? {} : { pool: options.pool.poolFor }),
  })
  const records = loaded.records
  options.onParsed?.(loaded)
  const bodies: Array<string | null> = new Array(records.length).fill(null)
  const jobs: RenderJob[] = []
  const owners: number[] = []
  let done = 0
  let fromCache = 0
  let renderedWithRecord = 0
  const progress = (): void => options.onRecord?.(++done, records.length)
  records.forEach((record, index) => {
    const markdown = record.problems.some((p) => REFUSED.has(p.ruleId)) ? null : (markdownOf[index] ?? null)
    if (markdown !== null) {
      const renderOptions = siteBodyOptionsOf(project, record)
      const cached = cache.peek(markdown, renderOptions)
      const rendered = parsedHtml[index]
      if (cached !== null) {
        bodies[index] = cached
        fromCache++
      } else if (rendered !== undefined) {
        cache.put(markdown, renderOptions, rendered)
        bodies[index] = rendered
        renderedWithRecord++
      } else {
        jobs.push({ markdown, options: renderOptions })
        owners.push(index)
        return
      }
    }
    progress()
  })
  const finish = (k: number, html: string | null): void => {
    const job = jobs[k] as RenderJob
    const body = html ?? renderRecordBody(job.markdown, job.options)
    cache.put(job.markdown, job.options, body)
    bodies[owners[k] as number] = body
    progress()
  }
  if (options.stats) options.stats.bodies = { cached: fromCache, rendered: renderedWithRecord + jobs.length, withRecords: renderedWithRecord }
  const workers = options.workers === false ? 0 : workerCount(jobs.length)
  if (workers === 0) jobs.forEach((_, k) => finish(k, null))
  else await renderInWorkers(jobs, workers, finish)
  return { records: records.map((record, index) => ({ record, bodyHtml: bodies[index] ?? null })), skipped: loaded.skipped }
}

/**
 * Site parse workers kept across several reads (`readSiteRecords`' `pool`, with the same
 * `recordCache` and `cacheScope`): the dev server reads its records in batches; close it after
 * the last read.
 */
export function siteParsePool(project: Project, options: Pick<ReadSiteRecordsOptions, 'recordCache' | 'cacheScope'> = {}): LazyParsePool {
  const cacheDir = readCacheDirOf(project, options.recordCache !== false, options.cacheScope)
  const data = { templates: project.manifests, defaultTemplate: project.config.template, cacheDir, siteRepo: siteRepoOf(project.config) }
  return createLazyParsePool(data, siteParseWorkerUrl())
}

/** How a record's body is rendered for its page in this project (`siteBodyOptions`). */
export function siteBodyOptionsOf(project: Project, record: ReleaseRecord): RenderRecordBodyOptions {
  return siteBodyOptions(record, project.manifests, siteRepoOf(project.config))
}

