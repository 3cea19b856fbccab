import { isAbsolute, join } from 'node:path'
import { messageAt } from '../../core/message/messageAt.ts'
import { emptyRecord } from '../../core/record/emptyRecord.ts'
import { MAX_RECORD_SIZE } from '../../core/record/maxRecordSize.ts'
import type { parseRecord } from '../../core/record/parseRecord.ts'
import type { ReleaseRecord } from '../../core/record/types.ts'
import type { TemplateManifest } from '../../core/template/types.ts'
import { createRecordCache, recordCacheSalt, type RecordCache } from '../cache/recordCache.ts'
import { decodeRecord, encodeRecord } from '../cache/recordCodec.ts'
import { parseInWorkers, workerCount, type ParsedRecord, type ParseJob, type ParsePool } from '../workers/parseInWorkers.ts'
import { readRegularFile } from './readRegularFile.ts'
import type { ReadStats } from './readStats.ts'
import type { SiteParse } from './siteParse.ts'

export type { ReadStats }

/** Records larger than this (1 MiB) are reported, not read. */
export const MAX_RECORD_BYTES = MAX_RECORD_SIZE

const EMPTY = new Uint8Array(0)

export interface ReadRecordsOptions {
  templates: { [name: string]: TemplateManifest }
  defaultTemplate: string
  /** The record cache folder (`recordCacheDir`), or null (the default) to parse every record. */
  cacheDir?: string | null
  /** An open record cache to use instead of opening `cacheDir` (reads one after the other share it: `streamRecords`). */
  recordCache?: RecordCache | null
  /**
   * Parse workers kept across reads (`streamRecords`): called with the number of records to parse,
   * it gives the pool to parse them in, or null to decide as without it.
   */
  pool?: (records: number) => ParsePool | null
  /** Delete cache entries this read did not use (only when reading every record of a project). */
  prune?: boolean
  /**
   * Whether records decoded from the cache share their short strings (default true): worth it
   * when the records are held together; a reader that lets each batch go (`streamRecords`) skips
   * the cost.
   */
  share?: boolean
  /** Worker threads to parse with; default `workerCount` (none for a few records, `SHIPLOG_WORKERS`); 0 parses in this thread. */
  workers?: number
  /**
   * Called once for each file read as a record (a regular file within the size limit), with the
   * bytes the record is parsed from: what else is needed from the file (the site's body) is taken
   * from them, never from a second read.
   */
  onSource?: (index: number, bytes: Uint8Array) => void
  /** Render the bodies of the records parsed (not those from the cache) for the site, in the same pass. */
  site?: SiteParse
  /** Filled with what the read cost. */
  stats?: ReadStats
  /**
   * Called, with a record cache, with each file's record-cache key before its entry is read: when
   * it returns true, the caller already has what it needs of that record (`check`'s kept
   * results), and the record is neither decoded nor parsed, but left out of the result (counted
   * as a hit; its cache entry is kept).
   */
  known?: (file: string, key: string) => boolean
}


/**
 * Reads and parses record files (paths relative to `root`, with `/`, or absolute), in their order:
 * each file is read once, as a regular file of at most 1 MiB (`readRegularFile`: a folder, pipe
 * or device is reported without being read, a larger file without being read whole); a record
 * whose bytes, path, templates and shiplog code are unchanged comes from the record cache when
 * `cacheDir` is given; the others are parsed in worker threads when there are enough of them
 * (`workerCount`, or `workers`), else, or when a worker fails, in this thread, and stored in the
 * cache. A file that cannot be read is a record with one `file-read` or `file-size` error.
 * The records `known` answers for are left out.
 */
