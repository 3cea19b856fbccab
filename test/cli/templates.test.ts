import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { junitErrors } from '../check/validators.ts'
import { cliTimeout, REPO_ROOT, runCli } from '../helpers/runCli.ts'

const HOTFIX = join(REPO_ROOT, 'test/fixtures/templates/team/templates/hotfix.md')

/** A project whose templates/ holds the given files. */
function project(templates: { [file: string]: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-templates-'))
  mkdirSync(join(root, 'templates'))
  for (const [file, text] of Object.entries(templates)) writeFileSync(join(root, 'templates', file), text)
  return root
}

/**
 * A project template with two problems: the label on line 13 (`**After**:`) has no rule, and the
 * `{{#if urgent}}` on line 17 is never closed. It has no frontmatter either (line 7).
 */
const BROKEN = [
  '{{!--', //                                                            1
  'shiplog:', //                                                         2
  '  description: Broken on purpose', //                                3
  '  groups:', //                                                        4
  '    - { stage: Ship, group: Before, role: task, gate: approved }', // 5
  '--~}}', //                                                            6
  '## Ship', //                                                          7
  '', //                                                                 8
  '**Before**:', //                                                      9
  '', //                                                                10
  '- [ ] Tests pass', //                                                11
  '', //                                                                12
  '**After**:', //                                                      13
  '', //                                                                14
  '- [ ] Deployed', //                                                  15
  '', //                                                                16
  '{{#if urgent}}', //                                                  17
  '- [ ] Paged', //                                                     18
  '',
].join('\n')

describe('shiplog templates', () => {
  it('should list bundled and project templates, with overrides and the default', () => {
    const root = project({ 'deployment.md': BROKEN })
    copyFileSync(HOTFIX, join(root, 'templates/hotfix.md'))
    const result = runCli(['--root', root, 'templates'])
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines.map((line) => line.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['deployment (default)', 'project, overrides bundled'],
      ['hotfix', 'project'],
      ['itil', 'bundled'],
      ['product-release', 'bundled'],
      ['stage-gate', 'bundled'],
      [''],
      ['Project templates:'],
      ['', 'deployment: templates/deployment.md'],
      ['', 'hotfix: templates/hotfix.md'],
      [''],
    ])
    expect(lines[1]).toContain('Same-day hotfix of one service, with a reviewer and a follow-up.')

    const json = JSON.parse(runCli(['--root', root, 'templates', '--json']).stdout) as Array<{ name: string; source: string; overrides: boolean; default: boolean; file: string }>
    expect(json.map(({ name, source, overrides, default: isDefault, file }) => [name, source, overrides, isDefault, file])).toEqual([
      ['deployment', 'project', true, true, 'templates/deployment.md'],
      ['hotfix', 'project', false, false, 'templates/hotfix.md'],
      ['itil', 'bundled', false, false, '(bundled) templates/itil.md'],
      ['product-release', 'bundled', false, false, '(bundled) templates/product-release.md'],
      ['stage-gate', 'bundled', false, false, '(bundled) templates/stage-gate.md'],
    ])
  }, cliTimeout(2))
})

describe('shiplog new --template itil', () => {
  const values = ['--set', 'release_name=CRM portal', '--set', 'component=crm', '--set', 'release_type=major', '--set', 'scheduled_date=2026-04-28T22:00:00+02:00', '--set', 'owner=CRM team', '--set', 'change_request=CHG0041250']

  it('should include Training for high impact and high urgency, and leave it out otherwise', () => {
    const root = project({})
    const high = runCli(['--root', root, 'new', '4.2.0', '--template', 'itil', '--no-input', '--dry-run', ...values, '--set', 'impact=high', '--set', 'urgency=high'])
    expect(high.code).toBe(0)
    expect(high.stdout).toContain('\n## Training\n')
    expect(high.stdout).toContain('\nimpact: "high"\nurgency: "high"\n')
    const low = runCli(['--root', root, 'new', '4.2.0', '--template', 'itil', '--no-input', '--dry-run', ...values, '--set', 'impact=high', '--set', 'urgency=low'])
    expect(low.code).toBe(0)
    expect(low.stdout).not.toContain('## Training')
    expect(low.stdout).toContain('\n## Back Out\n')
  }, cliTimeout(2))
})

