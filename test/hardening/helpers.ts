import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, sep } from 'node:path'
import { main } from '../../src/cli/main.ts'
import { track } from '../helpers/children.ts'
import { BIN, childEnv, REPO_ROOT, scratchFolder } from '../helpers/runCli.ts'

export const CORPUS = join(REPO_ROOT, 'test/fixtures/bad-input')

/** A diagnostic as the corpus lists it: `rule` is absent for `new`, which prints none. */
export interface Expected {
  file: string
  line: number
  rule?: string
  severity: 'error' | 'warning'
}

export interface CommandExpectation {
  exit: number
  diagnostics?: Expected[]
  /** Arguments instead of the command's default ones. */
  args?: string[]
  /** Substrings stderr must hold. */
  stderr?: string | string[]
  /** A file `new` must create (relative to the project). */
  creates?: string
}

export interface CorpusCase {
  name: string
  should: string
  /** Where `input.md` goes (default `releases/<name>.md`). */
  record: string
  /** A generated input (the huge cases), instead of `input.md`. */
  generate?: { kind: string; [parameter: string]: unknown }
  symlinks?: { [path: string]: string }
  fifos?: string[]
  /** A file in the temporary folder that exists only if record text was evaluated. */
  marker?: string
  /** Text that must never appear in any output (a file outside releases/). */
  never?: string
  /** Run `new` before the other commands (its record is what they read). */
  newFirst?: boolean
  commands: { [command: string]: CommandExpectation }
}

/** Every case of the corpus, in folder order. */
export function loadCorpus(): CorpusCase[] {
  return readdirSync(CORPUS)
    .filter((name) => existsSync(join(CORPUS, name, 'expected.json')))
    .sort()
    .map((name) => {
      const spec = JSON.parse(readFileSync(join(CORPUS, name, 'expected.json'), 'utf8')) as Omit<CorpusCase, 'name' | 'record'> & { record?: string }
      return { ...spec, name, record: spec.record ?? `releases/${name}.md` }
    })
}

/** The input of a generated case: huge records are made at run time rather than committed. */
export function generateInput(testCase: CorpusCase): string {
  const g = testCase.generate
  if (!g) throw new Error(`${testCase.name} is not generated`)
  const head = [
    '---',
    `release: ${testCase.name}`,
    'version: "1.0.0"',
    `component: ${testCase.name}`,
    'release_type: minor',
    'environment: production',
    'status: planned',
    'scheduled: 2026-03-04T14:00:00+01:00',
    'owner: Payments team',
  ]
  const n = (key: string): number => g[key] as number
  switch (g.kind) {
    case 'big-record': {
      const item = '- [ ] Something that has to be done before the release\n'
      const body = item.repeat(Math.ceil(n('bytes') / item.length))
      return `${head.join('\n')}\n---\n\n${body}`
    }
    case 'deep-list':
      return `${head.join('\n')}\n---\n${'- '.repeat(n('levels'))}[ ] item\n`
    case 'deep-quote':
      return `${head.join('\n')}\n---\n${'> '.repeat(n('levels'))}- [ ] item\n`
    case 'deep-indent':
      return `${head.join('\n')}\n---\n${Array.from({ length: n('levels') }, (_, i) => `${' '.repeat(2 * i)}- [ ] item ${i}\n`).join('')}`
    case 'wide-table': {
      const cells = (text: string, count: number): string => `|${` ${text} |`.repeat(count)}\n`
      return `${head.join('\n')}\n---\n\n${cells('h', n('columns'))}${cells('-', n('columns'))}${cells('v', n('columns'))}${cells('short', 3)}`
    }
    case 'nested-emphasis': {
      const half = n('bytes') / 2
      return `${head.join('\n')}\n---\n${'*'.repeat(half)}x${'*'.repeat(half)}\n`
    }
    case 'many-lists':
      return `${head.join('\n')}\n---\n${'x\n\n- [ ] item\n\n'.repeat(n('lists'))}`
    case 'many-keys':
      return `${head.join('\n')}\n${Array.from({ length: n('keys') }, (_, i) => `k${i}: v`).join('\n')}\n---\n`
    case 'deep-yaml':
      return `${head.join('\n')}\ndeep: ${'['.repeat(n('levels'))}${']'.repeat(n('levels'))}\n---\n`
    default:
      throw new Error(`unknown generator ${g.kind}`)
  }
}

