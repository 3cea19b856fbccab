import { availableParallelism } from 'node:os'
import type { TemplateManifest } from '../../core/template/types.ts'
import { createWorkerPool, runInWorkers, type RunInWorkersOptions, type WorkerBatch, type WorkerPool } from './runInWorkers.ts'
import { workerUrl } from './workerUrl.ts'

/** One record to parse: its path (relative to the project, with `/`), its bytes and its cache key. */
export interface ParseJob {
  file: string
  bytes: Uint8Array
  /** Where the worker stores the encoded record in the cache, or null for no caching. */
  key: string | null
}

/** What every worker is started with. */
export interface ParseWorkerData {
  templates: { readonly [name: string]: TemplateManifest }
  defaultTemplate: string
  /** The record cache folder (`recordCacheDir`), or null for no caching. */
  cacheDir: string | null
  /** For siteParseWorker.js, which renders each body too: the repository the bodies' relative links point into. */
  siteRepo?: { url: string; branch: string } | null
}

/** A worker's answer for one record: the encoded record (`encodeRecord`), and its body's HTML from a site worker (siteParseWorker.js). */
export interface ParsedRecord {
  payload: string
  html: string | null
}

/** A message to a worker; it answers `{ id, results }`, one `ParsedRecord` (or null) per job. */
export type ParseBatch = WorkerBatch<ParseJob>

/**
 * Below this many records to parse, the calling thread parses them itself: a worker needs time
 * to start (Node, the compiled parser's modules) and to warm its JIT up, which about 64 records
 * repaid when workers compiled the parser with tsx (~0.4–0.6 s; compiled, start and first record
 * take about half as long). Measured with `npm run bench -- --only workers`, docs/performance.md.
 */
export const MIN_PARALLEL_RECORDS = 64

/**
 * V8's young generation of a worker, in MB. Parsing allocates many short-lived objects; a young
 * generation of 64 MB instead of the default halves the time spent collecting them (about 35%
 * less time per record, measured), for ~100 MB more peak memory with two workers.
 */
const YOUNG_GENERATION_MB = 64

/**
 * A worker's stack, in MB, set so that its JavaScript stack is as deep as this thread's (V8's
 * `--stack-size`, 984 KB unless given; a worker keeps 192 KB of its stack for Node): a record
 * nested too deeply to parse here is then too deep in a worker too, and reads the same.
 */
function stackSizeMb(): number {
  const flag = process.execArgv.find((arg) => arg.startsWith('--stack-size='))
  const kb = flag === undefined ? 984 : Number(flag.slice('--stack-size='.length))
  return ((Number.isFinite(kb) && kb > 0 ? kb : 984) + 192) / 1024
}

/**
 * How many workers to parse `records` records with: none (parse in this thread) below
 * `MIN_PARALLEL_RECORDS`, else one per `MIN_PARALLEL_RECORDS` records, at most one per core.
 * `SHIPLOG_WORKERS` overrides the count (0: always in this thread).
 */
export function workerCount(records: number, env: { readonly [name: string]: string | undefined } = process.env): number {
  const forced = env['SHIPLOG_WORKERS']
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), records)
  return Math.min(availableParallelism(), Math.floor(records / MIN_PARALLEL_RECORDS))
}

/** Parse workers kept across several reads (`streamRecords`): each job answers a `ParsedRecord`, or null. */
export type ParsePool = WorkerPool<ParseJob, ParsedRecord>

function isParsedRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const { payload, html } = value as Partial<ParsedRecord>
  return typeof payload === 'string' && (html === null || typeof html === 'string')
}

function parsePoolOptions(data: ParseWorkerData, workers: number, entry: URL): RunInWorkersOptions {
  return {
    entry,
    workers,
    workerData: data,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, stackSizeMb: stackSizeMb() },
    isResult: isParsedRecord,
  }
}

/** Starts `workers` parse workers for reads one after the other (`ParsePool.run`, as `parseInWorkers`); close it after. */
export function createParsePool(data: ParseWorkerData, workers: number, entry: URL = workerUrl('./parseWorker.js', import.meta.url)): ParsePool {
  return createWorkerPool<ParseJob, ParsedRecord>(parsePoolOptions(data, workers, entry))
}

/** Parse workers for reads one after another, started by the first read with enough records to parse (`workerCount`) and kept until `close`. */
export interface LazyParsePool {
  /** The record cache folder its workers write the records they parse to (null: none). */
  readonly cacheDir: string | null
  /** The workers for a read with `records` records to parse, or null while none are worth starting. */
  poolFor(records: number): ParsePool | null
  close(): Promise<void>
}

/** A `LazyParsePool` of workers started with `data` and `entry` (`createParsePool`). */
export function createLazyParsePool(data: ParseWorkerData, entry?: URL): LazyParsePool {
  let pool: ParsePool | null = null
  return {
    cacheDir: data.cacheDir,
    poolFor(records) {
      const workers = pool === null ? workerCount(records) : 0
      if (workers > 0) pool = createParsePool(data, workers, entry)
      return pool
    },
    async close() {
      const open = pool
      pool = null
      await open?.close()
    },
  }
}

/**
 * Parses records in `workers` worker threads (each runs the compiled parser, `parseWorker.js`).
 * Reports every job exactly once through `onParsed`, as results arrive, with the encoded record
 * (`encodeRecord`) and, from the site's workers (`entry` siteParseWorker.js), its body's HTML, or null when the caller must
 * parse that record itself: the codec cannot carry it, or its worker died (the others go on with
 * the queue; with none left, the rest come back as null). Resolves when every job has been
 * reported and the workers are gone.
 */
export async function parseInWorkers(
  jobs: readonly ParseJob[],
  data: ParseWorkerData,
  workers: number,
  onParsed: (index: number, parsed: ParsedRecord | null) => void,
  /** The worker's entry module: parseWorker.js, siteParseWorker.js for the site, another in tests. */
  entry: URL = workerUrl('./parseWorker.js', import.meta.url),
): Promise<void> {
  await runInWorkers<ParseJob, ParsedRecord>(jobs, parsePoolOptions(data, workers, entry), onParsed)
}
