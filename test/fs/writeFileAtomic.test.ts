import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../src/fs/writeFileAtomic.ts'

describe('writeFileAtomic', () => {
  it('should create the file and its folders, leaving no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiplog-atomic-'))
    const path = join(dir, 'a', 'b', 'x.md')
    writeFileAtomic(path, 'hello\n', { overwrite: false })
    expect(readFileSync(path, 'utf8')).toBe('hello\n')
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['x.md'])
  })

  it('should refuse to replace an existing file without overwrite and leave it intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiplog-atomic-'))
    const path = join(dir, 'x.md')
    writeFileSync(path, 'original\r\n')
    expect(() => writeFileAtomic(path, 'new', { overwrite: false })).toThrow('already exists; use --force')
    expect(readFileSync(path, 'utf8')).toBe('original\r\n')
    expect(readdirSync(dir)).toEqual(['x.md'])
  })

  it('should replace an existing file with overwrite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiplog-atomic-'))
    const path = join(dir, 'x.md')
    writeFileSync(path, 'original')
    writeFileAtomic(path, 'new', { overwrite: true })
    expect(readFileSync(path, 'utf8')).toBe('new')
    expect(readdirSync(dir)).toEqual(['x.md'])
  })
})
