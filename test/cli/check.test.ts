import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliTimeout, REPO_ROOT, runCli } from '../helpers/runCli.ts'
import { gitlabErrors, junitErrors, sarifErrors } from '../check/validators.ts'

/** A project holding a copy of the bundled (complete) example records. */
function bundledCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-check-'))
  cpSync(join(REPO_ROOT, 'releases'), join(root, 'releases'), { recursive: true })
  return root
}

/** notifications 1.9.0 is `approved`; lines 80 and 82 are Code & Testing items, gated at approved. */
function openTwoItems(root: string): void {
  const path = join(root, 'releases/notifications/1.9.0.md')
  const lines = readFileSync(path, 'utf8').split('\n')
  expect(lines[79]).toBe('- [x] Security scan completed (no critical issues)')
  expect(lines[81]).toBe('- [x] Integration tests completed')
  lines[79] = '- [ ] Security scan completed (no critical issues)'
  lines[81] = '- [ ] Integration tests completed'
  writeFileSync(path, lines.join('\n'))
}

describe('shiplog check', () => {
  it('should warn about an overdue action item of a closed record by the machine\'s date, and about a due date that is not a date', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-check-actions-'))
    const record = [
      '---',
      'status: closed',
      '---',
      '## Retrospective & Improvements',
      '',
      '### Action Items',
      '',
      '| Action | Owner | Due Date | Priority | Status |',
      '|---|---|---|---|---|',
      '| Add canary alerts | Ana Ruiz | 2000-01-01 | high | |',
      '| Automate the rollback | Bo Chen | 2999-12-31 | medium | |',
      '| Fix the dashboards | Bo Chen | soon | low | |',
      '',
    ].join('\n')
    mkdirSync(join(root, 'releases'))
    writeFileSync(join(root, 'releases/1.0.0.md'), record)
    const result = runCli(['--root', root, 'check', '--format', 'json'])
    const diagnostics = (JSON.parse(result.stdout) as { diagnostics: Array<{ line: number; column: number; rule: string; severity: string; message: string }> }).diagnostics
    // `| Fix the dashboards | Bo Chen | ` is 33 characters: `soon` starts in column 34.
    expect(diagnostics.filter((d) => d.rule === 'overdue-action-item').map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [10, 1, 'warning', expect.stringMatching(/^Unexpected open action item `Add canary alerts` of `Ana Ruiz` due 2000-01-01 in a `closed` record \(today is \d{4}-\d{2}-\d{2}\), expected/)],
      [12, 34, 'warning', 'Unexpected Due Date `soon` in Action Items, expected a date like `2026-03-04`'],
    ])
    rmSync(root, { recursive: true, force: true })
  }, cliTimeout(1))
  it('should pass the bundled example records', () => {
    // The repository's own records, read without writing its cache (.shiplog/cache).
    const result = runCli(['--root', REPO_ROOT, 'check', '--no-cache'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  }, cliTimeout(1))

  it('should fail an incomplete approved record at its open items, and pass once it is removed', () => {
    const root = bundledCopy()
    openTwoItems(root)
    const failing = runCli(['--root', root, 'check', '--format', 'json'])
    expect(failing.code).toBe(1)
    const report = JSON.parse(failing.stdout) as { files: number; errors: number; diagnostics: Array<{ file: string; line: number; column: number; rule: string; severity: string }> }
    expect(report.files).toBe(22)
    expect(report.errors).toBe(2)
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.line, d.column, d.rule])).toEqual([
      ['releases/notifications/1.9.0.md', 80, 1, 'status-gate'],
      ['releases/notifications/1.9.0.md', 82, 1, 'status-gate'],
    ])
    rmSync(join(root, 'releases/notifications/1.9.0.md'))
    const passing = runCli(['--root', root, 'check'])
    expect(passing.code).toBe(0)
  }, cliTimeout(2))

  it('should print GitHub workflow commands', () => {
    const root = bundledCopy()
    openTwoItems(root)
    const result = runCli(['--root', root, 'check', '--format', 'github'])
    expect(result.code).toBe(1)
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error '))
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(/^::error file=releases\/notifications\/1\.9\.0\.md,line=80,col=1,title=status-gate::/)
  }, cliTimeout(1))

  it('should print JUnit valid against junit-10.xsd, one suite per record and one test case per rule and record', async () => {
    const root = bundledCopy()
    openTwoItems(root)
    const result = runCli(['--root', root, 'check', '--format', 'junit'])
    expect(result.code).toBe(1)
    expect(await junitErrors(result.stdout)).toEqual([])
    // 22 records × 16 check rules; the two open items are status-gate errors of one record.
    expect(result.stdout.match(/<testsuite /g)).toHaveLength(22)
    expect(result.stdout.match(/<testcase /g)).toHaveLength(22 * 16)
    expect(result.stdout.match(/<failure /g)).toHaveLength(1)
    expect(result.stdout).toContain('<testcase name="status-gate" classname="releases/notifications/1.9.0.md" time="')
    expect(result.stdout).toMatch(/<testsuites name="shiplog check" tests="352" failures="1" errors="0" time="\d+\.\d{3}">/)
    expect(result.stdout).toMatch(/>releases\/notifications\/1\.9\.0\.md:80:1 {2}Unexpected open item/)
  }, cliTimeout(1))

  it('should print SARIF and GitLab Code Quality reports valid against their schemas', () => {
    const root = bundledCopy()
    openTwoItems(root)
    const sarif = runCli(['--root', root, 'check', '--format', 'sarif'])
    expect(sarif.code).toBe(1)
    const log = JSON.parse(sarif.stdout) as { runs: Array<{ tool: { driver: { version: string } }; results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> }
    expect(sarifErrors(log)).toEqual([])
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(log.runs[0]?.tool.driver.version).toBe(pkg.version)
    const errors = log.runs[0]!.results.filter((r) => r.level === 'error')
    expect(errors.map((r) => [r.ruleId, r.locations[0]?.physicalLocation.artifactLocation.uri, r.locations[0]?.physicalLocation.region.startLine])).toEqual([
      ['status-gate', 'releases/notifications/1.9.0.md', 80],
      ['status-gate', 'releases/notifications/1.9.0.md', 82],
    ])

    const gitlab = runCli(['--root', root, 'check', '--format', 'gitlab'])
    expect(gitlab.code).toBe(1)
    const issues = JSON.parse(gitlab.stdout) as Array<{ check_name: string; severity: string; location: { path: string; lines: { begin: number } } }>
    expect(gitlabErrors(issues)).toEqual([])
    expect(issues.filter((i) => i.severity === 'major').map((i) => [i.check_name, i.location.path, i.location.lines.begin])).toEqual([
      ['status-gate', 'releases/notifications/1.9.0.md', 80],
      ['status-gate', 'releases/notifications/1.9.0.md', 82],
    ])
  }, cliTimeout(2))

  it('should append a job summary to GITHUB_STEP_SUMMARY whatever the format, listing every error', () => {
    const root = bundledCopy()
    openTwoItems(root)
    const summary = join(mkdtempSync(join(tmpdir(), 'shiplog-summary-')), 'summary.md')
    writeFileSync(summary, '# An earlier step\n\n')
    const json = runCli(['--root', root, 'check', '--format', 'json'], { env: { GITHUB_STEP_SUMMARY: summary } })
    expect(json.code).toBe(1)
    expect(json.stderr).toBe('')
    expect(JSON.parse(json.stdout)).toMatchObject({ files: 22, errors: 2 })
    const once = readFileSync(summary, 'utf8')
    expect(once.startsWith('# An earlier step\n\n## shiplog check\n\n22 files checked: 2 errors, ')).toBe(true)
    // One row per record checked, the failing one with its status and 2 errors.
    expect(once.match(/^\| releases\/[^|]+\.md \|/gm)).toHaveLength(22)
    expect(once).toMatch(/^\| releases\/notifications\/1\.9\.0\.md \| approved \| \d+% \(\d+\/\d+\) \| 2 \| 0 \|$/m)
    expect(once).toContain('### Errors (2)')
    expect(once).toContain('| releases/notifications/1.9.0.md:80:1 | status-gate | Unexpected open item')
    expect(once).toContain('| releases/notifications/1.9.0.md:82:1 | status-gate | Unexpected open item')

    const text = runCli(['--root', root, 'check'], { env: { GITHUB_STEP_SUMMARY: summary } })
    expect(text.code).toBe(1)
    const twice = readFileSync(summary, 'utf8')
    expect(twice.startsWith(once)).toBe(true)
    expect(twice.match(/^## shiplog check$/gm)).toHaveLength(2)
  }, cliTimeout(2))

  it('should warn, and keep its output and exit code, when the job summary cannot be written', () => {
    const root = bundledCopy()
    // A folder is not a file that can be appended to (EISDIR).
    const folder = mkdtempSync(join(tmpdir(), 'shiplog-summary-'))
    const clean = runCli(['--root', root, 'check', '--format', 'json'], { env: { GITHUB_STEP_SUMMARY: folder } })
    expect(clean.code).toBe(0)
    expect(JSON.parse(clean.stdout)).toMatchObject({ files: 22, errors: 0 })
    expect(clean.stderr).toBe(`shiplog: warning: could not append the job summary to ${folder} (EISDIR); the check's result is unchanged\n`)
    openTwoItems(root)
    const failing = runCli(['--root', root, 'check', '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: folder } })
    expect(failing.code).toBe(1)
    expect(failing.stdout.match(/^::error /gm)).toHaveLength(2)
    expect(failing.stderr).toContain('could not append the job summary')
  }, cliTimeout(2))

  it('should list every format in --help', () => {
    const help = runCli(['check', '--help'])
    expect(help.code).toBe(0)
    const option = help.stdout.slice(help.stdout.indexOf('--format <format>'), help.stdout.indexOf('--changed')).replace(/\s+/g, ' ')
    for (const format of ['text', 'json', 'github', 'junit', 'sarif', 'gitlab']) expect(option).toMatch(new RegExp(`\\b${format}\\b`))
    expect(option).toContain('GITHUB_STEP_SUMMARY')
  }, cliTimeout(1))

  it('should write no job summary when GITHUB_STEP_SUMMARY is unset or empty', () => {
    const root = bundledCopy()
    const result = runCli(['--root', root, 'check'], { env: { GITHUB_STEP_SUMMARY: '' } })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
  }, cliTimeout(1))

  it('should only check records changed since a git ref', () => {
    const root = bundledCopy()
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' })
    git('init', '-q', '-b', 'main')
    git('add', '.')
    git('commit', '-qm', 'records')
    openTwoItems(root)
    writeFileSync(join(root, 'releases/payments-api/2.6.0.md'), readFileSync(join(root, 'releases/payments-api/2.6.0.md'), 'utf8'))
    const result = runCli(['--root', root, 'check', '--format', 'json', '--changed', 'HEAD'])
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as { files: number; errors: number }
    expect(report).toMatchObject({ files: 1, errors: 2 })
  }, cliTimeout(1))

  it('should say clearly when the ref or the repository is missing', () => {
    const root = bundledCopy()
    const result = runCli(['--root', root, 'check', '--changed', 'origin/main'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--changed origin\/main: .*not a git repository/i)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  }, cliTimeout(1))

  it('should fail on more warnings than --max-warnings and reject a bad format', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-check-'))
    cpSync(join(REPO_ROOT, 'releases/payments-api/2.3.0.md'), join(root, 'releases/2.3.0.md'))
    const path = join(root, 'releases/2.3.0.md')
    writeFileSync(path, readFileSync(path, 'utf8').replace('version: "2.3.0"', 'version: 2.3'))
    expect(runCli(['--root', root, 'check']).code).toBe(0)
    expect(runCli(['--root', root, 'check', '--max-warnings', '0']).code).toBe(1)
    const bad = runCli(['--root', root, 'check', '--format', 'xml'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('expected one of text, json, github, junit, sarif, gitlab')
  }, cliTimeout(3))
})

describe('shiplog check with a broken project template', () => {
  it('should fail the records that use it, naming the template file and line', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-check-'))
    cpSync(join(REPO_ROOT, 'releases/payments-api/2.3.0.md'), join(root, 'releases/2.3.0.md'))
    cpSync(join(REPO_ROOT, 'templates/deployment.md'), join(root, 'templates/deployment.md'))
    // Line 3 of the manifest opens a flow sequence that never closes.
    writeFileSync(join(root, 'templates/deployment.md'), '{{!--\nshiplog:\n  groups: [\n--}}\n---\ntemplate: deployment\n---\n')
    const result = runCli(['--root', root, 'check', '--format', 'json'])
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as { diagnostics: Array<{ file: string; line: number; rule: string; severity: string; message: string }> }
    const broken = report.diagnostics.filter((d) => d.rule === 'template-unreadable')
    expect(broken).toHaveLength(1)
    expect(broken[0]).toMatchObject({ file: 'releases/2.3.0.md', line: 2, severity: 'error' })
    expect(broken[0]?.message).toMatch(/templates\/deployment\.md:\d+:\d+/)
  }, cliTimeout(1))
})
