import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findRecordFiles } from '../../src/fs/findRecordFiles.ts'

describe('findRecordFiles', () => {
  it('should list records at any depth and skip ignored names', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-find-'))
    const files = [
      'releases/1.0.0.md',
      'releases/payments-api/2.0.0.md',
      'releases/payments-api/archive/0.9.0.md',
      'releases/README.md',
      'releases/index.md',
      'releases/_draft.md',
      'releases/.hidden.md',
      'releases/_old/1.0.0.md',
      'releases/.git/x.md',
      'releases/notes.txt',
    ]
    for (const file of files) {
      mkdirSync(join(root, file, '..'), { recursive: true })
      writeFileSync(join(root, file), '# x\n')
    }
    expect(findRecordFiles(root, 'releases')).toEqual({
      files: ['releases/1.0.0.md', 'releases/payments-api/2.0.0.md', 'releases/payments-api/archive/0.9.0.md'],
      skipped: [],
    })
  })

  it('should skip symbolic links that leave the releases folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-find-'))
    mkdirSync(join(root, 'releases'))
    writeFileSync(join(root, 'secret.md'), 'secret')
    writeFileSync(join(root, 'releases', '1.0.0.md'), '# x')
    symlinkSync(join(root, 'secret.md'), join(root, 'releases', 'leak.md'))
    symlinkSync(join(root, 'releases', '1.0.0.md'), join(root, 'releases', 'alias.md'))
    const found = findRecordFiles(root, 'releases')
    expect(found.files).toEqual(['releases/1.0.0.md', 'releases/alias.md'])
    expect(found.skipped).toEqual([{ file: 'releases/leak.md', reason: 'symbolic link pointing outside the releases folder' }])
  })

  it('should give nothing for a missing releases folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-find-'))
    expect(findRecordFiles(root, 'releases')).toEqual({ files: [], skipped: [] })
  })
})
