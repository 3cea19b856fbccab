import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createRecordCache, parseSources, recordCacheDir, recordCacheSalt } from '../../src/node/cache/recordCache.ts'
import { encodeRecord } from '../../src/node/cache/recordCodec.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import type { TemplateManifest } from '../../src/core/template/types.ts'

const record = parseRecord('---\nstatus: approved\n---\n\n## Stage\n\n- [x] a\n', { file: 'releases/a.md' })
const manifest: TemplateManifest = { name: 't', description: '', variables: {}, groups: [], tables: { timeline: 'T', issues: 'I' } }

describe('recordCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-cache-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('should be in .shiplog/cache/records, or under SHIPLOG_CACHE_DIR relative to the project', () => {
    const project = mkdtempSync(join(tmpdir(), 'shiplog-cache-project-'))
    try {
      expect(recordCacheDir(project, {})).toBe(join(project, '.shiplog/cache/records'))
    } finally {
      rmSync(project, { recursive: true, force: true })
    }
    expect(recordCacheDir('/p', { SHIPLOG_CACHE_DIR: 'ci-cache' })).toBe(join('/p', 'ci-cache/records'))
    expect(recordCacheDir('/p', { SHIPLOG_CACHE_DIR: '/tmp/c' })).toBe('/tmp/c/records')
  })

  it('should key by path, bytes, templates and default template', () => {
    const salt = recordCacheSalt({ templates: { t: manifest }, defaultTemplate: 'deployment' })
    expect(recordCacheSalt({ templates: { t: manifest }, defaultTemplate: 'deployment' })).toBe(salt)
    expect(recordCacheSalt({ templates: { t: { ...manifest, groups: [{ stage: 'S', group: '*', role: 'task' }] } }, defaultTemplate: 'deployment' })).not.toBe(salt)
    expect(recordCacheSalt({ templates: { t: manifest }, defaultTemplate: 't' })).not.toBe(salt)
    const cache = createRecordCache(dir, salt)
    const bytes = new TextEncoder().encode('x')
    expect(cache.keyOf('a.md', bytes)).toMatch(/^[0-9a-f]{64}$/)
    expect(cache.keyOf('b.md', bytes)).not.toBe(cache.keyOf('a.md', bytes))
    expect(cache.keyOf('a.md', new TextEncoder().encode('y'))).not.toBe(cache.keyOf('a.md', bytes))
  })

  it('should depend on the parser’s code, not on the rest of shiplog', () => {
    const sources = parseSources().map((file) => file.split(/[\\/]src[\\/]/)[1]?.replace(/\\/g, '/'))
    expect(sources).toContain('core/record/parseRecord.ts')
    expect(sources).toContain('core/record/parseBody.ts')
    expect(sources).toContain('node/cache/recordCodec.ts')
    expect(sources.some((file) => /^(core\/check|core\/site|node\/site|cli)\//.test(file ?? ''))).toBe(false)
  })

  it('should store, read back, and prune what was not used', () => {
    const cache = createRecordCache(join(dir, 'p'), 'salt')
    const key = cache.keyOf('releases/a.md', new TextEncoder().encode('a'))
    expect(cache.get(key)).toBe(null)
    cache.set(key, encodeRecord(record))
    expect(JSON.stringify(createRecordCache(join(dir, 'p'), 'salt').get(key))).toBe(JSON.stringify(record))
    const other = createRecordCache(join(dir, 'p'), 'salt')
    const stale = other.keyOf('releases/a.md', new TextEncoder().encode('old'))
    other.set(stale, encodeRecord(record))
    mkdirSync(join(dir, 'p', 'zz'), { recursive: true })
    writeFileSync(join(dir, 'p', 'zz', 'keep-me'), '')
    const third = createRecordCache(join(dir, 'p'), 'salt')
    expect(third.get(key)).not.toBe(null)
    expect(third.prune()).toBe(1)
    const left = (readdirSync(join(dir, 'p'), { recursive: true }) as string[]).filter((name) => name.endsWith('.json'))
    expect(left).toEqual([join(key.slice(0, 2), `${key}.json`)])
  })

  it('should ignore a cache folder it cannot write', () => {
    writeFileSync(join(dir, 'file'), '')
    const cache = createRecordCache(join(dir, 'file', 'records'), 'salt')
    expect(() => cache.set('ab'.repeat(32), encodeRecord(record))).not.toThrow()
    expect(cache.get('ab'.repeat(32))).toBe(null)
    expect(cache.prune()).toBe(0)
  })
})