export async function readRecords(root: string, files: readonly string[], options: ReadRecordsOptions): Promise<ReleaseRecord[]> {
  const parseOptions = { templates: options.templates, defaultTemplate: options.defaultTemplate }
  const cacheDir = options.cacheDir ?? null
  const cache: RecordCache | null = options.recordCache !== undefined ? options.recordCache : cacheDir === null ? null : createRecordCache(cacheDir, recordCacheSalt(parseOptions))
  // The same item texts, headers and keys recur in every record: cached records share them.
  const intern = options.share === false ? undefined : new Map<string, string>()
  const results: ReleaseRecord[] = new Array(files.length)
  const misses: Array<ParseJob & { index: number }> = []
  let hits = 0

  files.forEach((file, index) => {
    const read = readRegularFile(isAbsolute(file) ? file : join(root, file), MAX_RECORD_BYTES)
    if (!read.ok) {
      const message =
        read.kind === 'folder'
          ? 'Unexpected folder, expected a record file'
          : read.kind === 'missing' || read.kind === 'unreadable'
            ? `Could not read the file (${read.code ?? 'error'})`
            : 'Unexpected special file (a device, pipe or socket), expected a record file'
      results[index] = problemRecord(file, options.defaultTemplate, 'file-read', message)
      return
    }
    if (read.bytes.length > MAX_RECORD_BYTES) {
      const size = Math.max(read.size, read.bytes.length)
      results[index] = problemRecord(file, options.defaultTemplate, 'file-size', `Unexpected record of ${(size / 1048576).toFixed(1)} MiB, expected at most 1 MiB: the record is not read`)
      return
    }
    options.onSource?.(index, read.bytes)
    const key = cache === null ? null : cache.keyOf(file, read.bytes)
    if (key !== null && options.known?.(file, key) === true) {
      cache?.keep(key)
      hits++
      return
    }
    const cached = key === null || cache === null ? null : cache.get(key, intern)
    if (cached !== null && cached.file === file) {
      results[index] = cached
      hits++
    } else {
      misses.push({ index, file, bytes: read.bytes, key })
    }
  })

  const site = options.site ?? null
  // The parser is loaded for the records parsed in this thread only: a read the record cache
  // answers whole (a warm `check`) never loads it.
  let parse: typeof parseRecord | null = null
  const loadParser = async (): Promise<void> => {
    if (site === null) parse ??= (await import('../../core/record/parseRecord.ts')).parseRecord
  }
  const parseHere = (job: ParseJob & { index: number }): void => {
    let record: ReleaseRecord
    if (site === null) {
      if (parse === null) throw new Error('readRecords: the parser is not loaded')
      record = parse(job.bytes, { file: job.file, ...parseOptions })
    } else {
      const parsed = site.parse(job.bytes, { file: job.file, ...parseOptions })
      record = parsed.record
      if (parsed.html !== null) site.onBody(job.index, parsed.html)
    }
    if (cache !== null && job.key !== null) {
      let payload: string | null = null
      try {
        payload = encodeRecord(record)
      } catch {
        // not cacheable: used as parsed
      }
      if (payload !== null) cache.set(job.key, payload)
    }
    results[job.index] = record
  }

  // Records a worker gave no record for: parsed here once the workers are done.
  const leftOver: Array<ParseJob & { index: number }> = []
  const parsedInWorker = (k: number, parsed: ParsedRecord | null): void => {
    const job = misses[k] as ParseJob & { index: number }
    let decoded = false
    if (parsed !== null) {
      try {
        results[job.index] = decodeRecord(parsed.payload, intern)
        if (job.key !== null) cache?.keep(job.key)
        decoded = true
        if (site !== null && parsed.html !== null) site.onBody(job.index, parsed.html)
      } catch {
        // parse it here
      }
    }
    // The file's bytes are no longer needed (10,000 records hold ~110 MB of them).
    if (decoded) job.bytes = EMPTY
    else leftOver.push(job)
  }

  const pool = misses.length === 0 ? null : (options.pool?.(misses.length) ?? null)
  let workers = 0
  if (pool !== null && pool.size > 0) {
    workers = pool.size
    await pool.run(misses, parsedInWorker)
  } else {
    workers = Math.min(options.workers ?? workerCount(misses.length), misses.length)
    if (workers > 0) {
      const data = { ...parseOptions, cacheDir: cache === null ? null : cache.dir }
      if (site === null) await parseInWorkers(misses, data, workers, parsedInWorker)
      else await parseInWorkers(misses, { ...data, siteRepo: site.repo }, workers, parsedInWorker, new URL(site.worker))
    } else {
      leftOver.push(...misses)
    }
  }
  if (leftOver.length > 0) {
    await loadParser()
    for (const job of leftOver) {
      parseHere(job)
      job.bytes = EMPTY
    }
  }

  if (cache !== null && options.prune === true && misses.length > 0) cache.prune()
  if (options.stats) Object.assign(options.stats, { files: files.length, hits, parsed: misses.length, workers } satisfies ReadStats)
  // (The records `known` answered for are holes: `filter` skips them.)
  return options.known === undefined ? results : results.filter(() => true)
}

function problemRecord(file: string, template: string, rule: string, message: string): ReleaseRecord {
  return emptyRecord(file, template, [messageAt(message, { place: { line: 1, column: 1 }, ruleId: rule })])
}
