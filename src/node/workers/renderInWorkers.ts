import { runInWorkers, type WorkerBatch } from './runInWorkers.ts'
import { workerUrl } from './workerUrl.ts'
import type { RenderRecordBodyOptions } from '../../core/site/renderRecordBody.ts'

/** The site's parse worker (siteParseWorker.js): parses records and renders their bodies in one pass. */
export function siteParseWorkerUrl(): URL {
  return workerUrl('./siteParseWorker.js', import.meta.url)
}

/** One record body to render. */
export interface RenderJob {
  markdown: string
  options: RenderRecordBodyOptions
}

/** A message to a worker; it answers `{ id, results }`, one HTML string (or null) per job. */
export type RenderBatch = WorkerBatch<RenderJob>

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
  entry: URL = workerUrl('./renderWorker.js', import.meta.url),
): Promise<void> {
  await runInWorkers<RenderJob, string>(
    jobs,
    { entry, workers, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }, isResult: (value) => typeof value === 'string' },
    onRendered,
  )
}
