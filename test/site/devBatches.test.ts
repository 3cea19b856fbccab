import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadProject } from '../../src/node/fs/loadProject.ts'
import { startDevServer } from '../../src/node/site/devServer.ts'
import { siteDirsOf } from '../../src/node/site/siteDirs.ts'
import { copyFixtureProject } from './helpers.ts'
import { filesIn } from './filesIn.ts'

// The dev server reads the records a batch at a time when it starts, each batch's pages written
// and its records let go before the next is read; the aggregate pages are planned from what it
// kept of each record (`aggregateReadingOf`). Started on the same records in batches of 2 (parsed
// in worker threads kept across batches) and in one batch, it must write the very same folder.

/** Two dev servers (VitePress and its dependency optimisation) on a busy machine. */
const TEST_MS = 180_000

/** A copy of the fixture project with a second file for one route id. */
function project(): string {
  const { root } = copyFixtureProject()
  // Listed first (`P` < `p`), it takes the route id `payments-api/2.4.1`: `payments-api/2.4.1.md`,
  // read in a later batch, is routed as if every record had been read at once.
  mkdirSync(join(root, 'releases/Payments-API'))
  // Its body links into the repository: workers must render it with the site's repository.
  const hotfix = readFileSync(join(root, 'releases/payments-api/2.4.1.md'), 'utf8').replace('2.4.1', '2.4.1-hotfix')
  writeFileSync(join(root, 'releases/Payments-API/2.4.1.md'), `${hotfix}\nSee [the runbook](../../docs/runbook.md).\n`)
  return root
}

/** The generated folder a dev server started on `root` writes, reading `readBatch` records at a time. */
async function generatedFolder(root: string, readBatch: number): Promise<Map<string, string>> {
  const project = await loadProject(root)
  const src = siteDirsOf(project).srcDir
  // Nothing from an earlier start: no generated folder, no record or body cache.
  rmSync(join(root, '.shiplog'), { recursive: true, force: true })
  const server = await startDevServer(project, { port: 0, readBatch })
  try {
    // (The dependency links and VitePress's cache are not the plan.)
    const files = filesIn(src).filter((file) => !file.startsWith('node_modules/') && !file.startsWith('.vitepress/cache/'))
    return new Map(files.sort().map((file) => [file, readFileSync(join(src, file), 'utf8')]))
  } finally {
    await server.close()
  }
}

describe('shiplog dev start-up in batches', () => {
  it('should write the same generated folder reading two records at a time as reading them all at once', async () => {
    const root = project()
    let batched: Map<string, string>
    let whole: Map<string, string>
    // Batches of two parsed in worker threads (one set for every batch: `siteParsePool`), however few.
    const workers = process.env['SHIPLOG_WORKERS']
    process.env['SHIPLOG_WORKERS'] = '2'
    try {
      batched = await generatedFolder(root, 2)
    } finally {
      if (workers === undefined) delete process.env['SHIPLOG_WORKERS']
      else process.env['SHIPLOG_WORKERS'] = workers
    }
    try {
      // The same records again, in one batch, parsed in this thread (fewer than make workers pay).
      whole = await generatedFolder(root, 10_000)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
    // The fixture's records: more than a few batches of two, every release with its page and data.
    const pages = [...whole.keys()].filter((file) => /^releases\/.+\.md$/.test(file))
    expect(pages).toEqual([
      'releases/payments-api/2.3.0.md',
      'releases/payments-api/2.4.0.md',
      'releases/payments-api/2.4.1-2.md',
      'releases/payments-api/2.4.1.md',
      'releases/security-lab/hostile-js.md',
      'releases/security-lab/hostile.md',
      'releases/web-storefront/3.2.0.md',
      'releases/web-storefront/3.3.0.md',
    ])
    // The hotfix (listed first) has the plain route; the original the suffixed one.
    expect(whole.get('data/releases/payments-api/2.4.1.json')).toContain('2.4.1-hotfix')
    expect(whole.get('data/bodies/payments-api/2.4.1.json')).toContain('https://github.com/acme/releases/blob/main/docs/runbook.md')
    expect(whole.get('data/releases/payments-api/2.4.1-2.json')).not.toContain('2.4.1-hotfix')
    expect(whole.has('data/home.json')).toBe(true)
    expect(whole.has('public/releases.ics')).toBe(true)
    expect([...batched.keys()]).toEqual([...whole.keys()])
    for (const [file, content] of whole) expect(batched.get(file), file).toBe(content)
  }, TEST_MS)
})
