import { createHash } from 'node:crypto'
import type { ReleaseRecord } from '../../core/record/types.ts'
import type { TemplateManifest } from '../../core/template/types.ts'
import { cacheFolderOf } from './cacheFolderOf.ts'
import { cacheSecret } from './cacheSecret.ts'
import { CODE_EXTENSION, CODE_ROOT, PACKAGE_ROOT } from '../fs/packageRoot.ts'
import { codeFilesFrom, hashFiles, hashInstalledPackages } from './codeFiles.ts'
import { createEntryStore, writeEntry } from './entryStore.ts'
import { decodeRecord } from './recordCodec.ts'

/** Bumped when the entry layout or the codec changes. */
const FORMAT = 'shiplog-record-cache 3'

/**
 * A disk cache of parsed records: `<dir>/<2 hex>/<key>.json`, one entry per record version. The
 * key is a SHA-256 of the record's bytes and path and of everything else the parse depends on
 * (see `recordCacheSalt`): anyone can compute it. An entry holds a header with its format, its
 * key and an HMAC of both and of the encoded record (`cacheMac`) under a secret that is not in
 * the project (`cacheSecret`); an entry whose header, MAC or content does not check out is
 * ignored and parsed afresh, never trusted: a cache restored from elsewhere carries no more
 * trust than the record (docs/decisions/0008-authenticated-caches.md).
 */
export interface RecordCache {
  readonly dir: string
  /** The key of a record file's content. */
  keyOf(file: string, bytes: Uint8Array): string
  /** The cached record, or null (missing, corrupt or unreadable entry). */
  get(key: string, intern?: Map<string, string>): ReleaseRecord | null
  /** The cached record still encoded (`decodeRecord` reads it), or null (missing, forged or unreadable entry). */
  read(key: string): string | null
  /** Stores an encoded record (`encodeRecord`); failures only cost time and are ignored. */
  set(key: string, payload: string): void
  /** Counts an entry written elsewhere (by a parse worker) as used, so that `prune` keeps it. */
  keep(key: string): void
  /** Deletes the entries this cache object neither read, wrote nor kept; returns how many. */
  prune(): number
}

/** The records cache folder: `$SHIPLOG_CACHE_DIR/records` (relative to the project), else `<root>/.shiplog/cache/records`. */
export function recordCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return cacheFolderOf(root, 'records', env)
}

export function createRecordCache(dir: string, salt: string, secret: Buffer = cacheSecret()): RecordCache {
  const store = createEntryStore(dir, { format: FORMAT, secret, sharded: true })
  return {
    dir,
    keyOf(file, bytes) {
      return createHash('sha256').update(salt).update('\0').update(file).update('\0').update(bytes).digest('hex')
    },
    read(key) {
      return store.read(key)
    },
    get(key, intern) {
      const payload = store.read(key)
      if (payload === null) return null
      try {
        return decodeRecord(payload, intern)
      } catch {
        return null
      }
    },
    set(key, payload) {
      store.write(key, payload)
    },
    keep(key) {
      store.keep(key)
    },
    prune() {
      return store.prune()
    },
  }
}

/**
 * Writes one entry atomically (temporary file, then rename), authenticated with `secret` (parse
 * workers find the same one themselves); ignores failures (read-only disk, full disk).
 */
export function writeCacheEntry(dir: string, key: string, payload: string, secret: Buffer = cacheSecret()): void {
  writeEntry(dir, key, payload, { format: FORMAT, secret, sharded: true })
}

let codeHash: string | null = null

/** Where parsing starts; their imports are the code a cached record depends on (`codeFilesFrom`). */
const PARSE_ENTRIES = ['core/record/parseRecord', 'node/fs/readRecords', 'node/workers/parseWorker', 'node/cache/recordCodec', 'node/cache/recordCache']

/**
 * The files of the running code reachable from `PARSE_ENTRIES` through relative imports, sorted:
 * the `.js` files of `dist/` in the package, the `.ts` files of `src/` when the sources run (the tests).
 */
export function parseSources(root: string = CODE_ROOT, extension: string = CODE_EXTENSION): string[] {
  return codeFilesFrom(PARSE_ENTRIES, root, extension)
}

/**
 * What besides a record's bytes and path decides how it is parsed: the cache format, shiplog's
 * version and parsing code (every source file the parser imports, so a changed parser never
 * serves stale records, even before a release), the installed dependencies (npm's lock of
 * `node_modules`), the templates' manifests (they classify groups) and the default template.
 */
export function recordCacheSalt(options: { templates: { readonly [name: string]: TemplateManifest }; defaultTemplate: string }): string {
  if (codeHash === null) {
    const code = hashInstalledPackages(createHash('sha256').update(FORMAT))
    hashFiles(code, parseSources(), PACKAGE_ROOT)
    codeHash = code.digest('hex')
  }
  const manifests = Object.keys(options.templates)
    .sort()
    .map((name) => [name, options.templates[name]])
  return createHash('sha256').update(codeHash).update('\0').update(JSON.stringify([options.defaultTemplate, manifests])).digest('hex')
}
