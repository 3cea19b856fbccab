import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  checkDiagnostics,
  installCase,
  loadCorpus,
  metricsWarnings,
  newDiagnostics,
  runMain,
  sorted,
  stderrDiagnostics,
  STACK_TRACE,
  tempProject,
  type CommandExpectation,
  type CorpusCase,
  type Expected,
  type RunResult,
} from './helpers.ts'

const cases = loadCorpus()
const roots: string[] = []

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

/** A case runs four to six commands in this process: room for them on a busy machine. */
const CASE_TIMEOUT_MS = 120_000

/** The arguments of `new` when a case names none: rendering the default template must not mind bad records. */
const DEFAULT_NEW = ['new', '9.9.9', '--no-input', '--dry-run', '--set', 'component=corpus']

async function run(root: string, args: string[]): Promise<RunResult> {
  const result = await runMain(['--root', root, ...args])
  const output = result.stdout + result.stderr
  expect(output, `a stack trace from ${args.join(' ')}`).not.toMatch(STACK_TRACE)
  expect(result.code, 'code from a record ran (process.exit(99))').not.toBe(99)
  return result
}

function expectStderr(result: RunResult, expected: CommandExpectation): void {
  for (const text of [expected.stderr ?? []].flat()) expect(result.stderr).toContain(text)
}

async function runCase(testCase: CorpusCase): Promise<void> {
  const root = tempProject('corpus')
  roots.push(root)
  installCase(testCase, root)
  const outputs: string[] = []
  const { commands } = testCase

  const runNew = async (): Promise<void> => {
    const expected = commands['new'] as CommandExpectation
    // Files the arguments name (a values file) are the case's own: give them as absolute paths.
    const args = (expected.args ?? DEFAULT_NEW).map((arg) => (arg.endsWith('.yaml') && existsSync(join(root, arg)) ? join(root, arg) : arg))
    const result = await run(root, args)
    outputs.push(result.stdout, result.stderr)
    expect({ exit: result.code, diagnostics: newDiagnostics(result.stderr, root) }).toEqual({
      exit: expected.exit,
      diagnostics: sorted(expected.diagnostics ?? []),
    })
    expectStderr(result, expected)
    if (expected.creates) expect(existsSync(join(root, expected.creates))).toBe(true)
  }

  if (testCase.newFirst) await runNew()

  // Some cases hold no record (a bad values file, version or template): having none is not what they test.
  const check = await run(root, ['check', '--format', 'json', '--allow-empty'])
  outputs.push(check.stdout, check.stderr)
  compare('check', check, commands['check'], () => checkDiagnostics(check.stdout))

  const status = await run(root, ['status', '--json'])
  outputs.push(status.stdout, status.stderr)
  compare('status', status, commands['status'], () => stderrDiagnostics(status.stderr))

  const metrics = await run(root, ['metrics', '--json'])
  outputs.push(metrics.stdout, metrics.stderr)
  compare('metrics', metrics, commands['metrics'], () => [...stderrDiagnostics(metrics.stderr), ...metricsWarnings(metrics.stdout)])

  if (commands['checkTemplates']) {
    const templates = await run(root, ['check', '--templates', '--format', 'json'])
    outputs.push(templates.stdout, templates.stderr)
    compare('check --templates', templates, commands['checkTemplates'], () => checkDiagnostics(templates.stdout))
  }

  if (!testCase.newFirst) await runNew()

  if (testCase.never) for (const output of outputs) expect(output).not.toContain(testCase.never)
  if (testCase.marker) expect(existsSync(join(tmpdir(), testCase.marker)), 'frontmatter code was evaluated').toBe(false)
}

function compare(command: string, result: RunResult, expected: CommandExpectation | undefined, read: () => Expected[]): void {
  if (!expected) throw new Error(`no expectation for ${command}`)
  const actual = { exit: result.code, diagnostics: sorted(read()) }
  expect(actual, `${command}: ${result.stderr}`).toEqual({ exit: expected.exit, diagnostics: sorted(expected.diagnostics ?? []) })
  expectStderr(result, expected)
}

describe('bad-input corpus', () => {
  it('should hold at least 40 cases, each with an expectation for new, status, check, metrics and build', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
    for (const testCase of cases) {
      expect(Object.keys(testCase.commands), testCase.name).toEqual(expect.arrayContaining(['new', 'status', 'check', 'metrics', 'build']))
      const hasInput = existsSync(join('test/fixtures/bad-input', testCase.name, 'input.md'))
      const hasFiles = existsSync(join('test/fixtures/bad-input', testCase.name, 'files'))
      expect(hasInput || hasFiles || testCase.generate !== undefined || testCase.symlinks !== undefined || testCase.fifos !== undefined, testCase.name).toBe(true)
    }
  })

  it('should describe every case in a sentence that completes "should …"', () => {
    for (const testCase of cases) expect(testCase.should, testCase.name).toMatch(/^[a-z]/)
  })

  for (const testCase of cases) {
    it(`${testCase.name}: should ${testCase.should}`, async () => {
      await runCase(testCase)
    }, CASE_TIMEOUT_MS)
  }
})

describe('bad-input fixtures', () => {
  it('should keep the byte-level inputs as committed (BOM, CRLF, invalid UTF-8, NUL)', () => {
    const bytes = (name: string): Buffer => readFileSync(join('test/fixtures/bad-input', name, 'input.md'))
    expect([...bytes('bom').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes('crlf').includes('\r\n')).toBe(true)
    expect(bytes('mixed-line-endings').toString('latin1')).toMatch(/[^\r]\n[\s\S]*\r\n[\s\S]*\r[^\n]/)
    expect(bytes('invalid-utf8').includes(0xe9)).toBe(true)
    expect(bytes('binary').includes(0)).toBe(true)
    expect(bytes('nul-in-text').includes(0)).toBe(true)
  })
})
