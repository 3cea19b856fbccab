import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { runMain, STACK_TRACE } from './helpers.ts'

/**
 * shiplog reads, writes and deletes only inside its own folders: symbolic links planted in a
 * project never lead a command outside it (the path rule, src/node/fs/pathRule.ts).
 */

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const RECORD = join(REPO_ROOT, 'releases/payments-api/2.4.0.md')
/** A record that must never be read: its every value is a marker. */
const SECRET_RECORD = '---\nrelease: SECRET-RELEASE\nversion: "9.9.9"\ncomponent: SECRET-COMPONENT\nstatus: planned\n---\n\n- [ ] SECRET-ITEM\n'

/** A fresh folder holding `project/` (with `releases/2.4.0.md`) and `outside/` beside it. */
function layout(): { root: string; outside: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-folders-'))
  dirs.push(dir)
  const root = join(dir, 'project')
  const outside = join(dir, 'outside')
  mkdirSync(join(root, 'releases'), { recursive: true })
  mkdirSync(outside)
  cpSync(RECORD, join(root, 'releases/2.4.0.md'))
  return { root, outside }
}

/** Every file under `dir` with its content. */
function contents(dir: string): { [file: string]: string } {
  const files: { [file: string]: string } = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length)] = readFileSync(join(entry.parentPath, entry.name), 'utf8')
  }
  return files
}

const refusedLine = (what: string, real: string): string =>
  `shiplog: Unexpected ${what}: its real path ${real} is outside the project, expected a folder inside it (symbolic links are not followed out of it)\n`

describe('a releases folder that is a symbolic link leading outside the project', () => {
  it.each([['status'], ['check'], ['metrics'], ['build']])('should be refused by %s with one line, exit 2, reading nothing', async (command) => {
    const { root, outside } = layout()
    rmSync(join(root, 'releases'), { recursive: true })
    writeFileSync(join(outside, '9.9.9.md'), SECRET_RECORD)
    symlinkSync(outside, join(root, 'releases'))
    const result = await runMain(['--root', root, command])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(refusedLine('releases folder releases', outside))
    expect(result.stdout).toBe('')
    expect(readdirSync(outside)).toEqual(['9.9.9.md'])
  }, 120_000)
})

describe('a record named on the command line', () => {
  it.each([['check'], ['status']])('should be refused by %s, never read, when it is a link to a file outside the project', async (command) => {
    const { root, outside } = layout()
    writeFileSync(join(outside, 'secret.md'), SECRET_RECORD)
    symlinkSync(join(outside, 'secret.md'), join(root, 'releases/leak.md'))
    const leak = join(root, 'releases/leak.md')
    const result = await runMain(['--root', root, command, leak])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `shiplog: Unexpected ${leak}: its real path ${join(outside, 'secret.md')} is outside the releases folder releases/, expected a record file inside it: not read\n`,
    )
    expect(result.stdout).toBe('')
  })

  it('should be refused when it lies elsewhere in the project, outside the releases folder', async () => {
    const { root } = layout()
    mkdirSync(join(root, 'notes'))
    writeFileSync(join(root, 'notes/draft.md'), SECRET_RECORD)
    const draft = join(root, 'notes/draft.md')
    const result = await runMain(['--root', root, 'check', join(root, 'releases/2.4.0.md'), draft])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `shiplog: Unexpected ${draft}: its real path ${draft} is outside the releases folder releases/, expected a record file inside it: not read\n`,
    )
    expect(result.stdout).toBe('')
  })

  it('should still be read when it is inside the releases folder, through a link that stays inside', async () => {
    const { root } = layout()
    symlinkSync('2.4.0.md', join(root, 'releases/alias.md'))
    const result = await runMain(['--root', root, 'status', '--json', join(root, 'releases/alias.md')])
    expect(result.code, result.stderr).toBe(0)
    expect((JSON.parse(result.stdout) as Array<{ file: string; version: string }>).map((r) => [r.file, r.version])).toEqual([['releases/alias.md', '2.4.0']])
  })
})

describe('a link inside the releases folder that leads elsewhere in the project (releases/x -> ../archive)', () => {
  it('should be skipped with a file-skipped error, and nothing under it read', async () => {
    const { root } = layout()
    mkdirSync(join(root, 'archive'))
    writeFileSync(join(root, 'archive/9.9.9.md'), SECRET_RECORD)
    symlinkSync('../archive', join(root, 'releases/x'))
    const result = await runMain(['--root', root, 'check', '--format', 'json'])
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as { diagnostics: Array<{ file: string; line: number; rule: string; message: string }> }
    expect(report.diagnostics.filter((d) => d.rule === 'file-skipped')).toEqual([
      {
        file: 'releases/x',
        line: 1,
        column: 1,
        rule: 'file-skipped',
        severity: 'error',
        message: 'Unexpected symbolic link pointing outside the releases folder, expected a record file inside the releases folder: not read',
      },
    ])
    expect(result.stdout).not.toContain('SECRET')
  })
})

