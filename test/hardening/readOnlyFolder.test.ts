import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, sep } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { runMain, STACK_TRACE, tempProject } from './helpers.ts'

/**
 * A read-only releases/ folder. chmod cannot make a folder read-only for root (CI runs as root),
 * so the file system answers as a read-only folder does: every file created under a folder named
 * `read-only-…` fails with EACCES, exactly the error Node gives for a folder without write access.
 */
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>()
  const denied = (path: unknown) => String(path).includes(`${sep}shiplog-read-only-`) && String(path).includes(`${sep}releases${sep}`)
  const eacces = (syscall: string, path: unknown) =>
    Object.assign(new Error(`EACCES: permission denied, ${syscall} '${String(path)}'`), { code: 'EACCES', errno: -13, syscall, path: String(path) })
  const writeFileSync: typeof fs.writeFileSync = (path, ...rest) => {
    if (denied(path)) throw eacces('open', path)
    return fs.writeFileSync(path, ...rest)
  }
  const linkSync: typeof fs.linkSync = (existing, path) => {
    if (denied(path)) throw eacces('link', path)
    return fs.linkSync(existing, path)
  }
  const renameSync: typeof fs.renameSync = (from, to) => {
    if (denied(to)) throw eacces('rename', to)
    return fs.renameSync(from, to)
  }
  const patched = { ...fs, writeFileSync, linkSync, renameSync }
  return { ...patched, default: patched }
})

const roots: string[] = []
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

describe('a releases/ folder that cannot be written', () => {
  it('should say permission denied, naming the file, and write nothing (new)', async () => {
    const root = tempProject('read-only')
    roots.push(root)
    mkdirSync(join(root, 'releases'))
    const result = await runMain(['--root', root, 'new', '2.4.0', '--no-input', '--set', 'component=x'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `shiplog: Could not write ${join(root, 'releases/2.4.0.md')}: permission denied (a read-only folder, or one that belongs to someone else) (EACCES)\n`,
    )
    expect(result.stderr).not.toMatch(STACK_TRACE)
    expect(readdirSync(join(root, 'releases'))).toEqual([])
  })

  it('should say permission denied with --force too, leaving the existing record as it was', async () => {
    const root = tempProject('read-only')
    roots.push(root)
    mkdirSync(join(root, 'releases'))
    copyFileSync(join(REPO_ROOT, 'releases/payments-api/2.4.0.md'), join(root, 'releases/2.4.0.md'))
    const before = readFileSync(join(root, 'releases/2.4.0.md'), 'utf8')
    const result = await runMain(['--root', root, 'new', '2.4.0', '--no-input', '--set', 'component=x', '--force'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`Could not write ${join(root, 'releases/2.4.0.md')}: permission denied`)
    expect(readdirSync(join(root, 'releases'))).toEqual(['2.4.0.md'])
    expect(readFileSync(join(root, 'releases/2.4.0.md'), 'utf8')).toBe(before)
  })
})
