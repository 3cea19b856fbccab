import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { threadId } from 'node:worker_threads'
import { afterAll, describe, expect, it } from 'vitest'
import { createParsePool, MIN_PARALLEL_RECORDS, parseInWorkers, workerCount, type ParsedRecord, type ParseJob } from '../../src/node/workers/parseInWorkers.ts'
import { siteParseWorkerUrl } from '../../src/node/workers/renderInWorkers.ts'
import { decodeRecord } from '../../src/node/cache/recordCodec.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { recordBodyOf } from '../../src/core/site/recordBodyOf.ts'
import { renderRecordBody } from '../../src/core/site/renderRecordBody.ts'
import { siteBodyOptions } from '../../src/core/site/siteBodyOptions.ts'

const jobs: ParseJob[] = Array.from({ length: 7 }, (_, index) => ({
  file: `releases/${index}.md`,
  bytes: new TextEncoder().encode(`---\nstatus: approved\nversion: "1.${index}"\n---\n\n## Stage\n\n- [x] done ${index}\n- [ ] open\n`),
  key: null,
}))
const data = { templates: {}, defaultTemplate: 'deployment', cacheDir: null }

describe('parseInWorkers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-workers-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('should report every record once, encoded as parsed in this thread', async () => {
    const seen: Array<ParsedRecord | null> = new Array(jobs.length).fill(null)
    let reports = 0
    await parseInWorkers(jobs, data, 2, (index, parsed) => {
      reports++
      seen[index] = parsed
    })
    expect(reports).toBe(jobs.length)
    jobs.forEach((job, index) => {
      const expected = parseRecord(job.bytes, { file: job.file, templates: {}, defaultTemplate: 'deployment' })
      expect(JSON.stringify(decodeRecord(seen[index]!.payload))).toBe(JSON.stringify(expected))
      // No site: no body rendered.
      expect(seen[index]!.html).toBeNull()
    })
  })

  it('should render each body for the site from the same parse, as renderRecordBody renders it alone', async () => {
    const repo = { url: 'https://git.example.com/acme/releases', branch: 'main' }
    const seen: Array<ParsedRecord | null> = new Array(jobs.length).fill(null)
    await parseInWorkers(jobs, { ...data, siteRepo: repo }, 2, (index, parsed) => {
      seen[index] = parsed
    }, siteParseWorkerUrl())
    jobs.forEach((job, index) => {
      const record = parseRecord(job.bytes, { file: job.file, templates: {}, defaultTemplate: 'deployment' })
      expect(JSON.stringify(decodeRecord(seen[index]!.payload))).toBe(JSON.stringify(record))
      const html = seen[index]!.html
      expect(html).toBe(renderRecordBody(recordBodyOf(job.bytes)!, siteBodyOptions(record, {}, repo)))
      // The frontmatter is three lines, a blank, the heading, a blank: the first item is on line 8.
      expect(html).toContain(`<li class="task-list-item" id="L8"><input type="checkbox" checked disabled aria-label="done ${index}"> done ${index}</li>`)
    })
  })

  it('should hand every record back (null) when its workers die', async () => {
    const entry = join(dir, 'dies.mjs')
    writeFileSync(entry, "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => process.exit(3))\n")
    const reported: Array<ParsedRecord | null> = []
    await parseInWorkers(jobs, data, 2, (_, parsed) => reported.push(parsed), pathToFileURL(entry))
    expect(reported).toEqual(jobs.map(() => null))
  })

  it('should hand every record back when no worker can start', async () => {
    const reported: Array<ParsedRecord | null> = []
    await parseInWorkers(jobs, data, 2, (_, parsed) => reported.push(parsed), pathToFileURL(join(dir, 'missing.mjs')))
    expect(reported).toEqual(jobs.map(() => null))
  })
})

describe('workerCount', () => {
  it('should parse few records in this thread, more with one worker per core at most', () => {
    expect(workerCount(MIN_PARALLEL_RECORDS - 1, {})).toBe(0)
    expect(workerCount(MIN_PARALLEL_RECORDS, {})).toBe(1)
    expect(workerCount(100_000, {})).toBeGreaterThanOrEqual(1)
  })

  it('should follow SHIPLOG_WORKERS', () => {
    expect(workerCount(10, { SHIPLOG_WORKERS: '0' })).toBe(0)
    expect(workerCount(10, { SHIPLOG_WORKERS: '3' })).toBe(3)
    expect(workerCount(2, { SHIPLOG_WORKERS: '3' })).toBe(2)
    expect(workerCount(10, { SHIPLOG_WORKERS: 'many' })).toBe(0)
  })
})

describe('createParsePool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-pool-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('should run one read after another in the same workers, started once', async () => {
    // A worker that answers each job with its own thread id.
    const entry = join(dir, 'threads.mjs')
    writeFileSync(entry, "import { parentPort, threadId } from 'node:worker_threads'\nparentPort.on('message', ({ id, jobs }) => parentPort.postMessage({ id, results: jobs.map(() => ({ payload: String(threadId), html: null })) }))\n")
    const pool = createParsePool(data, 2, pathToFileURL(entry))
    try {
      expect(pool.size).toBe(2)
      const threads = new Set<string | null>()
      await pool.run(jobs, (_, parsed) => threads.add(parsed?.payload ?? null))
      await pool.run(jobs.slice(0, 3), (_, parsed) => threads.add(parsed?.payload ?? null))
      await pool.run(jobs, (_, parsed) => threads.add(parsed?.payload ?? null))
      // Seven jobs in batches over two workers: both answered, and no third thread ever did.
      expect(threads.size).toBe(2)
      expect([...threads].every((thread) => thread !== null && Number(thread) !== threadId)).toBe(true)
    } finally {
      await pool.close()
    }
    expect(pool.size).toBe(0)
  })

  it('should hand back the jobs of every read after its workers died', async () => {
    const entry = join(dir, 'dies-later.mjs')
    writeFileSync(entry, "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => process.exit(3))\n")
    const pool = createParsePool(data, 2, pathToFileURL(entry))
    try {
      const first: Array<ParsedRecord | null> = []
      await pool.run(jobs, (_, parsed) => first.push(parsed))
      expect(first).toEqual(jobs.map(() => null))
      const second: Array<ParsedRecord | null> = []
      await pool.run(jobs.slice(0, 2), (_, parsed) => second.push(parsed))
      expect(second).toEqual([null, null])
      expect(pool.size).toBe(0)
    } finally {
      await pool.close()
    }
  })
})
