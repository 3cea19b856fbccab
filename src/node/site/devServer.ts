import { siteRepoOf } from '../../core/site/siteRepoOf.ts'
import { existsSync } from 'node:fs'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { basename, join, relative, sep } from 'node:path'
import { watch, type FSWatcher } from 'chokidar'
import { isRecordFileName } from '../../core/record/isRecordFileName.ts'
import { isInside, projectFolder, realPathOf } from '../fs/pathRule.ts'
import { loadProject, type Project } from '../fs/loadProject.ts'
import { createBodyCache } from '../cache/bodyCache.ts'
import { linkSiteDependencies } from './linkSiteDependencies.ts'
import { readLastUpdated } from '../git/readLastUpdated.ts'
import { aggregateReadingOf, type AggregateReading } from '../../core/site/aggregateReadingOf.ts'
import { findRecordFiles } from '../fs/findRecordFiles.ts'
import { ownRecord, planAggregates, releaseOptionsOf, type PlanSiteOptions, type SiteRecord } from '../../core/site/planSite.ts'
import { releaseDataOf, releaseFilesKey, releaseFilesOf } from '../../core/site/releaseFilesOf.ts'
import type { ReleaseRecord } from '../../core/record/types.ts'
import type { ReleasePage } from '../../shared/pageData.ts'
import { createLiveSite } from './liveSite.ts'
import { readSiteRecords, siteParsePool } from './readSiteRecords.ts'
import { releaseRoutes } from '../../core/site/releaseRoutes.ts'
import { siteDirsOf } from './siteDirs.ts'
import { siteSettingsOf } from '../../core/site/siteSettingsOf.ts'
import { vitepressEntryOf } from '../../core/site/vitepressEntryOf.ts'
import { vitepressLogger } from './vitepressLogger.ts'
import { recordFilesStillIn } from './recordFilesStillIn.ts'
import { applyServerHeapSettings, isHeapGrowthPercent } from '../runtime/applyServerHeapSettings.ts'

/** What the dev server reports (the CLI prints it on stderr). */
export type DevEvent =
  | { type: 'ready'; url: string; records: number }
  /** An edited record's page data was written, ahead of the rest of its update. */
  | { type: 'record'; file: string; written: string }
  | { type: 'update'; changed: string[]; removed: string[]; written: number; reloadedTemplates: boolean }
  | { type: 'error'; message: string }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }

export interface DevServerOptions {
  /** Port to listen on (default 5173); 0 picks a free one. */
  port?: number
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string
  onEvent?: (event: DevEvent) => void
  /** Quiet period before a burst of file events is handled. Default 20 ms. */
  debounceMs?: number
  /** How many records are read at a time when the server starts or a template changes (`START_BATCH`, 500). */
  readBatch?: number
  /**
   * While the server runs, how far V8 lets the heap grow past what is live before it collects,
   * in percent (`HEAP_GROWTH_PERCENT`, 50), with code kept between saves
   * (`applyServerHeapSettings`); `false` leaves V8's defaults (a heap up to about four times what
   * is live). A flag Node was started with wins (`node --heap-growing-percent=…`).
   */
  heapGrowthPercent?: number | false
}

export interface DevServer {
  url: string
  /** Resolves when every file event seen so far has been handled (for tests and scripts). */
  settled(): Promise<void>
  close(): Promise<void>
}

/** Quiet period after a file event: a save that writes several times is handled once. */
const DEBOUNCE_MS = 20

/**
 * Each save plans the aggregate pages again and leaves garbage in proportion to the records; with
 * V8's default the dev server's heap grew to about four times what it holds
 * (docs/decisions/0019-dev-bounds-its-heap.md).
 */
const HEAP_GROWTH_PERCENT = 50

/**
 * Serves the site with VitePress's dev server and keeps it in step with the records: the
 * releases and templates folders are watched (chokidar, folders not globs); after a quiet
 * period of `debounceMs` the changed records alone are read again, an edited record's page data is
 * written at once, then the pages and data are re-planned and only the files whose content changed are rewritten in the generated folder,
 * which the dev server picks up. A template change re-reads every record (it may change how
 * groups are classified). A record that cannot be read shows its problems on its own page.
 */
