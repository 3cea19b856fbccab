import { siteRepoOf } from '../../core/site/siteRepoOf.ts'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ShiplogError } from '../../core/errors.ts'
import { isProcessAlive } from '../fs/isProcessAlive.ts'
import type { Project } from '../fs/loadProject.ts'
import { createBodyCache } from '../cache/bodyCache.ts'
import { linkSiteDependencies } from './linkSiteDependencies.ts'
import { planSite, type SiteRecord } from '../../core/site/planSite.ts'
import { inRepository } from '../../core/record/inRepository.ts'
import type { RecordRevision } from '../../core/feed/types.ts'
import type { RepositoryProject } from '../fs/loadProjects.ts'
import { readRevisions } from '../git/readRevisions.ts'
import { assertPublishable, publishSite, removeAbandonedPublishes } from './publishSite.ts'
import { readSiteRecords } from './readSiteRecords.ts'
import { siteDirsOf, type SiteDirs } from './siteDirs.ts'
import { siteSettingsOf } from '../../core/site/siteSettingsOf.ts'
import { vitepressEntryOf } from '../../core/site/vitepressEntryOf.ts'
import { runVitepressBuild } from './runVitepressBuild.ts'
import { writeSite } from './writeSite.ts'

/** What a build reports while it runs (the CLI prints it on stderr). */
export type SiteProgress =
  | { phase: 'read'; done: number; total: number }
  | { phase: 'generate'; pages: number; files: number }
  | { phase: 'vitepress' }
  | { phase: 'publish'; outDir: string }
  | { phase: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  /** A line VitePress wrote itself (its progress), as written (colours included); none with `quiet`. */
  | { phase: 'output'; line: string }

export interface BuildSiteOptions {
  onProgress?: (event: SiteProgress) => void
  /** Silence VitePress's own progress output (its warnings and errors still reach `onProgress`). */
  quiet?: boolean
  /** Output folder relative to the project root (default: `site.outDir`). */
  outDir?: string
  /** Cache parsed records and rendered bodies in `.shiplog/cache` (default true). */
  cache?: boolean
  /** Replace an output folder shiplog did not build (one without its marker file). */
  force?: boolean
  /** Parse and render in worker threads when there are enough records (default true); false: this thread only. */
  workers?: boolean
  /**
   * The project roots to build one site over (`loadProjects`), the project itself among them or
   * not; more than one makes a site over several repositories (docs/org-scale.md). The site's own
   * settings (title, output folder, base, targets, timezone) stay the project's. Default: the project alone.
   */
  repositories?: readonly RepositoryProject[]
}

export interface BuildSiteResult {
  outDir: string
  records: number
  pages: number
  /** Milliseconds: reading and generating, the VitePress build, in total. */
  timings: { generate: number; vitepress: number; total: number }
}

/**
 * Builds the static site: reads every record, generates the pages and data into `.shiplog/site`
 * with the entry files that make it a VitePress project (`vitepressEntryOf`: shiplog's
 * configuration and theme, and the project's own), runs VitePress there into a temporary folder and, only when that succeeded, puts it in place of the
 * output folder (`publishSite`). A failed build leaves the last good site untouched. Before
 * anything is read or written, the folders are checked (`siteDirsOf`), what earlier killed builds
 * left is cleaned up, and an output folder shiplog did not build is refused unless `force`.
 */
export async function buildSite(project: Project, options: BuildSiteOptions = {}): Promise<BuildSiteResult> {
  const started = Date.now()
  const report = options.onProgress ?? (() => {})
  const dirs = siteDirsOf(project, options.outDir)
  removeAbandonedPublishes(dirs.outDir)
  assertPublishable(dirs.outDir, options.force === true)
  const cache = createBodyCache(options.cache === false ? null : dirs.bodyCacheDir)

  const roots = options.repositories !== undefined && options.repositories.length > 1 ? options.repositories : null
  const records: SiteRecord[] = []
  const revisions = new Map<string, RecordRevision>()
  // One root after the other (each in its own worker pool); over several, records are labelled by repository.
  for (const { name, project: root } of roots ?? [{ name: '', project }]) {
    const read = await readSiteRecords(root, cache, {
      recordCache: options.cache !== false,
      workers: options.workers !== false,
      ...(roots === null ? {} : { cacheScope: name }),
      // (No `onParsed`: with it, bodies would be rendered after the records, each parsed again.)
      onRecord: (done, total) => report({ phase: 'read', done: records.length + done, total: records.length + total }),
    })
    for (const skip of read.skipped) report({ phase: 'log', level: 'warn', message: `${roots === null ? '' : `${name}/`}${skip.file}: skipped: ${skip.reason}` })
    // When each record was last committed and how often: one `git log` per root for all of its records (none outside git).
    const rootRevisions = await readRevisions(
      root.root,
      read.records.map((r) => r.record.file),
    )
    for (const [file, revision] of rootRevisions) revisions.set(roots === null ? file : `${name}/${file}`, revision)
    for (const r of read.records) records.push(roots === null ? r : { ...r, record: inRepository([r.record], name)[0] as SiteRecord['record'] })
  }
  const lastUpdated = new Map([...revisions].map(([file, revision]) => [file, revision.lastUpdated]))
  const plan = planSite(records, {
    settings: siteSettingsOf(project.config, dirs),
    releasesDir: project.config.releases,
    dailyDeployDays: project.config.metrics.dailyDeployDays,
    repo: siteRepoOf(project.config),
    targets: project.config.targets,
    timeZone: project.config.timezone,
    lastUpdated,
    revisions,
    siteUrl: project.config.site.url,
    ...(roots === null
      ? {}
      : {
          repositories: new Map(
            roots.map(({ name, project: root }) => [
              name,
              { releasesDir: root.config.releases, repo: siteRepoOf(root.config) },
            ]),
          ),
        }),
  })
  for (const [path, content] of vitepressEntryOf(dirs)) plan.set(path, content)
  writeSite(dirs.srcDir, plan)
  const pages = [...plan.keys()].filter((path) => path.endsWith('.md')).length
  report({ phase: 'generate', pages, files: plan.size })
  const generated = Date.now()

  report({ phase: 'vitepress' })
  removeAbandonedStaging(dirs.workDir)
  const staging = join(dirs.workDir, `out-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    await buildWithVitepress(dirs, staging, options.quiet === true, report)
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    const message = error instanceof Error ? error.message : String(error)
    throw new ShiplogError(`the site build failed, the previous site in ${dirs.outDir} is unchanged: ${message.split('\n')[0]}`, 1)
  }
  const built = Date.now()
  try {
    publishSite(staging, dirs.outDir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOSPC' ? 'no space left on the device' : error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
    throw new ShiplogError(`Could not publish the site to ${dirs.outDir}: ${reason}${code && !reason.includes(code) ? ` (${code})` : ''}; the previous site is unchanged`, 1)
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  report({ phase: 'publish', outDir: dirs.outDir })
  cache.prune()
  return {
    outDir: dirs.outDir,
    records: records.length,
    pages,
    timings: { generate: generated - started, vitepress: built - generated, total: Date.now() - started },
  }
}

async function buildWithVitepress(dirs: SiteDirs, outDir: string, quiet: boolean, report: (event: SiteProgress) => void): Promise<void> {
  // VitePress imports the server bundle it writes here: start from an empty folder, so that nothing
  // found there (a restored or committed cache) is ever among what it imports.
  rmSync(dirs.tempDir, { recursive: true, force: true })
  mkdirSync(dirs.tempDir, { recursive: true })
  linkSiteDependencies(dirs.workDir)
  await runVitepressBuild({ root: dirs.srcDir, outDir, tempDir: dirs.tempDir, quiet }, report)
}

/** Removes staging folders left by builds whose process is gone (killed mid-build). */
function removeAbandonedStaging(workDir: string): void {
  let names: string[]
  try {
    names = readdirSync(workDir)
  } catch {
    return
  }
  for (const name of names) {
    const pid = /^out-(\d+)-[0-9a-f]+$/.exec(name)?.[1]
    if (pid === undefined || Number(pid) === process.pid || isProcessAlive(Number(pid))) continue
    rmSync(join(workDir, name), { recursive: true, force: true })
  }
}
