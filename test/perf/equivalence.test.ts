import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeCorpus } from '../../bench/generateCorpus.ts'
import { loadProject, type Project } from '../../src/node/fs/loadProject.ts'
import { loadRecords } from '../../src/node/fs/loadRecords.ts'
import { streamRecords } from '../../src/node/fs/streamRecords.ts'
import type { ReadStats } from '../../src/node/fs/readRecords.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { cliTimeout, REPO_ROOT, runCli } from '../helpers/runCli.ts'

/**
 * Differences between two record graphs: values, prototypes, own keys in order, and which objects
 * are shared (a row's `cells` and `list` hold the same cells, `timeline` is one of `tables`).
 */
function differences(actual: unknown, expected: unknown): string[] {
  const found: string[] = []
  const pairs = new Map<object, object>()
  const reverse = new Map<object, object>()
  const walk = (a: unknown, e: unknown, path: string): void => {
    if (found.length > 20) return
    if (typeof a !== 'object' || a === null || typeof e !== 'object' || e === null) {
      if (!Object.is(a, e)) found.push(`${path}: ${JSON.stringify(a)} instead of ${JSON.stringify(e)}`)
      return
    }
    const seenA = pairs.get(a)
    const seenE = reverse.get(e)
    if (seenA !== undefined || seenE !== undefined) {
      if (seenA !== e || seenE !== a) found.push(`${path}: shared differently`)
      return
    }
    pairs.set(a, e)
    reverse.set(e, a)
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(e)) found.push(`${path}: another prototype`)
    const keysA = Reflect.ownKeys(a).map(String)
    const keysE = Reflect.ownKeys(e).map(String)
    if (keysA.join('\0') !== keysE.join('\0')) found.push(`${path}: keys ${keysA.join(',')} instead of ${keysE.join(',')}`)
    for (const key of keysE) walk((a as Record<string, unknown>)[key], (e as Record<string, unknown>)[key], `${path}.${key}`)
  }
  walk(actual, expected, 'records')
  return found
}

/** (vitest's toStrictEqual cannot compare objects with a `__proto__` key, which records may have.) */
function expectSame(actual: ReleaseRecord[], expected: ReleaseRecord[]): void {
  expect(actual.length).toBe(expected.length)
  expect(differences(actual, expected)).toEqual([])
}

