import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, sep } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadProject } from '../../src/node/fs/loadProject.ts'
import { buildSite } from '../../src/node/site/buildSite.ts'
import { copyFixtureProject } from './helpers.ts'

/**
 * `build` reads and parses each record exactly once: every way of opening a file through node:fs
 * is counted per record file, and every call of the parser per record, while a real build runs
 * (VitePress, which reads the generated pages and never the records, is replaced by a writer of
 * one page).
 */
const counts = vi.hoisted(() => ({ releases: '', opened: new Map<string, number>(), parsed: new Map<string, number>() }))
const bump = (map: Map<string, number>, key: string): void => {
  map.set(key, (map.get(key) ?? 0) + 1)
}

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>()
  const count = (path: unknown): void => {
    const text = String(path)
    if (counts.releases !== '' && text.startsWith(counts.releases)) bump(counts.opened, text.slice(counts.releases.length))
  }
  const wrap = <F extends (...args: never[]) => unknown>(fn: F): F => ((...args: Parameters<F>) => (count(args[0]), fn(...args))) as F
  const patched = {
    ...fs,
    openSync: wrap(fs.openSync),
    open: wrap(fs.open),
    readFileSync: wrap(fs.readFileSync),
    readFile: wrap(fs.readFile),
    createReadStream: wrap(fs.createReadStream),
  }
  return { ...patched, default: patched }
})

vi.mock('../../src/core/record/parseRecord.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/record/parseRecord.ts')>()
  return {
    ...actual,
    parseRecord: (source: string | Uint8Array, options: { file: string }) => {
      bump(counts.parsed, options.file)
      return actual.parseRecord(source, options)
    },
  }
})

// Each body rendered, and whether from the tree its record was read from (decision 16) or by parsing it again.
const renders = vi.hoisted(() => ({ withTree: 0, parsedAgain: 0 }))
vi.mock('../../src/core/site/renderRecordBody.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/site/renderRecordBody.ts')>()
  return {
    ...actual,
    renderRecordBody: (...args: Parameters<typeof actual.renderRecordBody>) => {
      if (args[2] === undefined) renders.parsedAgain++
      else renders.withTree++
      return actual.renderRecordBody(...args)
    },
  }
})

vi.mock('../../src/node/site/runVitepressBuild.ts', async () => {
  const fs = await vi.importActual<typeof import('node:fs')>('node:fs')
  return {
    runVitepressBuild: async (job: { outDir: string }): Promise<void> => {
      fs.mkdirSync(job.outDir, { recursive: true })
      fs.writeFileSync(join(job.outDir, 'index.html'), '<h1>site</h1>')
    },
  }
})

/** The fixture project's records (hostile ones left out), by hand: two components. */
const RECORDS = [
  'payments-api/2.3.0.md',
  'payments-api/2.4.0.md',
  'payments-api/2.4.1.md',
  'web-storefront/3.2.0.md',
  'web-storefront/3.3.0.md',
]
const once = new Map(RECORDS.map((file) => [file, 1]))

let root: string
const env = { workers: process.env['SHIPLOG_WORKERS'], cache: process.env['SHIPLOG_CACHE_DIR'], noCache: process.env['SHIPLOG_NO_CACHE'] }
beforeEach(() => {
  root = copyFixtureProject({ hostile: false }).root
  counts.releases = join(root, 'releases') + sep
  for (const name of ['SHIPLOG_WORKERS', 'SHIPLOG_CACHE_DIR', 'SHIPLOG_NO_CACHE']) delete process.env[name]
})
afterEach(() => {
  counts.releases = ''
  rmSync(root, { recursive: true, force: true })
  for (const [name, value] of [['SHIPLOG_WORKERS', env.workers], ['SHIPLOG_CACHE_DIR', env.cache], ['SHIPLOG_NO_CACHE', env.noCache]] as const) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

/** Builds the site, counting from zero; returns the files opened and parsed, each with how often. */
async function countedBuild(options: { cache?: boolean; workers?: boolean }): Promise<{ opened: Map<string, number>; parsed: Map<string, number> }> {
  const project = await loadProject(root)
  counts.opened.clear()
  counts.parsed.clear()
  renders.withTree = 0
  renders.parsedAgain = 0
  await buildSite(project, { quiet: true, ...options })
  const parsed = new Map([...counts.parsed].map(([file, n]) => [file.replace(/^releases\//, ''), n]))
  return { opened: new Map(counts.opened), parsed }
}

describe('build reads and parses each record once', () => {
  it('should open each record file once and parse it once, and still show its body', async () => {
    const { opened, parsed } = await countedBuild({ cache: false, workers: false })
    expect(opened).toEqual(once)
    expect(parsed).toEqual(once)
    // Each body is rendered from the tree its record was parsed into, never parsed a second time.
    expect(renders).toEqual({ withTree: RECORDS.length, parsedAgain: 0 })
    // The body was rendered from those same bytes: the record's page shows its checklist.
    const { html } = JSON.parse(readFileSync(join(root, '.shiplog/site/data/bodies/payments-api/2.4.1.json'), 'utf8')) as { html: string }
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="All automated tests passing"> All automated tests passing')
  }, 120_000)

  it('should open each record once and parse none on a build whose records are all in the cache', async () => {
    const cold = await countedBuild({})
    expect(cold.opened).toEqual(once)
    expect(cold.parsed).toEqual(once)
    expect(readdirSync(join(root, '.shiplog/cache/bodies'))).toHaveLength(RECORDS.length)
    const warm = await countedBuild({})
    expect(warm.opened).toEqual(once)
    expect(warm.parsed).toEqual(new Map())
  }, 120_000)
})
