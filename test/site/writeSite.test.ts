import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeSite } from '../../src/node/site/writeSite.ts'
import { listFiles } from './helpers.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-write-'))
  dirs.push(dir)
  return dir
}

describe('writeSite', () => {
  it('should replace the folder with the plan when there is no previous plan', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'stale'))
    writeFileSync(join(dir, 'stale/old.md'), 'old')
    const result = writeSite(dir, new Map([['index.md', 'home'], ['data/a/b.json', '{}']]))
    expect(listFiles(dir).sort()).toEqual(['data/a/b.json', 'index.md'])
    expect(result.written).toEqual(['index.md', 'data/a/b.json'])
  })

  it('should write only what changed and remove pages before their data', () => {
    const dir = tempDir()
    const first = new Map([['data/releases/x/1.json', '1'], ['releases/x/1.md', 'page 1'], ['index.md', 'home']])
    writeSite(dir, first)
    const second = new Map([['index.md', 'home 2']])
    const result = writeSite(dir, second, first)
    expect(result).toEqual({ written: ['index.md'], removed: ['releases/x/1.md', 'data/releases/x/1.json'] })
    expect(readFileSync(join(dir, 'index.md'), 'utf8')).toBe('home 2')
    expect(existsSync(join(dir, 'releases'))).toBe(false)
    expect(existsSync(join(dir, 'data'))).toBe(false)
  })
})
