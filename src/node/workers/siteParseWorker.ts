import { parentPort, workerData } from 'node:worker_threads'
import { parseAndRenderRecord } from '../../core/site/parseAndRenderRecord.ts'
import type { ParseBatch, ParseWorkerData } from './parseInWorkers.ts'
import { parsedRecordOf } from './parsedRecordOf.ts'

/*
 * The site's parse worker: as parseWorker.ts (the same record, encoded and stored in the record
 * cache), and each body rendered for its page from the parser's own tree
 * (`parseAndRenderRecord`), with links into `siteRepo`. A separate entry, so that the parse
 * workers of `check` and `metrics` never load the renderer, and the record cache's key (the
 * parser's code) does not change with the site's code.
 */
const { templates, defaultTemplate, cacheDir, siteRepo } = workerData as ParseWorkerData
if (!parentPort) throw new Error('siteParseWorker.ts runs in a worker thread')
const port = parentPort

port.on('message', (batch: ParseBatch) => {
  const results = batch.jobs.map((job) => {
    const { record, html } = parseAndRenderRecord(job.bytes, { file: job.file, templates, defaultTemplate }, siteRepo ?? null)
    return parsedRecordOf(record, html, cacheDir, job.key)
  })
  port.postMessage({ id: batch.id, results })
})
