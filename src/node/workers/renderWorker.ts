import { parentPort } from 'node:worker_threads'
import type { RenderBatch } from './renderInWorkers.ts'
import { renderRecordBody } from '../../core/site/renderRecordBody.ts'

/*
 * A body-rendering worker: renders each body of a batch with `renderRecordBody` and answers with
 * the HTML in order (null for a body that failed to render: the main thread renders that one).
 */
if (!parentPort) throw new Error('renderWorker.ts runs in a worker thread')
const port = parentPort

port.on('message', (batch: RenderBatch) => {
  const results = batch.jobs.map((job): string | null => {
    try {
      return renderRecordBody(job.markdown, job.options)
    } catch {
      return null
    }
  })
  port.postMessage({ id: batch.id, results })
})
