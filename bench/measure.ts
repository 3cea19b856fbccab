import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url))

export interface Run {
  /** Wall time from spawning the process to its exit. */
  ms: number
  /** CPU time of the process, all threads. */
  cpuMs: number
  /** Peak resident set size of the process (all threads), in KB. */
  maxRssKb: number
  code: number
}

/**
 * Runs `shiplog <args>` in a fresh Node process (bench/cliChild.js: exactly bin/shiplog.js, plus
 * a report of CPU time and peak RSS), stdout discarded. Throws when the exit code is not one of `codes`.
 */
export function runShiplog(args: string[], env: NodeJS.ProcessEnv = {}, codes: number[] = [0, 1]): Run {
  return runNode([join(REPO_ROOT, 'bench/cliChild.js'), ...args], env, codes)
}

/** Runs a Node script that writes { cpuMs, maxRssKb } to SHIPLOG_BENCH_REPORT; times it from spawn to exit. */
export function runNode(args: string[], env: NodeJS.ProcessEnv = {}, codes: number[] = [0]): Run {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-bench-run-'))
  const report = join(dir, 'report.json')
  try {
    const start = performance.now()
    const child = spawnSync(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', CI: '1', ...env, SHIPLOG_BENCH_REPORT: report },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    })
    const ms = performance.now() - start
    if (child.error) throw child.error
    const code = child.status ?? -1
    if (!codes.includes(code)) throw new Error(`node ${args.join(' ')} exited ${code}:\n${child.stderr.toString().slice(-2000)}`)
    const result = JSON.parse(readFileSync(report, 'utf8')) as { maxRssKb: number; cpuMs: number }
    return { ms, cpuMs: result.cpuMs, maxRssKb: result.maxRssKb, code }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The floor (bench/floor.ts) over `files` of `root`, in a fresh process; `ms` times the parse loop only. */
export function runFloor(root: string, files: string[]): Run {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-bench-floor-'))
  try {
    const list = join(dir, 'files.json')
    writeFileSync(list, JSON.stringify(files))
    const child = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/run-ts.js'), join(REPO_ROOT, 'bench/floor.ts'), root, list], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    if (child.status !== 0) throw new Error(`floor failed (${child.status}):\n${child.stderr.slice(-2000)}`)
    const result = JSON.parse(child.stdout) as { ms: number; cpuMs: number; maxRssKb: number }
    return { ms: result.ms, cpuMs: result.cpuMs, maxRssKb: result.maxRssKb, code: 0 }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** A fresh, empty cache folder for one cold run (`SHIPLOG_CACHE_DIR`). */
export function freshCacheDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-bench-cache-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
