import { createHash } from 'node:crypto'
import type { SummaryRecord } from '../../core/check/format/jobSummary.ts'
import type { RecordCheck } from '../../core/check/types.ts'
import { ShiplogMessage } from '../../core/message/ShiplogMessage.ts'
import { CODE_ROOT } from '../fs/packageRoot.ts'
import { cacheSecret } from './cacheSecret.ts'
import { codeFilesFrom, hashFiles, hashInstalledPackages } from './codeFiles.ts'
import { createEntryStore } from './entryStore.ts'
import { decodeValue, encodeValue } from './recordCodec.ts'

/** The first line of an entry: this format, the entry's key and its MAC. Bumped when the layout changes. */
const FORMAT = 'shiplog-check-cache 2'

/** A record's result as kept: what checking it gave, when it was checked, and its job summary row when one was made. */
export interface CachedCheck {
  check: RecordCheck
  /** The instant of the run that checked it (ms since the epoch): the result holds from then on (`RecordCheck.lasting`). */
  checkedAt: number
  summary: SummaryRecord | null
}

/**
 * The results of checking records, kept between runs of `check`: a record the record cache would
 * answer, checked with the same rules, settings and templates on the same day, is not decoded or
 * checked again. Keyed by the record's record-cache key (its bytes, path, templates and parsing
 * code) and `checkCacheSalt` (the rules' code, the settings, the day, the time zone).
 */
export interface CheckCache {
  readonly dir: string
  /** The kept result of the record whose record-cache key is `recordKey`, or null (none, forged, or made later than `now`). */
  get(recordKey: string): CachedCheck | null
  /** Keeps a record's result, unless it may change as time passes (`RecordCheck.lasting` false). */
  set(recordKey: string, result: CachedCheck): void
  /** Deletes the entries this cache object neither read nor wrote, once it has written one. */
  prune(): void
}

let checkerHash: string | null = null

/** The checker's code (every rule, `codeFilesFrom`) and the installed packages: changed rules never serve stale results. */
function checkerKey(): string {
  if (checkerHash === null) {
    const hash = hashInstalledPackages(createHash('sha256').update(FORMAT))
    checkerHash = hashFiles(hash, codeFilesFrom(['core/check/createChecker', 'core/check/format/summaryRowOf', 'node/cache/recordCodec']), CODE_ROOT).digest('hex')
  }
  return checkerHash
}

/**
 * What besides a record decides its result: the checker's code, the rules' settings, today's date
 * and the display time zone (messages quote dates in it), and the project's templates (a template
 * that cannot be read is reported on the records that use it).
 */
export function checkCacheSalt(options: {
  settings: unknown
  today: string | null
  timeZone: string | undefined
  templates: ReadonlyArray<{ name: string; file: string; source: string }>
}): string {
  const templates = options.templates.map(({ name, file, source }) => [name, file, createHash('sha256').update(source).digest('hex')])
  return createHash('sha256')
    .update(checkerKey())
    .update('\0')
    .update(JSON.stringify([options.settings ?? null, options.today, options.timeZone ?? null, templates]))
    .digest('hex')
}

/**
 * A disk cache of records' check results (`<dir>/<2 hex>/<key>.json`). As the other caches, each
 * entry carries an HMAC of its format, key and content under a secret that is not in the project
 * (`cacheSecret`): an entry that does not verify or decode is not used (the record is checked
 * again and the entry replaced). A result made at a later instant than `now` is not used either
 * (a run given an earlier `now`). A cache that cannot be read or written only costs time.
 */
export function createCheckCache(dir: string, salt: string, now: Date, secret: Buffer = cacheSecret()): CheckCache {
  const store = createEntryStore(dir, { format: FORMAT, secret, sharded: true })
  const keyOf = (recordKey: string): string => createHash('sha256').update(salt).update('\0').update(recordKey).digest('hex')
  return {
    dir,
    get(recordKey) {
      const payload = store.read(keyOf(recordKey))
      if (payload === null) return null
      let value: unknown
      try {
        value = decodeValue(payload)
      } catch {
        return null
      }
      // Only lasting results are kept (`set`): the entry does not say so.
      return isStoredCheck(value) && value.checkedAt <= now.getTime() ? { ...value, check: { ...value.check, lasting: true } } : null
    },
    set(recordKey, result) {
      const { lasting, ...check } = result.check
      if (!lasting) return
      let payload: string
      try {
        payload = encodeValue({ ...result, check }, 'check')
      } catch {
        return
      }
      store.write(keyOf(recordKey), payload)
    },
    prune() {
      if (store.wrote) store.prune()
    },
  }
}

/** An entry as `set` writes it: a `CachedCheck` whose `check` leaves `lasting` out. */
type StoredCheck = Omit<CachedCheck, 'check'> & { check: Omit<RecordCheck, 'lasting'> }

function isStoredCheck(value: unknown): value is StoredCheck {
  if (typeof value !== 'object' || value === null) return false
  const { check, checkedAt, summary } = value as { check?: unknown; checkedAt?: unknown; summary?: unknown }
  if (typeof checkedAt !== 'number' || (summary !== null && (typeof summary !== 'object' || summary === undefined))) return false
  if (typeof check !== 'object' || check === null) return false
  const { file, messages, kept, keepFailures } = check as { [key: string]: unknown }
  const isMessages = (list: unknown): boolean => Array.isArray(list) && list.every((message) => message instanceof ShiplogMessage)
  return typeof file === 'string' && isMessages(messages) && isMessages(keepFailures) && Array.isArray(kept)
}
