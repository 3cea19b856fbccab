import type { ReleaseRecord } from '../../core/record/types.ts'
import { writeCacheEntry } from '../cache/recordCache.ts'
import { encodeRecord } from '../cache/recordCodec.ts'
import type { ParsedRecord } from './parseInWorkers.ts'

/**
 * A parse worker's answer for one record: the record encoded (`encodeRecord`) and stored in the
 * record cache under `key` when `cacheDir` is given, with its body's HTML (the site's workers) or
 * null; null when the codec cannot carry the record (the main thread parses that one itself).
 */
export function parsedRecordOf(record: ReleaseRecord, html: string | null, cacheDir: string | null, key: string | null): ParsedRecord | null {
  let payload: string
  try {
    payload = encodeRecord(record)
  } catch {
    return null
  }
  if (cacheDir !== null && key !== null) writeCacheEntry(cacheDir, key, payload)
  return { payload, html }
}
