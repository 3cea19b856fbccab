import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeCorpus } from '../../bench/generateCorpus.ts'
import { createBodyCache } from '../../src/node/cache/bodyCache.ts'
import { loadProject, type Project } from '../../src/node/fs/loadProject.ts'
import type { ReadStats } from '../../src/node/fs/readRecords.ts'
import { readSiteRecords, siteParsePool } from '../../src/node/site/readSiteRecords.ts'

// The dev server's start reads its records in batches through one set of parse workers
// (`siteParsePool`); the workers write the records they parse to the record cache. A pool is made
// for one record cache (the read's `recordCache` and `cacheScope`): a read looking in another is
// refused, never fed entries written where it does not look.
describe('siteParsePool', () => {
  let root: string
  let cacheDir: string
  /** Where the record cache is, under SHIPLOG_CACHE_DIR. */
  let records: string
  let project: Project
  const env = { workers: process.env['SHIPLOG_WORKERS'], cache: process.env['SHIPLOG_CACHE_DIR'] }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'shiplog-site-pool-'))
    writeCorpus(root, 6, 5)
    cacheDir = join(root, '.cache')
    records = join(cacheDir, 'records')
    process.env['SHIPLOG_CACHE_DIR'] = cacheDir
    process.env['SHIPLOG_WORKERS'] = '2'
    project = await loadProject(root)
  })
  afterAll(() => {
    rmSync(root, { recursive: true, force: true })
    for (const [name, value] of [['SHIPLOG_WORKERS', env.workers], ['SHIPLOG_CACHE_DIR', env.cache]] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  it('refuses a read that looks in another record cache than its workers write to', async () => {
    const pool = siteParsePool(project)
    try {
      await expect(readSiteRecords(project, createBodyCache(null), { recordCache: false, pool })).rejects.toThrow(
        `the parse pool writes the record cache to ${records}, this read uses none`,
      )
      await expect(readSiteRecords(project, createBodyCache(null), { cacheScope: 'payments', pool })).rejects.toThrow(
        `the parse pool writes the record cache to ${records}, this read uses ${join(records, 'payments')}`,
      )
    } finally {
      await pool.close()
    }
    expect(existsSync(cacheDir)).toBe(false)
  })

  it('parses in its workers into the scoped cache the read looks in, and into none without a cache', async () => {
    const scoped = siteParsePool(project, { cacheScope: 'payments' })
    const stats = { records: {} as ReadStats, bodies: { cached: 0, rendered: 0 } }
    try {
      const read = await readSiteRecords(project, createBodyCache(null), { cacheScope: 'payments', pool: scoped, stats })
      expect(read.records).toHaveLength(6)
    } finally {
      await scoped.close()
    }
    expect(stats.records).toMatchObject({ files: 6, hits: 0, parsed: 6, workers: 2 })
    // Every entry under the scope's folder, none beside it.
    expect(readdirSync(records)).toEqual(['payments'])
    const again = { records: {} as ReadStats, bodies: { cached: 0, rendered: 0 } }
    await readSiteRecords(project, createBodyCache(null), { cacheScope: 'payments', workers: false, stats: again })
    expect(again.records).toMatchObject({ files: 6, hits: 6, parsed: 0 })

    rmSync(cacheDir, { recursive: true, force: true })
    const uncached = siteParsePool(project, { recordCache: false })
    const off = { records: {} as ReadStats, bodies: { cached: 0, rendered: 0 } }
    try {
      await readSiteRecords(project, createBodyCache(null), { recordCache: false, pool: uncached, stats: off })
    } finally {
      await uncached.close()
    }
    expect(off.records).toMatchObject({ files: 6, parsed: 6, workers: 2 })
    expect(existsSync(cacheDir)).toBe(false)
  })
})
