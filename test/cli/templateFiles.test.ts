import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { killChildren, spawnCli } from '../helpers/spawnCli.ts'

// Files in templates/ that are not templates: every command reads the project's templates, so
// a named pipe there blocked all of them, and a folder named `x.md` was an "unexpected error".

const roots: string[] = []
afterEach(() => {
  killChildren()
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-template-files-'))
  roots.push(root)
  mkdirSync(join(root, 'releases'))
  mkdirSync(join(root, 'templates'))
  writeFileSync(join(root, 'templates/mini.md'), '---\ntemplate: mini\n---\n# {{release_version}}\n')
  return root
}

const LIMIT = { timeoutMs: 60_000 }

describe('shiplog templates and check with odd files in templates/', () => {
  it('should refuse a named pipe called like a template instead of waiting on it', async () => {
    const root = project()
    execFileSync('mkfifo', [join(root, 'templates/pipe.md')])
    const templates = await spawnCli(['--root', root, 'templates', '--json'], LIMIT)
    expect(templates.timedOut, 'templates waited on the pipe').toBe(false)
    expect([templates.stderr, templates.code]).toEqual(['shiplog: templates/pipe.md: Unexpected named pipe, expected a template file\n', 2])
    const check = await spawnCli(['--root', root, 'check'], LIMIT)
    expect([check.timedOut, check.stderr, check.code]).toEqual([false, 'shiplog: templates/pipe.md: Unexpected named pipe, expected a template file\n', 2])
  }, 90_000)

  it('should refuse a link to /dev/zero called like a template without reading it', async () => {
    const root = project()
    symlinkSync('/dev/zero', join(root, 'templates/zero.md'))
    const result = await spawnCli(['--root', root, 'templates'], { ...LIMIT, maxRssMb: 400 })
    expect(result.timedOut || result.overMemory).toBe(false)
    expect([result.stderr, result.code]).toEqual([
      'shiplog: Unexpected templates/zero.md: its real path /dev/zero is outside the templates folder, expected a template file inside the templates folder (symbolic links are not followed out of it): not read\n',
      2,
    ])
  }, 90_000)

  it('should refuse a template larger than a record may be', async () => {
    const root = project()
    writeFileSync(join(root, 'templates/big.md'), `---\ntemplate: big\n---\n${'x'.repeat(1024 * 1024)}\n`)
    const result = await spawnCli(['--root', root, 'templates'], LIMIT)
    expect([result.stderr, result.code]).toEqual(['shiplog: templates/big.md: Unexpected template of more than 1 MiB, expected at most 1 MiB (as much as a record may hold)\n', 2])
  }, 90_000)

  it('should leave out a folder called like a template', async () => {
    const root = project()
    mkdirSync(join(root, 'templates/old.md'))
    const result = await spawnCli(['--root', root, 'templates', '--json'], LIMIT)
    expect([result.stderr, result.code]).toEqual(['', 0])
    const names = (JSON.parse(result.stdout) as Array<{ name: string }>).map((template) => template.name)
    expect(names).toContain('mini')
    expect(names).not.toContain('old')
  }, 90_000)
})
