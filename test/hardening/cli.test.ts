import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkDiagnostics,
  installCase,
  loadCorpus,
  metricsWarnings,
  runBin,
  sorted,
  stderrDiagnostics,
  STACK_TRACE,
  tempProject,
  type CorpusCase,
  type Expected,
} from './helpers.ts'

/**
 * The corpus through the real binary, grouped: one project holds every hand-written case, another
 * every generated (huge) one, and each command runs once over each project, in a child process
 * with a time limit that only a hang reaches on a busy machine (and, for the huge inputs, a 512 MB
 * heap). What each command reports over a project is what the cases expect, put together. Each
 * test's own timeout leaves room for its child's limit.
 */
const COMMAND_LIMIT_MS = 180_000
const BUILD_LIMIT_MS = 300_000
const MARGIN_MS = 30_000
const cases = loadCorpus()
const written = cases.filter((c) => !c.generate && !c.newFirst)
const generated = cases.filter((c) => c.generate)

function union(group: CorpusCase[], command: string): Expected[] {
  return sorted(group.flatMap((c) => c.commands[command]?.diagnostics ?? []))
}

function exitOf(group: CorpusCase[], command: string): number {
  return Math.max(...group.map((c) => c.commands[command]?.exit ?? 0))
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

const roots: string[] = []
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

describe('shiplog on the hand-written corpus, grouped in one project', () => {
  let root: string
  beforeAll(() => {
    root = tempProject('corpus-all')
    roots.push(root)
    for (const testCase of written) installCase(testCase, root)
  })

  it('should report every case of check --format json, and exit 1', async () => {
    const result = await runBin(['--root', root, 'check', '--format', 'json'], { timeoutMs: COMMAND_LIMIT_MS })
    expect(result.timedOut).toBe(false)
    expect(result.stderr).not.toMatch(STACK_TRACE)
    expect(result.code).toBe(exitOf(written, 'check'))
    expect(sorted(checkDiagnostics(result.stdout))).toEqual(union(written, 'check'))
  }, COMMAND_LIMIT_MS + MARGIN_MS)

  it('should print every record error of status at file:line, and exit 1', async () => {
    const result = await runBin(['--root', root, 'status', '--json'], { timeoutMs: COMMAND_LIMIT_MS })
    expect(result.timedOut).toBe(false)
    expect(result.stderr).not.toMatch(STACK_TRACE)
    expect(result.code).toBe(exitOf(written, 'status'))
    expect(sorted(stderrDiagnostics(result.stderr))).toEqual(union(written, 'status'))
    // Every record file listed or skipped appears once in the progress report.
    const files = (JSON.parse(result.stdout) as Array<{ file: string }>).map((r) => r.file)
    expect(new Set(files).size).toBe(files.length)
  }, COMMAND_LIMIT_MS + MARGIN_MS)

  it('should print metrics with every record error and warning at file:line, and exit 1', async () => {
    const result = await runBin(['--root', root, 'metrics', '--json'], { timeoutMs: COMMAND_LIMIT_MS })
    expect(result.timedOut).toBe(false)
    expect(result.stderr).not.toMatch(STACK_TRACE)
    expect(result.code).toBe(exitOf(written, 'metrics'))
    expect(sorted([...stderrDiagnostics(result.stderr), ...metricsWarnings(result.stdout)])).toEqual(union(written, 'metrics'))
  }, COMMAND_LIMIT_MS + MARGIN_MS)

  it('should build the site with each record’s errors at file:line, the skipped links listed, no secret and nothing evaluated', async () => {
    const result = await runBin(['--root', root, 'build'], { timeoutMs: BUILD_LIMIT_MS, env: { CI: '' } })
    expect(result.timedOut).toBe(false)
    expect(result.stderr).not.toMatch(STACK_TRACE)
    expect(result.code, result.stderr).toBe(exitOf(written, 'build'))
    for (const testCase of written) for (const text of [testCase.commands['build']?.stderr ?? []].flat()) expect(result.stderr).toContain(text)
    const site = listFiles(join(root, 'dist'))
    expect(site.some((file) => file.endsWith('index.html'))).toBe(true)
    // Each record's read errors are on its page, at file:line, like status prints them.
    const pages = site.filter((file) => file.endsWith('.html')).map((file) => readFileSync(file, 'utf8')).join('\n')
    for (const d of union(written, 'status').filter((d) => d.rule !== 'file-skipped')) expect(pages, `${d.file}:${d.line}`).toContain(`${d.file}:${d.line}:`)
    const secrets = written.flatMap((c) => (c.never ? [c.never] : []))
    for (const file of site.filter((f) => /\.(html|js|json)$/.test(f))) {
      const text = readFileSync(file, 'utf8')
      for (const secret of secrets) expect(text, file).not.toContain(secret)
    }
    for (const testCase of written) if (testCase.marker) expect(existsSync(join(tmpdir(), testCase.marker))).toBe(false)
  }, BUILD_LIMIT_MS + MARGIN_MS)
})

describe('shiplog on the generated corpus (5 MB, 10,000 levels, 10,000 columns), with a 512 MB heap', () => {
  let root: string
  beforeAll(() => {
    root = tempProject('corpus-huge')
    roots.push(root)
    for (const testCase of generated) installCase(testCase, root)
  })

  for (const [command, args, read] of [
    ['check', ['check', '--format', 'json'], (r: { stdout: string; stderr: string }) => checkDiagnostics(r.stdout)],
    ['status', ['status', '--json'], (r: { stdout: string; stderr: string }) => stderrDiagnostics(r.stderr)],
    ['metrics', ['metrics', '--json'], (r: { stdout: string; stderr: string }) => [...stderrDiagnostics(r.stderr), ...metricsWarnings(r.stdout)]],
  ] as const) {
    it(`should finish ${command} within a 512 MB heap, reporting every case`, async () => {
      const result = await runBin(['--root', root, ...args], { timeoutMs: COMMAND_LIMIT_MS, maxOldSpaceMb: 512 })
      expect(result.timedOut, `${command} did not finish in ${COMMAND_LIMIT_MS / 1000} s`).toBe(false)
      expect(result.stderr).not.toMatch(/heap out of memory/)
      expect(result.stderr).not.toMatch(STACK_TRACE)
      expect(result.code).toBe(exitOf(generated, command))
      expect(sorted(read(result))).toEqual(union(generated, command))
    }, COMMAND_LIMIT_MS + MARGIN_MS)
  }

  it('should build the site within a 1 GB heap, keeping each refused record with its problem', async () => {
    const result = await runBin(['--root', root, 'build'], { timeoutMs: BUILD_LIMIT_MS, maxOldSpaceMb: 1024, env: { CI: '' } })
    expect(result.timedOut, `build did not finish in ${BUILD_LIMIT_MS / 1000} s`).toBe(false)
    expect(result.stderr).not.toMatch(STACK_TRACE)
    expect(result.code, result.stderr).toBe(0)
    const page = JSON.parse(readFileSync(join(root, '.shiplog/site/data/releases/nested-emphasis.json'), 'utf8'))
    expect(page.problems).toContainEqual(expect.objectContaining({ line: 11, rule: 'markdown', severity: 'error' }))
    const source = readFileSync(join(root, '.shiplog/site/releases/nested-emphasis.md'), 'utf8')
    expect(source).not.toContain('shiplog-record')
  }, BUILD_LIMIT_MS + MARGIN_MS)
})