describe('differences (the comparison the tests below rely on)', () => {
  it('should see prototypes, key order, sharing and values', () => {
    const cell = { text: 'a' }
    expect(differences({ a: 1 }, Object.assign(Object.create(null), { a: 1 }))).toEqual(['records: another prototype'])
    expect(differences({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual(['records: keys a,b instead of b,a'])
    expect(differences({ x: cell, y: cell }, { x: { text: 'a' }, y: { text: 'a' } })).toEqual(['records.y: shared differently'])
    expect(differences([{ a: -0 }], [{ a: 0 }])).toEqual(['records.0.a: 0 instead of 0'])
    expect(differences(JSON.parse('{"__proto__":{"x":1}}'), JSON.parse('{"__proto__":{"x":1}}'))).toEqual([])
  })
})

/** Records a generated corpus lacks: the record fixtures, hostile inputs, odd YAML keys, a file too large. */
function writeEdgeRecords(root: string): void {
  const dir = join(root, 'releases/edge')
  mkdirSync(dir, { recursive: true })
  const fixtures = join(REPO_ROOT, 'test/fixtures/record')
  for (const name of readdirSync(fixtures)) {
    try {
      cpSync(join(fixtures, name, 'input.md'), join(dir, `fixture-${name}.md`))
    } catch {
      // a fixture without input.md
    }
  }
  const sources: { [name: string]: string } = {
    'odd-keys':
      '---\nstatus: approved\n__proto__: {polluted: yes}\nconstructor: x\n"\\u0001r": 3\n10: ten\n2: two\nmeta: {__proto__: x, "1": one, b: &b [1, 2]}\ncopy: *b\nnested: {a: {b: {c: d}}}\n---\n\n## Pre-Deployment Planning\n\n**Code & Testing**:\n\n- [x] Tests\n- [ ] ~~Old~~\n- [ ] N/A nothing\n',
    'odd-tables':
      '---\ntemplate: deployment\nstatus: deployed\n---\n\n## Deployment Execution\n\n### Deployment Timeline\n\n| Phase | Phase | Start Time |\n|---|---|---|\n| a | b | 10:00 | extra |\n| short |\n\n### Deployment Timeline\n\n| Phase |\n|---|\n| again |\n',
    'deep-nesting': `${'> '.repeat(1500)}x\n${'- '.repeat(1000)}[ ] y\n`,
    'alias-bomb': '---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n',
    'js-engine': '---js\n{ status: require("fs").writeFileSync("/tmp/pwned", "x") }\n---\n',
    'unknown-template': '---\ntemplate: nope\nstatus: approved\n---\n\n## Stage\n\n- [ ] a\n',
    'crlf-bom': '\ufeff---\r\nstatus: approved\r\ntemplate: deployment\r\n---\r\n\r\n## Pre-Deployment Planning\r\n\r\n**Code & Testing**:\r\n\r\n- [ ] Tests\r\n',
  }
  for (const [name, source] of Object.entries(sources)) writeFileSync(join(dir, `${name}.md`), source)
  writeFileSync(join(dir, 'invalid-utf8.md'), new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]))
  writeFileSync(join(dir, 'too-large.md'), '')
  truncateSync(join(dir, 'too-large.md'), 17 * 1024 * 1024)
}

/** The reference read: the one path with neither the cache nor workers (every record parsed in this thread). */
async function plainRead(project: Project, files: string[] = []): Promise<ReleaseRecord[]> {
  return (await loadRecords(project, files, { cache: false, workers: false })).records
}

describe('loadRecords with the cache and workers on and off', () => {
  /** Parsing some 60 records, in workers or this thread, two or three times over, on a busy machine. */
  const WORKERS_TEST_MS = 120_000
  let root: string
  let caches: string
  let project: Project
  let fresh: ReleaseRecord[]
  let count: number

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'shiplog-perf-'))
    caches = mkdtempSync(join(tmpdir(), 'shiplog-perf-cache-'))
    writeCorpus(root, 24, 7)
    writeEdgeRecords(root)
    project = await loadProject(root)
    fresh = await plainRead(project)
    count = fresh.length
  })
  afterAll(() => {
    rmSync(root, { recursive: true, force: true })
    rmSync(caches, { recursive: true, force: true })
  })

  const fast = async (options: { cacheDir?: string; workers?: number; files?: string[] }): Promise<{ records: ReleaseRecord[]; stats: ReadStats }> => {
    const stats = {} as ReadStats
    const previous = process.env['SHIPLOG_CACHE_DIR']
    if (options.cacheDir !== undefined) process.env['SHIPLOG_CACHE_DIR'] = options.cacheDir
    try {
      const { records } = await loadRecords(project, options.files ?? [], {
        cache: options.cacheDir !== undefined,
        ...(options.workers === undefined ? {} : { workers: options.workers }),
        stats,
      })
      return { records, stats }
    } finally {
      if (previous === undefined) delete process.env['SHIPLOG_CACHE_DIR']
      else process.env['SHIPLOG_CACHE_DIR'] = previous
    }
  }

  it('should read a corpus with edge cases (the test is only as good as its corpus)', () => {
    expect(count).toBeGreaterThanOrEqual(60)
    expect(fresh.some((record) => record.problems.some((p) => p.ruleId === 'file-size'))).toBe(true)
    expect(fresh.some((record) => record.timeline !== null)).toBe(true)
  })

  it('should read every file once and parse it in this thread without the cache or workers', async () => {
    const { records, stats } = await fast({ workers: 0 })
    // Every file but the one too large to read is parsed.
    expect(stats).toEqual({ files: count, hits: 0, parsed: count - 1, workers: 0 })
    expectSame(records, fresh)
  }, WORKERS_TEST_MS)

  it('should give the same records when parsing in worker threads', async () => {
    const { records, stats } = await fast({ workers: 2 })
    expect(stats.workers).toBe(2)
    expectSame(records, fresh)
  }, WORKERS_TEST_MS)

  it('should parse in this thread with workers: false, and in SHIPLOG_WORKERS workers with workers: true', async () => {
    const previous = process.env['SHIPLOG_WORKERS']
    process.env['SHIPLOG_WORKERS'] = '2'
    try {
      const off = {} as ReadStats
      expectSame((await loadRecords(project, [], { cache: false, workers: false, stats: off })).records, fresh)
      expect(off.workers).toBe(0)
      const on = {} as ReadStats
      expectSame((await loadRecords(project, [], { cache: false, workers: true, stats: on })).records, fresh)
      expect(on.workers).toBe(2)
    } finally {
      if (previous === undefined) delete process.env['SHIPLOG_WORKERS']
      else process.env['SHIPLOG_WORKERS'] = previous
    }
  }, WORKERS_TEST_MS)

  it('should give the same records from a cache written by workers, parsing nothing the second time', async () => {
    const cacheDir = join(caches, 'workers')
    const cold = await fast({ cacheDir, workers: 2 })
    expectSame(cold.records, fresh)
    expect(cold.stats.hits).toBe(0)
    const warm = await fast({ cacheDir })
    expectSame(warm.records, fresh)
    // Only the file too large to read is read again (it is never cached).
    expect(warm.stats).toMatchObject({ parsed: 0, hits: count - 1 })
  }, WORKERS_TEST_MS)

  it('should give the same records from a cache written in this thread', async () => {
    const cacheDir = join(caches, 'here')
    expectSame((await fast({ cacheDir, workers: 0 })).records, fresh)
    const warm = await fast({ cacheDir, workers: 0 })
    expect(warm.stats.parsed).toBe(0)
    expectSame(warm.records, fresh)
  }, WORKERS_TEST_MS)

  it('should ignore corrupt, truncated, misplaced and forged cache entries', async () => {
    const cacheDir = join(caches, 'corrupt')
    await fast({ cacheDir, workers: 0 })
    const entries = readdirSync(join(cacheDir, 'records'), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(cacheDir, 'records', name))
    const [truncated, flipped, garbage, moved, older] = entries as [string, string, string, string, string]
    writeFileSync(truncated, readFileSync(truncated, 'utf8').slice(0, 200))
    // A changed payload under its old checksum.
    writeFileSync(flipped, readFileSync(flipped, 'utf8').replace('"file":"releases/', '"file":"releasez/'))
    writeFileSync(garbage, '\u0000\u0001 not an entry')
    // Another record's valid entry under this one's name.
    writeFileSync(moved, readFileSync(entries[5] as string))
    // An entry of another cache format.
    writeFileSync(older, readFileSync(older, 'utf8').replace(/^shiplog-record-cache \d+/, 'shiplog-record-cache 0'))
    const { records, stats } = await fast({ cacheDir, workers: 0 })
    expectSame(records, fresh)
    expect(stats.parsed).toBe(5)
  }, WORKERS_TEST_MS)

  it('should give the same records streamed a batch at a time, parsed by workers kept across batches, then from their cache', async () => {
    const cacheDir = join(caches, 'stream')
    const previous = { cache: process.env['SHIPLOG_CACHE_DIR'], workers: process.env['SHIPLOG_WORKERS'] }
    process.env['SHIPLOG_CACHE_DIR'] = cacheDir
    process.env['SHIPLOG_WORKERS'] = '2'
    const stream = async (): Promise<{ records: ReleaseRecord[]; stats: ReadStats }> => {
      const stats = {} as ReadStats
      const records: ReleaseRecord[] = []
      for await (const record of streamRecords(project, [], { batch: 16, prune: true, stats })) records.push(record)
      return { records, stats }
    }
    try {
      const cold = await stream()
      expectSame(cold.records, fresh)
      // Every file but the one too large to read is parsed, by two workers.
      expect(cold.stats).toEqual({ files: count, hits: 0, parsed: count - 1, workers: 2 })
      const warm = await stream()
      expectSame(warm.records, fresh)
      expect(warm.stats).toEqual({ files: count, hits: count - 1, parsed: 0, workers: 0 })
    } finally {
      for (const [name, value] of [['SHIPLOG_CACHE_DIR', previous.cache], ['SHIPLOG_WORKERS', previous.workers]] as const) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
  }, WORKERS_TEST_MS)

  it('should parse only the record that changed, and give what a fresh read gives', async () => {
    const cacheDir = join(caches, 'incremental')
    await fast({ cacheDir })
    const file = fresh.find((record) => record.file.startsWith('releases/payments-api/'))?.file ?? (fresh[0] as ReleaseRecord).file
    const path = join(root, file)
    const before = readFileSync(path, 'utf8')
    try {
      writeFileSync(path, `${before.replace('- [ ]', '- [x]')}\n- [ ] one more thing\n`)
      const expected = await plainRead(project)
      const { records, stats } = await fast({ cacheDir })
      expect(stats).toMatchObject({ parsed: 1, workers: 0 })
      expectSame(records, expected)
    } finally {
      writeFileSync(path, before)
    }
  }, WORKERS_TEST_MS)

  it('should read the given files only, the same with the cache as without', async () => {
    const files = [join(root, (fresh[3] as ReleaseRecord).file), join(root, 'releases/edge/odd-keys.md')]
    const expected = await plainRead(project, files)
    expect(expected.map((record) => record.file)).toEqual([(fresh[3] as ReleaseRecord).file, 'releases/edge/odd-keys.md'])
    expectSame((await fast({ files, cacheDir: join(caches, 'files') })).records, expected)
    expectSame((await fast({ files, cacheDir: join(caches, 'files') })).records, expected)
  }, WORKERS_TEST_MS)

  it('should not serve records classified by other templates', async () => {
    const cacheDir = join(caches, 'templates')
    await fast({ cacheDir })
    mkdirSync(join(root, 'templates'), { recursive: true })
    const template = readFileSync(join(REPO_ROOT, 'templates/deployment.md'), 'utf8')
    writeFileSync(join(root, 'templates/deployment.md'), template.replace('role: task, gate: approved }', 'role: task, gate: planned }'))
    try {
      const changed = await loadProject(root)
      const expected = await plainRead(changed)
      expect(differences(expected, fresh)).not.toEqual([])
      const stats = {} as ReadStats
      process.env['SHIPLOG_CACHE_DIR'] = cacheDir
      const { records } = await loadRecords(changed, [], { stats })
      delete process.env['SHIPLOG_CACHE_DIR']
      expect(stats.hits).toBe(0)
      expectSame(records, expected)
    } finally {
      delete process.env['SHIPLOG_CACHE_DIR']
      rmSync(join(root, 'templates'), { recursive: true, force: true })
    }
  }, WORKERS_TEST_MS)

  it('should print the same check, metrics and status output cold, warm and sequential without the cache', () => {
    const cacheDir = join(caches, 'cli')
    const commands = [
      ['check', '--format', 'json'],
      ['metrics', '--json'],
      ['status', '--json'],
    ]
    for (const command of commands) {
      const args = ['--root', root, ...command]
      const sequential = runCli(args, { env: { SHIPLOG_NO_CACHE: '1', SHIPLOG_WORKERS: '0' } })
      expect(sequential.code).not.toBe(2)
      const cold = runCli(args, { env: { SHIPLOG_CACHE_DIR: cacheDir, SHIPLOG_WORKERS: '2' } })
      const warm = runCli(args, { env: { SHIPLOG_CACHE_DIR: cacheDir } })
      for (const run of [cold, warm]) {
        expect(run.code).toBe(sequential.code)
        expect(run.stdout).toBe(sequential.stdout)
        expect(run.stderr).toBe(sequential.stderr)
      }
    }
  }, cliTimeout(9))
})
