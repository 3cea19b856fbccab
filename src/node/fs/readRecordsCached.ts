import { readFileSync, statSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { parseRecord } from '../../core/record/parseRecord.ts'
import type { ReleaseRecord } from '../../core/record/types.ts'
import type { TemplateManifest } from '../../core/template/types.ts'
import { parseInWorkers, workerCount, type ParseJob } from '../workers/parseInWorkers.ts'
import { createRecordCache, recordCacheSalt, type RecordCache } from '../cache/recordCache.ts'
import { decodeRecord, encodeRecord } from '../cache/recordCodec.ts'
import { MAX_RECORD_BYTES, readRecords } from './readRecords.ts'

const EMPTY = new Uint8Array(0)

export interface ReadRecordsCachedOptions {
  templates: { [name: string]: TemplateManifest }
  defaultTemplate: string
  /** The record cache folder (`recordCacheDir`), or null to parse every record. */
  cacheDir: string | null
  /** Delete cache entries this read did not use (only when reading every record of a project). */
  prune?: boolean
  /** Worker threads to parse with; default `workerCount` (none for a few records). */
  workers?: number
}

/** What a read cost, for benchmarks and `--verbose`. */
export interface ReadStats {
  files: number
  /** Records served from the cache. */
  hits: number
  /** Records parsed (files that cannot be read or are too large count as neither), and how many workers parsed them (0: in this thread). */
  parsed: number
  workers: number
}

/**
 * Reads and parses record files (paths relative to `root`, with `/`) like `readRecords`, with the
 * same results, faster: records whose bytes, path, templates and shiplog code are unchanged come
 * from the record cache; the others are parsed in worker threads when there are enough of them
 * (see `workerCount`) and stored in the cache. A file that cannot be read, or is too large, is
 * handed to `readRecords` itself so that its problem is reported exactly as there.
 */
export async function readRecordsCached(
  root: string,
  files: readonly string[],
  options: ReadRecordsCachedOptions,
  stats?: ReadStats,
): Promise<ReleaseRecord[]> {
  const parseOptions = { templates: options.templates, defaultTemplate: options.defaultTemplate }
  const cache: RecordCache | null = options.cacheDir === null ? null : createRecordCache(options.cacheDir, recordCacheSalt(parseOptions))
  // The same item texts, headers and keys recur in every record: cached records share them.
  const intern = new Map<string, string>()
  const results: Array<ReleaseRecord | undefined> = new Array(files.length)
  const misses: Array<ParseJob & { index: number }> = []
  let hits = 0

  files.forEach((file, index) => {
    const path = isAbsolute(file) ? file : join(root, file)
    let bytes: Buffer
    try {
      // A pipe or device would block the read (or never end): readRecords reports it instead.
      const stat = statSync(path)
      if (!stat.isFile() || stat.size > MAX_RECORD_BYTES) throw new RangeError('not a regular file, or too large')
      bytes = readFileSync(path)
    } catch {
      results[index] = readRecords(root, [file], parseOptions)[0]
      return
    }
    const key = cache === null ? null : cache.keyOf(file, bytes)
    const cached = key === null || cache === null ? null : cache.get(key, intern)
    if (cached !== null && cached.file === file) {
      results[index] = cached
      hits++
    } else {
      misses.push({ index, file, bytes, key })
    }
  })

  const parseHere = (job: ParseJob & { index: number }): void => {
    const record = parseRecord(job.bytes, { file: job.file, ...parseOptions })
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

  const workers = Math.min(options.workers ?? workerCount(misses.length), misses.length)
  if (workers > 0) {
    await parseInWorkers(misses, { ...parseOptions, cacheDir: cache === null ? null : cache.dir }, workers, (k, payload) => {
      const job = misses[k] as ParseJob & { index: number }
      let decoded = false
      if (payload !== null) {
        try {
          results[job.index] = decodeRecord(payload, intern)
          if (job.key !== null) cache?.keep(job.key)
          decoded = true
        } catch {
          // parse it here
        }
      }
      if (!decoded) parseHere(job)
      // The file's bytes are no longer needed (10,000 records hold ~110 MB of them).
      job.bytes = EMPTY
    })
  } else {
    for (const job of misses) {
      parseHere(job)
      job.bytes = EMPTY
    }
  }

  if (cache !== null && options.prune === true && misses.length > 0) cache.prune()
  if (stats) Object.assign(stats, { files: files.length, hits, parsed: misses.length, workers } satisfies ReadStats)
  return results.map((record, index) => record ?? readRecords(root, [files[index] as string], parseOptions)[0] as ReleaseRecord)
}
