import { parentPort, workerData } from 'node:worker_threads'
import type { VitepressBuildJob, VitepressBuildMessage } from './runVitepressBuild.ts'
import { vitepressLogger } from './vitepressLogger.ts'

/*
 * Runs `vitepress build` for runVitepressBuild.ts in a worker thread, and posts what VitePress
 * logs and how the build ended to the calling thread. What VitePress writes itself (its progress
 * lines) goes to this thread's stdout and stderr, which the calling thread reads as streams.
 */
if (!parentPort) throw new Error('vitepressBuildWorker.ts runs in a worker thread')
const port = parentPort
const job = workerData as VitepressBuildJob
const post = (message: VitepressBuildMessage): void => port.postMessage(message)

try {
  const { build } = await import('vitepress')
  const logger = vitepressLogger((event) => post({ type: 'progress', event }), job.quiet)
  await build(job.root, {
    outDir: job.outDir,
    onAfterConfigResolve(siteConfig) {
      // Keep VitePress's temporary files in the project's work folder.
      siteConfig.tempDir = job.tempDir
      siteConfig.logger = logger
      siteConfig.vite = { ...siteConfig.vite, customLogger: logger, logLevel: job.quiet ? 'error' : 'warn' }
    },
  })
  post({ type: 'done' })
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
}
