import { expect } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { BIN, childEnv, CLI_LIMIT_MS } from '../helpers/runCli.ts'

/** The contexts a step's `${{ }}` expressions read (the part of GitHub's that shiplog's files use). */
export interface Contexts {
  inputs: { [name: string]: string }
  github: { [name: string]: string }
  runner: { [name: string]: string }
  steps: { [id: string]: { outputs: { [name: string]: string } } }
}

export interface Step {
  name?: string
  id?: string
  if?: string
  uses?: string
  with?: { [key: string]: string }
  shell?: string
  'working-directory'?: string
  env?: { [key: string]: string }
  run?: string
}

/**
 * Evaluates the small part of GitHub's expression language these files use: context properties
 * (`inputs.format`), string literals, `==`, `!=`, `&&`, `always()` and `format('{0}/{1}', a, b)`.
 * Anything else throws, so a file using more fails the test instead of being misread.
 */
export function evaluate(expression: string, contexts: Contexts): string | boolean {
  const source = expression.trim()
  const and = splitTop(source, '&&')
  if (and.length > 1) return and.every((part) => truthy(evaluate(part, contexts)))
  for (const op of ['!=', '==']) {
    const sides = splitTop(source, op)
    if (sides.length === 2) {
      const equal = String(evaluate(sides[0]!, contexts)) === String(evaluate(sides[1]!, contexts))
      return op === '==' ? equal : !equal
    }
  }
  if (source === 'always()') return true
  const literal = /^'((?:[^']|'')*)'$/.exec(source)
  if (literal) return literal[1]!.replace(/''/g, "'")
  const call = /^format\((.*)\)$/s.exec(source)
  if (call) {
    const [pattern, ...args] = splitTop(call[1]!, ',').map((arg) => String(evaluate(arg, contexts)))
    return pattern!.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? '')
  }
  const path = /^([a-z]+)((?:\.[A-Za-z0-9_-]+)+)$/.exec(source)
  if (path) {
    let value: unknown = (contexts as unknown as { [key: string]: unknown })[path[1]!]
    for (const key of path[2]!.slice(1).split('.')) value = (value as { [key: string]: unknown } | undefined)?.[key]
    return value === undefined ? '' : String(value)
  }
  throw new Error(`Unexpected expression ${JSON.stringify(source)}, expected one this interpreter knows`)
}

function truthy(value: string | boolean): boolean {
  return value !== false && value !== ''
}

/** Splits at `op` outside quotes and parentheses. */
function splitTop(text: string, op: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === "'") quoted = !quoted
    else if (!quoted && c === '(') depth++
    else if (!quoted && c === ')') depth--
    else if (!quoted && depth === 0 && text.startsWith(op, i)) {
      parts.push(text.slice(start, i))
      start = i + op.length
      i += op.length - 1
    }
  }
  parts.push(text.slice(start))
  return parts
}

/** `text` with every `${{ expression }}` replaced by its value. */
export function substitute(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{(.*?)\}\}/gs, (_, expression: string) => String(evaluate(expression, contexts)))
}

/**
 * Gives `root` a `node_modules/.bin/shiplog` that runs the compiled binary, as `npm ci` would for a
 * project depending on shiplog (what `npx --no-install shiplog` finds).
 */
export function installShiplog(root: string): void {
  mkdirSync(join(root, 'node_modules/.bin'), { recursive: true })
  symlinkSync(BIN, join(root, 'node_modules/.bin/shiplog'))
}

export interface StepRun {
  step: Step
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs the `run:` steps of `steps` in `workspace` as the runner does (`bash --noprofile --norc -eo
 * pipefail` on the substituted script, in the step's working directory, with its env), skipping
 * those whose `if:` is false and stopping at the first failure. `uses:` steps are not run.
 */
export function runSteps(steps: readonly Step[], contexts: Contexts, workspace: string, env: NodeJS.ProcessEnv): StepRun[] {
  const runs: StepRun[] = []
  let failed = false
  const scripts = mkdtempSync(join(tmpdir(), 'shiplog-steps-'))
  for (const [index, step] of steps.entries()) {
    if (step.run === undefined) continue
    const condition = step.if === undefined ? !failed : truthy(evaluate(step.if, contexts)) && (!failed || step.if.includes('always()'))
    if (!condition) continue
    expect(step.shell).toBe('bash')
    const script = join(scripts, `step-${index}.sh`)
    writeFileSync(script, substitute(step.run, contexts))
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, substitute(String(value), contexts)]))
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: resolve(workspace, substitute(step['working-directory'] ?? '.', contexts)),
      env: childEnv({ ...env, ...stepEnv }),
      encoding: 'utf8',
      timeout: CLI_LIMIT_MS,
      killSignal: 'SIGKILL',
    })
    runs.push({ step, code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr })
    if (result.status !== 0) failed = true
  }
  return runs
}
