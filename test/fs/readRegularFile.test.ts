import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readRegularFile } from '../../src/node/fs/readRegularFile.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiplog-regular-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('readRegularFile', () => {
  it('should read a regular file whole when it is within the limit', () => {
    writeFileSync(join(dir, 'v.yaml'), 'owner: ops\n')
    const read = readRegularFile(join(dir, 'v.yaml'), 100)
    expect(read.ok && Buffer.from(read.bytes).toString('utf8')).toBe('owner: ops\n')
  })

  it('should read an empty file, and a file of several 64 KiB reads, byte for byte', () => {
    writeFileSync(join(dir, 'empty.md'), '')
    const empty = readRegularFile(join(dir, 'empty.md'), 100)
    expect(empty.ok && empty.bytes.length).toBe(0)
    // 200,000 bytes: more than three reads of 64 KiB, with a pattern that shows a misplaced chunk.
    const content = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7 + (i >> 16)) % 251))
    writeFileSync(join(dir, 'large.md'), content)
    const large = readRegularFile(join(dir, 'large.md'), 1024 * 1024)
    expect(large.ok && large.size).toBe(200_000)
    expect(large.ok && Buffer.compare(Buffer.from(large.bytes), content)).toBe(0)
  })

  it('should stop one byte past the limit of a file within a first read', () => {
    writeFileSync(join(dir, 'v.yaml'), 'owner: ops\n')
    const read = readRegularFile(join(dir, 'v.yaml'), 5)
    expect(read.ok && Buffer.from(read.bytes).toString('utf8')).toBe('owner:')
    expect(read.ok && read.size).toBe(11)
  })

  it('should read one byte past the limit of a larger file, and no more', () => {
    // A sparse 1 GiB file: reading it whole would take a gigabyte.
    const path = join(dir, 'huge.yaml')
    writeFileSync(path, '')
    truncateSync(path, 1024 * 1024 * 1024)
    const read = readRegularFile(path, 1024 * 1024)
    expect(read.ok && read.bytes.length).toBe(1024 * 1024 + 1)
  })

  it('should refuse a named pipe without waiting for a writer', () => {
    const path = join(dir, 'pipe.yaml')
    execFileSync('mkfifo', [path])
    expect(readRegularFile(path, 100)).toEqual({ ok: false, kind: 'named pipe' })
  })

  it('should refuse devices, also behind a link, without reading them', () => {
    expect(readRegularFile('/dev/zero', 100)).toEqual({ ok: false, kind: 'device' })
    expect(readRegularFile('/dev/null', 100)).toEqual({ ok: false, kind: 'device' })
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'))
    expect(readRegularFile(join(dir, 'zero.yaml'), 100)).toEqual({ ok: false, kind: 'device' })
  })

  it('should refuse a folder and report a missing file', () => {
    mkdirSync(join(dir, 'folder.yaml'))
    expect(readRegularFile(join(dir, 'folder.yaml'), 100)).toEqual({ ok: false, kind: 'folder' })
    expect(readRegularFile(join(dir, 'missing.yaml'), 100)).toEqual({ ok: false, kind: 'missing', code: 'ENOENT' })
    expect(readRegularFile(join(dir, 'missing', 'x.yaml'), 100)).toEqual({ ok: false, kind: 'missing', code: 'ENOENT' })
  })
})
