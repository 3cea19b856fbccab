import { Worker } from 'node:worker_threads'
import { workerUrl } from '../workers/workerUrl.ts'
import type { SiteProgress } from './buildSite.ts'

/** What the VitePress build worker is given. */
export interface VitepressBuildJob {
  /** The VitePress project (shiplog's `site/`). */
  siteRoot: string
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
 * Runs `vitepress build` in a worker thread: its heap is its own (sized for a build, and not
 * traced together with the records this thread holds). `SHIPLOG_SITE_SRC` must be set in this
 * thread's environment first (the worker gets a copy). Rejects with VitePress's error message.
 */
export function runVitepressBuild(job: VitepressBuildJob, report: (event: SiteProgress) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false
    const finish = (error: Error | null): void => {
      if (settled) return
      settled = true
      if (error === null) resolve()
      else reject(error)
    }
    const worker = new Worker(workerUrl('./vitepressBuildWorker.js', import.meta.url), {
      workerData: job,
      env: { ...process.env },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    })
    worker.on('message', (message: VitepressBuildMessage) => {
      if (message.type === 'progress') report(message.event)
      else if (message.type === 'done') finish(null)
      else finish(new Error(message.message))
    })
    worker.on('error', (error) => finish(error))
    worker.on('exit', (code) => finish(settled ? null : new Error(`the VitePress build stopped (exit code ${code})`)))
  })
}
