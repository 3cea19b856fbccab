import { once } from 'node:events'
import { totalmem } from 'node:os'
import type { Readable } from 'node:stream'
import { Worker } from 'node:worker_threads'
import { workerUrl } from '../workers/workerUrl.ts'
import type { SiteProgress } from './buildSite.ts'

/** What the VitePress build worker is given. */
export interface VitepressBuildJob {
  /** VitePress's root: the generated folder, with the `.vitepress/` entry files shiplog wrote there. */
  root: string
  outDir: string
  /** VitePress's temporary folder, in the project's work folder. */
  tempDir: string
  quiet: boolean
}

/** What the worker posts: VitePress's log lines as they come, then how the build ended. */
export type VitepressBuildMessage =
  | { type: 'progress'; event: SiteProgress }
  | { type: 'done' }
  | { type: 'failed'; message: string }

/**
 * V8's young generation of the build thread, in MB. Rollup and Vue's compilers allocate many
 * short-lived objects; with V8's default (16 MB semi-spaces) about a third of a 1,000-record
 * build is spent collecting them. 96 MB (32 MB semi-spaces) takes ~15% off the build.
 */
const YOUNG_GENERATION_MB = 96

/**
 * The old generation the build thread may grow to, in MB: three quarters of the machine's memory.
 * A worker's heap is otherwise capped as the main thread's is (~4 GB on a 64-bit machine, whatever
 * its memory), and Rollup holds every page's modules until the bundles are written: a site of
 * several thousand releases needs more than that, and the machine has it.
 */
export function buildHeapLimitMb(totalBytes: number = totalmem()): number {
  return Math.max(4096, Math.floor((totalBytes / 1024 / 1024) * 0.75))
}

/**
 * Runs `vitepress build` in a worker thread: its heap is its own (sized for a build, and not
 * traced together with the records this thread holds). VitePress's logger reports through
 * messages (`vitepressLogger`); what it writes itself (its progress lines, anything printed)
 * arrives on the worker's own stdout and stderr streams, never on this process's: it is reported
 * line by line as `output`, or dropped with `quiet`. Resolves once the worker has ended and its
 * streams are read; rejects with VitePress's error message.
 */
export function runVitepressBuild(job: VitepressBuildJob, report: (event: SiteProgress) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let outcome: Error | null | undefined
    const decide = (error: Error | null): void => {
      if (outcome === undefined) outcome = error
    }
    const worker = new Worker(workerUrl('./vitepressBuildWorker.js', import.meta.url), {
      workerData: job,
      env: { ...process.env },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: buildHeapLimitMb() },
      stdout: true,
      stderr: true,
    })
    const streams = [worker.stdout, worker.stderr].map((stream) => readLines(stream, job.quiet ? null : (line) => report({ phase: 'output', line })))
    worker.on('message', (message: VitepressBuildMessage) => {
      if (message.type === 'progress') report(message.event)
      else if (message.type === 'done') decide(null)
      else decide(new Error(message.message))
    })
    worker.on('error', (error) => decide(error))
    worker.on('exit', (code) => {
      decide(new Error(`the VitePress build stopped (exit code ${code})`))
      void Promise.all(streams).then(() => (outcome ? reject(outcome) : resolve()))
    })
  })
}

/** Reads `stream` to its end, handing each line (without its line break) to `onLine`, or dropping them all when it is null. */
async function readLines(stream: Readable, onLine: ((line: string) => void) | null): Promise<void> {
  if (onLine === null) {
    stream.resume()
    await once(stream, 'end').catch(() => {})
    return
  }
  stream.setEncoding('utf8')
  let rest = ''
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const lines = (rest + chunk).split(/\r?\n/)
      rest = lines.pop() ?? ''
      for (const line of lines) onLine(line)
    }
  } catch {
    // A stream that fails ends what there is to read.
  }
  if (rest !== '') onLine(rest)
}
