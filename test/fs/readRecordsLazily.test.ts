import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { createRecordCache, recordCacheSalt, type RecordCache } from '../../src/node/cache/recordCache.ts'
import { decodeRecord, encodeRecord } from '../../src/node/cache/recordCodec.ts'
import { readRecords, readRecordsLazily } from '../../src/node/fs/readRecords.ts'
import type { ReadStats } from '../../src/node/fs/readStats.ts'
import { tempProject } from '../helpers/tempProject.ts'

// Every decoding of a record, wherever it is made, is counted.
vi.mock(import('../../src/node/cache/recordCodec.ts'), async (importOriginal) => {
  const codec = await importOriginal()
  return { ...codec, decodeRecord: vi.fn(codec.decodeRecord) }
})

const options = { templates: {}, defaultTemplate: 'deployment' }
const files = ['releases/api/1.0.0.md', 'releases/api/1.1.0.md', 'releases/api/1.2.0.md']
const sources: { [file: string]: string } = {
  'releases/api/1.0.0.md': '---\nversion: 1.0.0\nstatus: released\n---\n\n## Deploy\n\n- [x] Smoke tests\n',
  'releases/api/1.1.0.md': '---\nversion: 1.1.0\nstatus: approved\n---\n\n## Deploy\n\n- [ ] Smoke tests\n',
  'releases/api/1.2.0.md': '---\nversion: 1.2.0\nstatus: planned\n---\n',
}

describe('readRecordsLazily', () => {
  it('should decode no record until it is taken, then give what readRecords gives', async () => {
    const root = tempProject(sources, 'shiplog-lazy-')
    const cacheDir = join(root, '.shiplog/cache/records')
    // Written in this thread, then read back: every record is in the cache.
    const eager = await readRecords(root, files, { ...options, cacheDir, workers: 0 })
    const decode = vi.mocked(decodeRecord)
    decode.mockClear()
    const stats: ReadStats = { files: 0, hits: 0, parsed: 0, workers: 0 }
    const lazy = await readRecordsLazily(root, files, { ...options, cacheDir, workers: 0, stats })
    expect(stats).toEqual({ files: 3, hits: 3, parsed: 0, workers: 0 })
    expect(lazy).toHaveLength(3)
    expect(decode).toHaveBeenCalledTimes(0)
    const taken = []
    for (const [index, take] of lazy.entries()) {
      taken.push(await take())
      expect(decode).toHaveBeenCalledTimes(index + 1)
    }
    expect(taken.map((record) => record.file)).toEqual(files)
    expect(taken).toEqual(eager)
    expect(taken[1]?.frontmatter.data['status']).toBe('approved')
  })

  it('should parse in this thread a record whose cache entry decodes to another file, and count it as parsed', async () => {
    const root = tempProject(sources, 'shiplog-lazy-')
    const cacheDir = join(root, '.shiplog/cache/records')
    await readRecords(root, files, { ...options, cacheDir, workers: 0 })
    const real = createRecordCache(cacheDir, recordCacheSalt(options))
    // An entry that verifies but holds another record (1.2.0's in the place of 1.0.0's).
    const other = encodeRecord(parseRecord(sources['releases/api/1.2.0.md'] ?? '', { file: 'releases/api/1.2.0.md' }))
    const first = real.keyOf(files[0] ?? '', new TextEncoder().encode(sources[files[0] ?? ''] ?? ''))
    const swapped: RecordCache = { ...real, read: (key) => (key === first ? other : real.read(key)) }
    const stats: ReadStats = { files: 0, hits: 0, parsed: 0, workers: 0 }
    const lazy = await readRecordsLazily(root, files, { ...options, recordCache: swapped, workers: 0, stats })
    const taken = []
    for (const take of lazy) taken.push(await take())
    expect(taken.map((record) => record.frontmatter.data['version'])).toEqual(['1.0.0', '1.1.0', '1.2.0'])
    expect(taken[0]?.file).toBe('releases/api/1.0.0.md')
    expect(taken[0]?.frontmatter.data['status']).toBe('released')
    expect(stats).toEqual({ files: 3, hits: 2, parsed: 1, workers: 0 })
  })

  it('should keep the records known answers for out, and the unreadable files as problem records', async () => {
    const root = tempProject({ ...sources, 'releases/api/folder.md/x': '' }, 'shiplog-lazy-')
    const cacheDir = join(root, '.shiplog/cache/records')
    const known = (file: string): boolean => file === 'releases/api/1.1.0.md'
    const lazy = await readRecordsLazily(root, [...files, 'releases/api/folder.md'], { ...options, cacheDir, workers: 0, known })
    const taken = []
    for (const take of lazy) taken.push(await take())
    expect(taken.map((record) => record.file)).toEqual(['releases/api/1.0.0.md', 'releases/api/1.2.0.md', 'releases/api/folder.md'])
    expect(taken[2]?.problems.map((problem) => problem.ruleId)).toEqual(['file-read'])
  })
})
