import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cacheMac, isCacheMacValid } from '../../src/node/cache/cacheMac.ts'
import { cacheKeyFile, cacheSecret } from '../../src/node/cache/cacheSecret.ts'
import { createRecordCache } from '../../src/node/cache/recordCache.ts'
import { encodeRecord } from '../../src/node/cache/recordCodec.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { createBodyCache } from '../../src/node/cache/bodyCache.ts'

const dirs: string[] = []
const fresh = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-secret-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('cacheSecret', () => {
  it('should use SHIPLOG_CACHE_SECRET when it is set, and write no key file', () => {
    const home = fresh()
    const a = cacheSecret({ SHIPLOG_CACHE_SECRET: 'one', XDG_CACHE_HOME: home })
    expect(cacheSecret({ SHIPLOG_CACHE_SECRET: 'one', XDG_CACHE_HOME: fresh() })).toEqual(a)
    expect(cacheSecret({ SHIPLOG_CACHE_SECRET: 'two', XDG_CACHE_HOME: home })).not.toEqual(a)
    expect(existsSync(join(home, 'shiplog'))).toBe(false)
  })

  it('should create a key file of 32 random bytes, mode 0600, under XDG_CACHE_HOME, and use it from then on', () => {
    const home = fresh()
    const env = { XDG_CACHE_HOME: home }
    expect(cacheKeyFile(env)).toBe(join(home, 'shiplog', 'cache-key'))
    const key = cacheSecret(env)
    const file = join(home, 'shiplog', 'cache-key')
    expect(readFileSync(file)).toHaveLength(32)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(statSync(join(home, 'shiplog')).mode & 0o077).toBe(0)
    expect(cacheSecret(env)).toEqual(key)
    // Another user's folder, another key.
    expect(cacheSecret({ XDG_CACHE_HOME: fresh() })).not.toEqual(key)
  })

  it('should keep the key in ~/.cache/shiplog without XDG_CACHE_HOME (or with a relative one)', () => {
    const home = fresh()
    expect(cacheKeyFile({ HOME: home })).toBe(join(home, '.cache', 'shiplog', 'cache-key'))
    expect(cacheKeyFile({ HOME: home, XDG_CACHE_HOME: 'relative' })).toBe(join(home, '.cache', 'shiplog', 'cache-key'))
    cacheSecret({ HOME: home })
    expect(readFileSync(join(home, '.cache', 'shiplog', 'cache-key'))).toHaveLength(32)
  })

  it('should not use a key file that others can read, nor one too short to be a key', () => {
    const bytes = Buffer.alloc(32, 7)
    const keyIn = (mode: number, content: Buffer): Buffer => {
      const home = fresh()
      mkdirSync(join(home, 'shiplog'), { mode: 0o700 })
      writeFileSync(join(home, 'shiplog', 'cache-key'), content, { mode })
      chmodSync(join(home, 'shiplog', 'cache-key'), mode)
      return cacheSecret({ XDG_CACHE_HOME: home })
    }
    const own = keyIn(0o600, bytes)
    expect(keyIn(0o600, bytes)).toEqual(own)
    // Not used: this process's in-memory key instead, the same for both.
    const readable = keyIn(0o644, bytes)
    expect(readable).not.toEqual(own)
    expect(keyIn(0o600, Buffer.alloc(8, 7))).toEqual(readable)
  })
})

describe('cacheMac', () => {
  it('should verify an entry under its own secret, label and content only', () => {
    const secret = Buffer.alloc(32, 1)
    const mac = cacheMac(secret, 'format\0key', 'content')
    expect(mac).toMatch(/^[0-9a-f]{64}$/)
    expect(isCacheMacValid(secret, 'format\0key', 'content', mac)).toBe(true)
    expect(isCacheMacValid(Buffer.alloc(32, 2), 'format\0key', 'content', mac)).toBe(false)
    expect(isCacheMacValid(secret, 'format\0other', 'content', mac)).toBe(false)
    expect(isCacheMacValid(secret, 'format\0key', 'content!', mac)).toBe(false)
    expect(isCacheMacValid(secret, 'format\0key', 'content', 'zz')).toBe(false)
  })
})

describe('cache entries under another secret', () => {
  const record = parseRecord('---\nstatus: approved\n---\n\n## Stage\n\n- [x] a\n', { file: 'releases/a.md' })

  it('should not read a record written under another secret, and read it under its own', () => {
    const dir = fresh()
    const key = createRecordCache(dir, 'salt', Buffer.alloc(32, 1)).keyOf('releases/a.md', new TextEncoder().encode('a'))
    createRecordCache(dir, 'salt', Buffer.alloc(32, 1)).set(key, encodeRecord(record))
    expect(createRecordCache(dir, 'salt', Buffer.alloc(32, 2)).get(key)).toBe(null)
    expect(JSON.stringify(createRecordCache(dir, 'salt', Buffer.alloc(32, 1)).get(key))).toBe(JSON.stringify(record))
  })

  it('should not read a body written under another secret, nor one without its MAC line, and read it under its own', () => {
    const dir = fresh()
    const options = { file: 'releases/a.md' }
    createBodyCache(dir, Buffer.alloc(32, 1)).put('# A', options, '<p>cached</p>')
    expect(createBodyCache(dir, Buffer.alloc(32, 2)).peek('# A', options)).toBe(null)
    expect(createBodyCache(dir, Buffer.alloc(32, 1)).peek('# A', options)).toBe('<p>cached</p>')
    // An entry as the cache wrote them before entries had a MAC: the HTML alone.
    const [name] = readdirSync(dir)
    writeFileSync(join(dir, name ?? ''), '<p>cached</p>')
    expect(createBodyCache(dir, Buffer.alloc(32, 1)).peek('# A', options)).toBe(null)
    expect(createBodyCache(dir, Buffer.alloc(32, 2)).render('# A', options)).toBe('<h2 id="a">A<a class="header-anchor" href="#a" aria-label="Permalink to “A”">\u200b</a></h2>')
  })
})
