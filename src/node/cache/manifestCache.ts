import { createHash } from 'node:crypto'
import { ShiplogMessage } from '../../core/message/ShiplogMessage.ts'
import { cacheFolderOf } from './cacheFolderOf.ts'
import { CODE_ROOT } from '../fs/packageRoot.ts'
import type { ReadManifest } from '../fs/readTemplateFolders.ts'
import { cacheSecret } from './cacheSecret.ts'
import { codeFilesFrom, hashFiles, hashInstalledPackages } from './codeFiles.ts'
import { createEntryStore } from './entryStore.ts'
import { decodeValue, encodeValue } from './recordCodec.ts'

/** The first line of an entry: this format, the entry's key and its MAC. Bumped when the layout changes. */
const FORMAT = 'shiplog-manifest-cache 1'

/**
 * Templates' manifests as `parseManifest` reads them, kept between runs. Reading a manifest's YAML
 * costs ~25 ms a template warm and ~100 ms for the first one a process reads: most of what
 * opening a project costs, paid again by every `check` and `metrics`.
 */
export interface ManifestCache {
  readonly dir: string
  /** The cached reading of a template's source (`fallbackName`: the file's base name), or null. */
  get(source: string, fallbackName: string): ReadManifest | null
  /** Stores the reading of a template's source; a reading the codec cannot carry exactly is not stored. */
  put(source: string, fallbackName: string, read: ReadManifest): void
  /** Deletes the entries this cache object neither read nor wrote, once it has written one (a template changed). */
  prune(): void
}

/** The templates' cache folder: `$SHIPLOG_CACHE_DIR/templates` (relative to the project), else `<root>/.shiplog/cache/templates`. */
export function manifestCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return cacheFolderOf(root, 'templates', env)
}

let readerHash: string | null = null

/** The manifest reader's own code (`codeFilesFrom`) and the installed packages (the YAML parser): a changed reader never serves stale manifests. */
function readerKey(): string {
  if (readerHash === null) {
    const hash = hashInstalledPackages(createHash('sha256').update(FORMAT))
    readerHash = hashFiles(hash, codeFilesFrom(['core/template/parseManifest', 'node/cache/recordCodec']), CODE_ROOT).digest('hex')
  }
  return readerHash
}

/**
 * A disk cache of templates' manifests (`<dir>/<sha256>.json`), keyed by the template's text, its
 * base name and the reader's code. As the record cache's entries, each entry carries an HMAC of
 * its format, key and content under a secret that is not in the project (`cacheSecret`): an entry
 * that does not verify, or does not decode to a manifest reading, is not used (the manifest is
 * read again and the entry replaced). A cache that cannot be read or written only costs time.
 */
export function createManifestCache(dir: string, secret: Buffer = cacheSecret()): ManifestCache {
  const store = createEntryStore(dir, { format: FORMAT, secret, sharded: false })
  const keyOf = (source: string, fallbackName: string): string =>
    createHash('sha256').update(readerKey()).update('\0').update(fallbackName).update('\0').update(source).digest('hex')
  return {
    dir,
    get(source, fallbackName) {
      const payload = store.read(keyOf(source, fallbackName))
      if (payload === null) return null
      try {
        const value = decodeValue(payload)
        return isReadManifest(value) ? value : null
      } catch {
        return null
      }
    },
    put(source, fallbackName, read) {
      let payload: string
      try {
        payload = encodeValue({ manifest: read.manifest, problems: read.problems }, 'manifest')
      } catch {
        return
      }
      store.write(keyOf(source, fallbackName), payload)
    },
    prune() {
      if (store.wrote) store.prune()
    },
  }
}

function isReadManifest(value: unknown): value is ReadManifest {
  if (typeof value !== 'object' || value === null) return false
  const { manifest, problems } = value as { manifest?: unknown; problems?: unknown }
  return (
    (manifest === null || (typeof manifest === 'object' && manifest !== undefined && typeof (manifest as { name?: unknown }).name === 'string')) &&
    Array.isArray(problems) &&
    problems.every((problem) => problem instanceof ShiplogMessage)
  )
}