describe('shiplog check --templates', () => {
  it("should report a broken project template's problems at file:line:col with exit 1, never a stack trace", async () => {
    const root = project({ 'broken.md': BROKEN })
    copyFileSync(HOTFIX, join(root, 'templates/hotfix.md'))
    const text = runCli(['--root', root, 'check', '--templates'])
    expect(text.code).toBe(1)
    expect(text.stderr).toBe('')
    expect(text.stdout).toMatch(/^templates\/broken\.md:7:1 +warning +Unexpected template without frontmatter/m)
    expect(text.stdout).toMatch(/^templates\/broken\.md:13:1 +error +Unexpected checklist `After` in stage `Ship` without a rule.* template-group$/m)
    expect(text.stdout).toMatch(/^templates\/broken\.md:17:1 +error +Unexpected end of template, expected `\{\{\/if\}\}` to close `\{\{#if\}\}` +template-syntax$/m)
    expect(text.stdout.trim().split('\n').at(-1)).toBe('2 files checked: 2 errors, 1 warning')

    const json = runCli(['--root', root, 'check', '--templates', '--format', 'json'])
    expect(json.code).toBe(1)
    const report = JSON.parse(json.stdout) as { files: number; errors: number; warnings: number; diagnostics: Array<{ file: string; line: number; column: number; rule: string; severity: string }> }
    expect([report.files, report.errors, report.warnings]).toEqual([2, 2, 1])
    expect(report.diagnostics.map((d) => [d.file, d.line, d.column, d.rule, d.severity])).toEqual([
      ['templates/broken.md', 7, 1, 'template-frontmatter', 'warning'],
      ['templates/broken.md', 13, 1, 'template-group', 'error'],
      ['templates/broken.md', 17, 1, 'template-syntax', 'error'],
    ])

    const github = runCli(['--root', root, 'check', '--templates', '--format', 'github'])
    expect(github.stdout).toMatch(/^::error file=templates\/broken\.md,line=17,col=1,title=template-syntax::/m)
    const junit = runCli(['--root', root, 'check', '--templates', '--format', 'junit'])
    // One suite per template; the broken one's three rule ids are its test cases, two of them failing.
    expect(junit.stdout).toMatch(/<testsuites name="shiplog check" tests="3" failures="2" errors="0" time="\d+\.\d{3}">/)
    expect(junit.stdout).toMatch(/<testsuite name="templates\/broken\.md" tests="3" failures="2" errors="0" skipped="0" time="\d+\.\d{3}" file="templates\/broken\.md">/)
    expect(junit.stdout).toMatch(/<testsuite name="templates\/hotfix\.md" tests="0" failures="0" errors="0" skipped="0" time="\d+\.\d{3}" file="templates\/hotfix\.md"\/>/)
    expect(await junitErrors(junit.stdout)).toEqual([])
  }, cliTimeout(4))

  it('should pass clean templates, and fail warnings with --max-warnings 0', () => {
    const root = project({})
    copyFileSync(HOTFIX, join(root, 'templates/hotfix.md'))
    const clean = runCli(['--root', root, 'check', '--templates'])
    expect([clean.code, clean.stdout]).toEqual([0, '1 file checked, no problems\n'])
    // a variable nobody declared is a warning: exit 0, unless warnings are capped
    writeFileSync(join(root, 'templates/hotfix.md'), `${readFileSync(HOTFIX, 'utf8')}\nPager: {{pager}}\n`)
    expect(runCli(['--root', root, 'check', '--templates']).code).toBe(0)
    const capped = runCli(['--root', root, 'check', '--templates', '--max-warnings', '0'])
    expect(capped.code).toBe(1)
    expect(capped.stdout).toContain('1 file checked: 0 errors, 1 warning')
    copyFileSync(HOTFIX, join(root, 'templates/hotfix.md'))
    // the same template saved under another name: its `template: hotfix` names another template (an error) …
    copyFileSync(HOTFIX, join(root, 'templates/quickfix.md'))
    const renamed = runCli(['--root', root, 'check', '--templates', '--format', 'json', 'templates/quickfix.md'], { cwd: root })
    const report = JSON.parse(renamed.stdout) as { errors: number; warnings: number; diagnostics: Array<{ line: number; rule: string }> }
    // … at line 24, and its manifest `name: hotfix` (line 3) differs from the file name (a warning)
    expect(report.diagnostics.map((d) => [d.line, d.rule])).toEqual([[3, 'template-name'], [24, 'template-name']])
    expect(renamed.code).toBe(1)
  }, cliTimeout(4))

  it('should report a template file that cannot be read as a usage error', () => {
    const root = project({})
    const result = runCli(['--root', root, 'check', '--templates', 'templates/missing.md'], { cwd: root })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('shiplog: templates/missing.md: Unexpected missing file, expected a template file\n')
  }, cliTimeout(1))
})