describe('new, writing into a folder that is a link leading outside the releases folder', () => {
  it('should refuse (exit 2) and write nothing through the link (releases/payments -> elsewhere)', async () => {
    const { root, outside } = layout()
    writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify({ fileName: '{component}/{version}.md' }))
    symlinkSync(outside, join(root, 'releases/payments'))
    const result = await runMain(['--root', root, 'new', '3.0.0', '--no-input', '--set', 'component=payments'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `shiplog: Could not write ${join(root, 'releases/payments/3.0.0.md')}: the real path of ${join(root, 'releases/payments')} is ${outside}, expected a folder inside releases/ (symbolic links are not followed out of it): nothing written\n`,
    )
    expect(result.stderr).not.toMatch(STACK_TRACE)
    expect(readdirSync(outside)).toEqual([])
  })

  it('should refuse (exit 2) when the releases folder itself leads outside the project', async () => {
    const { root, outside } = layout()
    rmSync(join(root, 'releases'), { recursive: true })
    symlinkSync(outside, join(root, 'releases'))
    const result = await runMain(['--root', root, 'new', '3.0.0', '--no-input', '--set', 'component=payments'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(refusedLine('folder releases', outside))
    expect(readdirSync(outside)).toEqual([])
  })
})

describe('new, with a version whose file no command reads as a record', () => {
  it.each([['index'], ['readme'], ['README']])('should refuse `new %s` (exit 2) and write nothing', async (version) => {
    const { root } = layout()
    const result = await runMain(['--root', root, 'new', version, '--no-input', '--set', 'component=payments'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `shiplog: Unexpected record path releases/${version}.md: no command reads README.md, index.md or a file or folder whose name starts with \`_\` or \`.\` as a record, expected a version giving another name (e.g. 2.4.0)\n`,
    )
    expect(readdirSync(join(root, 'releases'))).toEqual(['2.4.0.md'])
  })
})

describe('a configuration whose releases folder is the project root', () => {
  it('should be refused by every command with what is expected (exit 2), so that new never writes where nothing reads', async () => {
    const { root } = layout()
    writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify({ releases: '.' }))
    for (const args of [['new', '3.0.0', '--no-input', '--set', 'component=x'], ['status']]) {
      const result = await runMain(['--root', root, ...args])
      expect(result.code, args[0]).toBe(2)
      expect(result.stderr, args[0]).toBe(
        'shiplog: Invalid configuration:\nshiplog.config.json: `releases`: expected a sub-folder of the project (e.g. `releases`), not the project root itself\n',
      )
    }
    expect(readdirSync(root).sort()).toEqual(['releases', 'shiplog.config.json'])
  })
})

describe('a templates folder, or a template, that leads outside the project', () => {
  it('should refuse a templates folder that is a link to a folder outside (exit 2), reading nothing', async () => {
    const { root, outside } = layout()
    writeFileSync(join(outside, 'secret.md'), '---\ndescription: SECRET-TEMPLATE\n---\n')
    symlinkSync(outside, join(root, 'templates'))
    for (const command of ['templates', 'status']) {
      const result = await runMain(['--root', root, command])
      expect(result.code, command).toBe(2)
      expect(result.stderr, command).toBe(refusedLine('templates folder templates', outside))
      expect(result.stdout, command).toBe('')
    }
  })

  it('should refuse a template that is a link to a file outside the templates folder (exit 2), reading nothing', async () => {
    const { root, outside } = layout()
    mkdirSync(join(root, 'templates'))
    writeFileSync(join(outside, 'secret.md'), '---\ndescription: SECRET-TEMPLATE\n---\n')
    symlinkSync(join(outside, 'secret.md'), join(root, 'templates/leak.md'))
    const result = await runMain(['--root', root, 'templates'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `shiplog: Unexpected templates/leak.md: its real path ${join(outside, 'secret.md')} is outside the templates folder, expected a template file inside the templates folder (symbolic links are not followed out of it): not read\n`,
    )
    expect(result.stdout).toBe('')
  })
})

describe('build, with its work or output folder leading outside', () => {
  it('should refuse a .shiplog that is a link to a folder outside the project (exit 2), deleting nothing there', async () => {
    const { root, outside } = layout()
    mkdirSync(join(outside, 'site'))
    writeFileSync(join(outside, 'site/keep.txt'), 'precious')
    symlinkSync(outside, join(root, '.shiplog'))
    const before = contents(outside)
    const result = await runMain(['--root', root, 'build', '--quiet'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(refusedLine('work folder .shiplog', outside))
    expect(contents(outside)).toEqual(before)
  }, 120_000)

  it('should refuse a folder of .shiplog that leads elsewhere in the project (exit 2), deleting nothing there', async () => {
    const { root } = layout()
    mkdirSync(join(root, '.shiplog/cache'), { recursive: true })
    symlinkSync('../../releases', join(root, '.shiplog/cache/bodies'))
    const before = contents(join(root, 'releases'))
    const result = await runMain(['--root', root, 'build', '--quiet'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `shiplog: Unexpected work folder .shiplog/cache/bodies: its real path ${join(root, 'releases')} is outside .shiplog, expected a folder inside it (symbolic links are not followed out of it)\n`,
    )
    expect(contents(join(root, 'releases'))).toEqual(before)
  }, 120_000)

  it('should refuse an output folder that is a link to a folder outside the project (exit 2), replacing nothing there', async () => {
    const { root, outside } = layout()
    writeFileSync(join(outside, 'keep.txt'), 'precious')
    symlinkSync(outside, join(root, 'dist'))
    const result = await runMain(['--root', root, 'build', '--quiet'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(refusedLine('output folder dist', outside))
    expect(contents(outside)).toEqual({ '/keep.txt': 'precious' })
  }, 120_000)
})
