import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The binary a user runs: it runs the compiled dist/ (the suite builds it first, test/helpers/buildDist.ts). */
export const BIN = fileURLToPath(new URL('../../bin/shiplog.js', import.meta.url))

/** How long one `runCli` may take before the child is killed: a test running n of them needs `cliTimeout(n)`. */
export const CLI_LIMIT_MS = 60_000

/** How long a `runCli` of `build` may take (VitePress, on a busy machine): pass it as `timeoutMs`. */
export const BUILD_LIMIT_MS = 300_000

/** A test's own timeout for `runs` CLI runs one after the other, each within `limitMs`, and some work of its own. */
export function cliTimeout(runs: number, limitMs: number = CLI_LIMIT_MS): number {
  return runs * limitMs + 30_000
}

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * A fresh, empty working folder for a child that was given none (removed by `done`): a command
 * never runs in the repository, where it would find this repository's configuration and write
 * its `.shiplog/`.
 */
export function scratchFolder(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-cwd-'))
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * The environment of a child: the suite's, with NO_COLOR set and FORCE_COLOR removed, without the
 * CI's GITHUB_STEP_SUMMARY (a suite run on GitHub Actions must not append every check's summary to
 * its own job summary), then `env`'s settings.
 */
export function childEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env }
  delete base['GITHUB_STEP_SUMMARY']
  const merged: NodeJS.ProcessEnv = { ...base, NO_COLOR: '1', ...env }
  delete merged['FORCE_COLOR']
  return merged
}

/**
 * Runs the real `shiplog` binary in a child process (no TTY, no colour), in `cwd` or a fresh empty
 * folder; the child is killed after `timeoutMs` (default CLI_LIMIT_MS; `code` is then -1).
 */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}): CliResult {
  const scratch = options.cwd === undefined ? scratchFolder() : null
  try {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? scratch?.dir,
      env: childEnv(options.env),
      input: options.input ?? '',
      encoding: 'utf8',
      timeout: options.timeoutMs ?? CLI_LIMIT_MS,
      killSignal: 'SIGKILL',
    })
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
  } finally {
    scratch?.done()
  }
}
