import { availableParallelism } from 'node:os'
import type { ReleaseRecord } from '../../core/record/types.ts'
import { createRecordCache, recordCacheSalt } from '../cache/recordCache.ts'
import { createLazyParsePool, MIN_PARALLEL_RECORDS } from '../workers/parseInWorkers.ts'
import type { Project } from './loadProject.ts'
import { flagUnreadableTemplate, readCacheDirOf, recordFilesOf } from './loadRecords.ts'
import { readRecordsLazily, type LazyRecord } from './readRecords.ts'
import type { ReadStats } from './readStats.ts'
import { skippedRecords } from './skippedRecords.ts'

/**
 * Records read and parsed at a time by `streamRecords`: what bounds its memory (two batches are
 * held at most: the next is read while the caller handles one). 64 records per core (at least
 * 128): enough for a batch to start one parse worker per core (`workerCount`). On this
 * benchmark's two cores, a cold `check` of 10,000 records peaked at 504 MB with 128, 555 MB with
 * 256 (docs/performance.md).
 */
export const STREAM_BATCH = MIN_PARALLEL_RECORDS * Math.max(2, availableParallelism())

export interface StreamRecordsOptions {
  /** The current folder that relative `files` are in (default `process.cwd()`). */
  cwd?: string
  /** Use the record cache, as `loadRecords`; default true. */
  cache?: boolean
  /** A sub-folder of the record cache for this project's entries, as `loadRecords`. */
  cacheScope?: string
  /**
   * Delete the cache entries no record used, once every record has been read (as `loadRecords`
   * does when it reads every record): only when no `files` are given; default false.
   */
  prune?: boolean
  /** Records read at a time (default `STREAM_BATCH`). */
  batch?: number
  /** Filled, once the stream is done, with what the whole read cost (`workers`: the most parse workers used). */
  stats?: ReadStats
  /** Records the caller already has what it needs of, by record-cache key: not read, not yielded (`ReadRecordsOptions.known`). */
  known?: (file: string, key: string) => boolean
}

/**
 * The project's records one at a time, in file order, for commands that handle each record and
 * let it go (`check`, `metrics`, `export`): the same listing (path rule), bounded reads, record
 * cache and template checks as `loadRecords`, but read `batch` files at a time, the next batch
 * while the caller handles the last, so that memory does not grow with the number of records
 * and the workers do not wait for the caller. The records not in the cache are parsed in worker
 * threads started once, by the first batch with enough of them to pay off (`workerCount`), and
 * kept for the batches after it. Skipped files (e.g. a link leaving the releases folder) come as
 * records with one `file-skipped` error, after the others. The records are the ones `loadRecords`
 * gives (test/perf/equivalence.test.ts).
 */
export async function* streamRecords(project: Project, files: string[] = [], options: StreamRecordsOptions = {}): AsyncGenerator<ReleaseRecord> {
  const listed = recordFilesOf(project, files, options.cwd ?? process.cwd())
  const size = Math.max(1, options.batch ?? STREAM_BATCH)
  const cacheDir = readCacheDirOf(project, options.cache !== false, options.cacheScope)
  const parseOptions = { templates: project.manifests, defaultTemplate: project.config.template }
  const cache = cacheDir === null ? null : createRecordCache(cacheDir, recordCacheSalt(parseOptions))
  const pool = createLazyParsePool({ ...parseOptions, cacheDir })
  const total: ReadStats = { files: 0, hits: 0, parsed: 0, workers: 0 }
  const read = (start: number): Promise<{ records: LazyRecord[]; stats: ReadStats }> => {
    const stats = { files: 0, hits: 0, parsed: 0, workers: 0 }
    return readRecordsLazily(project.root, listed.files.slice(start, start + size), {
      ...parseOptions,
      recordCache: cache,
      pool: pool.poolFor,
      prune: false,
      share: false,
      stats,
      ...(options.known === undefined ? {} : { known: options.known }),
    }).then((records) => ({ records, stats }))
  }
  let next = listed.files.length > 0 ? read(0) : null
  try {
    for (let start = 0; next !== null; start += size) {
      const { records, stats } = await next
      // The next batch is read and parsed while the caller handles this one: the workers do not
      // wait for it. At most two batches are held.
      next = start + size < listed.files.length ? read(start + size) : null
      // Each record is decoded as it is taken, and let go by the batch (`readRecordsLazily`).
      for (const take of records) yield flagUnreadableTemplate(project, await take())
      // (Once the batch is taken: an entry that does not decode counts as parsed.)
      total.files += stats.files
      total.hits += stats.hits
      total.parsed += stats.parsed
      total.workers = Math.max(total.workers, stats.workers)
    }
  } finally {
    // A stream left early drops the batch read ahead (its workers stop with the pool).
    next?.catch(() => undefined)
    await pool.close()
  }
  // Only after a complete read: a stream left early has not used every entry it should keep.
  if (cache !== null && options.prune === true && files.length === 0 && total.parsed > 0) cache.prune()
  if (options.stats) Object.assign(options.stats, total)
  yield* skippedRecords(listed.skipped, project.config.template)
}
