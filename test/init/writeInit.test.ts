import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeInit } from '../../src/node/fs/writeInit.ts'

describe('writeInit', () => {
  it('should create missing files with their folders and keep existing ones untouched', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-write-init-'))
    writeFileSync(join(root, '.gitignore'), 'ours\n')
    const outcomes = writeInit(root, [
      { path: '.github/workflows/shiplog.yml', content: 'name: Release records\n', purpose: 'CI' },
      { path: '.gitignore', content: 'dist/\n', purpose: 'ignores' },
    ])
    expect(outcomes).toEqual([
      { path: '.github/workflows/shiplog.yml', outcome: 'created', purpose: 'CI' },
      { path: '.gitignore', outcome: 'kept', purpose: 'ignores' },
    ])
    expect(readFileSync(join(root, '.github/workflows/shiplog.yml'), 'utf8')).toBe('name: Release records\n')
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe('ours\n')
    // no temporary files left behind
    expect(readdirSync(join(root, '.github/workflows'))).toEqual(['shiplog.yml'])
  })
})
