import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { track } from './children.ts'
import { BIN, childEnv, scratchFolder } from './runCli.ts'

export { killChildren } from './children.ts'

export interface SpawnedResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** True when the child had to be killed: it did not end within `timeoutMs`. */
  timedOut: boolean
  /** Largest resident memory seen (MB), when the system shows it (`/proc`); null elsewhere. */
  maxRssMb: number | null
  /** True when the child was killed for passing `maxRssMb`. */
  overMemory: boolean
}

function rssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : null
  } catch {
    return null
  }
}

/**
 * Runs the real `shiplog` binary (no TTY, no colour; in `cwd`, or a fresh empty folder) and
 * resolves when it has exited and closed its output: a child that leaves a handle open (a server,
 * a watcher) never resolves on its own and is killed after `timeoutMs` (`timedOut`). With `maxRssMb`, its resident memory is watched while it
 * runs and it is killed when it passes the limit (`overMemory`).
 */
export function spawnCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; maxRssMb?: number; onStderr?: (text: string, child: ChildProcess) => void },
): Promise<SpawnedResult> {
  const scratch = options.cwd === undefined ? scratchFolder() : null
  return new Promise((resolve, reject) => {
    const child = track(spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? scratch?.dir, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] }))
    const out: Buffer[] = []
    const err: Buffer[] = []
    let timedOut = false
    let overMemory = false
    let maxRss: number | null = null
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr?.on('data', (chunk: Buffer) => {
      err.push(chunk)
      options.onStderr?.(Buffer.concat(err).toString('utf8'), child)
    })
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, options.timeoutMs)
    const watch =
      options.maxRssMb === undefined
        ? null
        : setInterval(() => {
            const rss = child.pid === undefined ? null : rssMb(child.pid)
            if (rss === null) return
            maxRss = Math.max(maxRss ?? 0, rss)
            if (rss > (options.maxRssMb as number)) {
              overMemory = true
              child.kill('SIGKILL')
            }
          }, 20)
    child.on('error', (error) => {
      scratch?.done()
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (watch) clearInterval(watch)
      scratch?.done()
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        maxRssMb: maxRss,
        overMemory,
      })
    })
  })
}
