import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cliTimeout, REPO_ROOT, runCli } from '../helpers/runCli.ts'

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh temp folder (its real path: macOS and some CI put tmpdir behind a link). */
function tempDir(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'shiplog-root-')))
  temps.push(dir)
  return dir
}

/**
 * A project whose config keeps records in `records/`, holding a copy of the bundled (complete)
 * payments-api 2.4.0 record and a `docs/notes` folder to run commands from.
 */
function project(): string {
  const root = tempDir()
  writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify({ releases: 'records' }))
  mkdirSync(join(root, 'records'))
  cpSync(join(REPO_ROOT, 'releases/payments-api/2.4.0.md'), join(root, 'records/2.4.0.md'))
  mkdirSync(join(root, 'docs/notes'), { recursive: true })
  return root
}

interface Report {
  files: number
  errors: number
  diagnostics: Array<{ file: string; rule: string }>
}

describe('the project root (walking up to the nearest shiplog config)', () => {
  it('should check the project of the nearest config up the tree when run from a subfolder without --root', () => {
    const root = project()
    const result = runCli(['check', '--format', 'json'], { cwd: join(root, 'docs/notes') })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as Report
    expect(report.files).toBe(1)
    expect(report.errors).toBe(0)
  }, cliTimeout(1))

  it('should read relative file arguments from the current folder, and report them relative to the root', () => {
    const root = project()
    writeFileSync(join(root, 'records/2.4.1.md'), '---\nversion: "2.4.1"\n---\n')
    const result = runCli(['check', '--format', 'json', '2.4.1.md'], { cwd: join(root, 'records') })
    const report = JSON.parse(result.stdout) as Report
    expect(report.files).toBe(1)
    expect(new Set(report.diagnostics.map((d) => d.file))).toEqual(new Set(['records/2.4.1.md']))
    expect(result.code).toBe(1)
  }, cliTimeout(1))

  it('should find the project root for status from a subfolder too', () => {
    const root = project()
    const result = runCli(['status', '--json'], { cwd: join(root, 'docs/notes') })
    expect(result.code).toBe(0)
    expect((JSON.parse(result.stdout) as Array<{ file: string }>).map((r) => r.file)).toEqual(['records/2.4.0.md'])
  }, cliTimeout(1))

  it('should write a new record into the project found up the tree', () => {
    const root = project()
    const result = runCli(['new', '2.5.0', '--no-input', '--set', 'component=payments-api'], { cwd: join(root, 'docs/notes') })
    expect(result.code).toBe(0)
    expect(existsSync(join(root, 'records/2.5.0.md'))).toBe(true)
    expect(readdirSync(join(root, 'docs/notes'))).toEqual([])
  }, cliTimeout(1))

  it('should set up the current folder with init, not the project found up the tree', () => {
    const root = project()
    const here = join(root, 'docs/notes')
    const result = runCli(['init'], { cwd: here })
    expect(result.code).toBe(0)
    expect(existsSync(join(here, 'shiplog.config.json'))).toBe(true)
    expect(existsSync(join(here, 'releases'))).toBe(true)
    expect(readdirSync(join(root, 'records'))).toEqual(['2.4.0.md'])
  }, cliTimeout(1))

  it('should use --root as given, without walking up', () => {
    const root = project()
    const result = runCli(['--root', join(root, 'docs/notes'), 'check', '--allow-empty'], { cwd: root })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('0 files checked, no problems\n')
  }, cliTimeout(1))
})

describe('shiplog check with no records', () => {
  it('should fail, exit 2, naming the root, the releases folder and the config, when there is no config and no releases folder', () => {
    const dir = tempDir()
    const result = runCli(['check'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      `shiplog: Unexpected project without records: no record files under ${join(dir, 'releases')} (the folder is missing; project root ${dir}, no shiplog.config.* in it or any folder above, defaults used), expected at least one record: run shiplog from the project, pass --root, or pass --allow-empty when no records is expected\n`,
    )
  }, cliTimeout(1))

  it('should fail, exit 2, when the configured releases folder is empty, naming the config file', () => {
    const root = project()
    rmSync(join(root, 'records/2.4.0.md'))
    writeFileSync(join(root, 'records/README.md'), '# Records\n')
    const result = runCli(['check', '--format', 'json'], { cwd: join(root, 'docs') })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      `shiplog: Unexpected project without records: no record files under ${join(root, 'records')} (the folder has none; project root ${root}, config ${join(root, 'shiplog.config.json')}), expected at least one record: run shiplog from the project, pass --root, or pass --allow-empty when no records is expected\n`,
    )
  }, cliTimeout(1))

  it('should pass with --allow-empty', () => {
    const dir = tempDir()
    const result = runCli(['check', '--allow-empty'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('0 files checked, no problems\n')
    const json = runCli(['check', '--allow-empty', '--format', 'json'], { cwd: dir })
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual({ files: 0, errors: 0, warnings: 0, diagnostics: [] })
  }, cliTimeout(2))

  it('should pass when --changed selects none of the existing records', () => {
    const root = project()
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' })
    git('init', '-q', '-b', 'main')
    git('add', '.')
    git('commit', '-qm', 'records')
    const result = runCli(['check', '--changed', 'HEAD'], { cwd: root })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('0 files checked, no problems\n')
  }, cliTimeout(1))

  it('should list the flag in its help', () => {
    const result = runCli(['check', '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/--allow-empty\s+pass when there are no records/)
  }, cliTimeout(1))
})
