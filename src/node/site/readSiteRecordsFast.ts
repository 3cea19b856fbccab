import { recordCacheDirOf, type Project } from '../fs/loadProject.ts'
import { workerCount } from '../workers/parseInWorkers.ts'
import { readRecordsCached, type ReadStats } from '../fs/readRecordsCached.ts'
import type { BodyCache } from '../cache/bodyCache.ts'
import type { SiteRecord } from '../../core/site/planSite.ts'
import { renderInWorkers, type RenderJob } from '../workers/renderInWorkers.ts'
import { renderRecordBody } from '../../core/site/renderRecordBody.ts'
import { siteBodyMarkdownOf, siteBodyOptionsOf } from './readSiteRecords.ts'

export interface ReadSiteRecordsFastOptions {
  /** Use the record cache (`.shiplog/cache/records`); default true. Never when `SHIPLOG_NO_CACHE` is set. */
  recordCache?: boolean
  /** Called as bodies are ready (progress). */
  onRecord?: (done: number, total: number) => void
  /** Filled with what the read cost: records from the record cache, bodies from the body cache. */
  stats?: SiteReadStats
}

/** What a site read cost (benchmarks, tests): the records' `ReadStats`, and bodies taken from the cache or rendered. */
export interface SiteReadStats {
  records: ReadStats
  bodies: { cached: number; rendered: number }
}

/**
 * `readSiteRecords` with the same results, faster (docs/decisions/0007): records come from the
 * record cache or are parsed in worker threads, bodies come from the body cache or are rendered
 * in worker threads when there are enough of them (`workerCount`, `SHIPLOG_WORKERS`).
 */
export async function readSiteRecordsFast(
  project: Project,
  files: readonly string[],
  cache: BodyCache,
  options: ReadSiteRecordsFastOptions = {},
): Promise<SiteRecord[]> {
  const records = await readRecordsCached(project.root, files, {
    templates: project.manifests,
    defaultTemplate: project.config.template,
    cacheDir: recordCacheDirOf(project, options.recordCache !== false),
    prune: true,
  }, options.stats?.records)
  const bodies: Array<string | null> = new Array(records.length).fill(null)
  const jobs: RenderJob[] = []
  const owners: number[] = []
  let done = 0
  let fromCache = 0
  const progress = (): void => options.onRecord?.(++done, records.length)
  records.forEach((record, index) => {
    const markdown = siteBodyMarkdownOf(project, record)
    if (markdown !== null) {
      const renderOptions = siteBodyOptionsOf(project, record)
      const cached = cache.peek(markdown, renderOptions)
      if (cached === null) {
        jobs.push({ markdown, options: renderOptions })
        owners.push(index)
        return
      }
      bodies[index] = cached
      fromCache++
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
  if (options.stats) options.stats.bodies = { cached: fromCache, rendered: jobs.length }
  const workers = workerCount(jobs.length)
  if (workers === 0) jobs.forEach((_, k) => finish(k, null))
  else await renderInWorkers(jobs, workers, finish)
  return records.map((record, index) => ({ record, bodyHtml: bodies[index] ?? null }))
}
