import { createHash, randomBytes } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { userCacheDir } from './userCacheDir.ts'

/** Bytes of a key file shiplog creates, and the fewest it accepts. */
const KEY_BYTES = 32

/** Where a per-user key lives: `$XDG_CACHE_HOME/shiplog/cache-key`, else `~/.cache/shiplog/cache-key`; null without a home folder. */
export function cacheKeyFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = userCacheDir(env)
  return dir === null ? null : join(dir, 'cache-key')
}

const known = new Map<string, Buffer>()
let ephemeral: Buffer | null = null

/**
 * The key that authenticates cache entries (see `cacheMac`). It never lives in the project or its
 * cache folder, which anyone who can commit, share a CI cache or a runner may write:
 *
 * - `SHIPLOG_CACHE_SECRET`, when set (on CI, from a repository secret, so that caches restored
 *   from one run are usable in the next);
 * - else a per-user key file (`cacheKeyFile`), created on first use with random bytes and mode
 *   0600; a file that is not a regular file of this user, that others may read or write, or that
 *   is too short is not used;
 * - else (no usable key file) a random key held in memory: entries written by this thread verify
 *   in this thread only, and the cache saves nothing from one run to the next.
 */
export function cacheSecret(env: NodeJS.ProcessEnv = process.env): Buffer {
  const given = env['SHIPLOG_CACHE_SECRET']
  if (given) return derived(`env\0${given}`)
  const file = cacheKeyFile(env)
  const key = file === null ? null : (known.get(file) ?? readOrCreateKeyFile(file))
  if (file !== null && key !== null) {
    known.set(file, key)
    return key
  }
  ephemeral ??= randomBytes(KEY_BYTES)
  return ephemeral
}

function derived(material: string): Buffer {
  return createHash('sha256').update('shiplog cache secret\0').update(material).digest()
}

function readOrCreateKeyFile(file: string): Buffer | null {
  const existing = readKeyFile(file)
  if (existing !== 'missing') return existing
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    // Written whole to a file of our own, then linked into place: another process creating the
    // key at the same time either wins (we read its key) or loses; nobody reads half a key.
    const temporary = `${file}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`
    writeFileSync(temporary, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' })
    try {
      linkSync(temporary, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      unlinkSync(temporary)
    }
  } catch {
    return null
  }
  const created = readKeyFile(file)
  return created === 'missing' ? null : created
}

function readKeyFile(file: string): Buffer | null | 'missing' {
  try {
    const stat = statSync(file)
    if (!stat.isFile()) return null
    if (process.platform !== 'win32') {
      if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return null
      if ((stat.mode & 0o077) !== 0) return null
    }
    const bytes = readFileSync(file)
    return bytes.length >= KEY_BYTES ? derived(`file\0${bytes.toString('hex')}`) : null
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : null
  }
}
