import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliTimeout, REPO_ROOT, runCli } from '../helpers/runCli.ts'

describe('shiplog (global behaviour)', () => {
  it('should print the package version', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
    const result = runCli(['--version'])
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toBe(pkg.version)
  }, cliTimeout(1))

  it('should list the commands in --help', () => {
    const result = runCli(['--help'])
    expect(result.code).toBe(0)
    for (const command of ['new', 'status', '--root']) expect(result.stdout).toContain(command)
  }, cliTimeout(1))

  it('should reject an unknown flag with exit 2 and no stack trace', () => {
    const result = runCli(['status', '--bogus'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("unknown option '--bogus'")
    expect(result.stderr).not.toMatch(/\n\s+at /)
  }, cliTimeout(1))

  it('should reject an unknown command with exit 2', () => {
    const result = runCli(['frobnicate'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("unknown command 'frobnicate'")
  }, cliTimeout(1))

  it('should reject a --root that does not exist', () => {
    const result = runCli(['--root', '/nonexistent/shiplog', 'status'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toBe('shiplog: Unexpected --root /nonexistent/shiplog: expected an existing folder')
  }, cliTimeout(1))

  it('should report a bad configuration file with its name and key', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-cli-'))
    writeFileSync(join(root, 'shiplog.config.json'), '{ "releases": "../elsewhere" }')
    const result = runCli(['--root', root, 'status'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('shiplog.config.json: `releases`: expected a folder inside the project')
  }, cliTimeout(1))

  it('should load a TypeScript configuration written with defineConfig', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-cli-'))
    mkdirSync(join(root, 'records'))
    writeFileSync(join(root, 'records/1.0.0.md'), '---\nversion: "1.0.0"\nstatus: planned\n---\n## Stage\n\n- [x] one\n- [ ] two\n')
    writeFileSync(
      join(root, 'shiplog.config.ts'),
      `import { defineConfig } from ${JSON.stringify(join(REPO_ROOT, 'src/index.ts'))}\nconst releases: string = 'records'\nexport default defineConfig({ releases })\n`,
    )
    const result = runCli(['--root', root, 'status', '--json'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect((JSON.parse(result.stdout) as Array<{ file: string; done: number; total: number }>).map((r) => [r.file, r.done, r.total])).toEqual([['records/1.0.0.md', 1, 2]])
  }, cliTimeout(1))
})