/** Puts a case's files into `root`: its record (read or generated), its `files/` tree, links and pipes. */
export function installCase(testCase: CorpusCase, root: string): void {
  const folder = join(CORPUS, testCase.name)
  mkdirSync(join(root, 'releases'), { recursive: true })
  if (existsSync(join(folder, 'input.md'))) {
    mkdirSync(dirname(join(root, testCase.record)), { recursive: true })
    cpSync(join(folder, 'input.md'), join(root, testCase.record))
  }
  if (testCase.generate) {
    mkdirSync(dirname(join(root, testCase.record)), { recursive: true })
    writeFileSync(join(root, testCase.record), generateInput(testCase))
  }
  if (existsSync(join(folder, 'files'))) cpSync(join(folder, 'files'), root, { recursive: true })
  for (const [path, target] of Object.entries(testCase.symlinks ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    symlinkSync(target, join(root, path))
  }
  for (const path of testCase.fifos ?? []) execFileSync('mkfifo', [join(root, path)])
}

export function tempProject(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `shiplog-${prefix}-`))
}

export interface RunResult {
  code: number
  stdout: string
  stderr: string
  ms: number
}

/**
 * Runs the CLI's `main` in this process, capturing what it writes. Much faster than a child
 * process (the real binary is run for the grouped projects); the exit code is `main`'s.
 */
export async function runMain(args: string[]): Promise<RunResult> {
  const out: string[] = []
  const err: string[] = []
  const stdoutWrite = process.stdout.write
  const stderrWrite = process.stderr.write
  const capture = (into: string[]) =>
    ((chunk: unknown, ...rest: unknown[]) => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'))
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
      callback?.()
      return true
    }) as typeof process.stdout.write
  const started = performance.now()
  process.stdout.write = capture(out)
  process.stderr.write = capture(err)
  let code: number
  try {
    code = await main(args)
  } finally {
    process.stdout.write = stdoutWrite
    process.stderr.write = stderrWrite
  }
  return { code, stdout: out.join(''), stderr: err.join(''), ms: performance.now() - started }
}

/** Runs the real binary in a child process (in `cwd`, or a fresh empty folder) with a time limit; `timedOut` when it had to be killed. */
export function runBin(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; maxOldSpaceMb?: number },
): Promise<RunResult & { timedOut: boolean; signal: NodeJS.Signals | null }> {
  const nodeArgs = options.maxOldSpaceMb ? [`--max-old-space-size=${options.maxOldSpaceMb}`] : []
  const scratch = options.cwd === undefined ? scratchFolder() : null
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = track(spawn(process.execPath, [...nodeArgs, BIN, ...args], { cwd: options.cwd ?? scratch?.dir, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] }))
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, options.timeoutMs)
    child.on('error', (error) => {
      scratch?.done()
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      scratch?.done()
      resolve({
        code: code ?? -1,
        signal,
        timedOut,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: performance.now() - started,
      })
    })
  })
}

/** A stack trace line (`    at fn (file:1:2)`) or a Node internal frame. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$|node:internal|^\w*Error: .+\n\s+at /m

/** Relative to `root`, with `/`, when `path` is inside it. */
export function relativeTo(root: string, path: string): string {
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`
  return path.startsWith(prefix) ? path.slice(prefix.length).split(sep).join('/') : path
}

/** Diagnostics of `check --format json` (or `check --templates`). */
export function checkDiagnostics(stdout: string): Expected[] {
  const report = JSON.parse(stdout) as { diagnostics: Array<Expected & { column: number; message: string }> }
  return report.diagnostics.map(({ file, line, rule, severity }) => ({ file, line, ...(rule === undefined ? {} : { rule }), severity }))
}

const PROBLEM_LINE = /^(.+?):(\d+):(\d+): .* \(([a-z0-9-]+)\)$/

/** The record errors `status` and `metrics` print on stderr: `file:line:column: message (rule)`. */
export function stderrDiagnostics(stderr: string): Expected[] {
  return stderr
    .split('\n')
    .map((line) => PROBLEM_LINE.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ file: match[1] as string, line: Number(match[2]), rule: match[4] as string, severity: 'error' as const }))
}

/** The warnings of `metrics --json`. */
export function metricsWarnings(stdout: string): Expected[] {
  const result = JSON.parse(stdout) as { warnings: Array<Expected> }
  return result.warnings.map(({ file, line, rule, severity }) => ({ file, line, rule: rule as string, severity }))
}

/** The place `new` names in its error: `shiplog: file:line:column: …`. */
export function newDiagnostics(stderr: string, root: string): Expected[] {
  const match = /^shiplog: (.+?):(\d+):(\d+): /m.exec(stderr)
  return match ? [{ file: relativeTo(root, match[1] as string), line: Number(match[2]), severity: 'error' }] : []
}

/** Sorted, so that lists compare whatever order they were printed in. */
export function sorted(diagnostics: readonly Expected[]): Expected[] {
  const key = (d: Expected): string => `${d.file}\u0000${String(d.line).padStart(8, '0')}\u0000${d.rule ?? ''}\u0000${d.severity}`
  return [...diagnostics].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}
