import { parentPort, workerData } from 'node:worker_threads'
import { parseRecord } from '../../core/record/parseRecord.ts'
import type { ParseBatch, ParseWorkerData } from './parseInWorkers.ts'
import { parsedRecordOf } from './parsedRecordOf.ts'

/*
 * A parse worker: parses each record of a batch, encodes it (`encodeRecord`), stores it in the
 * record cache when the batch says where, and answers with the encoded records in order (null
 * for a record the codec cannot carry: the main thread parses that one itself). The site's
 * twin, which renders each body too, is siteParseWorker.ts.
 */
const { templates, defaultTemplate, cacheDir } = workerData as ParseWorkerData
if (!parentPort) throw new Error('parseWorker.ts runs in a worker thread')
const port = parentPort

port.on('message', (batch: ParseBatch) => {
  const results = batch.jobs.map((job) => parsedRecordOf(parseRecord(job.bytes, { file: job.file, templates, defaultTemplate }), null, cacheDir, job.key))
  port.postMessage({ id: batch.id, results })
})
