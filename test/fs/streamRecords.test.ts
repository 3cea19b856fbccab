import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadProject } from '../../src/node/fs/loadProject.ts'
import { loadRecords } from '../../src/node/fs/loadRecords.ts'
import { streamRecords } from '../../src/node/fs/streamRecords.ts'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('streamRecords', () => {
  it('should give the records loadRecords gives, in file order, a batch at a time, and skipped files after them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-stream-'))
    roots.push(root)
    mkdirSync(join(root, 'releases', 'api'), { recursive: true })
    const versions = ['1.0.0', '1.1.0', '1.2.0', '2.0.0', '2.1.0']
    for (const version of versions) writeFileSync(join(root, 'releases', 'api', `${version}.md`), `---\nversion: ${version}\nstatus: planned\n---\n`)
    const outside = join(root, 'outside.md')
    writeFileSync(outside, '---\nstatus: planned\n---\n')
    symlinkSync(outside, join(root, 'releases', 'api', '0.9.0.md'))
    const project = await loadProject(root)
    const streamed = []
    for await (const record of streamRecords(project, [], { cache: false, batch: 2 })) streamed.push(record)
    const loaded = await loadRecords(project, [], { cache: false, workers: false })
    expect(streamed.slice(0, 5).map((record) => record.file)).toEqual(versions.map((version) => `releases/api/${version}.md`))
    expect(streamed.slice(0, 5).map((record) => record.frontmatter.data)).toEqual(loaded.records.map((record) => record.frontmatter.data))
    expect(streamed).toHaveLength(6)
    expect(streamed[5]?.file).toBe('releases/api/0.9.0.md')
    expect(streamed[5]?.problems.map((problem) => problem.ruleId)).toEqual(['file-skipped'])
  })

  it('should read the next batch while the caller handles one, and never further ahead', async () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-stream-'))
    roots.push(root)
    mkdirSync(join(root, 'releases', 'api'), { recursive: true })
    // Ten records (1.0.0 … 1.9.0 sort as written), read three at a time: batches 0–2, 3–5, 6–8, 9.
    const files = Array.from({ length: 10 }, (_, n) => `releases/api/1.${n}.0.md`)
    for (const file of files) writeFileSync(join(root, file), '---\nstatus: planned\n---\n')
    const project = await loadProject(root)
    // `known` is asked, with the record cache on, for each file as its batch is read.
    const read: string[] = []
    const known = (file: string): boolean => {
      read.push(file)
      return false
    }
    const seen: Array<[string, number]> = []
    for await (const record of streamRecords(project, [], { batch: 3, known })) seen.push([record.file, read.length])
    expect(seen).toEqual([
      // While the first batch is handled, the second has been read; while the last full one is, the last.
      [files[0], 6],
      [files[1], 6],
      [files[2], 6],
      [files[3], 9],
      [files[4], 9],
      [files[5], 9],
      [files[6], 10],
      [files[7], 10],
      [files[8], 10],
      [files[9], 10],
    ])
    expect(read).toEqual(files)
  })
})
