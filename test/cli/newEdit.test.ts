import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'

/**
 * A fake editor: appends a line naming its arguments to the file it is given (the last argument),
 * and logs its arguments and folder as JSON; exits with FAKE_EDITOR_EXIT (default 0).
 */
function fakeEditor(): { command: (...args: string[]) => string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-editor-'))
  const script = join(dir, 'editor.mjs')
  const log = join(dir, 'log.json')
  writeFileSync(
    script,
    [
      "import { appendFileSync, writeFileSync } from 'node:fs'",
      'const args = process.argv.slice(2)',
      `writeFileSync(${JSON.stringify(log)}, JSON.stringify({ args, cwd: process.cwd() }))`,
      "appendFileSync(args[args.length - 1], `\\nedited by ${args.slice(0, -1).join(' ')}\\n`)",
      "process.exit(Number(process.env.FAKE_EDITOR_EXIT ?? '0'))",
    ].join('\n'),
  )
  return { command: (...args: string[]) => [`"${process.execPath}"`, `"${script}"`, ...args].join(' '), log }
}

const VALUES = ['--no-input', '--set', 'release_name=Shop', '--set', 'component=shop']

describe('shiplog new --edit', () => {
  it('should open $EDITOR, a command with arguments, on the written record and wait for it', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-new-edit-'))
    const editor = fakeEditor()
    const result = runCli(['--root', root, 'new', '2.4.0', ...VALUES, '--edit'], { env: { VISUAL: '', EDITOR: editor.command('--wait', '-n') } })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('releases/2.4.0.md\n')
    const { args, cwd } = JSON.parse(readFileSync(editor.log, 'utf8')) as { args: string[]; cwd: string }
    expect(args).toEqual(['--wait', '-n', 'releases/2.4.0.md'])
    expect(readFileSync(join(cwd, 'releases/2.4.0.md'), 'utf8')).toMatch(/^---\n[\s\S]*version: "?2\.4\.0"?\n[\s\S]*\nedited by --wait -n\n$/)
  }, cliTimeout(1))

  it('should prefer $VISUAL to $EDITOR', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-new-edit-'))
    const visual = fakeEditor()
    const editor = fakeEditor()
    const result = runCli(['--root', root, 'new', '2.4.0', ...VALUES, '--edit'], { env: { VISUAL: visual.command('--visual'), EDITOR: editor.command('--editor') } })
    expect(result.code).toBe(0)
    expect(existsSync(editor.log)).toBe(false)
    expect(readFileSync(join(root, 'releases/2.4.0.md'), 'utf8').endsWith('\nedited by --visual\n')).toBe(true)
  }, cliTimeout(1))

  it('should say clearly when no editor is set, keeping the record', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-new-edit-'))
    const result = runCli(['--root', root, 'new', '2.4.0', ...VALUES, '--edit'], { env: { VISUAL: '', EDITOR: '' } })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('neither VISUAL nor EDITOR is set, expected a command, e.g. EDITOR=vim or EDITOR="code --wait" (the record is written: releases/2.4.0.md)')
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(readFileSync(join(root, 'releases/2.4.0.md'), 'utf8')).toContain('release: "Shop"')
  }, cliTimeout(1))

  it('should report an editor that fails, keeping what it wrote', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-new-edit-'))
    const editor = fakeEditor()
    const result = runCli(['--root', root, 'new', '2.4.0', ...VALUES, '--edit'], { env: { VISUAL: '', EDITOR: editor.command(), FAKE_EDITOR_EXIT: '3' } })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('exited with 3 while editing releases/2.4.0.md (the record is written: releases/2.4.0.md)')
    expect(readFileSync(join(root, 'releases/2.4.0.md'), 'utf8').endsWith('\nedited by \n')).toBe(true)
  }, cliTimeout(1))

  it('should refuse --edit with --dry-run before writing anything', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-new-edit-'))
    const result = runCli(['--root', root, 'new', '2.4.0', ...VALUES, '--edit', '--dry-run'], { env: { EDITOR: 'true' } })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--edit with --dry-run')
    expect(existsSync(join(root, 'releases'))).toBe(false)
  }, cliTimeout(1))
})
