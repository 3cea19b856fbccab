import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { threadId } from 'node:worker_threads'
import { afterAll, describe, expect, it } from 'vitest'
import { createParsePool, MIN_PARALLEL_RECORDS, parseInWorkers, workerCount, type ParseJob } from '../../src/node/workers/parseInWorkers.ts'
import { decodeRecord } from '../../src/node/cache/recordCodec.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'

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
    const seen: Array<string | null> = new Array(jobs.length).fill(null)
    let reports = 0
    await parseInWorkers(jobs, data, 2, (index, payload) => {
      reports++
      seen[index] = payload
    })
    expect(reports).toBe(jobs.length)
    jobs.forEach((job, index) => {
      const expected = parseRecord(job.bytes, { file: job.file, templates: {}, defaultTemplate: 'deployment' })
      expect(JSON.stringify(decodeRecord(seen[index] as string))).toBe(JSON.stringify(expected))
    })
  })

  it('should hand every record back (null) when its workers die', async () => {
    const entry = join(dir, 'dies.mjs')
    writeFileSync(entry, "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => process.exit(3))\n")
    const reported: Array<string | null> = []
    await parseInWorkers(jobs, data, 2, (_, payload) => reported.push(payload), pathToFileURL(entry))
    expect(reported).toEqual(jobs.map(() => null))
  })

  it('should hand every record back when no worker can start', async () => {
    const reported: Array<string | null> = []
    await parseInWorkers(jobs, data, 2, (_, payload) => reported.push(payload), pathToFileURL(join(dir, 'missing.mjs')))
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
    writeFileSync(entry, "import { parentPort, threadId } from 'node:worker_threads'\nparentPort.on('message', ({ id, jobs }) => parentPort.postMessage({ id, results: jobs.map(() => String(threadId)) }))\n")
    const pool = createParsePool(data, 2, pathToFileURL(entry))
    try {
      expect(pool.size).toBe(2)
      const threads = new Set<string | null>()
      await pool.run(jobs, (_, payload) => threads.add(payload))
      await pool.run(jobs.slice(0, 3), (_, payload) => threads.add(payload))
      await pool.run(jobs, (_, payload) => threads.add(payload))
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
      const first: Array<string | null> = []
      await pool.run(jobs, (_, payload) => first.push(payload))
      expect(first).toEqual(jobs.map(() => null))
      const second: Array<string | null> = []
      await pool.run(jobs.slice(0, 2), (_, payload) => second.push(payload))
      expect(second).toEqual([null, null])
      expect(pool.size).toBe(0)
    } finally {
      await pool.close()
    }
  })
})
