import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ShiplogError } from '../../src/errors.ts'
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

  it('should remove the temporary file a killed writer left, and keep a live writer’s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiplog-atomic-'))
    // No process has pid 2^22 + 1 (above Linux's pid_max); process.pid is alive.
    const dead = `.x.md.${2 ** 22 + 1}.0123abcd.tmp`
    const live = `.x.md.${process.ppid}.89abcdef.tmp`
    const other = `.y.md.${2 ** 22 + 1}.0123abcd.tmp`
    for (const name of [dead, live, other]) writeFileSync(join(dir, name), 'partial')
    writeFileAtomic(join(dir, 'x.md'), 'whole', { overwrite: false })
    expect(readdirSync(dir).sort()).toEqual([live, other, 'x.md'].sort())
  })

  it('should name the file in the way when a folder of the path is a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiplog-atomic-'))
    writeFileSync(join(dir, 'releases'), 'a file')
    let error: unknown
    try {
      writeFileAtomic(join(dir, 'releases', 'payments', 'x.md'), 'x', { overwrite: false })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ShiplogError)
    expect((error as ShiplogError).exitCode).toBe(1)
    expect((error as ShiplogError).message).toBe(`Could not write ${join(dir, 'releases/payments/x.md')}: ${join(dir, 'releases')} is a file, expected a folder (ENOTDIR)`)
  })

  it('should say a folder is in the way when the target is a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiplog-atomic-'))
    mkdirSync(join(dir, 'x.md'))
    expect(() => writeFileAtomic(join(dir, 'x.md'), 'x', { overwrite: true })).toThrow(`Could not write ${join(dir, 'x.md')}: a folder is where the file should be (EISDIR)`)
  })
})
