import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeCorpus } from '../../bench/generateCorpus.ts'
import { loadProject, type Project } from '../../src/node/fs/loadProject.ts'
import type { ReadStats } from '../../src/node/fs/readRecords.ts'
import { createBodyCache } from '../../src/node/cache/bodyCache.ts'
import type { SiteRecord } from '../../src/core/site/planSite.ts'
import { readSiteRecords } from '../../src/node/site/readSiteRecords.ts'
import { renderInWorkers } from '../../src/node/workers/renderInWorkers.ts'
import { renderRecordBody } from '../../src/core/site/renderRecordBody.ts'

/** What a page is made of: the record's file, version, item states, and the body's HTML. */
function pagesOf(records: SiteRecord[]): Array<[string, unknown, string, string | null]> {
  return records.map(({ record, bodyHtml }) => [
    record.file,
    record.frontmatter.data['version'],
    record.stages.flatMap((stage) => stage.groups.flatMap((group) => group.items.map((item) => (item.checked ? 'x' : item.notApplicable ? 'n' : ' ')))).join(''),
    bodyHtml,
  ])
}

describe('readSiteRecords with the caches and workers on and off', () => {
  let root: string
  let project: Project
  let fresh: SiteRecord[]
  const env = { workers: process.env['SHIPLOG_WORKERS'], cache: process.env['SHIPLOG_CACHE_DIR'] }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'shiplog-site-fast-'))
    writeCorpus(root, 20, 3)
    process.env['SHIPLOG_CACHE_DIR'] = join(root, '.cache')
    project = await loadProject(root)
    // The reference: no cache of either kind, no worker.
    fresh = (await readSiteRecords(project, createBodyCache(null), { recordCache: false, workers: false })).records
  })
  afterAll(() => {
    rmSync(root, { recursive: true, force: true })
    for (const [name, value] of [['SHIPLOG_WORKERS', env.workers], ['SHIPLOG_CACHE_DIR', env.cache]] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  it('should give the records and bodies of a read without caches or workers, rendering in two workers, then from both caches', async () => {
    expect(fresh).toHaveLength(20)
    expect(fresh.every((page) => page.bodyHtml !== null && page.bodyHtml.includes('<input type="checkbox"'))).toBe(true)
    process.env['SHIPLOG_WORKERS'] = '2'
    const bodies = join(root, '.bodies')
    const progress: number[] = []
    const coldStats = { records: {} as ReadStats, bodies: { cached: 0, rendered: 0 } }
    const cold = (await readSiteRecords(project, createBodyCache(bodies), { onRecord: (done) => progress.push(done), stats: coldStats })).records
    expect(pagesOf(cold)).toEqual(pagesOf(fresh))
    // Parsed in the site's two workers, each body rendered with its record.
    expect(coldStats.records).toMatchObject({ files: 20, hits: 0, parsed: 20, workers: 2 })
    expect(coldStats.bodies).toEqual({ cached: 0, rendered: 20, withRecords: 20 })
    expect(progress).toEqual(Array.from({ length: 20 }, (_, k) => k + 1))
    expect(readdirSync(bodies)).toHaveLength(20)
    const stats = { records: {} as ReadStats, bodies: { cached: 0, rendered: 0 } }
    const warm = (await readSiteRecords(project, createBodyCache(bodies), { stats })).records
    expect(pagesOf(warm)).toEqual(pagesOf(fresh))
    // Every entry written by the first read verifies (its MAC) and is used.
    expect(stats.records).toMatchObject({ files: 20, hits: 20, parsed: 0 })
    expect(stats.bodies).toEqual({ cached: 20, rendered: 0, withRecords: 0 })
  }, 120_000)

  it('should hand the records over before rendering any body when asked to (onParsed), and render the bodies after', async () => {
    const order: string[] = []
    const afterStats = { records: {} as ReadStats, bodies: { cached: 0, rendered: 0 } }
    const got = await readSiteRecords(project, createBodyCache(null), { files: fresh.slice(0, 2).map((page) => page.record.file), cwd: root, recordCache: false, workers: false, onParsed: ({ records }) => order.push(`parsed ${records.length}`), onRecord: (done) => order.push(`body ${done}`), stats: afterStats })
    expect(order).toEqual(['parsed 2', 'body 1', 'body 2'])
    // None of the bodies came with its record: each was rendered after the records were handed over.
    expect(afterStats.bodies).toEqual({ cached: 0, rendered: 2, withRecords: 0 })
    expect(pagesOf(got.records)).toEqual(pagesOf(fresh.slice(0, 2)))
  }, 120_000)

  it('should render in this thread what a worker could not, with no worker at all', async () => {
    const jobs = [{ markdown: '# A\n\n- [x] done\n', options: { file: 'releases/a.md' } }]
    const got: Array<[number, string | null]> = []
    await renderInWorkers(jobs, 1, (index, html) => got.push([index, html]), new URL('data:text/javascript,throw new Error("no worker")'))
    expect(got).toEqual([[0, null]])
    const rendered: Array<[number, string | null]> = []
    await renderInWorkers(jobs, 1, (index, html) => rendered.push([index, html]))
    expect(rendered).toEqual([[0, renderRecordBody(jobs[0]!.markdown, jobs[0]!.options)]])
    expect(rendered[0]![1]).toContain('<input type="checkbox" checked disabled aria-label="done"> done</li>')
  })
})
