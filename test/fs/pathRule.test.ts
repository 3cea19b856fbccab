import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isInside, realPathOf } from '../../src/node/fs/pathRule.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function fresh(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-pathrule-'))
  dirs.push(dir)
  return dir
}

describe('realPathOf', () => {
  it('should resolve every link on the path, also for a path that does not exist yet', () => {
    const dir = fresh()
    mkdirSync(join(dir, 'real', 'sub'), { recursive: true })
    symlinkSync(join(dir, 'real'), join(dir, 'link'))
    expect(realPathOf(join(dir, 'link', 'sub'))).toBe(join(dir, 'real', 'sub'))
    expect(realPathOf(join(dir, 'link', 'new', 'x.md'))).toBe(join(dir, 'real', 'new', 'x.md'))
  })

  it('should continue below a file in the way, and give null for a broken link or a loop', () => {
    const dir = fresh()
    writeFileSync(join(dir, 'file'), '')
    expect(realPathOf(join(dir, 'file', 'x'))).toBe(join(dir, 'file', 'x'))
    symlinkSync(join(dir, 'nowhere'), join(dir, 'broken'))
    symlinkSync(join(dir, 'loop'), join(dir, 'loop'))
    expect(realPathOf(join(dir, 'broken'))).toBeNull()
    expect(realPathOf(join(dir, 'broken', 'x.md'))).toBeNull()
    expect(realPathOf(join(dir, 'loop', 'x.md'))).toBeNull()
  })
})

describe('isInside', () => {
  it('should hold for the folder itself and paths under it, not for neighbours with the same prefix', () => {
    expect(isInside('/p/releases', '/p/releases')).toBe(true)
    expect(isInside('/p/releases/a/b.md', '/p/releases')).toBe(true)
    expect(isInside('/p/releases-old/b.md', '/p/releases')).toBe(false)
    expect(isInside('/p', '/p/releases')).toBe(false)
    expect(isInside('/p/..data/x', '/p')).toBe(true)
    expect(isInside('/anything', '/')).toBe(true)
  })
})
