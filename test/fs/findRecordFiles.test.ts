import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ShiplogError } from '../../src/core/errors.ts'
import { findRecordFiles } from '../../src/node/fs/findRecordFiles.ts'

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh folder holding `project/` (the project root) and `outside/` (somewhere else on the disk). */
function projectBesideOutside(): { root: string; outside: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-find-'))
  temps.push(dir)
  mkdirSync(join(dir, 'project'))
  mkdirSync(join(dir, 'outside'))
  return { root: join(dir, 'project'), outside: join(dir, 'outside') }
}

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

  it('should report links named like records or leading to folders, and ignore other broken or outside links', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-find-'))
    mkdirSync(join(root, 'releases'))
    mkdirSync(join(root, 'outside'))
    symlinkSync('nowhere.md', join(root, 'releases', 'gone.md'))
    symlinkSync('nowhere.png', join(root, 'releases', 'logo.png'))
    symlinkSync(join(root, 'outside'), join(root, 'releases', 'elsewhere'))
    writeFileSync(join(root, 'outside', 'picture.png'), '')
    symlinkSync(join(root, 'outside', 'picture.png'), join(root, 'releases', 'picture.png'))
    expect(findRecordFiles(root, 'releases')).toEqual({
      files: [],
      skipped: [
        { file: 'releases/elsewhere', reason: 'symbolic link pointing outside the releases folder' },
        { file: 'releases/gone.md', reason: 'broken symbolic link' },
      ].sort((a, b) => (a.file < b.file ? -1 : 1)),
    })
  })

  it('should read each record once when a link leads back to a folder already read', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-find-'))
    mkdirSync(join(root, 'releases', 'a'), { recursive: true })
    writeFileSync(join(root, 'releases', 'a', '1.0.0.md'), '# x')
    symlinkSync('..', join(root, 'releases', 'a', 'up'))
    symlinkSync('.', join(root, 'releases', 'a', 'self'))
    const found = findRecordFiles(root, 'releases')
    expect(found.files).toEqual(['releases/a/1.0.0.md'])
    expect(found.skipped.map((s) => s.file).sort()).toEqual(['releases/a/self', 'releases/a/up'])
    expect(new Set(found.skipped.map((s) => s.reason))).toEqual(new Set(['symbolic link to a folder already read (a loop)']))
  })

  it('should report a pipe named like a record instead of listing it', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-find-'))
    mkdirSync(join(root, 'releases'))
    execFileSync('mkfifo', [join(root, 'releases', '1.0.0.md')])
    expect(findRecordFiles(root, 'releases')).toEqual({ files: [], skipped: [{ file: 'releases/1.0.0.md', reason: 'special file (a pipe, socket or device)' }] })
  })

  it('should report a releases "folder" that is a file', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-find-'))
    writeFileSync(join(root, 'releases'), 'not a folder')
    expect(findRecordFiles(root, 'releases')).toEqual({ files: [], skipped: [{ file: 'releases', reason: 'file where the releases folder should be' }] })
  })

  it('should refuse a releases folder that is a symbolic link leading outside the project, reading nothing', () => {
    const { root, outside } = projectBesideOutside()
    mkdirSync(join(outside, 'docs'))
    writeFileSync(join(outside, 'docs', 'manual.md'), '# not a record')
    symlinkSync(outside, join(root, 'releases'))
    let error: unknown
    try {
      findRecordFiles(root, 'releases')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ShiplogError)
    expect((error as ShiplogError).exitCode).toBe(2)
    expect((error as ShiplogError).message).toBe(
      `Unexpected releases folder releases: its real path ${outside} is outside the project, expected a folder inside it (symbolic links are not followed out of it)`,
    )
  })

  it('should read a releases folder that is a symbolic link to a folder inside the project', () => {
    const { root } = projectBesideOutside()
    mkdirSync(join(root, 'docs', 'releases'), { recursive: true })
    writeFileSync(join(root, 'docs', 'releases', '1.0.0.md'), '# x')
    symlinkSync(join(root, 'docs', 'releases'), join(root, 'releases'))
    expect(findRecordFiles(root, 'releases')).toEqual({ files: ['releases/1.0.0.md'], skipped: [] })
  })

  it('should skip a link inside releases/ that leads elsewhere in the project (releases/x -> ../archive)', () => {
    const { root } = projectBesideOutside()
    mkdirSync(join(root, 'releases'))
    mkdirSync(join(root, 'archive'))
    writeFileSync(join(root, 'releases', '2.0.0.md'), '# x')
    writeFileSync(join(root, 'archive', '1.0.0.md'), '# old')
    writeFileSync(join(root, 'CHANGELOG.md'), '# changes')
    symlinkSync('../archive', join(root, 'releases', 'x'))
    symlinkSync('../CHANGELOG.md', join(root, 'releases', 'changes.md'))
    expect(findRecordFiles(root, 'releases')).toEqual({
      files: ['releases/2.0.0.md'],
      skipped: [
        { file: 'releases/changes.md', reason: 'symbolic link pointing outside the releases folder' },
        { file: 'releases/x', reason: 'symbolic link pointing outside the releases folder' },
      ],
    })
  })
})
