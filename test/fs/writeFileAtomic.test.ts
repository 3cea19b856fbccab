import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ShiplogError } from '../../src/core/errors.ts'
import { openAtomicFile } from '../../src/node/fs/openAtomicFile.ts'
import { writeFileAtomic } from '../../src/node/fs/writeFileAtomic.ts'

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

  it('should replace a file only while it still holds the bytes the new text was made from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiplog-atomic-'))
    const path = join(dir, 'x.md')
    writeFileSync(path, 'status: approved\n')
    const read = new TextEncoder().encode('status: approved\n')
    // Someone saves an edit after the file was read.
    writeFileSync(path, 'status: approved\nowner: Ana\n')
    expect(() => writeFileAtomic(path, 'status: in-progress\n', { overwrite: true, unchanged: read })).toThrow(`${path} changed on disk while shiplog was working on it: nothing written`)
    expect(readFileSync(path, 'utf8')).toBe('status: approved\nowner: Ana\n')
    expect(readdirSync(dir)).toEqual(['x.md'])
    writeFileAtomic(path, 'status: in-progress\n', { overwrite: true, unchanged: new TextEncoder().encode('status: approved\nowner: Ana\n') })
    expect(readFileSync(path, 'utf8')).toBe('status: in-progress\n')
  })

  it('should refuse to replace something that is not a file (a named pipe here; a device such as /dev/full alike), leaving it as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiplog-atomic-'))
    const fifo = join(dir, 'pipe')
    execFileSync('mkfifo', [fifo])
    expect(() => writeFileAtomic(fifo, 'x', { overwrite: true })).toThrow(`Could not write ${fifo}: it is a named pipe, expected a file path (an existing file is replaced): nothing written`)
    // The streaming writer (shiplog export --out) refuses it too.
    await expect(openAtomicFile(fifo)).rejects.toThrow(`Could not write ${fifo}: it is a named pipe`)
    expect(statSync(fifo).isFIFO()).toBe(true)
    expect(readdirSync(dir)).toEqual(['pipe'])
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

  describe('within a folder of the project', () => {
    const dirs: string[] = []
    afterEach(() => {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
    })
    /** A fresh folder with `project/releases/` and `elsewhere/` beside the project. */
    const layout = (): { root: string; elsewhere: string } => {
      const dir = mkdtempSync(join(tmpdir(), 'shiplog-atomic-'))
      dirs.push(dir)
      mkdirSync(join(dir, 'project', 'releases'), { recursive: true })
      mkdirSync(join(dir, 'elsewhere'))
      return { root: join(dir, 'project'), elsewhere: join(dir, 'elsewhere') }
    }
    const thrown = (write: () => void): ShiplogError => {
      try {
        write()
      } catch (error) {
        if (error instanceof ShiplogError) return error
        throw error
      }
      throw new Error('nothing was thrown')
    }

    it('should refuse to write through a folder link that leaves the folder (releases/payments -> elsewhere)', () => {
      const { root, elsewhere } = layout()
      symlinkSync(elsewhere, join(root, 'releases', 'payments'))
      const target = join(root, 'releases', 'payments', '1.0.0.md')
      const error = thrown(() => writeFileAtomic(target, 'x', { overwrite: false, within: { root, folder: 'releases' } }))
      expect(error.exitCode).toBe(2)
      expect(error.message).toBe(
        `Could not write ${target}: the real path of ${join(root, 'releases', 'payments')} is ${elsewhere}, expected a folder inside releases/ (symbolic links are not followed out of it): nothing written`,
      )
      expect(readdirSync(elsewhere)).toEqual([])
    })

    it('should refuse a folder to be made under a link that leaves the folder, making nothing', () => {
      const { root, elsewhere } = layout()
      symlinkSync(elsewhere, join(root, 'releases', 'payments'))
      const target = join(root, 'releases', 'payments', 'eu', '1.0.0.md')
      expect(thrown(() => writeFileAtomic(target, 'x', { overwrite: false, within: { root, folder: 'releases' } })).exitCode).toBe(2)
      expect(readdirSync(elsewhere)).toEqual([])
    })

    it('should refuse to write when the folder itself leads outside the project', () => {
      const { root, elsewhere } = layout()
      rmSync(join(root, 'releases'), { recursive: true })
      symlinkSync(elsewhere, join(root, 'releases'))
      const error = thrown(() => writeFileAtomic(join(root, 'releases', '1.0.0.md'), 'x', { overwrite: false, within: { root, folder: 'releases' } }))
      expect(error.exitCode).toBe(2)
      expect(error.message).toBe(
        `Unexpected folder releases: its real path ${elsewhere} is outside the project, expected a folder inside it (symbolic links are not followed out of it)`,
      )
      expect(readdirSync(elsewhere)).toEqual([])
    })

    it('should write through a link that stays inside the folder, and make missing folders', () => {
      const { root } = layout()
      mkdirSync(join(root, 'releases', 'payments-api'))
      symlinkSync('payments-api', join(root, 'releases', 'payments'))
      writeFileAtomic(join(root, 'releases', 'payments', '1.0.0.md'), 'x', { overwrite: false, within: { root, folder: 'releases' } })
      writeFileAtomic(join(root, 'releases', 'new', 'eu', '1.0.0.md'), 'y', { overwrite: false, within: { root, folder: 'releases' } })
      expect(readFileSync(join(root, 'releases', 'payments-api', '1.0.0.md'), 'utf8')).toBe('x')
      expect(readFileSync(join(root, 'releases', 'new', 'eu', '1.0.0.md'), 'utf8')).toBe('y')
      expect(existsSync(join(root, 'releases', 'payments-api', 'eu'))).toBe(false)
    })
  })
})
