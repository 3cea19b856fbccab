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

/**
 * A record read but not decoded yet (`readRecordsLazily`): taking it decodes it, or parses the
 * file in this thread when its encoded form does not decode to it.
 */
export type LazyRecord = () => Promise<ReleaseRecord>

type Job = ParseJob & { index: number }

/** A record from the cache or a parse worker, still encoded (`encodeRecord`), with the file it was read from. */
class Encoded {
  readonly payload: string
  readonly job: Job
  /** Served by the record cache (else parsed by a worker). */
  readonly hit: boolean

  constructor(payload: string, job: Job, hit: boolean) {
    this.payload = payload
    this.job = job
    this.hit = hit
  }
}

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
  return (await readEntries(root, files, options, false)).records as ReleaseRecord[]
}

/**
 * `readRecords`, but the records from the cache and the parse workers stay encoded until taken,
 * and each is let go as it is taken (`streamRecords`): a record decoded when its reader takes it
 * is garbage before the next is decoded, where a batch of decoded records survived collections
 * together and was promoted (a cold `metrics` of 10,000 records peaked at 498 MB instead of
 * 524–532 MB, and took 153 s instead of 168–206 s: docs/performance.md). Taking the records
 * gives the ones `readRecords` gives. Not for the site's read (`site`).
 */
export async function readRecordsLazily(root: string, files: readonly string[], options: Omit<ReadRecordsOptions, 'site'>): Promise<LazyRecord[]> {
  const { records, take } = await readEntries(root, files, options, true)
  // Each entry is let go as it is taken.
  return records.map((_, index) => () => {
    const entry = records[index] as ReleaseRecord | Encoded
    ;(records as Array<ReleaseRecord | Encoded | null>)[index] = null
    return take(entry)
  })
}

async function readEntries(
  root: string,
  files: readonly string[],
  options: ReadRecordsOptions,
  later: boolean,
): Promise<{ records: Array<ReleaseRecord | Encoded>; take: (entry: ReleaseRecord | Encoded) => Promise<ReleaseRecord> }> {
  const parseOptions = { templates: options.templates, defaultTemplate: options.defaultTemplate }
  const cacheDir = options.cacheDir ?? null
  const cache: RecordCache | null = options.recordCache !== undefined ? options.recordCache : cacheDir === null ? null : createRecordCache(cacheDir, recordCacheSalt(parseOptions))
  // The same item texts, headers and keys recur in every record: cached records share them.
  const intern = options.share === false ? undefined : new Map<string, string>()
  const results: Array<ReleaseRecord | Encoded> = new Array(files.length)
  const misses: Job[] = []
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
    if (later && key !== null && cache !== null) {
      const payload = cache.read(key)
      if (payload !== null) {
        results[index] = new Encoded(payload, { index, file, bytes: read.bytes, key }, true)
        hits++
        return
      }
    }
    const cached = later || key === null || cache === null ? null : cache.get(key, intern)
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
  const parseHere = (job: Job): ReleaseRecord => {
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
    return record
  }

  // Records a worker gave no record for: parsed here once the workers are done.
  const leftOver: Job[] = []
  const parsedInWorker = (k: number, parsed: ParsedRecord | null): void => {
    const job = misses[k] as Job
    if (later && parsed !== null) {
      results[job.index] = new Encoded(parsed.payload, job, false)
      if (job.key !== null) cache?.keep(job.key)
      return
    }
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
      results[job.index] = parseHere(job)
      job.bytes = EMPTY
    }
  }

  if (cache !== null && options.prune === true && misses.length > 0) cache.prune()
  if (options.stats) Object.assign(options.stats, { files: files.length, hits, parsed: misses.length, workers } satisfies ReadStats)
  const take = async (entry: ReleaseRecord | Encoded): Promise<ReleaseRecord> => {
    if (!(entry instanceof Encoded)) return entry
    const { payload, job } = entry
    try {
      const record = decodeRecord(payload, intern)
      if (record.file === job.file) return record
    } catch {
      // parse it here
    }
    // Counted as parsed, not as a hit, as `readRecords` counts an entry that does not decode.
    if (entry.hit && options.stats) {
      options.stats.hits--
      options.stats.parsed++
    }
    await loadParser()
    return parseHere(job)
  }
  // The records `known` answered for are holes: `forEach` skips them.
  if (options.known !== undefined) {
    let kept = 0
    results.forEach((entry) => {
      results[kept++] = entry
    })
    results.length = kept
  }
  return { records: results, take }
}

function problemRecord(file: string, template: string, rule: string, message: string): ReleaseRecord {
  return emptyRecord(file, template, [messageAt(message, { place: { line: 1, column: 1 }, ruleId: rule })])
}