export async function startDevServer(initial: Project, options: DevServerOptions = {}): Promise<DevServer> {
  const growth = options.heapGrowthPercent ?? HEAP_GROWTH_PERCENT
  if (growth !== false && !isHeapGrowthPercent(growth)) throw new RangeError(`heapGrowthPercent must be a whole number of percent above 0 or false, not ${growth}`)
  // From the start on: a warm start reads every record's cached entry at full speed.
  const restoreHeap = growth === false ? () => {} : applyServerHeapSettings(growth)
  try {
    const server = await serve(initial, options)
    return {
      ...server,
      async close() {
        try {
          await server.close()
        } finally {
          restoreHeap()
        }
      },
    }
  } catch (error) {
    restoreHeap()
    throw error
  }
}

async function serve(initial: Project, options: DevServerOptions): Promise<DevServer> {
  const emit = options.onEvent ?? (() => {})
  let project = initial
  const dirs = siteDirsOf(project)
  const cache = createBodyCache(dirs.bodyCacheDir)
  const settings = () => siteSettingsOf(project.config, dirs)
  const repo = () => siteRepoOf(project.config)

  // Each record as last read until its files are written; then only its page and what the
  // aggregate pages read of it (`aggregateReadingOf`): a record planned again under a new route is
  // read again for it.
  const records = new Map<string, LiveRecord>()
  const keep = (read: readonly SiteRecord[]): void => {
    for (const { record, bodyHtml } of read) {
      records.set(record.file, { file: record.file, repository: record.repository, record, bodyHtml, key: null, page: null, reading: aggregateReadingOf(record) })
    }
  }
  const listed = findRecordFiles(project.root, project.config.releases).files
  // "Last updated" dates, read from git once at the start (a save is not a commit).
  const lastUpdated = await readLastUpdated(project.root, listed)
  // Release routes of the last plan: an edited record keeps its route (the set of files is the same).
  let routes = new Map<string, string>()
  const site = createLiveSite(dirs.srcDir)
  const planOptions = (): PlanSiteOptions => ({
    settings: settings(),
    releasesDir: project.config.releases,
    dailyDeployDays: project.config.metrics.dailyDeployDays,
    repo: repo(),
    targets: project.config.targets,
    timeZone: project.config.timezone,
    lastUpdated,
    siteUrl: project.config.site.url,
  })
  const releaseOf = (entry: LiveRecord, options: PlanSiteOptions) => releaseOptionsOf(entry, routes.get(entry.file) ?? entry.file, options)
  /** Writes the files of each of `files`' releases whose record or route changed, and lets its record go. */
  const planReleases = (files: readonly string[], options: PlanSiteOptions): { written: number; removed: string[] } => {
    let written = 0
    const removed: string[] = []
    for (const file of files) {
      const entry = records.get(file)
      if (entry === undefined || entry.record === null) continue
      const release = releaseOf(entry, options)
      const key = releaseFilesKey(release)
      if (entry.key === key || entry.bodyHtml === undefined) continue
      const planned = releaseFilesOf(ownRecord(entry.record, release), entry.bodyHtml, release)
      const change = site.put(releaseGroup(file), planned.files)
      written += change.written.length
      removed.push(...change.removed)
      Object.assign(entry, { key, page: planned.page, bodyHtml: undefined, record: null })
    }
    return { written, removed }
  }
  /**
   * Brings the generated folder in step with `records`: the files of each release whose record
   * or route changed, then the site's other pages and data (Home, Metrics, components, feed).
   * Only files whose content changed are written.
   */
  const sync = async (): Promise<{ written: number; removed: string[] }> => {
    const files = [...records.keys()].sort()
    routes = releaseRoutes(files, project.config.releases)
    const options = planOptions()
    const again = files.filter((file) => {
      const entry = records.get(file) as LiveRecord
      return entry.record === null && entry.key !== releaseFilesKey(releaseOf(entry, options))
    })
    if (again.length > 0) keep((await readSiteRecords(project, cache, { files: again, cwd: project.root })).records)
    const released = planReleases(files, options)
    const held = files.map((file) => records.get(file) as LiveRecord).filter((entry) => entry.page !== null)
    const aggregates = planAggregates(
      held.map((entry) => entry.reading),
      held.map((entry) => entry.page as ReleasePage),
      options,
    )
    for (const [path, content] of vitepressEntryOf(dirs)) aggregates.set(path, content)
    const change = site.put(SITE_GROUP, aggregates)
    return { written: released.written + change.written.length, removed: [...released.removed, ...change.removed] }
  }
  /** The files among `files` still there and inside the releases folder; those led out of it are logged, never read. */
  const presentOf = (files: readonly string[]): string[] => {
    const { present, outside } = recordFilesStillIn(project.root, project.config.releases, files)
    for (const file of outside) emit({ type: 'log', level: 'warn', message: `${file}: skipped: symbolic link pointing outside the releases folder` })
    return present
  }
  /**
   * Reads `files` a batch at a time (`readBatch`), each batch's release files written and its
   * records let go before the next is read, so that no read holds every record with its body.
   */
  const readInBatches = async (files: readonly string[]): Promise<void> => {
    routes = releaseRoutes(files, project.config.releases)
    const size = Math.max(1, options.readBatch ?? START_BATCH)
    // One set of parse workers for every batch (each would otherwise start and warm up its own).
    const pool = siteParsePool(project)
    try {
      for (let start = 0; start < files.length; start += size) {
        // (A file removed or led out of the releases folder since it was listed is not asked for:
        // it would be a usage error.)
        const batch = presentOf(files.slice(start, start + size))
        if (batch.length === 0) continue
        keep((await readSiteRecords(project, cache, { files: batch, cwd: project.root, pool })).records)
        planReleases(batch, planOptions())
      }
    } finally {
      await pool.close()
    }
  }
  await readInBatches(listed)
  await sync()
  linkSiteDependencies(dirs.workDir)
  site.serving()

  const { createServer } = await import('vitepress')
  const host = options.host ?? '127.0.0.1'
  const port = options.port === 0 ? await freePort(host) : (options.port ?? 5173)
  const server = await createServer(dirs.srcDir, { port, host, strictPort: options.port !== undefined })
  // VitePress hands its logger to Vite as Vite's `customLogger`: one object, whose methods become
  // shiplog's logger's, so that what either logs reaches `onEvent` (stdout is for data).
  const logger = vitepressLogger((event) => {
    if (event.phase === 'log') emit({ type: 'log', level: event.level, message: event.message })
  }, false)
  const { info, warn, warnOnce, error, clearScreen, hasErrorLogged } = logger
  Object.assign(server.config.logger, { info, warn, warnOnce, error, clearScreen, hasErrorLogged })
  try {
    await server.listen()
  } catch (error) {
    // The server holds watchers and its HTTP server's handles even when it could not listen:
    // close them, or the process would never end.
    await server.close().catch(() => {})
    throw listenFailure(error, port)
  }
  const url = server.resolvedUrls?.local[0] ?? `http://${host}:${port}/`

  // Watch folders, not globs (chokidar ignores globs); only record files and templates count.
  const releasesDir = join(project.root, project.config.releases)
  const templatesDir = join(project.root, project.config.templates)
  const pending = new Set<string>()
  let templatesChanged = false
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> = Promise.resolve()

  const isTemplate = (path: string): boolean => path === templatesDir || path.startsWith(templatesDir + sep)
  const ignored = (path: string, stats?: { isFile(): boolean }): boolean => {
    const name = basename(path)
    if (path !== releasesDir && path !== templatesDir && (name.startsWith('.') || name.startsWith('_'))) return true
    if (!stats?.isFile()) return false
    return isTemplate(path) ? !name.endsWith('.md') : !isRecordFileName(name)
  }

  const update = async (): Promise<void> => {
    const changed = [...pending]
    pending.clear()
    const reloadTemplates = templatesChanged
    templatesChanged = false
    try {
      // Records no longer there lose their files after the pages that link to them are planned again.
      let dropped: string[]
      if (reloadTemplates) {
        project = await loadProject(project.root)
        const before = new Set(records.keys())
        records.clear()
        await readInBatches(findRecordFiles(project.root, project.config.releases).files)
        dropped = [...before].filter((file) => !records.has(file))
      } else {
        // The path rule (pathRule.ts) holds for saves too: a changed file whose real path has left
        // the releases folder (a link made to point outside) is dropped, never read.
        const present = presentOf(changed)
        dropped = changed.filter((file) => !present.includes(file) && records.has(file))
        for (const file of dropped) records.delete(file)
        // The edited records' own page data first (`onParsed`): the page the author is looking at
        // updates before the body is rendered and the rest of the site is planned again.
        // (No file given would read them all.)
        const read = present.length === 0 ? { records: [] } : await readSiteRecords(project, cache, {
          files: present,
          cwd: project.root,
          onParsed: ({ records: parsed }) => {
            if (dropped.length > 0 || !parsed.every((record) => records.has(record.file))) return
            for (const record of parsed) {
              const data = releaseDataOf(record, routes.get(record.file) ?? record.file, repo(), project.config.timezone, lastUpdated.get(record.file) ?? null)
              if (site.write(releaseGroup(record.file), data.path, data.content)) emit({ type: 'record', file: record.file, written: data.path })
            }
          },
        })
        keep(read.records)
      }
      const result = await sync()
      const removed = [...result.removed]
      for (const file of dropped) if (!records.has(file)) removed.push(...site.drop(releaseGroup(file)))
      emit({ type: 'update', changed, removed, written: result.written, reloadedTemplates: reloadTemplates })
    } catch (error) {
      emit({ type: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  }

  const schedule = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      running = running.then(update)
    }, options.debounceMs ?? DEBOUNCE_MS)
  }

  const onFile = (path: string): void => {
    if (isTemplate(path)) templatesChanged = true
    else pending.add(relative(project.root, path).split(sep).join('/'))
    schedule()
  }

  const watched = [releasesDir, templatesDir].filter((dir) => existsSync(dir))
  // No awaitWriteFinish: it holds every event back for its polling window. A save caught half
  // written reads as a record with problems for a moment; the event of its last write follows.
  const watcher: FSWatcher = watch(watched, { ignoreInitial: true, ignored })
  watcher.on('add', onFile).on('change', onFile).on('unlink', onFile)
  watcher.on('unlinkDir', (dir: string) => {
    const prefix = `${relative(project.root, dir).split(sep).join('/')}/`
    for (const file of records.keys()) if (file.startsWith(prefix)) pending.add(file)
    schedule()
  })
  watcher.on('error', (error: unknown) => emit({ type: 'error', message: `watching the records: ${String(error)}` }))
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  emit({ type: 'ready', url, records: records.size })

  return {
    url,
    async settled() {
      // Wait out the write-finish window and the debounce, then the update queue.
      for (;;) {
        const before = running
        await new Promise((resolve) => setTimeout(resolve, 100 + (options.debounceMs ?? DEBOUNCE_MS)))
        await running
        if (timer === null && pending.size === 0 && before === running) return
      }
    },
    async close() {
      if (timer) clearTimeout(timer)
      await watcher.close()
      await running
      await server.close()
    },
  }
}

