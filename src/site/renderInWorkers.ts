import { Worker } from 'node:worker_threads'
import type { RenderRecordBodyOptions } from './renderRecordBody.ts'

/** One record body to render. */
export interface RenderJob {
  markdown: string
  options: RenderRecordBodyOptions
}

/** A message to a worker; it answers `{ id, html }`, one HTML string (or null) per job. */
export interface RenderBatch {
  id: number
  jobs: RenderJob[]
}

/** Like the parse workers: a larger young generation makes the many short-lived objects cheaper. */
const YOUNG_GENERATION_MB = 64

/**
 * Renders record bodies in `workers` worker threads. Reports every job exactly once through
 * `onRendered`, as results arrive, with the HTML, or null when the caller must render that body
 * itself (it failed in the worker, or its worker died; with no worker left, the rest come back as
 * null). Resolves when every job has been reported and the workers are gone.
 */
export async function renderInWorkers(
  jobs: readonly RenderJob[],
  workers: number,
  onRendered: (index: number, html: string | null) => void,
  /** The worker's entry module (tests replace it). */
  entry: URL = new URL('./renderWorkerEntry.js', import.meta.url),
): Promise<void> {
  if (jobs.length === 0) return
  const queue: number[] = jobs.map((_, index) => index)
  let reported = 0
  let nextBatch = 0
  const live = new Set<Worker>()
  const inFlight = new Map<Worker, { id: number; indexes: number[] }>()

  await new Promise<void>((resolve) => {
    let done = false
    const report = (index: number, html: string | null): void => {
      reported++
      onRendered(index, html)
      if (reported === jobs.length && !done) {
        done = true
        resolve()
      }
    }
    const send = (worker: Worker): void => {
      if (queue.length === 0) return
      // Smaller batches towards the end, so that the workers finish together.
      const size = Math.max(1, Math.min(16, Math.ceil(queue.length / (live.size * 3))))
      const indexes = queue.splice(0, size)
      inFlight.set(worker, { id: nextBatch, indexes })
      worker.postMessage({ id: nextBatch++, jobs: indexes.map((index) => jobs[index] as RenderJob) } satisfies RenderBatch)
    }
    const fail = (worker: Worker): void => {
      if (done || !live.delete(worker)) return
      const batch = inFlight.get(worker)
      inFlight.delete(worker)
      void worker.terminate()
      for (const index of batch?.indexes ?? []) report(index, null)
      if (live.size === 0) for (const index of queue.splice(0)) report(index, null)
    }
    for (let n = 0; n < workers; n++) {
      let worker: Worker
      try {
        worker = new Worker(entry, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } })
      } catch {
        continue
      }
      live.add(worker)
      worker.on('message', (message: { id?: number; html?: unknown }) => {
        const batch = inFlight.get(worker)
        if (!batch || message.id !== batch.id || !Array.isArray(message.html)) return
        const html: unknown[] = message.html
        inFlight.delete(worker)
        send(worker)
        batch.indexes.forEach((index, k) => {
          const one = html[k]
          report(index, typeof one === 'string' ? one : null)
        })
      })
      worker.on('error', () => fail(worker))
      worker.on('exit', () => fail(worker))
    }
    if (live.size === 0) for (const index of queue.splice(0)) report(index, null)
    else for (const worker of live) send(worker)
  })
  await Promise.all([...live].map((worker) => worker.terminate()))
}
