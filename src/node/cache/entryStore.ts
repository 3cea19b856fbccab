import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { readRegularFile } from '../fs/readRegularFile.ts'
import { writeFileAtomic } from '../fs/writeFileAtomic.ts'
import { cacheMac, isCacheMacValid } from './cacheMac.ts'

/**
 * A folder of authenticated cache entries, one file per key (a SHA-256 in hex): `<dir>/<2 hex>/<key>.json`
 * when `sharded` (thousands of entries: one per record), else `<dir>/<key>.json`. An entry is a
 * header line, `<format> <key> <mac>`, then its payload; the MAC (`cacheMac`) covers the format,
 * the key and the payload under a secret that is not in the project (`cacheSecret`), so an entry
 * restored from elsewhere, forged or half-written is never read back
 * ([decision 8](../../../docs/decisions/0008-authenticated-caches.md)). The record cache, the
 * templates' manifests and `check`'s results are such stores; a store that cannot be read or
 * written only costs time.
 */
export interface EntryStore {
  readonly dir: string
  /** The payload stored under `key`, or null: none, unreadable, of another format or key, or a MAC that does not verify. */
  read(key: string): string | null
  /** Stores `payload` under `key`, atomically (a temporary file, then a rename, which replaces a link rather than following it). */
  write(key: string, payload: string): void
  /** Counts an entry as used without reading it (written elsewhere, or not needed this time), so that `prune` keeps it. */
  keep(key: string): void
  /** Whether this store object has written an entry. */
  readonly wrote: boolean
  /**
   * Deletes every file of the store but the entries this store object read, wrote or kept, and
   * temporary files younger than an hour (a write in progress in another process); returns how
   * many it deleted.
   */
  prune(): number
}

export interface EntryStoreOptions {
  /** The entry layout, first in each header (e.g. `shiplog-record-cache 3`): bumped when the payload's layout changes. */
  format: string
  secret: Buffer
  /** Entries in sub-folders named by their key's first two hex digits. */
  sharded: boolean
}

/** The largest entry read (a record of 1 MiB encodes to a few MiB): a larger file is not an entry. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024

/**
 * The text of a cache entry's file, or null: missing, unreadable, larger than an entry can be, or
 * not a regular file (a pipe or a device planted at an entry's path is not waited on).
 */
export function readEntryFile(path: string): string | null {
  const file = readRegularFile(path, MAX_ENTRY_BYTES)
  if (!file.ok || file.bytes.length > MAX_ENTRY_BYTES) return null
  return Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length).toString('utf8')
}

/** The file of the entry `key` in a store's folder. */
export function entryPath(dir: string, key: string, sharded: boolean): string {
  return sharded ? join(dir, key.slice(0, 2), `${key}.json`) : join(dir, `${key}.json`)
}

/** Writes one entry (see `EntryStore.write`) without a store object: parse workers write the record cache's entries themselves. */
export function writeEntry(dir: string, key: string, payload: string, options: EntryStoreOptions): boolean {
  const { format, secret, sharded } = options
  try {
    writeFileAtomic(entryPath(dir, key, sharded), `${format} ${key} ${cacheMac(secret, `${format}\0${key}`, payload)}\n${payload}`, { overwrite: true })
    return true
  } catch {
    // A cache that cannot be written only costs time.
    return false
  }
}

export function createEntryStore(dir: string, options: EntryStoreOptions): EntryStore {
  const { format, secret, sharded } = options
  const used = new Set<string>()
  let wrote = false
  return {
    dir,
    read(key) {
      used.add(key)
      const text = readEntryFile(entryPath(dir, key, sharded))
      if (text === null) return null
      const newline = text.indexOf('\n')
      if (newline < 0) return null
      const header = text.slice(0, newline)
      const mac = header.slice(header.lastIndexOf(' ') + 1)
      if (header !== `${format} ${key} ${mac}`) return null
      const payload = text.slice(newline + 1)
      return isCacheMacValid(secret, `${format}\0${key}`, payload, mac) ? payload : null
    },
    write(key, payload) {
      used.add(key)
      if (writeEntry(dir, key, payload, options)) wrote = true
    },
    keep(key) {
      used.add(key)
    },
    get wrote() {
      return wrote
    },
    prune() {
      let removed = 0
      const now = Date.now()
      const folders = sharded ? namesIn(dir).filter((name) => /^[0-9a-f]{2}$/.test(name)).map((shard) => join(dir, shard)) : [dir]
      for (const folder of folders) {
        for (const name of namesIn(folder)) {
          if (name.endsWith('.json') && used.has(name.slice(0, -5))) continue
          const path = join(folder, name)
          try {
            if (name.endsWith('.tmp') && now - statSync(path).mtimeMs < 3_600_000) continue
            rmSync(path, { force: true })
            removed++
          } catch {
            // another process removed it first
          }
        }
      }
      return removed
    },
  }
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}