/**
 * Vite reports a busy port (with `strictPort`) as a plain Error: give it the `code` and `syscall`
 * Node's own listen errors have (`EADDRINUSE`, `listen`), so that callers tell a failure to listen
 * from others by those alone.
 */
function listenFailure(error: unknown, port: number): unknown {
  if (error instanceof Error && !(error as NodeJS.ErrnoException).code && error.message === `Port ${port} is already in use`) {
    return Object.assign(error, { code: 'EADDRINUSE', syscall: 'listen' })
  }
  return error
}

/** A port that is free now (Vite reads port 0 as its default port, not as "any"). */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer()
    probe.once('error', reject)
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/**
 * A record the dev server holds: the record and its body's HTML until its files are written (then
 * null and undefined), the key and page they were planned under, and what the aggregate pages read of it.
 */
interface LiveRecord {
  file: string
  repository: string | undefined
  record: ReleaseRecord | null
  bodyHtml: string | null | undefined
  key: string | null
  page: ReleasePage | null
  reading: AggregateReading
}

/**
 * How many records the dev server reads at a time when it starts or a template changes: each
 * batch (~50 MB with their bodies at 500) is let go once its pages are written.
 */
const START_BATCH = 500

/** The generated files' groups (`LiveSite`): one per release, and the rest of the site. */
const SITE_GROUP = 'site'
function releaseGroup(file: string): string {
  return `release:${file}`
}
